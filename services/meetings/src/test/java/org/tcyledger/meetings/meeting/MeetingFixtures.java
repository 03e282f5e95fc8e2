package org.tcyledger.meetings.meeting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.tcyledger.contracts.meetings.MeetingEvent;
import org.tcyledger.contracts.meetings.MeetingEvent.AgendaItemAdded;
import org.tcyledger.contracts.meetings.MeetingEvent.MeetingScheduled;
import org.tcyledger.contracts.meetings.MeetingKind;
import org.tcyledger.contracts.membership.Capacity;
import org.tcyledger.meetings.document.Documents;
import org.tcyledger.meetings.note.GuidanceNote.AdoptGuidanceNote;

/** The meetings of the record the fixture tests use, and the facts of other contexts as a test gives them. */
final class MeetingFixtures {

    static final LocalDate DEC_1 = LocalDate.parse("2015-12-01");
    static final LocalDate DEC_2 = LocalDate.parse("2015-12-02");
    static final MeetingScheduled TCY_14 = new MeetingScheduled("T-CY-14", MeetingKind.PLENARY,
            "14th Plenary of the T-CY", "Strasbourg", DEC_1, DEC_2);
    static final AgendaItemAdded ITEM = new AgendaItemAdded("T-CY-14", "item-1", "New Parties", List.of());
    static final LocalDate DEADLINE = LocalDate.parse("2017-02-28");
    static final MeetingScheduled WP = new MeetingScheduled("WP-2017-ART18", MeetingKind.WRITTEN_PROCEDURE,
            "Written procedure: Guidance Note on Article 18", "written procedure", LocalDate.parse("2017-02-01"),
            DEADLINE);
    static final AgendaItemAdded WP_ITEM = new AgendaItemAdded("WP-2017-ART18", "item-1", "Article 18 note", List.of());

    /** The one symbol the fixtures' document register does not hold. */
    static final String UNREGISTERED = "T-CY(2099)1";
    static final Documents DOCUMENTS = symbol -> !UNREGISTERED.equals(symbol);

    private MeetingFixtures() {
    }

    /** The members register: P on any date, the committee capacity of some members, and the dates it was asked about. */
    static final class Register implements MemberFacts {
        private final long parties;
        private final Map<String, Capacity> capacities;
        final List<LocalDate> askedAbout = new ArrayList<>();

        Register(long parties, Map<String, Capacity> capacities) {
            this.parties = parties;
            this.capacities = capacities;
        }

        @Override
        public Capacity capacityOn(String memberId, LocalDate date) {
            askedAbout.add(date);
            return capacities.getOrDefault(memberId, Capacity.NONE);
        }

        @Override
        public boolean isPartyOn(String memberId, LocalDate date) {
            askedAbout.add(date);
            return capacities.get(memberId) == Capacity.PARTY;
        }

        /** A Party, or a member given as RATIFIED in {@link #depositors}, had deposited. */
        final java.util.Set<String> depositors = new java.util.HashSet<>();

        @Override
        public boolean hasDepositedBy(String memberId, LocalDate date) {
            askedAbout.add(date);
            return capacities.get(memberId) == Capacity.PARTY || depositors.contains(memberId);
        }

        @Override
        public long partiesOn(LocalDate date) {
            askedAbout.add(date);
            return parties;
        }
    }

    /**
     * The committee's bodies as a test gives them: the Bureau's seats, the working bodies' mandates, and what the
     * decisions sent them (a body refuses as its aggregate would: tested in the governance package).
     */
    static final class Bodies implements org.tcyledger.meetings.governance.GovernanceRecords {
        final List<MeetingEvent.Election> seats = new ArrayList<>();
        final Map<String, org.tcyledger.meetings.governance.Mandate> mandates = new java.util.HashMap<>();
        final List<Object> sent = new ArrayList<>();

        @Override
        public void elect(org.tcyledger.meetings.governance.Bureau.ElectBureau election) {
            sent.add(election);
        }

        @Override
        public void establish(org.tcyledger.meetings.governance.WorkingBody.EstablishWorkingBody establishment) {
            sent.add(establishment);
        }

        @Override
        public void extend(org.tcyledger.meetings.governance.WorkingBody.ExtendMandate extension) {
            sent.add(extension);
        }

        @Override
        public List<MeetingEvent.Election> bureauOn(LocalDate date) {
            return seats.stream().filter(seat -> seat.covers(date)).toList();
        }

        @Override
        public Optional<org.tcyledger.meetings.governance.Mandate> mandateOf(String bodyId) {
            return Optional.ofNullable(mandates.get(bodyId));
        }
    }

    /** Guidance notes that take every adoption, except of a note called "gn-refused"; what they were sent. */
    static final class Notes implements GuidanceNoteAdoptions {
        final List<AdoptGuidanceNote> adopted = new ArrayList<>();

        @Override
        public Optional<String> adopt(AdoptGuidanceNote adoption) {
            if (adoption.noteId().equals("gn-refused")) {
                return Optional.of("Version " + adoption.version() + " of gn-refused has no French text");
            }
            adopted.add(adoption);
            return Optional.empty();
        }
    }

    static FixtureConfiguration<Meeting> fixture(long parties) {
        return fixture(new Register(parties, Map.of()), new Notes());
    }

    static FixtureConfiguration<Meeting> fixture(Register register, Notes notes) {
        return fixture(register, notes, new Bodies());
    }

    static FixtureConfiguration<Meeting> fixture(Register register, Notes notes, Bodies bodies) {
        FixtureConfiguration<Meeting> fixture = new AggregateTestFixture<>(Meeting.class);
        fixture.registerInjectableResource(bodies);
        fixture.registerInjectableResource(new DecisionRules(Fraction.parse("1/2"), Fraction.parse("2/3")));
        fixture.registerInjectableResource((DecisionSubjects) (kind, subject, version) ->
                "unknown".equals(subject) ? Optional.of("No such subject " + subject) : Optional.empty());
        fixture.registerInjectableResource(register);
        fixture.registerInjectableResource(notes);
        fixture.registerInjectableResource(DOCUMENTS);
        return fixture;
    }
}
