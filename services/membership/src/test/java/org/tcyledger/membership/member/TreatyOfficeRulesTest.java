package org.tcyledger.membership.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tcyledger.eventsourcing.RuleNamed.ruleNamed;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.membership.InstrumentKind;
import org.tcyledger.contracts.membership.MemberKind;
import org.tcyledger.contracts.membership.MembershipEvent;
import org.tcyledger.contracts.membership.MembershipEvent.AuthorityFunction;
import org.tcyledger.contracts.membership.MembershipEvent.InstrumentDeposited;
import org.tcyledger.contracts.membership.MembershipEvent.InvitedToAccede;
import org.tcyledger.contracts.membership.MembershipEvent.MemberRegistered;
import org.tcyledger.contracts.membership.MembershipEvent.NotificationKind;
import org.tcyledger.contracts.membership.MembershipEvent.NotificationReceived;
import org.tcyledger.contracts.membership.MembershipEvent.TreatySigned;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.contracts.membership.TreatyStatus;
import org.tcyledger.membership.member.MemberCommands.DepositInstrument;
import org.tcyledger.membership.member.MemberCommands.InviteToAccede;
import org.tcyledger.membership.member.MemberCommands.Notify;
import org.tcyledger.membership.member.MemberCommands.SignTreaty;

/**
 * The Treaty Office's rules of domain.md §1 at their edges: who may sign, invitations (not before the Convention is in
 * force, valid five years: the last day and the first day after), the protocols' signature without reservation as to
 * ratification, accession to ETS189, later notifications and the 24/7 units.
 */
class TreatyOfficeRulesTest {

    private FixtureConfiguration<Member> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource((TreatyCalendars) () -> MemberTest.CALENDAR);
        fixture.registerInjectableResource(new RecordingPersonKeys());
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    private static MemberRegistered state(String id, String name, boolean councilOfEurope) {
        return new MemberRegistered(id, name, MemberKind.STATE, councilOfEurope);
    }

    private static InstrumentDeposited deposited(String id, Treaty treaty, InstrumentKind kind, String on,
                                                 String inForceOn) {
        return new InstrumentDeposited(id, treaty, kind, d(on), List.of(), List.of(), inForceOn == null ? null
                : d(inForceOn));
    }

    private static DepositInstrument deposit(String id, Treaty treaty, InstrumentKind kind, String on) {
        return new DepositInstrument(id, treaty, kind, d(on), List.of(), List.of());
    }

    // who may sign

    @Test
    void southAfricaTookPartInTheElaborationAndMaySign() {
        fixture.given(state("ZA", "South Africa", false))
                .when(new SignTreaty("ZA", Treaty.ETS185, d("2001-11-23")))
                .expectEvents(new TreatySigned("ZA", Treaty.ETS185, d("2001-11-23")));
    }

    @Test
    void anyOtherNonMemberStateCannotSignTheConvention() {
        fixture.given(state("AU", "Australia", false))
                .when(new SignTreaty("AU", Treaty.ETS185, d("2012-01-10")))
                .expectException(ruleNamed("signature-not-open")).expectNoEvents();
    }

    @Test
    void anOrganisationCannotSignTheConvention() {
        fixture.given(new MemberRegistered("EUROJUST", "Eurojust", MemberKind.ORGANISATION, false))
                .when(new SignTreaty("EUROJUST", Treaty.ETS185, d("2012-01-10")))
                .expectException(ruleNamed("signature-not-open")).expectNoEvents();
    }

    @Test
    void theFirstProtocolIsOpenOnlyToSignatoriesOfTheConvention() {
        fixture.given(state("AU", "Australia", false), new InvitedToAccede("AU", d("2010-11-30"), null, d("2015-11-30")),
                        deposited("AU", Treaty.ETS185, InstrumentKind.ACCESSION, "2012-11-30", "2013-03-01"))
                .when(new SignTreaty("AU", Treaty.ETS189, d("2013-05-01")))
                .expectException(ruleNamed("signature-not-open")).expectNoEvents();
    }

    @Test
    void theFirstProtocolMayBeSignedOnTheDayTheConventionWasSigned() {
        fixture.given(state("FR", "France", true), new TreatySigned("FR", Treaty.ETS185, d("2003-01-28")))
                .when(new SignTreaty("FR", Treaty.ETS189, d("2003-01-28")))
                .expectEvents(new TreatySigned("FR", Treaty.ETS189, d("2003-01-28")));
    }

    // invitations

    @Test
    void anInvitationIsMadeOnlyOnceTheConventionIsInForce() {
        fixture.given(state("AU", "Australia", false))
                .when(new InviteToAccede("AU", d("2004-06-30"), null))
                .expectException(ruleNamed("invitation-before-convention-in-force")).expectNoEvents();
        fixture.given(state("AU", "Australia", false))
                .when(new InviteToAccede("AU", d("2004-07-01"), null))
                .expectEvents(new InvitedToAccede("AU", d("2004-07-01"), null, d("2009-07-01")));
    }

