package org.tcyledger.membership.member;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.tcyledger.contracts.membership.MembershipEvent.PersonalDataErased;
import org.tcyledger.eventsourcing.RuleViolation;
import org.tcyledger.membership.member.MemberCommands.ErasePersonalData;

/**
 * Erasure of a person's data (domain.md §1): the member must hold the person's data and not have erased it already;
 * the request names an office and a ground; the person's key is destroyed in the transaction that stores
 * {@code PersonalDataErased}, after which names, emails and phones read {@code "[erased]"} everywhere.
 *
 * <p>{@code PersonalDataErased} outlives the key it destroys and is read by auditors for good, so its
 * {@code requestedBy} and {@code reason} must not be personal data themselves: they name an office and a ground from
 * closed lists, never a person. (Sealing them with the person's key would make them unreadable the moment the key is
 * destroyed, and the record of the erasure would lose who asked and why.)
 */
final class Erasure {

    /** Who asked, as an office. */
    enum Requester {
        /** the person whose data it is */
        DATA_SUBJECT,
        /** the delegation or authority of the member that appointed or designated the person */
        MEMBER_DELEGATION,
        /** the T-CY secretariat, of its own motion */
        SECRETARIAT,
        /** the Council of Europe's data protection officer or commissioner */
        DATA_PROTECTION_OFFICER
    }

    /** Why, as a ground of erasure (Convention 108+, Art. 9). */
    enum Ground {
        DATA_SUBJECT_REQUEST,
        ROLE_ENDED,
        CONSENT_WITHDRAWN,
        NO_LONGER_NECESSARY,
        UNLAWFULLY_PROCESSED,
        LEGAL_OBLIGATION
    }

    private Erasure() {
    }

    /** The event that records the erasure; the person's key is destroyed with it (both commit or neither). */
    static PersonalDataErased erase(MemberState state, ErasePersonalData command, PersonKeys keys) {
        check(state, command);
        keys.destroy(command.personId());
        return new PersonalDataErased(state.id(), command.personId(), command.requestedBy(), command.reason());
    }

    static void check(MemberState state, ErasePersonalData command) {
        if (!state.knowsPerson(command.personId())) {
            throw new RuleViolation("unknown-person", state.name() + " has no person " + command.personId());
        }
        if (state.erasedPersons().contains(command.personId())) {
            throw new RuleViolation("personal-data-already-erased", "The data of " + command.personId()
                    + " is already erased");
        }
        if (!named(Requester.class, command.requestedBy())) {
            throw new RuleViolation("erasure-requested-by-an-office", "requestedBy names an office, never a person: "
                    + "one of " + list(Requester.class));
        }
        if (!named(Ground.class, command.reason())) {
            throw new RuleViolation("erasure-for-a-listed-ground", "reason names a ground, never a person: one of "
                    + list(Ground.class));
        }
    }

    private static <E extends Enum<E>> boolean named(Class<E> values, String value) {
        return Arrays.stream(values.getEnumConstants()).anyMatch(constant -> constant.name().equals(value));
    }

    private static <E extends Enum<E>> String list(Class<E> values) {
        return Arrays.stream(values.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
