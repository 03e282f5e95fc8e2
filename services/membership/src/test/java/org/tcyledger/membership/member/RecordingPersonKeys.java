package org.tcyledger.membership.member;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tcyledger.contracts.membership.MembershipEvent.SealedPersonalData;

/**
 * A stand-in for the vault in fixture tests: seals into a recognisable ciphertext of who it was for, and records what
 * it was asked to seal ({@code person: fields}) and which keys it destroyed, so that a test can say whether, and
 * what, the aggregate sealed or erased.
 */
final class RecordingPersonKeys implements PersonKeys {

    final List<String> sealed = new ArrayList<>();
    final List<String> destroyed = new ArrayList<>();

    static String ciphertext(String memberId, String personId) {
        return "sealed-by-" + memberId + "-for-" + personId;
    }

    @Override
    public SealedPersonalData seal(String memberId, String personId, Map<String, String> fields) {
        sealed.add(personId + ": " + fields);
        return new SealedPersonalData(personId, ciphertext(memberId, personId));
    }

    @Override
    public Optional<Map<String, String>> open(String personId, String ciphertext) {
        return Optional.empty();
    }

    @Override
    public void destroy(String personId) {
        destroyed.add(personId);
    }

    @Override
    public Optional<String> holderOf(String personId) {
        return Optional.empty();
    }
}
