package org.tcyledger.meetings.document;

import static org.hamcrest.Matchers.containsString;
import static org.tcyledger.eventsourcing.RuleNamed.ruleNamed;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.meetings.DocumentEvent.DocumentAccess;
import org.tcyledger.contracts.meetings.DocumentEvent.DocumentCorrected;
import org.tcyledger.contracts.meetings.DocumentEvent.DocumentKind;
import org.tcyledger.contracts.meetings.DocumentEvent.DocumentPublished;
import org.tcyledger.contracts.meetings.DocumentEvent.DocumentRegistered;
import org.tcyledger.eventsourcing.web.InvalidRequest;
import org.tcyledger.meetings.document.DocumentCommands.CorrectDocument;
import org.tcyledger.meetings.document.DocumentCommands.PublishDocument;
import org.tcyledger.meetings.document.DocumentCommands.RegisterDocument;

/** The document register's rules (domain.md §2), each at its edge. */
class DocumentTest {

    private static final LocalDate DEC_3 = LocalDate.parse("2014-12-03");
    private static final List<String> BOTH = List.of("en", "fr");
    private static final String BOTNETS = "T-CY(2013)6";
    private static final DocumentRegistered REGISTERED = new DocumentRegistered(BOTNETS, "Guidance Note on botnets",
            DocumentKind.GUIDANCE_NOTE, DEC_3, BOTH, DocumentAccess.RESTRICTED, null);

    /** The register holds T-CY(2013)6 and nothing else. */
    private static FixtureConfiguration<Document> fixture() {
        FixtureConfiguration<Document> fixture = new AggregateTestFixture<>(Document.class);
        fixture.registerInjectableResource((Documents) BOTNETS::equals);
        return fixture;
    }

    private static RegisterDocument register(String symbol, DocumentKind kind, String supersedes) {
        return new RegisterDocument(symbol, "A document", kind, DEC_3, BOTH, DocumentAccess.RESTRICTED, supersedes);
    }

    private static DocumentRegistered registered(String symbol, DocumentKind kind, String supersedes) {
        return new DocumentRegistered(symbol, "A document", kind, DEC_3, BOTH, DocumentAccess.RESTRICTED, supersedes);
    }

    @Test
    void aTcySymbolAsTheCommitteeWritesIt() {
        for (String symbol : List.of("T-CY(2013)6", "T-CY(2013)7 E rev", "T-CY(2012)10 REV", "T-CY(2016)5 rev2",
                "T-CY(1999)123", "T-CY(2013)7E", "T-CY(2013)7 E")) {
            fixture().givenNoPriorActivity().when(register(symbol, DocumentKind.OTHER, null))
                    .expectEvents(registered(symbol, DocumentKind.OTHER, null));
        }
        // kept as written, surrounding spaces aside
        fixture().givenNoPriorActivity().when(register("  T-CY(2013)6 ", DocumentKind.OTHER, null))
                .expectEvents(registered("T-CY(2013)6", DocumentKind.OTHER, null));
    }

    @Test
    void anythingElseIsA400UnlessExternal() {
        for (String symbol : List.of("T-CY(1899)1", "T-CY(2013)1234", "T-CY(2013)", "T-CY 2013 6", "T-CY(2013)6 ee",
                "T-CY(2013)6  rev", "t-cy(2013)6", "CM(2021)57")) {
            fixture().givenNoPriorActivity().when(register(symbol, DocumentKind.MEETING_REPORT, null))
                    .expectException(InvalidRequest.class).expectExceptionMessage(containsString("symbol"))
                    .expectNoEvents();
        }
        fixture().givenNoPriorActivity().when(register("CM(2021)57", DocumentKind.EXTERNAL, null))
                .expectEvents(registered("CM(2021)57", DocumentKind.EXTERNAL, null));
        // an external symbol never takes the id of a meeting, a note or a body
        fixture().givenNoPriorActivity().when(register("gn-botnets", DocumentKind.EXTERNAL, null))
                .expectException(InvalidRequest.class).expectNoEvents();
    }

    @Test
    void aRevisionSupersedesARegisteredSymbol() {
        fixture().givenNoPriorActivity().when(register("T-CY(2013)6 rev", DocumentKind.GUIDANCE_NOTE, BOTNETS))
                .expectEvents(registered("T-CY(2013)6 rev", DocumentKind.GUIDANCE_NOTE, BOTNETS));
        fixture().givenNoPriorActivity().when(register("T-CY(2013)8 rev", DocumentKind.GUIDANCE_NOTE, "T-CY(2013)8"))
                .expectException(ruleNamed("unknown-document")).expectExceptionMessage(containsString("T-CY(2013)8"))
                .expectNoEvents();
    }

