package org.tcyledger.membership.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.tcyledger.contracts.membership.MembershipEvent.SealedPersonalData;
import org.tcyledger.eventsourcing.personal.PersonalDataVault;
import org.tcyledger.membership.member.PersonKeys;

/** People's keys in the vault ({@code person_key}), keyed by the person's id and owned by the member. */
@ApplicationScoped
public class VaultPersonKeys implements PersonKeys {

    @Inject
    PersonalDataVault vault;

    @Override
    public SealedPersonalData seal(String memberId, String personId, Map<String, String> fields) {
        return new SealedPersonalData(personId, vault.seal(memberId, personId, fields));
    }

    @Override
    public Optional<Map<String, String>> open(String personId, String ciphertext) {
        return vault.open(personId, ciphertext);
    }

    @Override
    public void destroy(String personId) {
        vault.erase(personId);
    }

    @Override
    public Optional<String> holderOf(String personId) {
        return vault.ownerOf(personId);
    }
}
