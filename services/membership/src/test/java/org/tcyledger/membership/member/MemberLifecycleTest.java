package org.tcyledger.membership.member;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tcyledger.eventsourcing.RuleNamed.ruleNamed;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.membership.InstrumentKind;
import org.tcyledger.contracts.membership.MemberKind;
import org.tcyledger.contracts.membership.MembershipEvent.ContactPointDesignated;
import org.tcyledger.contracts.membership.MembershipEvent.InstrumentDeposited;
import org.tcyledger.contracts.membership.MembershipEvent.InvitedToAccede;
import org.tcyledger.contracts.membership.MembershipEvent.MemberRegistered;
import org.tcyledger.contracts.membership.MembershipEvent.ObserverStatusEnded;
import org.tcyledger.contracts.membership.MembershipEvent.ObserverStatusGranted;
import org.tcyledger.contracts.membership.MembershipEvent.PersonalDataErased;
import org.tcyledger.contracts.membership.MembershipEvent.RepresentativeAppointed;
import org.tcyledger.contracts.membership.MembershipEvent.RepresentativeWithdrawn;
import org.tcyledger.contracts.membership.MembershipEvent.SealedPersonalData;
import org.tcyledger.contracts.membership.MembershipEvent.SignatureCorrected;
import org.tcyledger.contracts.membership.MembershipEvent.TreatyDenounced;
import org.tcyledger.contracts.membership.MembershipEvent.TreatySigned;
import org.tcyledger.contracts.membership.RepresentativeRole;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.membership.member.MemberCommands.AppointRepresentative;
import org.tcyledger.membership.member.MemberCommands.CorrectFact;
import org.tcyledger.membership.member.MemberCommands.Denounce;
import org.tcyledger.membership.member.MemberCommands.DepositInstrument;
import org.tcyledger.membership.member.MemberCommands.DesignateContactPoint;
import org.tcyledger.membership.member.MemberCommands.EndObserverStatus;
import org.tcyledger.membership.member.MemberCommands.ErasePersonalData;
import org.tcyledger.membership.member.MemberCommands.GrantObserverStatus;
import org.tcyledger.membership.member.MemberCommands.InviteToAccede;
import org.tcyledger.membership.member.MemberCommands.SignTreaty;
import org.tcyledger.membership.member.MemberCommands.WithdrawRepresentative;

/** Invitations, accession, denunciation, observer status, people and corrections: one rule per test. */
class MemberLifecycleTest {

    private static final LocalDate OPENED = LocalDate.parse("2001-11-23");
    private static final MemberRegistered AUSTRALIA = new MemberRegistered("AU", "Australia", MemberKind.STATE, false);
    private static final MemberRegistered ESTONIA = new MemberRegistered("EE", "Estonia", MemberKind.STATE, true);
    private static final MemberRegistered INTERPOL = new MemberRegistered("INTERPOL",
            "International Criminal Police Organization", MemberKind.ORGANISATION, false);

    /** The vault's stand-in, one per test: what the Member sealed and which keys it destroyed. */
    private final RecordingPersonKeys keys = new RecordingPersonKeys();
    private final List<String> sealed = keys.sealed;
    private final List<String> destroyed = keys.destroyed;

    private static String ciphertext(String memberId, String personId) {
        return RecordingPersonKeys.ciphertext(memberId, personId);
    }

    /** A fixture per scenario: one fixture follows one aggregate. */
    private FixtureConfiguration<Member> fixture() {
        FixtureConfiguration<Member> fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource((TreatyCalendars) () -> MemberTest.CALENDAR);
        fixture.registerInjectableResource(keys);
        return fixture;
    }

    private static InstrumentDeposited deposit(String id, Treaty treaty, InstrumentKind kind, String on, String inForce) {
        return new InstrumentDeposited(id, treaty, kind, LocalDate.parse(on), List.of(), List.of(),
                inForce == null ? null : LocalDate.parse(inForce));
    }

