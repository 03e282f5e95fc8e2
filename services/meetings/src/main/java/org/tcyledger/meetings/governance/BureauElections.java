package org.tcyledger.meetings.governance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.tcyledger.contracts.meetings.MeetingEvent.BureauPost;
import org.tcyledger.contracts.meetings.MeetingEvent.Election;
import org.tcyledger.eventsourcing.RuleViolation;
import org.tcyledger.eventsourcing.web.InvalidRequest;
import org.tcyledger.meetings.meeting.MemberFacts;

/**
 * Elections to the Bureau (domain.md §2): an ELECT_BUREAU decision names who is elected, to which post, for which
 * term; each elected member is a Party on the day of the election; a term ends on or after it starts; on any day
 * the Bureau has at most one Chair and one Vice-chair, and no member holds two seats.
 */
public final class BureauElections {

    private BureauElections() {
    }

    public static void check(List<Election> held, List<Election> elected, LocalDate adoptedOn, MemberFacts members) {
        if (elected == null || elected.isEmpty()) {
            throw new InvalidRequest("elected", "is required for a decision of kind ELECT_BUREAU");
        }
        List<Election> bureau = new ArrayList<>(held);
        for (Election election : elected) {
            if (election.termUntil().isBefore(election.termFrom())) {
                throw new RuleViolation("term-ends-after-it-starts", "The term of " + election.memberId() + " ends on "
                        + election.termUntil() + ", before it starts on " + election.termFrom());
            }
            if (!members.isPartyOn(election.memberId(), adoptedOn)) {
                throw new RuleViolation("bureau-member-is-a-party", election.memberId()
                        + " is not a Party to ETS185 on " + adoptedOn + " and cannot be elected to the Bureau");
            }
            for (Election other : bureau) {
                if (!overlap(election, other)) {
                    continue;
                }
                if (other.memberId().equals(election.memberId())) {
                    throw new RuleViolation("one-seat-per-member", election.memberId() + " already holds a seat ("
                            + other.post() + ") from " + other.termFrom() + " to " + other.termUntil());
                }
                if (election.post() != BureauPost.MEMBER && other.post() == election.post()) {
                    throw new RuleViolation(election.post() == BureauPost.CHAIR ? "one-chair-per-term"
                            : "one-vice-chair-per-term", other.memberId() + " holds the post " + other.post() + " from "
                            + other.termFrom() + " to " + other.termUntil() + "; " + election.memberId()
                            + "'s term overlaps it");
                }
            }
            bureau.add(election);
        }
    }

    /** The Bureau on {@code date}: the members whose term covers it. */
    public static List<Election> on(List<Election> terms, LocalDate date) {
        return terms.stream().filter(term -> term.covers(date)).toList();
    }

    private static boolean overlap(Election a, Election b) {
        return !a.termFrom().isAfter(b.termUntil()) && !b.termFrom().isAfter(a.termUntil());
    }
}
