package org.tcyledger.contracts.cloudevidence;

import java.time.LocalDate;
import java.util.List;
import org.tcyledger.contracts.AddedLater;
import org.tcyledger.contracts.WireType;

/**
 * Everything the cloud-evidence context publishes about a consultation of the Cloud Evidence Group on
 * {@code tcy.cloud-evidence.v1}. Under the Chatham House rule a submission carries the stakeholder's kind and the
 * stances in clear, and who made it only sealed with the consultation's key, which only cloud-evidence holds.
 */
public sealed interface ConsultationEvent {

    String consultationId();

    @WireType("tcy.cloud-evidence.ConsultationOpened.v1")
    record ConsultationOpened(String consultationId, String title, String question, List<Option> options,
                              LocalDate opensOn, LocalDate closesOn, boolean chathamHouse) implements ConsultationEvent {
        public ConsultationOpened {
            options = List.copyOf(options);
        }
    }

    /**
     * A stakeholder may be a named person (an academic, a member of civil society), so its name is stored only sealed:
     * {@code sealedName} is {@code {"name": …}} encrypted (AES-GCM) with the stakeholder's own key
     * ({@code stakeholder:<stakeholderId>}), which only cloud-evidence holds. {@code name} is null in every event
     * recorded since; events recorded before carry it in clear and no {@code sealedName} (they are hashed and stay as
     * they are: readers take either).
     */
    @WireType("tcy.cloud-evidence.StakeholderRegistered.v1")
    record StakeholderRegistered(String consultationId, String stakeholderId, String name, StakeholderKind kind,
                                 @AddedLater String sealedName) implements ConsultationEvent {

        public static StakeholderRegistered sealed(String consultationId, String stakeholderId, StakeholderKind kind,
                                                   String sealedName) {
            return new StakeholderRegistered(consultationId, stakeholderId, null, kind, sealedName);
        }
    }

    @WireType("tcy.cloud-evidence.HearingHeld.v1")
    record HearingHeld(String consultationId, LocalDate heldOn, String venue, List<String> participants)
            implements ConsultationEvent {
        public HearingHeld {
            participants = List.copyOf(participants);
        }
    }

    /**
     * {@code attribution}: the stakeholder's id in clear, or under Chatham House sealed (AES-GCM) with the
     * consultation's key; {@code sealed} says which.
     */
    @WireType("tcy.cloud-evidence.SubmissionReceived.v1")
    record SubmissionReceived(String consultationId, String submissionId, LocalDate receivedOn,
                              StakeholderKind stakeholderKind, List<Position> positions, String text,
                              String attribution, boolean sealed) implements ConsultationEvent {
        public SubmissionReceived {
            positions = List.copyOf(positions);
        }
    }

    @WireType("tcy.cloud-evidence.ConsultationClosed.v1")
    record ConsultationClosed(String consultationId, LocalDate closedOn) implements ConsultationEvent {
    }

    @WireType("tcy.cloud-evidence.RecommendationsIssued.v1")
    record RecommendationsIssued(String consultationId, List<String> recommendedOptions, String text)
            implements ConsultationEvent {
        public RecommendationsIssued {
            recommendedOptions = List.copyOf(recommendedOptions);
        }
    }

    /** Recorded because the plenary decided it (ENDORSE_CEG_RECOMMENDATIONS). */
    @WireType("tcy.cloud-evidence.RecommendationsEndorsed.v1")
    record RecommendationsEndorsed(String consultationId, String meetingId, String decisionId, LocalDate endorsedOn)
            implements ConsultationEvent {
    }

    record Option(String id, String text) {
    }

    record Position(String optionId, Stance stance) {
    }

    enum Stance { SUPPORT, OPPOSE, NEUTRAL }

    enum StakeholderKind { SERVICE_PROVIDER, CIVIL_SOCIETY, DATA_PROTECTION_AUTHORITY, STATE, ACADEMIA, INDUSTRY_ASSOCIATION }
}