    private static final Object[] ESTONIA_PARTY = {ESTONIA, new TreatySigned("EE", Treaty.ETS185, OPENED),
            deposit("EE", Treaty.ETS185, InstrumentKind.RATIFICATION, "2003-05-12", "2004-07-01")};

    @Test
    void aStateOutsideTheCouncilOfEuropeIsInvitedAndAccedes() {
        fixture().given(AUSTRALIA)
                .when(new InviteToAccede("AU", LocalDate.parse("2011-03-02"), "T-CY invitation (invented for tests)"))
                .expectEvents(new InvitedToAccede("AU", LocalDate.parse("2011-03-02"), "T-CY invitation (invented for tests)",
                        LocalDate.parse("2016-03-02")));
        fixture().given(AUSTRALIA, new InvitedToAccede("AU", LocalDate.parse("2011-03-02"), null, LocalDate.parse("2016-03-02")))
                .when(new DepositInstrument("AU", Treaty.ETS185, InstrumentKind.ACCESSION, LocalDate.parse("2012-11-30"),
                        List.of(), List.of()))
                .expectEvents(deposit("AU", Treaty.ETS185, InstrumentKind.ACCESSION, "2012-11-30", "2013-03-01"));
    }

    @Test
    void aCouncilOfEuropeMemberIsNotInvited() {
        fixture().given(ESTONIA).when(new InviteToAccede("EE", LocalDate.parse("2010-01-01"), null))
                .expectException(ruleNamed("invitation-only-outside-council-of-europe")).expectNoEvents();
    }

    @Test
    void anOrganisationIsNotInvited() {
        fixture().given(INTERPOL).when(new InviteToAccede("INTERPOL", LocalDate.parse("2010-01-01"), null))
                .expectException(ruleNamed("invitation-only-for-a-state")).expectExceptionMessage(containsString("organisation"));
    }

    @Test
    void aSignatoryIsNotInvited() {
        fixture().given(new MemberRegistered("US", "United States of America", MemberKind.STATE, false),
                        new TreatySigned("US", Treaty.ETS185, OPENED))
                .when(new InviteToAccede("US", LocalDate.parse("2005-01-01"), null))
                .expectException(ruleNamed("invitation-only-before-signature-or-deposit")).expectNoEvents();
    }

    @Test
    void noSecondInvitation() {
        fixture().given(AUSTRALIA, new InvitedToAccede("AU", LocalDate.parse("2011-03-02"), null, LocalDate.parse("2016-03-02")))
                .when(new InviteToAccede("AU", LocalDate.parse("2011-04-02"), null))
                .expectException(ruleNamed("no-second-invitation")).expectNoEvents();
    }

    @Test
    void accessionCannotPrecedeTheInvitation() {
        fixture().given(AUSTRALIA, new InvitedToAccede("AU", LocalDate.parse("2011-03-02"), null, LocalDate.parse("2016-03-02")))
                .when(new DepositInstrument("AU", Treaty.ETS185, InstrumentKind.ACCESSION, LocalDate.parse("2011-03-01"),
                        List.of(), List.of()))
                .expectException(ruleNamed("date-not-before-previous-step")).expectExceptionMessage(containsString("before the invitation"));
    }

    @Test
    void onlyAPartyDenouncesAndTheProtocolsEndWithTheConvention() {
        fixture().given(ESTONIA)
                .when(new Denounce("EE", Treaty.ETS185, LocalDate.parse("2010-01-10")))
                .expectException(ruleNamed("denunciation-only-by-party")).expectNoEvents();
        fixture().given(ESTONIA_PARTY[0], ESTONIA_PARTY[1], ESTONIA_PARTY[2],
                        new TreatySigned("EE", Treaty.ETS189, LocalDate.parse("2003-01-28")),
                        deposit("EE", Treaty.ETS189, InstrumentKind.RATIFICATION, "2006-05-11", "2006-09-01"))
                .when(new Denounce("EE", Treaty.ETS185, LocalDate.parse("2020-01-15")))
                .expectEvents(new TreatyDenounced("EE", Treaty.ETS185, LocalDate.parse("2020-01-15"), LocalDate.parse("2020-05-01")),
                        new TreatyDenounced("EE", Treaty.ETS189, LocalDate.parse("2020-01-15"), LocalDate.parse("2020-05-01")))
                .expectResultMessagePayload(LocalDate.parse("2020-05-01"));
    }

