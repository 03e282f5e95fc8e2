package org.tcyledger.membership.member;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tcyledger.contracts.membership.MembershipEvent.SealedPersonalData;

/**
 * Personal data is sealed before it is stored (domain.md §1): a representative's name and email, a contact point's
 * phone and email go into an event only as ciphertext under the person's own key ({@link PersonKeys}), so that
 * destroying the key erases them from the event store, the topic and every read model at once.
 */
public final class PersonalData {

    /** What an auditor reads in place of a name, an email or a phone: they verify, they do not read names. */
    public static final String SEALED = "[sealed]";
    /** What everyone reads once the person's key was destroyed ({@link Erasure}). */
    public static final String ERASED = "[erased]";

    private PersonalData() {
    }

    /** A person's fields as the secretariat reads them: opened, or "[erased]" in each once the key was destroyed. */
    public static Map<String, String> opened(String personId, String ciphertext, PersonKeys keys) {
        return keys.open(personId, ciphertext).orElseGet(() -> each(ERASED));
    }

    /** A person's fields as an auditor reads them: "[sealed]" in each while the key exists, "[erased]" after. */
    public static Map<String, String> sealed(String personId, PersonKeys keys) {
        return each(keys.holderOf(personId).isPresent() ? SEALED : ERASED);
    }

    private static Map<String, String> each(String value) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : List.of("name", "email", "phone")) {
            fields.put(field, value);
        }
        return fields;
    }

    static SealedPersonalData ofRepresentative(String memberId, String representativeId, String name, String email,
                                               PersonKeys keys) {
        return keys.seal(memberId, representativeId, fields("name", name, "email", email));
    }

    static SealedPersonalData ofContactPoint(String memberId, String personId, String phone, String email,
                                             PersonKeys keys) {
        return keys.seal(memberId, personId, fields("phone", phone, "email", email));
    }

    /** A person named for a unit of the 24/7 network: the unit's contact details are the institution's, in clear. */
    static SealedPersonalData ofNetworkPerson(String memberId, String personId, String name, PersonKeys keys) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        return keys.seal(memberId, personId, fields);
    }

    private static Map<String, String> fields(String first, String firstValue, String second, String secondValue) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(first, firstValue);
        fields.put(second, secondValue);
        return fields;
    }
}
