package org.tcyledger.cloudevidence.consultation;

import org.tcyledger.contracts.cloudevidence.ConsultationEvent.ConsultationOpened;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent.SubmissionReceived;

/**
 * The Chatham House rule (domain.md §4): under it, a submission may be used but who made it is not revealed. The
 * stakeholder's kind and the stances stay in clear; the attribution is sealed with the consultation's own key
 * ({@link AttributionSeal}) before the event is stored, so that only the secretariat of cloud-evidence can open it.
 * A consultation opened without the rule stores the attribution in clear.
 */
public final class ChathamHouse {

    /** Who made a submission, as its event stores it: the stakeholder's id, or that id sealed. */
    public record Attribution(String value, boolean sealed) {
    }

    private ChathamHouse() {
    }

    /** The attribution of a submission by {@code stakeholderId} to {@code consultation}. */
    static Attribution attribute(ConsultationOpened consultation, String stakeholderId, AttributionSeal seal) {
        return consultation.chathamHouse()
                ? new Attribution(seal.seal(consultation.consultationId(), stakeholderId), true)
                : new Attribution(stakeholderId, false);
    }

    /** Who made the submission, for the secretariat alone: opened, or {@code "[erased]"} once the key is gone. */
    public static String whoMade(SubmissionReceived submission, AttributionSeal seal) {
        return submission.sealed()
                ? seal.open(submission.consultationId(), submission.attribution()).orElse(ERASED)
                : submission.attribution();
    }

    /** What a reader sees of personal data whose key was destroyed (the vault's word for it). */
    public static final String ERASED = "[erased]";
}
