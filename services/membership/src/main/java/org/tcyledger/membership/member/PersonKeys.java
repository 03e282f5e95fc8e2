package org.tcyledger.membership.member;

import java.util.Map;
import java.util.Optional;
import org.tcyledger.contracts.membership.MembershipEvent.SealedPersonalData;

/**
 * A key per person, held only by membership: the Member's handlers seal a person's names, emails and phones with it
 * before an event stores them ({@link PersonalData}), and {@link Erasure} destroys it, which makes every copy of the
 * sealed data unreadable. Handlers of the Member aggregate receive it from Axon; what happens to the key is theirs
 * to decide, this port only does it, in the command's transaction.
 */
public interface PersonKeys {

    /** Seals {@code fields} of {@code personId}, making the person's key if there is none yet. */
    SealedPersonalData seal(String memberId, String personId, Map<String, String> fields);

    /** The person's fields, or empty once the key was destroyed. */
    Optional<Map<String, String>> open(String personId, String ciphertext);

    /** Destroys the person's key. */
    void destroy(String personId);

    /** The member that holds the person's data, while the key exists: where an erasure is addressed. */
    Optional<String> holderOf(String personId);
}