    @Test
    void noSecondDenunciation() {
        fixture().given(ESTONIA_PARTY[0], ESTONIA_PARTY[1], ESTONIA_PARTY[2],
                        new TreatyDenounced("EE", Treaty.ETS185, LocalDate.parse("2020-01-15"), LocalDate.parse("2020-05-01")))
                .when(new Denounce("EE", Treaty.ETS185, LocalDate.parse("2020-02-15")))
                .expectException(ruleNamed("no-second-denunciation")).expectNoEvents();
    }

    @Test
    void observerStatusIsForNonPartiesAndEnds() {
        fixture().given(INTERPOL)
                .when(new GrantObserverStatus("INTERPOL", LocalDate.parse("2006-03-20"), null))
                .expectEvents(new ObserverStatusGranted("INTERPOL", LocalDate.parse("2006-03-20"), null));
        fixture().given(ESTONIA_PARTY)
                .when(new GrantObserverStatus("EE", LocalDate.parse("2006-03-20"), null))
                .expectException(ruleNamed("observer-status-only-for-non-party")).expectExceptionMessage(containsString("Party"));
        fixture().given(INTERPOL, new ObserverStatusGranted("INTERPOL", LocalDate.parse("2006-03-20"), null))
                .when(new GrantObserverStatus("INTERPOL", LocalDate.parse("2007-01-01"), null))
                .expectException(ruleNamed("observer-status-already-held"));
        fixture().given(INTERPOL, new ObserverStatusGranted("INTERPOL", LocalDate.parse("2006-03-20"), null))
                .when(new EndObserverStatus("INTERPOL", LocalDate.parse("2006-03-19")))
                .expectException(ruleNamed("date-not-before-previous-step")).expectExceptionMessage(containsString("before"));
        fixture().given(INTERPOL, new ObserverStatusGranted("INTERPOL", LocalDate.parse("2006-03-20"), null))
                .when(new EndObserverStatus("INTERPOL", LocalDate.parse("2010-01-01")))
                .expectEvents(new ObserverStatusEnded("INTERPOL", LocalDate.parse("2010-01-01")));
        fixture().given(INTERPOL).when(new EndObserverStatus("INTERPOL", LocalDate.parse("2010-01-01")))
                .expectException(ruleNamed("no-observer-status"));
    }

    /** The name and email go into the event only as the representative's key sealed them. */
    @Test
    void representativesAreAppointedWithdrawnAndErased() {
        SealedPersonalData data = new SealedPersonalData("r1", ciphertext("EE", "r1"));
        RepresentativeAppointed appointed = new RepresentativeAppointed("EE", "r1", RepresentativeRole.HEAD_OF_DELEGATION,
                LocalDate.parse("2015-01-05"), data);
        fixture().given(ESTONIA)
                .when(new AppointRepresentative("EE", "r1", RepresentativeRole.HEAD_OF_DELEGATION,
                        LocalDate.parse("2015-01-05"), "Jaan Tamm", "jaan.tamm@example.ee"))
                .expectEvents(appointed).expectResultMessagePayload("r1");
        assertEquals(List.of("r1: {name=Jaan Tamm, email=jaan.tamm@example.ee}"), sealed);
        fixture().given(ESTONIA, appointed)
                .when(new WithdrawRepresentative("EE", "r1", LocalDate.parse("2015-01-04")))
                .expectException(ruleNamed("date-not-before-previous-step"));
        fixture().given(ESTONIA, appointed, new RepresentativeWithdrawn("EE", "r1", LocalDate.parse("2016-01-01")))
                .when(new WithdrawRepresentative("EE", "r1", LocalDate.parse("2016-02-01")))
                .expectException(ruleNamed("representative-already-withdrawn"));
        fixture().given(ESTONIA).when(new WithdrawRepresentative("EE", "nobody", LocalDate.parse("2016-02-01")))
                .expectException(ruleNamed("unknown-representative"));
        fixture().given(ESTONIA, appointed)
                .when(new ErasePersonalData("EE", "r1", "DATA_SUBJECT", "ROLE_ENDED"))
                .expectEvents(new PersonalDataErased("EE", "r1", "DATA_SUBJECT", "ROLE_ENDED"));
        fixture().given(ESTONIA, appointed, new PersonalDataErased("EE", "r1", "r1", "x"))
                .when(new ErasePersonalData("EE", "r1", "DATA_SUBJECT", "DATA_SUBJECT_REQUEST"))
                .expectException(ruleNamed("personal-data-already-erased"));
        fixture().given(ESTONIA, new ContactPointDesignated("EE", "p1", "Cybercrime unit", data))
                .when(new ErasePersonalData("EE", "nobody", "SECRETARIAT", "ROLE_ENDED"))
                .expectException(ruleNamed("unknown-person")).expectExceptionMessage(containsString("no person"));
        assertEquals(List.of("r1"), destroyed);
    }