    @Test
    void anAccessionOnTheLastDayOfTheInvitationIsValid() {
        fixture.given(state("AU", "Australia", false), new InvitedToAccede("AU", d("2010-03-01"), null, d("2015-03-01")))
                .when(deposit("AU", Treaty.ETS185, InstrumentKind.ACCESSION, "2015-02-28"))
                .expectEvents(deposited("AU", Treaty.ETS185, InstrumentKind.ACCESSION, "2015-02-28", "2015-06-01"));
    }

    @Test
    void anAccessionOnTheFirstDayAfterTheInvitationLapsedIsRefused() {
        fixture.given(state("AU", "Australia", false), new InvitedToAccede("AU", d("2010-03-01"), null, d("2015-03-01")))
                .when(deposit("AU", Treaty.ETS185, InstrumentKind.ACCESSION, "2015-03-01"))
                .expectException(ruleNamed("invitation-expired")).expectNoEvents();
    }

    @Test
    void aStateIsInvitedAgainOnlyOnceItsInvitationLapsed() {
        fixture.given(state("AU", "Australia", false), new InvitedToAccede("AU", d("2010-03-01"), null, d("2015-03-01")))
                .when(new InviteToAccede("AU", d("2015-02-28"), null))
                .expectException(ruleNamed("no-second-invitation")).expectNoEvents();
        fixture.given(state("AU", "Australia", false), new InvitedToAccede("AU", d("2010-03-01"), null, d("2015-03-01")))
                .when(new InviteToAccede("AU", d("2015-03-01"), "invited again"))
                .expectEvents(new InvitedToAccede("AU", d("2015-03-01"), "invited again", d("2020-03-01")));
    }

    @Test
    void invitedAndObserverUntilTheLastDayOfTheInvitationOnly() {
        TreatyStatus.Steps steps = TreatyStatus.Steps.NONE.withInvitation(d("2010-03-01"));
        assertEquals(TreatyStatus.INVITED, TreatyStatus.on(d("2015-02-28"), steps));
        assertEquals(TreatyStatus.NONE, TreatyStatus.on(d("2015-03-01"), steps));
        assertEquals(org.tcyledger.contracts.membership.Capacity.NONE,
                org.tcyledger.contracts.membership.Capacity.of(TreatyStatus.on(d("2015-03-01"), steps), false));
    }

    // consent by signature without reservation as to ratification

    @Test
    void aSignatureWithoutReservationBindsAPartyToTheConventionToTheProtocol() {
        fixture.given(state("FR", "France", true), new TreatySigned("FR", Treaty.ETS185, d("2001-11-23")),
                        deposited("FR", Treaty.ETS185, InstrumentKind.RATIFICATION, "2006-01-10", "2006-05-01"))
                .when(new SignTreaty("FR", Treaty.ETS189, d("2006-01-10"), true))
                .expectEvents(new TreatySigned("FR", Treaty.ETS189, d("2006-01-10"), true, d("2006-05-01")))
                .expectResultMessagePayload(d("2006-05-01"));
    }

    @Test
    void theConventionIsNeverSignedWithoutReservationAsToRatification() {
        fixture.given(state("FR", "France", true))
                .when(new SignTreaty("FR", Treaty.ETS185, d("2001-11-23"), true))
                .expectException(ruleNamed("signature-without-reservation-only-for-protocols")).expectNoEvents();
    }

    @Test
    void aSignatureWithoutReservationNeedsTheConventionDepositedFirst() {
        fixture.given(state("FR", "France", true), new TreatySigned("FR", Treaty.ETS185, d("2001-11-23")))
                .when(new SignTreaty("FR", Treaty.ETS189, d("2003-01-28"), true))
                .expectException(ruleNamed("protocol-needs-convention-deposit")).expectNoEvents();
    }

    @Test
    void noDepositAfterASignatureThatAlreadyBinds() {
        fixture.given(state("FR", "France", true), new TreatySigned("FR", Treaty.ETS185, d("2001-11-23")),
                        deposited("FR", Treaty.ETS185, InstrumentKind.RATIFICATION, "2006-01-10", "2006-05-01"),
                        new TreatySigned("FR", Treaty.ETS189, d("2006-01-10"), true, d("2006-05-01")))
                .when(deposit("FR", Treaty.ETS189, InstrumentKind.RATIFICATION, "2006-02-01"))
                .expectException(ruleNamed("already-bound-by-signature")).expectNoEvents();
    }

    // accession to the first protocol

    @Test
    void anAccedingStateAccedesToTheFirstProtocolOnlyOnceItIsInForce() {
        MemberRegistered mu = state("MU", "Mauritius", false);
        InvitedToAccede invited = new InvitedToAccede("MU", d("2004-07-01"), null, d("2009-07-01"));
        InstrumentDeposited acceded = deposited("MU", Treaty.ETS185, InstrumentKind.ACCESSION, "2004-11-15",
                "2005-03-01");
        fixture.given(mu, invited, acceded)
                .when(deposit("MU", Treaty.ETS189, InstrumentKind.ACCESSION, "2006-02-28"))
                .expectException(ruleNamed("accession-only-once-in-force")).expectNoEvents();
        fixture.given(mu, invited, acceded)
                .when(deposit("MU", Treaty.ETS189, InstrumentKind.ACCESSION, "2006-03-01"))
                .expectEvents(deposited("MU", Treaty.ETS189, InstrumentKind.ACCESSION, "2006-03-01", "2006-07-01"));
    }

