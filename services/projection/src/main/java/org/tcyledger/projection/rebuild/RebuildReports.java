package org.tcyledger.projection.rebuild;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The rebuilds' reports, kept in {@code read_model_rebuild}. */
@ApplicationScoped
public class RebuildReports {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper json;

    public Optional<RebuildReport> find(String id) {
        List<RebuildReport> found = select("SELECT report FROM read_model_rebuild WHERE id = ?", id);
        return found.stream().findFirst();
    }

    /** The latest rebuilds, the most recent first. */
    List<RebuildReport> latest(int limit) {
        List<RebuildReport> reports = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT report FROM read_model_rebuild ORDER BY requested_at DESC, id LIMIT ?")) {
            select.setInt(1, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    reports.add(json.readValue(rows.getString(1), RebuildReport.class));
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot read the latest rebuilds", e);
        }
        return reports;
    }

    /** The ids of the rebuilds in a state. */
    List<String> idsIn(String state) {
        List<String> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT id FROM read_model_rebuild WHERE state = ?")) {
            select.setString(1, state);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the rebuilds " + state, e);
        }
        return ids;
    }

    /** Finished rebuilds that found differences and still keep their schema. */
    List<RebuildReport> keepingASchema() {
        return select("SELECT report FROM read_model_rebuild WHERE state = ? AND report::jsonb ->> 'schema' IS NOT NULL",
                RebuildReport.DONE);
    }

    void insert(RebuildReport report) {
        write("INSERT INTO read_model_rebuild (state, requested_by, requested_at, finished_at, report, id) "
              + "VALUES (?, ?, ?, ?, ?, ?)", report);
    }

    void save(RebuildReport report) {
        write("UPDATE read_model_rebuild SET state = ?, requested_by = ?, requested_at = ?, finished_at = ?, report = ? "
              + "WHERE id = ?", report);
    }

    private List<RebuildReport> select(String sql, String parameter) {
        List<RebuildReport> reports = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    reports.add(json.readValue(rows.getString(1), RebuildReport.class));
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot read rebuild reports (" + parameter + ")", e);
        }
        return reports;
    }

    private void write(String sql, RebuildReport report) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, report.state());
            statement.setString(2, report.requestedBy());
            statement.setTimestamp(3, Timestamp.from(report.requestedAt()));
            statement.setTimestamp(4, report.finishedAt() == null ? null : Timestamp.from(report.finishedAt()));
            statement.setString(5, json.writeValueAsString(report));
            statement.setString(6, report.id());
            statement.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot record rebuild " + report.id(), e);
        }
    }
}
