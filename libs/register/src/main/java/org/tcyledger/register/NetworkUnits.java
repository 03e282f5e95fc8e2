package org.tcyledger.register;

import java.time.LocalDate;
import org.tcyledger.contracts.membership.MembershipEvent.ContactPointAdded;
import org.tcyledger.contracts.membership.MembershipEvent.ContactPointDesignated;
import org.tcyledger.contracts.membership.MembershipEvent.ContactPointWithdrawn;
import org.tcyledger.eventsourcing.consumer.Writes;

/**
 * The replica's writes for the units of the 24/7 network (Article 35). A designated contact point is the unit whose id
 * is its person's id, with that person's phone and email opened; a further unit is an institution in clear with an
 * optional named person, opened. A unit is in force from its designation until the member withdraws it or designates
 * a contact point, which replaces every other unit from its date.
 */
final class NetworkUnits {

    static final String ERASED = "[erased]";

    private NetworkUnits() {
    }

    /** {@code phone} and {@code email}: as opened (or "[erased]", or null when they cannot be opened here). */
    static void designated(Writes writes, ContactPointDesignated designated, boolean erased, String phone, String email) {
        LocalDate from = designated.designatedOn();
        if (from == null) {
            // a designation recorded before it had a date replaces the others from ever
            writes.update("DELETE FROM register_network_unit WHERE member_id = ? AND unit_id <> ?",
                    designated.memberId(), designated.personId());
        } else {
            writes.update("UPDATE register_network_unit SET ended_on = ? WHERE member_id = ? AND unit_id <> ? "
                          + "AND (ended_on IS NULL OR ended_on > ?)",
                    from, designated.memberId(), designated.personId(), from);
        }
        writes.update("INSERT INTO register_network_unit (member_id, unit_id, designated, institution, person_id, sealed, "
                      + "erased, person_phone, person_email, designated_on) VALUES (?, ?, true, ?, ?, ?, ?, ?, ?, ?) "
                      + "ON CONFLICT (member_id, unit_id) DO UPDATE SET designated = true, "
                      + "institution = excluded.institution, phone = NULL, email = NULL, hours = NULL, "
                      + "person_id = excluded.person_id, sealed = excluded.sealed, erased = excluded.erased, "
                      + "person_name = NULL, person_phone = excluded.person_phone, person_email = excluded.person_email, "
                      + "designated_on = excluded.designated_on, ended_on = NULL",
                designated.memberId(), designated.personId(), designated.unit(), designated.personId(),
                erased ? null : designated.personalData().ciphertext(), erased, phone, email, from);
    }

    /** {@code name}: the unit's named person as opened (or "[erased]", or null); all null when it names nobody. */
    static void added(Writes writes, ContactPointAdded added, boolean erased, String name) {
        String personId = added.person() == null ? null : added.person().personId();
        String sealed = added.person() == null || erased ? null : added.person().ciphertext();
        writes.update("INSERT INTO register_network_unit (member_id, unit_id, designated, institution, phone, email, hours, "
                      + "person_id, sealed, erased, person_name, designated_on) "
                      + "VALUES (?, ?, false, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                      + "ON CONFLICT (member_id, unit_id) DO UPDATE SET designated = false, "
                      + "institution = excluded.institution, phone = excluded.phone, email = excluded.email, "
                      + "hours = excluded.hours, person_id = excluded.person_id, sealed = excluded.sealed, "
                      + "erased = excluded.erased, person_name = excluded.person_name, person_phone = NULL, "
                      + "person_email = NULL, designated_on = excluded.designated_on, ended_on = NULL",
                added.memberId(), added.unitId(), added.institution(), added.phone(), added.email(), added.hours(),
                personId, sealed, erased, name, added.designatedOn());
    }

    /** The unit ends on {@code withdrawnOn}, unless a designation already ended it earlier. */
    static void withdrawn(Writes writes, ContactPointWithdrawn withdrawn) {
        writes.update("UPDATE register_network_unit SET ended_on = ? WHERE member_id = ? AND unit_id = ? "
                      + "AND (ended_on IS NULL OR ended_on > ?)",
                withdrawn.withdrawnOn(), withdrawn.memberId(), withdrawn.unitId(), withdrawn.withdrawnOn());
    }

    /** The person's key is gone: nothing of theirs stays readable in any unit. */
    static void erased(Writes writes, String personId) {
        writes.update("UPDATE register_network_unit SET sealed = NULL, erased = true, "
                      + "person_name = CASE WHEN designated THEN NULL ELSE ? END, "
                      + "person_phone = CASE WHEN designated THEN ? END, "
                      + "person_email = CASE WHEN designated THEN ? END WHERE person_id = ?",
                ERASED, ERASED, ERASED, personId);
    }
}
