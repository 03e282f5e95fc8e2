package org.tcyledger.projection.consultations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent;
import org.tcyledger.projection.consultations.ConsultationSummaryResource.Cell;
import org.tcyledger.projection.consultations.ConsultationSummaryResource.Summary;

/** The consultation summaries read model's query: stances per option and kind, Chatham House applied. */
@ApplicationScoped
public class ConsultationSummaryQueries {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    /** A consultation the summaries read model knows: its id, title and whether the Chatham House rule applies. */
    public record Listed(String consultationId, String title, boolean chathamHouse) {
    }

    /** Every consultation the read model knows, by id (the portal's list; the read model keeps no dates to order by). */
    public List<Listed> list() {
        List<Listed> listed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT consultation_id, title, chatham_house FROM summary_consultation ORDER BY consultation_id");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                listed.add(new Listed(row.getString(1), row.getString(2), row.getBoolean(3)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the consultations", e);
        }
        return listed;
    }

    /** The summary of one consultation; 404 when it is not known. */
    public Summary of(String id) {
        try (Connection connection = dataSource.getConnection()) {
            String title;
            boolean chathamHouse;
            JsonNode options;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT title, chatham_house, options FROM summary_consultation WHERE consultation_id = ?")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new NotFoundException("No consultation '" + id + "'");
                    }
                    title = row.getString(1);
                    chathamHouse = row.getBoolean(2);
                    options = JSON.readTree(row.getString(3));
                }
            }
            Map<String, Integer> registered = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT kind, registered FROM summary_stakeholder_kind WHERE consultation_id = ?")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        registered.put(row.getString(1), row.getInt(2));
                    }
                }
            }
            List<Cell> tally = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT option_id, kind, stance, count(*) "
                    + "FROM summary_stance WHERE consultation_id = ? GROUP BY option_id, kind, stance "
                    + "ORDER BY option_id, kind, stance")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        int count = row.getInt(4);
                        boolean suppressed = ChathamHouse.suppresses(chathamHouse, count,
                                registered.getOrDefault(row.getString(2), 0));
                        tally.add(new Cell(row.getString(1), row.getString(2), row.getString(3),
                                suppressed ? null : count, suppressed));
                    }
                }
            }
            for (Map.Entry<String, Integer> kind : registered.entrySet()) {
                if (ChathamHouse.hidesWholeKind(chathamHouse, kind.getValue())) {
                    tally.removeIf(cell -> cell.kind().equals(kind.getKey()));
                    for (JsonNode option : options) {
                        for (ConsultationEvent.Stance stance : ConsultationEvent.Stance.values()) {
                            tally.add(new Cell(option.path("id").asText(), kind.getKey(), stance.name(), null, true));
                        }
                    }
                }
            }
            tally.sort(java.util.Comparator.comparing(Cell::optionId).thenComparing(Cell::kind)
                    .thenComparing(Cell::stance));
            return new Summary(id, title, chathamHouse, options, tally);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot read the summary of " + id, e);
        }
    }
}