    /** The phone and email go into the event only as the person's key sealed them; a new designation replaces the last. */
    @Test
    void aContactPointIsDesignatedWithItsDataSealed() {
        ContactPointDesignated first = new ContactPointDesignated("EE", "p1", "Cybercrime unit",
                new SealedPersonalData("p1", ciphertext("EE", "p1")));
        fixture().given(ESTONIA)
                .when(new DesignateContactPoint("EE", "p1", "Cybercrime unit", "+372 612 3000", "cyber@example.ee"))
                .expectEvents(first);
        fixture().given(ESTONIA, first)
                .when(new DesignateContactPoint("EE", "p2", "Cybercrime unit", "+372 612 3001", "24-7@example.ee"))
                .expectEvents(new ContactPointDesignated("EE", "p2", "Cybercrime unit",
                        new SealedPersonalData("p2", ciphertext("EE", "p2"))));
        assertEquals(List.of("p1: {phone=+372 612 3000, email=cyber@example.ee}",
                "p2: {phone=+372 612 3001, email=24-7@example.ee}"), sealed);
    }

    /** Erasure destroys the person's key with the event that records it, and never when the erasure is refused. */
    @Test
    void anErasureDestroysThePersonsKeyOnlyWhenItIsRecorded() {
        ContactPointDesignated designated = new ContactPointDesignated("EE", "p1", "Cybercrime unit",
                new SealedPersonalData("p1", ciphertext("EE", "p1")));
        fixture().given(ESTONIA, designated)
                .when(new ErasePersonalData("EE", "p1", "MEMBER_DELEGATION", "ROLE_ENDED"))
                .expectEvents(new PersonalDataErased("EE", "p1", "MEMBER_DELEGATION", "ROLE_ENDED"));
        assertEquals(List.of("p1"), destroyed);
        fixture().given(ESTONIA, designated)
                .when(new ErasePersonalData("EE", "p1", "MEMBER_DELEGATION", "because Mari Kask asked"))
                .expectException(ruleNamed("erasure-for-a-listed-ground")).expectNoEvents();
        fixture().given(ESTONIA, designated, new PersonalDataErased("EE", "p1", "SECRETARIAT", "ROLE_ENDED"))
                .when(new ErasePersonalData("EE", "p1", "SECRETARIAT", "ROLE_ENDED"))
                .expectException(ruleNamed("personal-data-already-erased")).expectNoEvents();
        assertEquals(List.of("p1"), destroyed);
    }

