package org.tcyledger.cloudevidence.consultation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent.ConsultationClosed;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent.ConsultationOpened;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent.HearingHeld;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent.RecommendationsEndorsed;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent.RecommendationsIssued;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent.StakeholderRegistered;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent.SubmissionReceived;

/** A consultation as its events made it. Submissions keep their attribution as stored (sealed under Chatham House). */
public record ConsultationState(ConsultationOpened opened, Map<String, StakeholderRegistered> stakeholders,
                                List<HearingHeld> hearings, List<SubmissionReceived> submissions,
                                ConsultationClosed closed, RecommendationsIssued recommendations,
                                List<RecommendationsEndorsed> endorsements) {

    public static final ConsultationState NONE = new ConsultationState(null, Map.of(), List.of(), List.of(), null, null,
            List.of());

    public String id() {
        return opened == null ? null : opened.consultationId();
    }

    public ConsultationState evolve(ConsultationEvent event) {
        return switch (event) {
            case ConsultationOpened o -> new ConsultationState(o, Map.of(), List.of(), List.of(), null, null, List.of());
            case StakeholderRegistered s -> {
                Map<String, StakeholderRegistered> next = new LinkedHashMap<>(stakeholders);
                next.put(s.stakeholderId(), s);
                yield new ConsultationState(opened, next, hearings, submissions, closed, recommendations, endorsements);
            }
            case HearingHeld h -> new ConsultationState(opened, stakeholders, append(hearings, h), submissions, closed,
                    recommendations, endorsements);
            case SubmissionReceived s -> new ConsultationState(opened, stakeholders, hearings, append(submissions, s),
                    closed, recommendations, endorsements);
            case ConsultationClosed c -> new ConsultationState(opened, stakeholders, hearings, submissions, c,
                    recommendations, endorsements);
            case RecommendationsIssued r -> new ConsultationState(opened, stakeholders, hearings, submissions, closed, r,
                    endorsements);
            case RecommendationsEndorsed e -> new ConsultationState(opened, stakeholders, hearings, submissions, closed,
                    recommendations, append(endorsements, e));
        };
    }

    private static <V> List<V> append(List<V> list, V value) {
        List<V> next = new ArrayList<>(list);
        next.add(value);
        return List.copyOf(next);
    }
}
