package org.tcyledger.register;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tcyledger.contracts.membership.MemberKind;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.contracts.membership.TreatyCalendar;

/**
 * A member's history as far as the register keeps it: its invitation, its steps under each treaty (signature,
 * consent, entry into force, denunciation), what it stated (reservations, declarations, designations, territorial
 * applications and their withdrawals, each from its effective date) and its periods of observer status. The
 * corrected facts, as the register applies them; who recorded what and when is the audit log's.
 */
@ApplicationScoped
public class MemberHistory {

    /** A member's steps under one treaty; {@code instrument} names the consent ({@code SIGNATURE_WITHOUT_RESERVATION} too). */
    public record TreatySteps(Treaty treaty, LocalDate signedOn, String instrument, LocalDate consentedOn,
                              LocalDate entryIntoForceOn, LocalDate denouncedOn, LocalDate denunciationEffectiveOn) {
    }

    public record Statement(Treaty treaty, String kind, String article, LocalDate effectiveOn) {
    }

    public record ObserverPeriod(LocalDate grantedOn, LocalDate endedOn) {
    }

    public record History(String id, String name, MemberKind kind, boolean councilOfEuropeMember, LocalDate invitedOn,
                          List<TreatySteps> treaties, List<Statement> statements, List<ObserverPeriod> observerPeriods) {
    }

    @Inject
    AgroalDataSource dataSource;

    public Optional<History> of(String id) {
        try (Connection connection = dataSource.getConnection()) {
            TreatyCalendar calendar = MemberRegister.calendar(connection);
            History member;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, name, kind, council_of_europe_member, invited_on FROM register_member WHERE id = ?")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    member = new History(row.getString(1), row.getString(2), MemberKind.valueOf(row.getString(3)),
                            row.getBoolean(4), MemberRegister.date(row, 5), new ArrayList<>(), new ArrayList<>(),
                            new ArrayList<>());
                }
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT treaty, signed_on, deposited_on, "
                    + "instrument, entry_into_force_on, signed_without_reservation, signature_entry_into_force_on, "
                    + "denounced_on, denunciation_effective_on FROM register_treaty WHERE member_id = ?")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        Treaty treaty = Treaty.valueOf(row.getString(1));
                        Consent consent = Consent.of(MemberRegister.date(row, 3), row.getString(4),
                                MemberRegister.date(row, 5), MemberRegister.date(row, 2), row.getBoolean(6),
                                MemberRegister.date(row, 7));
                        member.treaties().add(new TreatySteps(treaty, MemberRegister.date(row, 2),
                                consent == null ? null : consent.instrument(), consent == null ? null : consent.on(),
                                consent == null ? null
                                        : calendar.entryIntoForce(treaty, consent.on(), consent.recordedEntryIntoForce()),
                                MemberRegister.date(row, 8), MemberRegister.date(row, 9)));
                    }
                }
            }
            member.treaties().sort(java.util.Comparator.comparing(TreatySteps::treaty));
            try (PreparedStatement select = connection.prepareStatement("SELECT treaty, kind, article, effective_on "
                    + "FROM register_statement WHERE member_id = ? ORDER BY effective_on, treaty, event_id, position")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        member.statements().add(new Statement(Treaty.valueOf(row.getString(1)), row.getString(2),
                                row.getString(3), MemberRegister.date(row, 4)));
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT granted_on, ended_on FROM "
                    + "register_observer_period WHERE member_id = ? ORDER BY granted_on")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        member.observerPeriods().add(new ObserverPeriod(MemberRegister.date(row, 1),
                                MemberRegister.date(row, 2)));
                    }
                }
            }
            return Optional.of(member);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the history of " + id, e);
        }
    }
}