    @Test
    void publishedOnTheDayItIsDatedNotTheDayBefore() {
        fixture().given(REGISTERED).when(new PublishDocument(BOTNETS, DEC_3))
                .expectEvents(new DocumentPublished(BOTNETS, DEC_3));
        fixture().given(REGISTERED).when(new PublishDocument(BOTNETS, DEC_3.minusDays(1)))
                .expectException(ruleNamed("published-before-dated")).expectNoEvents();
    }

    @Test
    void restrictedBecomesPublicOnce() {
        fixture().given(REGISTERED, new DocumentPublished(BOTNETS, DEC_3)).when(new PublishDocument(BOTNETS, DEC_3))
                .expectException(ruleNamed("already-public")).expectNoEvents();
        fixture().given(new DocumentRegistered(BOTNETS, "Public from the start", DocumentKind.OTHER, DEC_3, BOTH,
                        DocumentAccess.PUBLIC, null))
                .when(new PublishDocument(BOTNETS, DEC_3.plusDays(1)))
                .expectException(ruleNamed("already-public")).expectNoEvents();
    }

    private static String registrationOf(FixtureConfiguration<Document> fixture) {
        return fixture.getEventStore().readEvents(BOTNETS).asStream().map(DomainEventMessage::getIdentifier)
                .findFirst().orElseThrow();
    }

    @Test
    void aCorrectionNamesTheEventItCorrectsAndKeepsTheRules() {
        FixtureConfiguration<Document> fixture = fixture();
        TestExecutor<Document> given = fixture.given(REGISTERED, new DocumentPublished(BOTNETS, DEC_3));
        String registration = registrationOf(fixture);
        // dated the day it was published: still not public before its date
        given.when(new CorrectDocument(BOTNETS, registration, "dated wrongly", null, DEC_3, null, null))
                .expectEvents(new DocumentCorrected(BOTNETS, registration, "dated wrongly", null, DEC_3, null, null));

        fixture = fixture();
        given = fixture.given(REGISTERED, new DocumentPublished(BOTNETS, DEC_3));
        registration = registrationOf(fixture);
        given.when(new CorrectDocument(BOTNETS, registration, "dated wrongly", null, DEC_3.plusDays(1), null, null))
                .expectException(ruleNamed("published-before-dated")).expectNoEvents();

        fixture().given(REGISTERED)
                .when(new CorrectDocument(BOTNETS, "no-such-event", "x", "A title", null, null, null))
                .expectException(ruleNamed("correction-of-unknown-record")).expectNoEvents();

        fixture = fixture();
        given = fixture.given(REGISTERED);
        given.when(new CorrectDocument(BOTNETS, registrationOf(fixture), "x", null, null, null, null))
                .expectException(InvalidRequest.class).expectNoEvents();

        fixture = fixture();
        given = fixture.given(REGISTERED);
        registration = registrationOf(fixture);
        given.when(new CorrectDocument(BOTNETS, registration, "French came later", "Guidance Note #2: botnets",
                        null, DocumentKind.GUIDANCE_NOTE, List.of("en")))
                .expectEvents(new DocumentCorrected(BOTNETS, registration, "French came later",
                        "Guidance Note #2: botnets", null, DocumentKind.GUIDANCE_NOTE, List.of("en")));
    }

    @Test
    void anExternalSymbolStaysExternal() {
        DocumentRegistered external = new DocumentRegistered("CM(2021)57", "Committee of Ministers' decision",
                DocumentKind.EXTERNAL, DEC_3, BOTH, DocumentAccess.PUBLIC, null);
        FixtureConfiguration<Document> fixture = new AggregateTestFixture<>(Document.class);
        fixture.registerInjectableResource((Documents) symbol -> false);
        TestExecutor<Document> given = fixture.given(external);
        String registration = fixture.getEventStore().readEvents("CM(2021)57").asStream()
                .map(DomainEventMessage::getIdentifier).findFirst().orElseThrow();
        given.when(new CorrectDocument("CM(2021)57", registration, "x", null, null, DocumentKind.OPINION, null))
                .expectException(InvalidRequest.class).expectNoEvents();
    }
}
