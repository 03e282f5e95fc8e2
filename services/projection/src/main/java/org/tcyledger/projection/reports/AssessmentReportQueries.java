package org.tcyledger.projection.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tcyledger.projection.reports.AssessmentReportResource.FollowUp;
import org.tcyledger.projection.reports.AssessmentReportResource.Report;
import org.tcyledger.projection.reports.AssessmentReportResource.SupplementaryReport;

/** The adopted assessment reports read model's queries. */
@ApplicationScoped
public class AssessmentReportQueries {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    /** Adopted reports in order of adoption: on one article, assessing one Party, adopted between two dates. */
    public List<Report> find(String article, String party, LocalDate from, LocalDate to) {
        return adopted(null).stream()
                .filter(report -> article == null || report.articles().contains(article))
                .filter(report -> party == null || report.assessedParties().contains(party)
                                  || report.supplements().stream().anyMatch(s -> s.partyIds().contains(party)))
                .filter(report -> from == null || !report.adoptedOn().isBefore(from))
                .filter(report -> to == null || !report.adoptedOn().isAfter(to))
                .toList();
    }

    /** The adopted reports, of every cycle or of one, with their follow-ups and adopted supplementary reports. */
    public List<Report> adopted(String cycleId) {
        List<Report> reports = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT c.cycle_id, c.title, c.articles, c.assessed_parties, a.version, a.meeting_id, a.decision_id, "
                     + "a.adopted_on, d.findings, d.recommendations, a.document_symbol FROM report_adoption a "
                     + "JOIN report_cycle c ON c.cycle_id = a.cycle_id "
                     + "JOIN report_draft d ON d.cycle_id = a.cycle_id AND d.version = a.version "
                     + "WHERE (? IS NULL OR a.cycle_id = ?) ORDER BY a.adopted_on, a.cycle_id")) {
            select.setString(1, cycleId);
            select.setString(2, cycleId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String id = row.getString(1);
                    reports.add(new Report(id, row.getString(2), Arrays.asList(row.getString(3).split(",")),
                            Arrays.asList(row.getString(4).split(",")), row.getInt(5), row.getString(6),
                            row.getString(7), row.getDate(8).toLocalDate(), JSON.readTree(row.getString(9)),
                            JSON.readTree(row.getString(10)), followUps(connection, id), row.getString(11),
                            supplements(connection, id)));
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot read the assessment reports", e);
        }
        return reports;
    }

    /** The cycle's adopted supplementary reports, in order of adoption. */
    private static List<SupplementaryReport> supplements(Connection connection, String cycleId)
            throws SQLException, IOException {
        List<SupplementaryReport> supplements = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT s.supplement_id, s.party_ids, a.version, "
                + "a.adopted_on, a.meeting_id, a.decision_id, a.document_symbol, d.findings, d.recommendations "
                + "FROM report_supplement_adoption a "
                + "JOIN report_supplement s ON s.cycle_id = a.cycle_id AND s.supplement_id = a.supplement_id "
                + "JOIN report_supplement_draft d ON d.cycle_id = a.cycle_id AND d.supplement_id = a.supplement_id "
                + "AND d.version = a.version WHERE a.cycle_id = ? ORDER BY a.adopted_on, a.supplement_id")) {
            select.setString(1, cycleId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    supplements.add(new SupplementaryReport(row.getString(1), Arrays.asList(row.getString(2).split(",")),
                            row.getInt(3), row.getDate(4).toLocalDate(), row.getString(5), row.getString(6),
                            row.getString(7), JSON.readTree(row.getString(8)), JSON.readTree(row.getString(9))));
                }
            }
        }
        return supplements;
    }

    /**
     * Every follow-up assessment of a cycle's recommendations, oldest first per recommendation and Party (the report
     * itself carries only the latest of each): empty for a cycle whose follow-ups this read model consumed before it
     * kept them all, until a rebuild.
     */
    public List<FollowUp> followUpHistory(String cycleId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT recommendation_id, party_id, status, "
                     + "assessed_on, note FROM report_follow_up_history WHERE cycle_id = ? "
                     + "ORDER BY recommendation_id, party_id, assessed_on, event_id")) {
            select.setString(1, cycleId);
            List<FollowUp> history = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    history.add(new FollowUp(row.getString(1), row.getString(2), row.getString(3),
                            row.getObject(4, java.time.LocalDate.class), row.getString(5)));
                }
            }
            return history;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the follow-up history of " + cycleId, e);
        }
    }

    private static List<FollowUp> followUps(Connection connection, String cycleId) throws SQLException {
        List<FollowUp> followUps = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT recommendation_id, party_id, status, "
                + "assessed_on, note FROM report_follow_up WHERE cycle_id = ? ORDER BY recommendation_id, party_id")) {
            select.setString(1, cycleId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    followUps.add(new FollowUp(row.getString(1), row.getString(2), row.getString(3),
                            row.getDate(4).toLocalDate(), row.getString(5)));
                }
            }
        }
        return followUps;
    }
}
