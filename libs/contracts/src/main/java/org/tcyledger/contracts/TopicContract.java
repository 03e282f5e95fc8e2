package org.tcyledger.contracts;

import java.util.List;
import org.tcyledger.contracts.assessments.AssessmentEvent;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent;
import org.tcyledger.contracts.meetings.DocumentEvent;
import org.tcyledger.contracts.meetings.GovernanceEvent;
import org.tcyledger.contracts.meetings.GuidanceNoteEvent;
import org.tcyledger.contracts.meetings.MeetingEvent;
import org.tcyledger.contracts.membership.MembershipEvent;
import org.tcyledger.contracts.membership.TreatyEvent;
import org.tcyledger.contracts.wire.EventEnvelope;

/**
 * A topic as a contract: its name, the context that writes it (also its service's name and the CloudEvents source
 * {@code /tcy/<context>}), what it records, and the sealed interfaces of the events on it. The write services store
 * exactly these events, and the AsyncAPI documents describe exactly these, so the two cannot drift apart.
 */
public record TopicContract(String topic, String context, String summary, List<Class<?>> families) {

    public static final TopicContract MEMBERSHIP = new TopicContract(Topics.MEMBERSHIP, "membership",
            "The register of the Parties, signatories, observers and invited States of the Budapest Convention and its"
                    + " protocols: signatures, deposits, invitations, notifications, representatives, the 24/7 network;"
                    + " and the treaties' own entry into force.",
            List.of(MembershipEvent.class, TreatyEvent.class));
    public static final TopicContract MEETINGS = new TopicContract(Topics.MEETINGS, "meetings",
            "The committee's meetings and decisions, its guidance notes, its Bureau and working bodies, and its"
                    + " document register.",
            List.of(MeetingEvent.class, GuidanceNoteEvent.class, GovernanceEvent.class, DocumentEvent.class));
    public static final TopicContract ASSESSMENTS = new TopicContract(Topics.ASSESSMENTS, "assessments",
            "The assessment cycles: questionnaires, the Parties' replies, draft and adopted reports, supplements and"
                    + " the follow-up of recommendations.",
            List.of(AssessmentEvent.class));
    public static final TopicContract CLOUD_EVIDENCE = new TopicContract(Topics.CLOUD_EVIDENCE, "cloud-evidence",
            "The Cloud Evidence Group's consultations of stakeholders: hearings, submissions, recommendations and their"
                    + " endorsement.",
            List.of(ConsultationEvent.class));

    public static final List<TopicContract> ALL = List.of(MEMBERSHIP, MEETINGS, ASSESSMENTS, CLOUD_EVIDENCE);

    public TopicContract {
        families = List.copyOf(families);
    }

    /** Every event of this topic by its wire type, the context's signed checkpoints included. */
    public EventCatalog catalog() {
        return new EventCatalog(families.toArray(Class<?>[]::new)).includeCheckpointsOf(context);
    }

    public String source() {
        return EventEnvelope.sourceOf(context);
    }

    public static TopicContract of(String topic) {
        return ALL.stream().filter(contract -> contract.topic.equals(topic)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no such topic: " + topic));
    }
}
