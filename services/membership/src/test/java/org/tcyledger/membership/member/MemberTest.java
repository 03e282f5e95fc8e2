package org.tcyledger.membership.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tcyledger.eventsourcing.RuleNamed.ruleNamed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tcyledger.contracts.membership.EntryIntoForce;
import org.tcyledger.contracts.membership.InstrumentKind;
import org.tcyledger.contracts.membership.MemberKind;
import org.tcyledger.contracts.membership.MembershipEvent.InstrumentDeposited;
import org.tcyledger.contracts.membership.MembershipEvent.MemberRegistered;
import org.tcyledger.contracts.membership.MembershipEvent.TreatySigned;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.contracts.membership.TreatyCalendar;
import org.tcyledger.membership.member.MemberCommands.DepositInstrument;
import org.tcyledger.membership.member.MemberCommands.RegisterMember;
import org.tcyledger.membership.member.MemberCommands.SignTreaty;

/** The rules of the Member aggregate, one given/when/then each, on the real record of the Convention. */
class MemberTest {

    private static final LocalDate OPENED = LocalDate.parse("2001-11-23");

    /** The treaties' dates as first start records them; CETS224 is not in force. */
    static final TreatyCalendar CALENDAR = TreatyCalendar.EMPTY
            .with(Treaty.ETS185, LocalDate.parse("2004-07-01"))
            .with(Treaty.ETS189, LocalDate.parse("2006-03-01"));

