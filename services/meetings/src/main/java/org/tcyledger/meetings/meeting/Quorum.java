package org.tcyledger.meetings.meeting;

import java.util.Set;
import java.util.stream.Collectors;
import org.tcyledger.contracts.meetings.MeetingEvent.Election;
import org.tcyledger.contracts.meetings.MeetingEvent.QuorumBase;
import org.tcyledger.contracts.meetings.MeetingKind;
import org.tcyledger.eventsourcing.RuleViolation;
import org.tcyledger.meetings.governance.GovernanceRecords;

/**
 * The quorum (domain.md §2): a decision needs present ≥ max(1, ceil(q × P)), q {@code tcy.decisions.quorum}. At a
 * plenary P is the number of Parties to ETS185 on the meeting's first day and present the Parties attending; at a
 * BUREAU meeting P is the Bureau on that day and present the Bureau members attending, never all Parties. A written
 * procedure has none ({@link WrittenProcedure}).
 */
public final class Quorum {

    public static final String RULE = "quorum";

    private Quorum() {
    }

    /** Whom a meeting's decisions are counted on: {@code base} is P, {@code present} those of P attending. */
    public record Count(long base, long present, QuorumBase countedOn) {
    }

    /** {@code parties}: the Parties to ETS185 on the meeting's first day. */
    public static Count count(MeetingState meeting, long parties, GovernanceRecords governance) {
        if (meeting.isWrittenProcedure()) {
            return new Count(0, 0, QuorumBase.PARTIES);
        }
        if (meeting.kind() == MeetingKind.BUREAU) {
            Set<String> seats = governance.bureauOn(meeting.scheduled().startsOn()).stream()
                    .map(Election::memberId).collect(Collectors.toSet());
            return new Count(seats.size(), meeting.presentAmong(seats), QuorumBase.BUREAU);
        }
        return new Count(parties, meeting.partiesPresent(), QuorumBase.PARTIES);
    }

    /** Refuses the decision ({@value #RULE}) unless {@code present} Parties reach the quorum of {@code parties}. */
    public static void check(Fraction q, long parties, long present) {
        check(q, new Count(parties, present, QuorumBase.PARTIES));
    }

    /** Refuses the decision ({@value #RULE}) unless those present reach the quorum of the count's base. */
    public static void check(Fraction q, Count count) {
        long required = Math.max(1, q.ceilTimes(count.base()));
        String who = count.countedOn() == QuorumBase.BUREAU ? "Bureau members" : "Parties";
        if (count.present() < required) {
            throw new RuleViolation(RULE, "Quorum not reached: " + count.present() + " " + who + " present, "
                    + required + " required (max(1, ceil(" + q + " × " + count.base() + " " + who + ")))");
        }
    }
}
