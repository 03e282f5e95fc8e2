package org.tcyledger.assessments.cycle;

import java.util.Optional;
import org.tcyledger.assessments.cycle.CycleCommands.AdoptSupplement;
import org.tcyledger.assessments.cycle.CycleCommands.OpenSupplement;
import org.tcyledger.assessments.cycle.CycleCommands.SubmitSupplementDraft;
import org.tcyledger.eventsourcing.RuleViolation;

/**
 * Supplementary reports (domain.md §3, "Scope and supplements"): once the main report is adopted, a supplement is
 * opened on Parties it did not assess, each a Party to ETS185 today (Malta and Panama in the preservation round,
 * T-CY(2015)24), under an id of its own in the cycle. Its drafts and the plenary's adoption follow the main report's
 * rules ({@link ReportAdoption}): versions 1, 2, … with findings on its own Parties, none after its adoption; a
 * decision adopts a draft that exists, once, in a cycle still open, or is recorded as refused with why. The main
 * report stays adopted.
 */
final class SupplementaryReports {

    private SupplementaryReports() {
    }

    static void open(CycleState state, OpenSupplement command, Parties parties) {
        if (state.adoption() == null) {
            throw new RuleViolation("supplement-after-adoption", "The report of " + state.id()
                    + " is not adopted yet: its Parties are assessed in it, not in a supplement");
        }
        if (state.supplements().containsKey(command.supplementId())) {
            throw new RuleViolation("supplement-id-unique", state.id() + " has a supplement " + command.supplementId()
                    + " already");
        }
        for (String partyId : command.partyIds()) {
            if (!parties.isPartyToday(partyId)) {
                throw new RuleViolation("supplementary-assessment-of-a-party", partyId + " is not a Party to ETS185");
            }
            if (state.reportedParties().contains(partyId)) {
                throw new RuleViolation("supplement-for-parties-not-assessed", partyId + " is assessed in the report of "
                        + state.id() + " adopted by " + state.adoption().meetingId());
            }
            state.supplements().values().stream().filter(s -> s.opened().partyIds().contains(partyId)).findFirst()
                    .ifPresent(s -> {
                        throw new RuleViolation("supplement-for-parties-not-assessed", partyId
                                + " is assessed in the supplement " + s.opened().supplementId() + " of " + state.id());
                    });
        }
    }

    /** The supplement the draft is of, once its findings are on its Parties and it is not adopted yet. */
    static Supplement draft(CycleState state, SubmitSupplementDraft command) {
        Supplement supplement = existing(state, command.supplementId());
        if (supplement.adoption() != null) {
            throw new RuleViolation("no-draft-after-adoption", "The supplement " + command.supplementId() + " of "
                    + state.id() + " was adopted already");
        }
        command.findings().stream().filter(f -> !supplement.opened().partyIds().contains(f.partyId())).findFirst()
                .ifPresent(f -> {
                    throw new RuleViolation("finding-on-assessed-party", f.partyId() + " is not assessed in the "
                            + "supplement " + command.supplementId() + " of " + state.id());
                });
        return supplement;
    }

    /** Why the plenary's decision on the supplement cannot be applied, or empty when it adopts the draft. */
    static Optional<String> refusal(CycleState state, AdoptSupplement command) {
        Supplement supplement = state.supplements().get(command.supplementId());
        if (supplement == null) {
            return Optional.of(state.id() + " has no supplement " + command.supplementId());
        }
        if (!supplement.drafts().containsKey(command.version())) {
            return Optional.of("The supplement " + command.supplementId() + " of " + state.id()
                               + " has no draft version " + command.version());
        }
        if (supplement.adoption() != null) {
            return Optional.of("The supplement " + command.supplementId() + " of " + state.id()
                               + " was adopted already, version " + supplement.adoption().version() + " by "
                               + supplement.adoption().meetingId());
        }
        if (state.closed() != null) {
            return Optional.of(state.id() + " is closed");
        }
        return Optional.empty();
    }

    /** The adopted document: as the decision named it, else as the adopted draft did (none if neither). */
    static String documentSymbol(CycleState state, AdoptSupplement command) {
        return command.documentSymbol() != null ? command.documentSymbol()
                : state.supplements().get(command.supplementId()).drafts().get(command.version()).documentSymbol();
    }

    private static Supplement existing(CycleState state, String supplementId) {
        Supplement supplement = state.supplements().get(supplementId);
        if (supplement == null) {
            throw new RuleViolation("unknown-supplement", state.id() + " has no supplement " + supplementId);
        }
        return supplement;
    }
}
