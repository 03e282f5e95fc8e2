package org.tcyledger.meetings.note;

import static org.hamcrest.Matchers.containsString;
import static org.tcyledger.eventsourcing.RuleNamed.ruleNamed;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.meetings.GuidanceNoteEvent.GuidanceNoteAdopted;
import org.tcyledger.contracts.meetings.GuidanceNoteEvent.GuidanceNoteDrafted;
import org.tcyledger.contracts.meetings.GuidanceNoteEvent.GuidanceNoteRevised;
import org.tcyledger.contracts.meetings.GuidanceNoteEvent.Texts;
import org.tcyledger.meetings.document.Documents;
import org.tcyledger.meetings.note.GuidanceNote.AdoptGuidanceNote;
import org.tcyledger.meetings.note.GuidanceNote.DraftGuidanceNote;
import org.tcyledger.meetings.note.GuidanceNote.ReviseGuidanceNote;

class GuidanceNoteTest {

    private static final Texts ENGLISH = new Texts("Botnets are networks of computers infected …", null);
    private static final Texts BOTH = new Texts("Botnets are networks …", "Les botnets sont des réseaux …");
    private static final GuidanceNoteDrafted DRAFTED = new GuidanceNoteDrafted("gn-botnets", 1,
            "T-CY Guidance Note #2: Provisions of the Budapest Convention covering botnets", List.of("2", "3", "4", "5", "6"),
            ENGLISH, false);
    private static final LocalDate JUNE_5 = LocalDate.parse("2013-06-05");

    /** A fixture per scenario: one fixture follows one aggregate. */
    private static FixtureConfiguration<GuidanceNote> fixture() {
        FixtureConfiguration<GuidanceNote> fixture = new AggregateTestFixture<>(GuidanceNote.class);
        fixture.registerInjectableResource((Documents) symbol -> !symbol.equals(UNREGISTERED));
        return fixture;
    }

    private static final String UNREGISTERED = "T-CY(2099)1";

    /** A version may name its document; a symbol not in the register is refused, a registered one recorded. */
    @Test
    void aNoteNamesOnlyARegisteredDocument() {
        fixture().givenNoPriorActivity()
                .when(new DraftGuidanceNote("gn-botnets", DRAFTED.title(), DRAFTED.articles(), ENGLISH, false,
                        UNREGISTERED))
                .expectException(ruleNamed("unknown-document")).expectExceptionMessage(containsString(UNREGISTERED))
                .expectNoEvents();
        fixture().givenNoPriorActivity()
                .when(new DraftGuidanceNote("gn-botnets", DRAFTED.title(), DRAFTED.articles(), ENGLISH, false,
                        "T-CY(2013)6"))
                .expectEvents(new GuidanceNoteDrafted("gn-botnets", 1, DRAFTED.title(), DRAFTED.articles(), ENGLISH,
                        false, "T-CY(2013)6"));
        fixture().given(DRAFTED)
                .when(new ReviseGuidanceNote("gn-botnets", DRAFTED.title(), DRAFTED.articles(), BOTH, false,
                        UNREGISTERED))
                .expectException(ruleNamed("unknown-document")).expectNoEvents();
        fixture().given(DRAFTED)
                .when(new ReviseGuidanceNote("gn-botnets", DRAFTED.title(), DRAFTED.articles(), BOTH, false,
                        "T-CY(2013)6 rev"))
                .expectEvents(new GuidanceNoteRevised("gn-botnets", 2, DRAFTED.title(), DRAFTED.articles(), BOTH, false,
                        "T-CY(2013)6 rev"));
    }

    @Test
    void aDraftIsVersionOneAndRevisionsCount() {
        fixture().givenNoPriorActivity()
                .when(new DraftGuidanceNote("gn-botnets", DRAFTED.title(), DRAFTED.articles(), ENGLISH, false))
                .expectEvents(DRAFTED);
        fixture().given(DRAFTED)
                .when(new ReviseGuidanceNote("gn-botnets", DRAFTED.title(), DRAFTED.articles(), BOTH, false))
                .expectEvents(new GuidanceNoteRevised("gn-botnets", 2, DRAFTED.title(), DRAFTED.articles(), BOTH, false))
                .expectResultMessagePayload(2);
    }

    @Test
    void aVersionIsAdoptedOnlyWithBothLanguagesOrEnglishOnly() {
        fixture().given(DRAFTED)
                .when(new AdoptGuidanceNote("gn-botnets", 1, "T-CY-9", "d1", JUNE_5))
                .expectException(ruleNamed("adoption-needs-both-languages")).expectExceptionMessage(containsString("French"))
                .expectNoEvents();
        fixture().given(DRAFTED, new GuidanceNoteRevised("gn-botnets", 2, DRAFTED.title(), DRAFTED.articles(), BOTH, false))
                .when(new AdoptGuidanceNote("gn-botnets", 2, "T-CY-9", "d1", JUNE_5))
                .expectEvents(new GuidanceNoteAdopted("gn-botnets", 2, "T-CY-9", "d1", JUNE_5));
        fixture().given(new GuidanceNoteDrafted("gn-spam", 1, "Spam", List.of("2"), ENGLISH, true))
                .when(new AdoptGuidanceNote("gn-spam", 1, "T-CY-12", "d1", LocalDate.parse("2014-12-03")))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anUnknownVersionIsNotAdoptedNorOneAdoptedTwice() {
        fixture().given(DRAFTED)
                .when(new AdoptGuidanceNote("gn-botnets", 3, "T-CY-9", "d1", JUNE_5))
                .expectException(ruleNamed("unknown-version")).expectExceptionMessage(containsString("no version 3"));
        fixture().given(new GuidanceNoteDrafted("gn-spam", 1, "Spam", List.of("2"), ENGLISH, true),
                        new GuidanceNoteAdopted("gn-spam", 1, "T-CY-12", "d1", LocalDate.parse("2014-12-03")))
                .when(new AdoptGuidanceNote("gn-spam", 1, "T-CY-13", "d2", LocalDate.parse("2015-06-15")))
                .expectException(ruleNamed("version-already-adopted")).expectExceptionMessage(containsString("T-CY-12"));
    }
}