    /**
     * The erasure event stays readable for good (the key it destroys is the person's, not the request's): who asked
     * and why may only name an office and a ground, never a person, or the erasure itself would keep personal data.
     */
    @Test
    void anErasureNamesAnOfficeAndAGroundNotAPerson() {
        RepresentativeAppointed appointed = new RepresentativeAppointed("EE", "r1", RepresentativeRole.DELEGATE,
                LocalDate.parse("2015-01-05"), new SealedPersonalData("r1", "c2VhbGVk"));
        fixture().given(ESTONIA, appointed)
                .when(new ErasePersonalData("EE", "r1", "Jaan Tamm", "ROLE_ENDED"))
                .expectException(ruleNamed("erasure-requested-by-an-office")).expectNoEvents();
        fixture().given(ESTONIA, appointed)
                .when(new ErasePersonalData("EE", "r1", "MEMBER_DELEGATION", "Jaan Tamm left; ask Mari Kask"))
                .expectException(ruleNamed("erasure-for-a-listed-ground")).expectNoEvents();
        fixture().given(ESTONIA, appointed)
                .when(new ErasePersonalData("EE", "r1", "DATA_PROTECTION_OFFICER", "UNLAWFULLY_PROCESSED"))
                .expectEvents(new PersonalDataErased("EE", "r1", "DATA_PROTECTION_OFFICER", "UNLAWFULLY_PROCESSED"));
    }

    @Test
    void aCorrectionNamesARecordedFact() {
        fixture().given(ESTONIA)
                .when(new CorrectFact("EE", "no-such-event", "typo", null, null, Treaty.ETS185, OPENED, null, null,
                        List.of(), List.of(), null))
                .expectException(ruleNamed("correction-of-unknown-fact")).expectExceptionMessage(containsString("No invitation"));
    }

    /** A correction names the event of the fact it corrects; the corrected history must still pass every rule. */
    @Test
    void aCorrectedSignatureIsCheckedWithTheWholeHistory() {
        FixtureConfiguration<Member> early = fixture();
        TestExecutor<Member> givenEarly = early.given(ESTONIA_PARTY);
        String signature = eventId(early, "EE", 1);
        givenEarly.when(new CorrectFact("EE", signature, "the register had the wrong day", null, null, Treaty.ETS185,
                        OPENED.plusDays(1), null, null, List.of(), List.of(), null))
                .expectEvents(new SignatureCorrected("EE", signature, "the register had the wrong day", Treaty.ETS185,
                        OPENED.plusDays(1)));
        FixtureConfiguration<Member> late = fixture();
        TestExecutor<Member> givenLate = late.given(ESTONIA_PARTY);
        givenLate.when(new CorrectFact("EE", eventId(late, "EE", 1), "signed after the deposit?", null, null,
                        Treaty.ETS185, LocalDate.parse("2003-06-01"), null, null, List.of(), List.of(), null))
                .expectException(ruleNamed("date-not-before-previous-step")).expectNoEvents();
    }

    @Test
    void noSignatureAfterADeposit() {
        fixture().given(AUSTRALIA, new InvitedToAccede("AU", LocalDate.parse("2011-03-02"), null, LocalDate.parse("2016-03-02")),
                        deposit("AU", Treaty.ETS185, InstrumentKind.ACCESSION, "2012-11-30", "2013-03-01"))
                .when(new SignTreaty("AU", Treaty.ETS185, LocalDate.parse("2013-01-10")))
                .expectException(ruleNamed("no-signature-after-deposit")).expectNoEvents();
    }

    @Test
    void aRepresentativeIsWithdrawn() {
        RepresentativeAppointed appointed = new RepresentativeAppointed("EE", "r1", RepresentativeRole.DELEGATE,
                LocalDate.parse("2015-01-05"), new SealedPersonalData("r1", ciphertext("EE", "r1")));
        fixture().given(ESTONIA, appointed)
                .when(new WithdrawRepresentative("EE", "r1", LocalDate.parse("2016-01-01")))
                .expectEvents(new RepresentativeWithdrawn("EE", "r1", LocalDate.parse("2016-01-01")));
    }

    /** The id the fixture gave to the given event at {@code sequence}, which a correction names. */
    private static String eventId(FixtureConfiguration<Member> fixture, String memberId, long sequence) {
        return fixture.getEventStore().readEvents(memberId).asStream()
                .filter(event -> event.getSequenceNumber() == sequence).findFirst().orElseThrow().getIdentifier();
    }
}
