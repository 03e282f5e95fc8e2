package org.tcyledger.register;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.membership.MembershipEvent;
import org.tcyledger.contracts.membership.MembershipEvent.ContactPointAdded;
import org.tcyledger.contracts.membership.MembershipEvent.ContactPointDesignated;
import org.tcyledger.contracts.membership.MembershipEvent.ContactPointWithdrawn;
import org.tcyledger.contracts.membership.MembershipEvent.DenunciationCorrected;
import org.tcyledger.contracts.membership.MembershipEvent.InstrumentDepositCorrected;
import org.tcyledger.contracts.membership.MembershipEvent.InstrumentDeposited;
import org.tcyledger.contracts.membership.MembershipEvent.InvitationCorrected;
import org.tcyledger.contracts.membership.MembershipEvent.InvitedToAccede;
import org.tcyledger.contracts.membership.MembershipEvent.MemberRegistered;
import org.tcyledger.contracts.membership.MembershipEvent.NotificationReceived;
import org.tcyledger.contracts.membership.MembershipEvent.ObserverStatusEnded;
import org.tcyledger.contracts.membership.MembershipEvent.ObserverStatusGranted;
import org.tcyledger.contracts.membership.MembershipEvent.PersonalDataErased;
import org.tcyledger.contracts.membership.MembershipEvent.RepresentativeAppointed;
import org.tcyledger.contracts.membership.MembershipEvent.RepresentativeWithdrawn;
import org.tcyledger.contracts.membership.MembershipEvent.SignatureCorrected;
import org.tcyledger.contracts.membership.MembershipEvent.TreatyDenounced;
import org.tcyledger.contracts.membership.MembershipEvent.TreatySigned;
import org.tcyledger.contracts.membership.TreatyEvent;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.eventsourcing.consumer.EventDecoder;
import org.tcyledger.eventsourcing.consumer.TopicConsumer;
import org.tcyledger.eventsourcing.consumer.Writes;

/**
 * Keeps the members register: who each member is, the dated steps it took under each treaty (corrections replace
 * the fact they correct), what it stated under each treaty (reservations, declarations, authorities, territorial
 * applications, each from its date), its observer status, its contact point and the units it has in the 24/7
 * network, and when each treaty entered into force.
 * Representatives are never kept here: observers do not see them. The consumer group is
 * {@code <service>-register}, so that every service keeps its own copy.
 */
@ApplicationScoped
public class MemberRegisterReplica implements TopicConsumer {

    private static final EventDecoder EVENTS = new EventDecoder(MembershipEvent.class, TreatyEvent.class);
    private static final String ERASED = NetworkUnits.ERASED;

