package org.tcyledger.assessments.cycle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
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
import org.tcyledger.contracts.assessments.AssessmentEvent.SupplementAdopted;
import org.tcyledger.contracts.assessments.AssessmentEvent.SupplementAdoptionRefused;
import org.tcyledger.contracts.assessments.AssessmentEvent.SupplementDraftSubmitted;
import org.tcyledger.contracts.assessments.AssessmentEvent.SupplementOpened;

/**
 * A cycle as its events made it: what the aggregate decides on, and what auditors replay to any point.
 * {@code reportedParties} are the Parties the main report assessed (those assessed when it was adopted);
 * {@code supplements} the supplementary reports on others, by id.
 */
public record CycleState(AssessmentCycleLaunched launched, Set<String> assessedParties,
                         QuestionnairePublished questionnaire, Map<String, ReplyReceived> replies,
                         Map<Integer, DraftReportSubmitted> drafts, List<DraftCommented> comments,
                         AssessmentReportAdopted adoption, List<AssessmentReportAdoptionRefused> refusals,
                         Set<String> decisionsHandled, List<FollowUpRecorded> followUps, CycleClosed closed,
                         Set<String> reportedParties, Map<String, Supplement> supplements) {

    public static final CycleState NONE = new CycleState(null, Set.of(), null, Map.of(), Map.of(), List.of(), null,
            List.of(), Set.of(), List.of(), null, Set.of(), Map.of());

    public String id() {
        return launched == null ? null : launched.cycleId();
    }

    /**
     * The legal date of an event: its own (launch, reply, adoption, follow-up, close), or for an undated step
     * (questionnaire, draft, comment, supplement opened) the date of the last dated step before it.
     */
    public static java.time.LocalDate legalDate(AssessmentEvent event, java.time.LocalDate previous) {
        return switch (event) {
            case AssessmentCycleLaunched l -> l.launchedOn();
            case ReplyReceived r -> r.receivedOn();
            case AssessmentEvent.ReplyCorrected r -> r.receivedOn();
            case AssessmentReportAdopted a -> a.adoptedOn();
            case SupplementAdopted a -> a.adoptedOn();
            case FollowUpRecorded f -> f.assessedOn();
            case CycleClosed c -> c.closedOn();
            default -> previous;
        };
    }

    public CycleState evolve(AssessmentEvent event) {
        return switch (event) {
            case AssessmentCycleLaunched l -> new CycleState(l, new LinkedHashSet<>(l.assessedParties()), null, Map.of(),
                    Map.of(), List.of(), null, List.of(), Set.of(), List.of(), null, Set.of(), Map.of());
            case QuestionnairePublished q -> new CycleState(launched, assessedParties, q, replies, drafts, comments,
                    adoption, refusals, decisionsHandled, followUps, closed, reportedParties, supplements);
            case ReplyReceived r -> new CycleState(launched, assessedParties, questionnaire, put(replies, r.partyId(), r),
                    drafts, comments, adoption, refusals, decisionsHandled, followUps, closed, reportedParties,
                    supplements);
            case PartyAddedToCycle p -> new CycleState(launched, add(assessedParties, p.partyId()), questionnaire,
                    replies, drafts, comments, adoption, refusals, decisionsHandled, followUps, closed, reportedParties,
                    supplements);
            case DraftReportSubmitted d -> new CycleState(launched, assessedParties, questionnaire, replies,
                    put(drafts, d.version(), d), comments, adoption, refusals, decisionsHandled, followUps, closed,
                    reportedParties, supplements);
            case DraftCommented c -> new CycleState(launched, assessedParties, questionnaire, replies, drafts,
                    append(comments, c), adoption, refusals, decisionsHandled, followUps, closed, reportedParties,
                    supplements);
            case AssessmentReportAdopted a -> new CycleState(launched, assessedParties, questionnaire, replies, drafts,
                    comments, a, refusals, add(decisionsHandled, a.decisionId()), followUps, closed,
                    new LinkedHashSet<>(assessedParties), supplements);
            case AssessmentReportAdoptionRefused r -> new CycleState(launched, assessedParties, questionnaire, replies,
                    drafts, comments, adoption, append(refusals, r), add(decisionsHandled, r.decisionId()), followUps,
                    closed, reportedParties, supplements);
            case FollowUpRecorded f -> new CycleState(launched, assessedParties, questionnaire, replies, drafts,
                    comments, adoption, refusals, decisionsHandled, append(followUps, f), closed, reportedParties,
                    supplements);
            case CycleClosed c -> new CycleState(launched, assessedParties, questionnaire, replies, drafts, comments,
                    adoption, refusals, decisionsHandled, followUps, c, reportedParties, supplements);
            case AssessmentEvent.ReplyCorrected c -> new CycleState(launched, assessedParties, questionnaire,
                    put(replies, c.partyId(), new ReplyReceived(c.cycleId(), c.partyId(), c.receivedOn(), c.answers(),
                            c.late())), drafts, comments, adoption, refusals, decisionsHandled, followUps, closed,
                    reportedParties, supplements);
            case SupplementOpened o -> new CycleState(launched, addAll(assessedParties, o.partyIds()), questionnaire,
                    replies, drafts, comments, adoption, refusals, decisionsHandled, followUps, closed, reportedParties,
                    put(supplements, o.supplementId(), Supplement.opened(o)));
            case SupplementDraftSubmitted d -> withSupplement(d.supplementId(), s -> s.drafted(d), decisionsHandled);
            case SupplementAdopted a -> withSupplement(a.supplementId(), s -> s.adopted(a),
                    add(decisionsHandled, a.decisionId()));
            case SupplementAdoptionRefused r -> withSupplement(r.supplementId(), s -> s.refused(r),
                    add(decisionsHandled, r.decisionId()));
        };
    }

    /**
     * A supplement changed, and the decisions seen. A refusal may name no supplement of this cycle, and a replay to a
     * legal date may have left out the supplement's opening: then the supplements stay as they are.
     */
    private CycleState withSupplement(String supplementId, UnaryOperator<Supplement> change, Set<String> decisions) {
        Supplement supplement = supplements.get(supplementId);
        return new CycleState(launched, assessedParties, questionnaire, replies, drafts, comments, adoption, refusals,
                decisions, followUps, closed, reportedParties,
                supplement == null ? supplements : put(supplements, supplementId, change.apply(supplement)));
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

    private static Set<String> addAll(Set<String> set, List<String> values) {
        Set<String> next = new LinkedHashSet<>(set);
        next.addAll(values);
        return next;
    }

    private static <V> List<V> append(List<V> list, V value) {
        List<V> next = new ArrayList<>(list);
        next.add(value);
        return List.copyOf(next);
    }
}
