package org.tcyledger.register;

import java.time.LocalDate;

/**
 * A member's consent to be bound by a treaty: its deposit or, for the protocols, its signature without reservation as
 * to ratification, which counts as the consent from its date (domain.md §1). {@code recordedEntryIntoForce} is the
 * date its event carried (null: derived from the treaty's own date, see
 * {@link org.tcyledger.contracts.membership.TreatyCalendar#entryIntoForce}).
 */
record Consent(LocalDate on, String instrument, LocalDate recordedEntryIntoForce) {

    /** The chart's instrument for a consent given by signature: nothing was deposited. */
    static final String SIGNATURE_WITHOUT_RESERVATION = "SIGNATURE_WITHOUT_RESERVATION";

    /** Null when the member has not consented (only signed, or nothing). */
    static Consent of(LocalDate depositedOn, String instrument, LocalDate depositEntryIntoForce, LocalDate signedOn,
                      boolean signedWithoutReservation, LocalDate signatureEntryIntoForce) {
        if (depositedOn != null) {
            return new Consent(depositedOn, instrument, depositEntryIntoForce);
        }
        if (signedWithoutReservation && signedOn != null) {
            return new Consent(signedOn, SIGNATURE_WITHOUT_RESERVATION, signatureEntryIntoForce);
        }
        return null;
    }
}