    @Inject
    ContactPoints contactPoints;
    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @Override
    public String group() {
        return service + "-register";
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.MEMBERSHIP);
    }

    @Override
    public void apply(EventEnvelope envelope, Writes writes) throws SQLException {
        var decoded = EVENTS.decode(envelope);
        if (decoded.isEmpty()) {
            return;
        }
        Object event = decoded.get();
        if (event instanceof TreatyEvent.TreatyEnteredIntoForce entered) {
            writes.update("INSERT INTO register_treaty_in_force (treaty, in_force_on) VALUES (?, ?) "
                               + "ON CONFLICT (treaty) DO UPDATE SET in_force_on = excluded.in_force_on",
                    entered.treaty().name(), entered.inForceOn());
            return;
        }
        switch ((MembershipEvent) event) {
            case MemberRegistered registered -> writes.update(
                    "INSERT INTO register_member (id, name, kind, council_of_europe_member) VALUES (?, ?, ?, ?)",
                    registered.memberId(), registered.name(), registered.kind().name(),
                    registered.councilOfEuropeMember());
            case InvitedToAccede invited -> invitation(writes, invited.memberId(), invited.invitedOn());
            case InvitationCorrected corrected -> invitation(writes, corrected.memberId(), corrected.invitedOn());
            case TreatySigned signed -> signature(writes, signed);
            case SignatureCorrected corrected -> signatureCorrected(writes, corrected);
            case InstrumentDeposited deposited -> {
                deposit(writes, deposited.memberId(), deposited.treaty().name(), deposited.kind().name(),
                        deposited.depositedOn(), deposited.entryIntoForceOn());
                TreatyStatements.deposited(writes, envelope.id(), deposited.memberId(), deposited.treaty().name(),
                        deposited.depositedOn(), deposited.reservations(), deposited.declarations());
            }
            case InstrumentDepositCorrected corrected -> {
                deposit(writes, corrected.memberId(), corrected.treaty().name(), corrected.kind().name(),
                        corrected.depositedOn(), corrected.entryIntoForceOn());
                TreatyStatements.deposited(writes, envelope.id(), corrected.memberId(), corrected.treaty().name(),
                        corrected.depositedOn(), corrected.reservations(), corrected.declarations());
            }
            case TreatyDenounced denounced -> denunciation(writes, denounced.memberId(),
                    denounced.treaty().name(), denounced.notifiedOn(), denounced.effectiveOn());
            case DenunciationCorrected corrected -> denunciation(writes, corrected.memberId(),
                    corrected.treaty().name(), corrected.notifiedOn(), corrected.effectiveOn());
            // granted, ended and granted again on one day: the empty period gives way to the open one
            case ObserverStatusGranted granted -> writes.update(
                    "INSERT INTO register_observer_period (member_id, granted_on) VALUES (?, ?) "
                    + "ON CONFLICT (member_id, granted_on) DO UPDATE SET ended_on = NULL",
                    granted.memberId(), granted.grantedOn());
            case ObserverStatusEnded ended -> writes.update(
                    "UPDATE register_observer_period SET ended_on = ? WHERE member_id = ? AND ended_on IS NULL",
                    ended.endedOn(), ended.memberId());
            case ContactPointDesignated designated -> contactPoint(writes, designated);
            case PersonalDataErased erased -> {
                writes.update("UPDATE register_contact_point SET sealed = NULL, erased = true, phone = ?, email = ? "
                              + "WHERE person_id = ?", ERASED, ERASED, erased.personId());
                NetworkUnits.erased(writes, erased.personId());
            }
            case ContactPointAdded added -> contactPointAdded(writes, added);
            case ContactPointWithdrawn withdrawn -> NetworkUnits.withdrawn(writes, withdrawn);
            case NotificationReceived notification -> TreatyStatements.notified(writes, envelope.id(), notification);
            case RepresentativeAppointed appointed -> {
                // observers never see representatives
            }
            case RepresentativeWithdrawn withdrawn -> {
                // observers never see representatives
            }
        }
    }

    /** Observers read the contact point, so its phone and email are opened and kept, until erasure. */
    private void contactPoint(Writes writes, ContactPointDesignated designated) throws SQLException {
        ContactPoints.Opened opened = contactPoints.open(designated.personId(), designated.personalData().ciphertext());
        String phone = null;
        String email = null;
        boolean erased = false;
        switch (opened) {
            case ContactPoints.Opened.Fields fields -> {
                phone = fields.values().get("phone");
                email = fields.values().get("email");
            }
            case ContactPoints.Opened.Erased gone -> {
                phone = ERASED;
                email = ERASED;
                erased = true;
            }
            case ContactPoints.Opened.Unavailable unavailable -> {
            }
        }
        writes.update("INSERT INTO register_contact_point (member_id, person_id, unit, sealed, phone, email, erased) "
                           + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (member_id) DO UPDATE SET "
                           + "person_id = excluded.person_id, unit = excluded.unit, sealed = excluded.sealed, "
                           + "phone = excluded.phone, email = excluded.email, erased = excluded.erased",
                designated.memberId(), designated.personId(), designated.unit(),
                erased ? null : designated.personalData().ciphertext(), phone, email, erased);
        NetworkUnits.designated(writes, designated, erased, phone, email);
    }

    /** A further unit of the network; its named person, if any, is opened like a contact point. */
    private void contactPointAdded(Writes writes, ContactPointAdded added) {
        boolean erased = false;
        String name = null;
        if (added.person() != null) {
            switch (contactPoints.open(added.person().personId(), added.person().ciphertext())) {
                case ContactPoints.Opened.Fields fields -> name = fields.values().get("name");
                case ContactPoints.Opened.Erased gone -> {
                    name = ERASED;
                    erased = true;
                }
                case ContactPoints.Opened.Unavailable unavailable -> {
                }
            }
        }
        NetworkUnits.added(writes, added, erased, name);
    }

    private static void invitation(Writes writes, String memberId, LocalDate invitedOn) throws SQLException {
        writes.update("UPDATE register_member SET invited_on = ? WHERE id = ?", invitedOn, memberId);
    }

    /** A signature without reservation as to ratification is also the consent: its entry into force is kept. */
    private static void signature(Writes writes, TreatySigned signed) {
        writes.update("INSERT INTO register_treaty (member_id, treaty, signed_on, signed_without_reservation, "
                      + "signature_entry_into_force_on) VALUES (?, ?, ?, ?, ?) ON CONFLICT (member_id, treaty) DO UPDATE "
                      + "SET signed_on = excluded.signed_on, "
                      + "signed_without_reservation = excluded.signed_without_reservation, "
                      + "signature_entry_into_force_on = excluded.signature_entry_into_force_on",
                signed.memberId(), signed.treaty().name(), signed.signedOn(),
                signed.withoutReservationAsToRatification(), signed.entryIntoForceOn());
    }

    /**
     * A corrected date keeps the kind of signature; the entry into force of a consent by signature is then derived
     * again from the corrected date (the event does not carry it).
     */
    private static void signatureCorrected(Writes writes, SignatureCorrected corrected) {
        writes.update("INSERT INTO register_treaty (member_id, treaty, signed_on) VALUES (?, ?, ?) "
                      + "ON CONFLICT (member_id, treaty) DO UPDATE SET signed_on = excluded.signed_on, "
                      + "signature_entry_into_force_on = CASE WHEN register_treaty.signed_on = excluded.signed_on "
                      + "THEN register_treaty.signature_entry_into_force_on END",
                corrected.memberId(), corrected.treaty().name(), corrected.signedOn());
    }

    private static void deposit(Writes writes, String memberId, String treaty, String kind,
                                LocalDate depositedOn, LocalDate entryIntoForceOn) throws SQLException {
        writes.update("INSERT INTO register_treaty (member_id, treaty, instrument, deposited_on, entry_into_force_on) "
                           + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (member_id, treaty) DO UPDATE SET "
                           + "instrument = excluded.instrument, deposited_on = excluded.deposited_on, "
                           + "entry_into_force_on = excluded.entry_into_force_on",
                memberId, treaty, kind, depositedOn, entryIntoForceOn);
    }

    private static void denunciation(Writes writes, String memberId, String treaty, LocalDate notifiedOn,
                                     LocalDate effectiveOn) throws SQLException {
        writes.update("INSERT INTO register_treaty (member_id, treaty, denounced_on, denunciation_effective_on) "
                           + "VALUES (?, ?, ?, ?) ON CONFLICT (member_id, treaty) DO UPDATE SET "
                           + "denounced_on = excluded.denounced_on, "
                           + "denunciation_effective_on = excluded.denunciation_effective_on",
                memberId, treaty, notifiedOn, effectiveOn);
    }
}
