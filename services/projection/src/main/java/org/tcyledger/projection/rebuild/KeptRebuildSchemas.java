package org.tcyledger.projection.rebuild;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The schemas that rebuilds with differences keep for inspection. They are copies of the read models that no consumer
 * updates any more, so erasure would never reach them: they keep no opened personal data (the columns a migration
 * marks {@value #OPENED_PERSONAL_DATA} are emptied when the schema is kept; the sealed ciphertext stays, and dies with
 * the person's key like every other copy), and they are dropped {@code tcy.rebuild.keep-differing} after the rebuild
 * ended (seven days unless configured), by a sweep at start and every {@code tcy.rebuild.sweep-every}.
 */
@ApplicationScoped
public class KeptRebuildSchemas {

    /** How a migration marks a column that holds personal data opened through the keyholder (COMMENT ON COLUMN). */
    static final String OPENED_PERSONAL_DATA = "opened personal data";

    private static final Logger LOG = Logger.getLogger(KeptRebuildSchemas.class);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    RebuildReports reports;
    @Inject
    Clock clock;
    @ConfigProperty(name = "tcy.rebuild.keep-differing", defaultValue = "P7D")
    Duration keepDiffering;
    @ConfigProperty(name = "tcy.rebuild.sweep-every", defaultValue = "PT1H")
    Duration sweepEvery;

    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "kept-rebuild-sweep");
        thread.setDaemon(true);
        return thread;
    });

    void onStart(@Observes StartupEvent startup) {
        sweepNow();
        sweeper.scheduleWithFixedDelay(this::sweepNow, sweepEvery.toMillis(), sweepEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent shutdown) {
        sweeper.shutdownNow();
    }

    /** Until when a schema kept by a rebuild that ended then is kept. */
    Instant keptUntil(Instant finishedAt) {
        return finishedAt.plus(keepDiffering);
    }

    /**
     * Drops every kept schema whose time is up and says so in its report; empties the opened personal data of the
     * others (schemas kept before this was done when they were kept). Idempotent, and safe beside another instance's.
     */
    public void sweep(Instant now) {
        for (RebuildReport report : reports.keepingASchema()) {
            try (Connection connection = dataSource.getConnection()) {
                if (report.finishedAt() == null || !now.isBefore(keptUntil(report.finishedAt()))) {
                    try (Statement drop = connection.createStatement()) {
                        drop.execute("DROP SCHEMA IF EXISTS " + quoted(report.schema()) + " CASCADE");
                    }
                    reports.save(report.withoutSchema());
                    LOG.infof("rebuild %s: kept schema %s dropped, its %s were up", report.id(), report.schema(),
                            keepDiffering);
                } else {
                    withholdOpenedPersonalData(connection, report.schema());
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot sweep the schema of rebuild " + report.id(), e);
            }
        }
    }

    /** Empties, in a schema kept for inspection, every column marked as holding opened personal data. */
    void withholdOpenedPersonalData(Connection connection, String schema) throws SQLException {
        List<String[]> marked = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT c.relname, a.attname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "JOIN pg_attribute a ON a.attrelid = c.oid JOIN pg_description d ON d.objoid = c.oid "
                + "AND d.classoid = 'pg_class'::regclass AND d.objsubid = a.attnum "
                + "WHERE n.nspname = ? AND c.relkind = 'r' AND d.description = ?")) {
            select.setString(1, schema);
            select.setString(2, OPENED_PERSONAL_DATA);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    marked.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
        }
        try (Statement update = connection.createStatement()) {
            for (String[] column : marked) {
                update.executeUpdate("UPDATE " + quoted(schema) + "." + quoted(column[0]) + " SET " + quoted(column[1])
                                     + " = NULL WHERE " + quoted(column[1]) + " IS NOT NULL");
            }
        }
    }

    private void sweepNow() {
        try {
            sweep(clock.instant());
        } catch (RuntimeException e) {
            LOG.errorf(e, "sweeping the schemas kept by rebuilds failed; the next sweep tries again");
        }
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
