package org.tcyledger.assessments.cycle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tcyledger.contracts.assessments.AssessmentEvent;
import org.tcyledger.contracts.assessments.AssessmentEvent.AssessmentCycleLaunched;
import org.tcyledger.contracts.assessments.AssessmentEvent.AssessmentReportAdopted;
import org.tcyledger.contracts.assessments.AssessmentEvent.AssessmentReportAdoptionRefused;
import org.tcyledger.contracts.assessments.AssessmentEvent.CycleClosed;
import org.tcyledger.contracts.assessments.AssessmentEvent.DraftCommented;
import org.tcyledger.contracts.assessments.AssessmentEvent.DraftReportSubmitted;
import org.tcyledger.contracts.assessments.AssessmentEvent.FollowUpRecorded;
import org.tcyledger.contracts.assessments.AssessmentEvent.PartyAddedToCycle;
import org.tcyledger.contracts.assessments.AssessmentEvent.QuestionnairePublished;
import org.tcyledger.contracts.assessments.AssessmentEvent.ReplyReceived;

/** A cycle as its events made it: what the aggregate decides on, and what auditors replay to any point. */
public record CycleState(AssessmentCycleLaunched launched, Set<String> assessedParties,
                         QuestionnairePublished questionnaire, Map<String, ReplyReceived> replies,
                         Map<Integer, DraftReportSubmitted> drafts, List<DraftCommented> comments,
                         AssessmentReportAdopted adoption, List<AssessmentReportAdoptionRefused> refusals,
                         Set<String> decisionsHandled, List<FollowUpRecorded> followUps, CycleClosed closed) {

    public static final CycleState NONE = new CycleState(null, Set.of(), null, Map.of(), Map.of(), List.of(), null,
            List.of(), Set.of(), List.of(), null);

    public String id() {
        return launched == null ? null : launched.cycleId();
    }

    /**
     * The legal date of an event: its own (launch, reply, adoption, follow-up, close), or for an undated step
     * (questionnaire, draft, comment) the date of the last dated step before it.
     */
    public static java.time.LocalDate legalDate(AssessmentEvent event, java.time.LocalDate previous) {
        return switch (event) {
            case AssessmentCycleLaunched l -> l.launchedOn();
            case ReplyReceived r -> r.receivedOn();
            case AssessmentEvent.ReplyCorrected r -> r.receivedOn();
            case AssessmentReportAdopted a -> a.adoptedOn();
            case FollowUpRecorded f -> f.assessedOn();
            case CycleClosed c -> c.closedOn();
            default -> previous;
        };
    }

    public CycleState evolve(AssessmentEvent event) {
        return switch (event) {
            case AssessmentCycleLaunched l -> new CycleState(l, new LinkedHashSet<>(l.assessedParties()), null, Map.of(),
                    Map.of(), List.of(), null, List.of(), Set.of(), List.of(), null);
            case QuestionnairePublished q -> new CycleState(launched, assessedParties, q, replies, drafts, comments,
                    adoption, refusals, decisionsHandled, followUps, closed);
            case ReplyReceived r -> new CycleState(launched, assessedParties, questionnaire, put(replies, r.partyId(), r),
                    drafts, comments, adoption, refusals, decisionsHandled, followUps, closed);
            case PartyAddedToCycle p -> new CycleState(launched, add(assessedParties, p.partyId()), questionnaire,
                    replies, drafts, comments, adoption, refusals, decisionsHandled, followUps, closed);
            case DraftReportSubmitted d -> new CycleState(launched, assessedParties, questionnaire, replies,
                    put(drafts, d.version(), d), comments, adoption, refusals, decisionsHandled, followUps, closed);
            case DraftCommented c -> new CycleState(launched, assessedParties, questionnaire, replies, drafts,
                    append(comments, c), adoption, refusals, decisionsHandled, followUps, closed);
            case AssessmentReportAdopted a -> new CycleState(launched, assessedParties, questionnaire, replies, drafts,
                    comments, a, refusals, add(decisionsHandled, a.decisionId()), followUps, closed);
            case AssessmentReportAdoptionRefused r -> new CycleState(launched, assessedParties, questionnaire, replies,
                    drafts, comments, adoption, append(refusals, r), add(decisionsHandled, r.decisionId()), followUps,
                    closed);
            case FollowUpRecorded f -> new CycleState(launched, assessedParties, questionnaire, replies, drafts,
                    comments, adoption, refusals, decisionsHandled, append(followUps, f), closed);
            case CycleClosed c -> new CycleState(launched, assessedParties, questionnaire, replies, drafts, comments,
                    adoption, refusals, decisionsHandled, followUps, c);
            case AssessmentEvent.ReplyCorrected c -> new CycleState(launched, assessedParties, questionnaire,
                    put(replies, c.partyId(), new ReplyReceived(c.cycleId(), c.partyId(), c.receivedOn(), c.answers(),
                            c.late())), drafts, comments, adoption, refusals, decisionsHandled, followUps, closed);
        };
    }

    private static <K, V> Map<K, V> put(Map<K, V> map, K key, V value) {
        Map<K, V> next = new LinkedHashMap<>(map);
        next.put(key, value);
        return next;
    }

    private static Set<String> add(Set<String> set, String value) {
        Set<String> next = new LinkedHashSet<>(set);
        next.add(value);
        return next;
    }

    private static <V> List<V> append(List<V> list, V value) {
        List<V> next = new ArrayList<>(list);
        next.add(value);
        return List.copyOf(next);
    }
}
