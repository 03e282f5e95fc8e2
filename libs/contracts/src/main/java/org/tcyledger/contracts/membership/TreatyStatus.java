package org.tcyledger.contracts.membership;

import java.time.LocalDate;

/**
 * A member's status under one treaty on a legal date, from the dates of its steps. Membership and every read
 * model compute it with this one function, so that their registers cannot disagree.
 */
public enum TreatyStatus {
    PARTY, DENOUNCED, RATIFIED, SIGNATORY, INVITED, NONE;

    /** The dated steps of one member under one treaty; any of them may be null. */
    public record Steps(LocalDate invitedOn, LocalDate signedOn, LocalDate depositedOn, LocalDate entryIntoForceOn,
                        LocalDate denunciationEffectiveOn) {
        public static final Steps NONE = new Steps(null, null, null, null, null);

        public Steps withInvitation(LocalDate on) {
            return new Steps(on, signedOn, depositedOn, entryIntoForceOn, denunciationEffectiveOn);
        }

        public Steps withSignature(LocalDate on) {
            return new Steps(invitedOn, on, depositedOn, entryIntoForceOn, denunciationEffectiveOn);
        }

        public Steps withDeposit(LocalDate on, LocalDate inForceOn) {
            return new Steps(invitedOn, signedOn, on, inForceOn, denunciationEffectiveOn);
        }

        public Steps withDenunciation(LocalDate effectiveOn) {
            return new Steps(invitedOn, signedOn, depositedOn, entryIntoForceOn, effectiveOn);
        }
    }

    public static TreatyStatus on(LocalDate date, Steps steps) {
        if (steps.denunciationEffectiveOn() != null && !date.isBefore(steps.denunciationEffectiveOn())) {
            return DENOUNCED;
        }
        if (steps.entryIntoForceOn() != null && !date.isBefore(steps.entryIntoForceOn())) {
            return PARTY;
        }
        if (onOrBefore(steps.depositedOn(), date)) {
            return RATIFIED;
        }
        if (onOrBefore(steps.signedOn(), date)) {
            return SIGNATORY;
        }
        if (onOrBefore(steps.invitedOn(), date) && date.isBefore(invitationLapsesOn(steps.invitedOn()))) {
            return INVITED;
        }
        return NONE;
    }

    /** How long an invitation to accede to ETS185 stays valid (Committee of Ministers practice). */
    public static final int INVITATION_VALID_YEARS = 5;

    /**
     * The first day on which an invitation made on {@code invitedOn} is no longer valid: five years on. An invitation
     * of 2010-03-01 is valid on 2015-02-28, its last day, and has lapsed on 2015-03-01.
     */
    public static LocalDate invitationLapsesOn(LocalDate invitedOn) {
        return invitedOn.plusYears(INVITATION_VALID_YEARS);
    }

    private static boolean onOrBefore(LocalDate step, LocalDate date) {
        return step != null && !step.isAfter(date);
    }
}