    private FixtureConfiguration<Member> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource((TreatyCalendars) () -> CALENDAR);
        fixture.registerInjectableResource(new RecordingPersonKeys());
    }

    private static MemberRegistered registered(String id, String name) {
        return new MemberRegistered(id, name, MemberKind.STATE, true);
    }

    private static DepositInstrument deposit(String id, Treaty treaty, InstrumentKind kind, String on) {
        return new DepositInstrument(id, treaty, kind, LocalDate.parse(on), List.of(), List.of());
    }

    @Test
    void aMemberIsRegistered() {
        fixture.givenNoPriorActivity()
                .when(new RegisterMember("EE", "Estonia", MemberKind.STATE, true))
                .expectEvents(registered("EE", "Estonia"));
    }

    @Test
    void aTreatyIsSigned() {
        fixture.given(registered("EE", "Estonia"))
                .when(new SignTreaty("EE", Treaty.ETS185, OPENED))
                .expectEvents(new TreatySigned("EE", Treaty.ETS185, OPENED));
    }

    @Test
    void noSecondSignature() {
        fixture.given(registered("EE", "Estonia"), new TreatySigned("EE", Treaty.ETS185, OPENED))
                .when(new SignTreaty("EE", Treaty.ETS185, LocalDate.parse("2002-01-10")))
                .expectException(ruleNamed("no-second-signature"))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("already signed"))
                .expectNoEvents();
    }

    @Test
    void noSignatureBeforeTheTreatyOpened() {
        fixture.given(registered("EE", "Estonia"))
                .when(new SignTreaty("EE", Treaty.ETS185, LocalDate.parse("2001-11-22")))
                .expectException(ruleNamed("not-before-treaty-opened"))
                .expectNoEvents();
        fixture.given(registered("EE", "Estonia"))
                .when(new SignTreaty("EE", Treaty.ETS185, OPENED))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void ratificationNeedsASignature() {
        fixture.given(registered("EE", "Estonia"))
                .when(deposit("EE", Treaty.ETS185, InstrumentKind.RATIFICATION, "2003-05-12"))
                .expectException(ruleNamed("deposit-needs-signature"))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("needs a prior signature"))
                .expectNoEvents();
    }

    @Test
    void theDepositCannotPrecedeTheSignature() {
        fixture.given(registered("EE", "Estonia"), new TreatySigned("EE", Treaty.ETS185, LocalDate.parse("2003-01-01")))
                .when(deposit("EE", Treaty.ETS185, InstrumentKind.RATIFICATION, "2002-12-31"))
                .expectException(ruleNamed("date-not-before-previous-step"))
                .expectNoEvents();
    }

    @Test
    void noSecondDeposit() {
        fixture.given(registered("EE", "Estonia"), new TreatySigned("EE", Treaty.ETS185, OPENED),
                        new InstrumentDeposited("EE", Treaty.ETS185, InstrumentKind.RATIFICATION,
                                LocalDate.parse("2003-05-12"), List.of(), List.of(), LocalDate.parse("2004-07-01")))
                .when(deposit("EE", Treaty.ETS185, InstrumentKind.RATIFICATION, "2003-06-12"))
                .expectException(ruleNamed("no-second-deposit"))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("already deposited"))
                .expectNoEvents();
    }

    @Test
    void accessionToTheConventionNeedsAnInvitation() {
        fixture.given(registered("AU", "Australia"))
                .when(deposit("AU", Treaty.ETS185, InstrumentKind.ACCESSION, "2012-11-30"))
                .expectException(ruleNamed("accession-needs-invitation"))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("invitation"))
                .expectNoEvents();
    }

    @Test
    void aProtocolNeedsTheMembersOwnConventionDeposit() {
        fixture.given(registered("FR", "France"), new TreatySigned("FR", Treaty.ETS189, LocalDate.parse("2003-01-28")))
                .when(deposit("FR", Treaty.ETS189, InstrumentKind.RATIFICATION, "2005-05-10"))
                .expectException(ruleNamed("protocol-needs-convention-deposit"))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("ETS185"))
                .expectNoEvents();
    }

    @Test
    void cets224IsSignedOnlyByAParty() {
        fixture.given(registered("EE", "Estonia"))
                .when(new SignTreaty("EE", Treaty.CETS224, LocalDate.parse("2022-05-12")))
                .expectException(ruleNamed("cets224-signature-only-by-party"))
                .expectNoEvents();
    }

    @Test
    void whileTheTreatyIsNotInForceTheMemberHasNoDate() {
        LocalDate signed = LocalDate.parse("2022-05-12");
        fixture.given(registered("EE", "Estonia"),
                        new TreatySigned("EE", Treaty.ETS185, OPENED),
                        new InstrumentDeposited("EE", Treaty.ETS185, InstrumentKind.RATIFICATION,
                                LocalDate.parse("2003-05-12"), List.of(), List.of(), LocalDate.parse("2004-07-01")),
                        new TreatySigned("EE", Treaty.CETS224, signed))
                .when(deposit("EE", Treaty.CETS224, InstrumentKind.RATIFICATION, "2023-03-01"))
                .expectEvents(new InstrumentDeposited("EE", Treaty.CETS224, InstrumentKind.RATIFICATION,
                        LocalDate.parse("2023-03-01"), List.of(), List.of(), null))
                .expectResultMessagePayload(null);
    }

    /** Every ETS185 deposit of the real record gives the entry-into-force date the Treaty Office lists. */
    @ParameterizedTest(name = "{0} deposited {2} → {3}")
    @MethodSource("ets185Deposits")
    void realDepositsEnterIntoForceOnTheRecordedDate(String id, String name, LocalDate signedOn, LocalDate depositedOn,
                                                     InstrumentKind kind, LocalDate expected) {
        fixture.given(registered(id, name), new TreatySigned(id, Treaty.ETS185, signedOn))
                .when(new DepositInstrument(id, Treaty.ETS185, kind, depositedOn, List.of(), List.of()))
                .expectEvents(new InstrumentDeposited(id, Treaty.ETS185, kind, depositedOn, List.of(), List.of(),
                        expected))
                .expectResultMessagePayload(expected);
    }

    static Stream<Arguments> ets185Deposits() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode member : history().get("members")) {
            JsonNode ets185 = member.get("ETS185");
            if (ets185 != null) {
                cases.add(Arguments.of(member.get("id").asText(), member.get("name").asText(),
                        LocalDate.parse(ets185.get("signedOn").asText()),
                        LocalDate.parse(ets185.get("depositedOn").asText()),
                        InstrumentKind.valueOf(ets185.get("instrument").asText()),
                        LocalDate.parse(ets185.get("expectedEntryIntoForce").asText())));
            }
        }
        return cases.stream();
    }

    /** Accessions of the real record, as the date computation alone (invitations arrive with the full register). */
    @ParameterizedTest(name = "{0} acceded {1} → {2}")
    @MethodSource("accessions")
    void realAccessionsEnterIntoForceOnTheRecordedDate(String state, LocalDate depositedOn, LocalDate expected) {
        assertEquals(expected, EntryIntoForce.forDeposit(depositedOn, CALENDAR.inForceOn(Treaty.ETS185).orElseThrow()));
    }

    static Stream<Arguments> accessions() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode accession : history().get("accessionEntryIntoForceCases")) {
            cases.add(Arguments.of(accession.get("state").asText(),
                    LocalDate.parse(accession.get("depositedOn").asText()),
                    LocalDate.parse(accession.get("expectedEntryIntoForce").asText())));
        }
        return cases.stream();
    }

    @Test
    void edgeCasesOfTheThreeMonthRule() {
        LocalDate inForce = CALENDAR.inForceOn(Treaty.ETS185).orElseThrow();
        assertEquals(LocalDate.parse("2016-07-01"), EntryIntoForce.forDeposit(LocalDate.parse("2016-03-01"), inForce));
        assertEquals(LocalDate.parse("2016-07-01"), EntryIntoForce.forDeposit(LocalDate.parse("2016-03-31"), inForce));
        assertEquals(LocalDate.parse("2016-03-01"), EntryIntoForce.forDeposit(LocalDate.parse("2015-11-30"), inForce));
        assertEquals(LocalDate.parse("2015-03-01"), EntryIntoForce.forDeposit(LocalDate.parse("2014-11-30"), inForce));
        assertEquals(LocalDate.parse("2004-09-01"), EntryIntoForce.forDeposit(LocalDate.parse("2004-05-12"), inForce));
        assertEquals(LocalDate.parse("2004-07-01"), EntryIntoForce.forDeposit(LocalDate.parse("2003-05-12"), inForce));
    }

    private static JsonNode history() throws IOException {
        try (InputStream in = MemberTest.class.getResourceAsStream("/tcy-history.json")) {
            return new ObjectMapper().readTree(in);
        }
    }
}
