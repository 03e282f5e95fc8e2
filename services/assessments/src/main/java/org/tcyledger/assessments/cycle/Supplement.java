package org.tcyledger.assessments.cycle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tcyledger.contracts.assessments.AssessmentEvent.SupplementAdopted;
import org.tcyledger.contracts.assessments.AssessmentEvent.SupplementAdoptionRefused;
import org.tcyledger.contracts.assessments.AssessmentEvent.SupplementDraftSubmitted;
import org.tcyledger.contracts.assessments.AssessmentEvent.SupplementOpened;

/** A supplementary report of a cycle as its events made it: on whom, its drafts, and the plenary's adoption. */
public record Supplement(SupplementOpened opened, Map<Integer, SupplementDraftSubmitted> drafts,
                         SupplementAdopted adoption, List<SupplementAdoptionRefused> refusals) {

    static Supplement opened(SupplementOpened opened) {
        return new Supplement(opened, Map.of(), null, List.of());
    }

    Supplement drafted(SupplementDraftSubmitted draft) {
        Map<Integer, SupplementDraftSubmitted> next = new LinkedHashMap<>(drafts);
        next.put(draft.version(), draft);
        return new Supplement(opened, next, adoption, refusals);
    }

    Supplement adopted(SupplementAdopted adopted) {
        return new Supplement(opened, drafts, adopted, refusals);
    }

    Supplement refused(SupplementAdoptionRefused refusal) {
        List<SupplementAdoptionRefused> next = new ArrayList<>(refusals);
        next.add(refusal);
        return new Supplement(opened, drafts, adoption, List.copyOf(next));
    }
}