    @Test
    void aSignatoryOfTheConventionDoesNotAccedeToTheFirstProtocol() {
        fixture.given(state("FR", "France", true), new TreatySigned("FR", Treaty.ETS185, d("2001-11-23")),
                        deposited("FR", Treaty.ETS185, InstrumentKind.RATIFICATION, "2006-01-10", "2006-05-01"))
                .when(deposit("FR", Treaty.ETS189, InstrumentKind.ACCESSION, "2007-01-10"))
                .expectException(ruleNamed("accession-only-for-acceding-states")).expectNoEvents();
    }

    // later notifications

    private static Notify notify(String id, NotificationKind kind, String article, String on,
                                 MembershipEvent.Authority authority) {
        return new Notify(id, Treaty.ETS185, kind, article, d(on), null, "text of " + kind, authority);
    }

    @Test
    void onlyASignatoryOrDepositorNotifies() {
        fixture.given(state("FR", "France", true))
                .when(notify("FR", NotificationKind.DECLARATION, "24", "2006-01-10", null))
                .expectException(ruleNamed("notification-needs-signature-or-deposit")).expectNoEvents();
    }

    @Test
    void anAuthorityIsDesignatedAfterDeposit() {
        MembershipEvent.Authority authority = new MembershipEvent.Authority(AuthorityFunction.NETWORK_24_7_ART35,
                "National Police, cybercrime unit", null, "+33 1 00 00 00 00", null);
        fixture.given(state("FR", "France", true), new TreatySigned("FR", Treaty.ETS185, d("2001-11-23")))
                .when(notify("FR", NotificationKind.AUTHORITY_DESIGNATED, "35", "2006-01-10", authority))
                .expectEvents(new NotificationReceived("FR", Treaty.ETS185, NotificationKind.AUTHORITY_DESIGNATED,
                        "35", d("2006-01-10"), d("2006-01-10"), "text of AUTHORITY_DESIGNATED", authority));
    }

    @Test
    void aWithdrawalNamesAReservationInForce() {
        NotificationReceived reservation = new NotificationReceived("FR", Treaty.ETS185, NotificationKind.RESERVATION,
                "9", d("2006-01-10"), d("2006-03-01"), "Article 9, paragraph 2.b", null);
        fixture.given(state("FR", "France", true), new TreatySigned("FR", Treaty.ETS185, d("2001-11-23")),
                        reservation)
                .when(notify("FR", NotificationKind.RESERVATION_WITHDRAWN, "9", "2006-02-28", null))
                .expectException(ruleNamed("withdrawal-of-statement-not-in-force")).expectNoEvents();
        fixture.given(state("FR", "France", true), new TreatySigned("FR", Treaty.ETS185, d("2001-11-23")),
                        reservation)
                .when(notify("FR", NotificationKind.RESERVATION_WITHDRAWN, "9", "2006-03-01", null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aNotificationTakesEffectNotBeforeItsDate() {
        fixture.given(state("FR", "France", true), new TreatySigned("FR", Treaty.ETS185, d("2001-11-23")))
                .when(new Notify("FR", Treaty.ETS185, NotificationKind.DECLARATION, "27", d("2006-01-10"),
                        d("2006-01-09"), "text", null))
                .expectException(ruleNamed("effective-not-before-notified")).expectNoEvents();
    }

    // the 24/7 network

    @Test
    void aUnitOfTheNetworkIsWithdrawnOnceAndNotBeforeItsDesignation() {
        MembershipEvent.ContactPointAdded unit = new MembershipEvent.ContactPointAdded("FR", "u1", "OCLCTIC",
                "+33 1 00 00 00 00", "oclctic@example.org", "24/7", d("2010-01-01"), null);
        fixture.given(state("FR", "France", true), unit)
                .when(new MemberCommands.WithdrawContactPoint("FR", "u2", d("2012-01-01")))
                .expectException(ruleNamed("unknown-contact-point-unit")).expectNoEvents();
        fixture.given(state("FR", "France", true), unit)
                .when(new MemberCommands.WithdrawContactPoint("FR", "u1", d("2009-12-31")))
                .expectException(ruleNamed("date-not-before-previous-step")).expectNoEvents();
        fixture.given(state("FR", "France", true), unit,
                        new MembershipEvent.ContactPointWithdrawn("FR", "u1", d("2012-01-01")))
                .when(new MemberCommands.WithdrawContactPoint("FR", "u1", d("2013-01-01")))
                .expectException(ruleNamed("contact-point-unit-already-withdrawn")).expectNoEvents();
    }
}
