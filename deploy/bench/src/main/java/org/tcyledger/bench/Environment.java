package org.tcyledger.bench;


import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.tcyledger.testing.ServiceProcess;

/** The machine and the run: cores, JVM, PostgreSQL, Kafka, the services' settings. */
final class Environment extends BenchContext {

    Environment(BenchContext run) {
        super(run);
    }

    void environment() throws SQLException {
        String postgres;
        try (Connection connection = database("postgres"); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SHOW server_version")) {
            row.next();
            postgres = row.getString(1);
        }
        report.section("Machine and run", "");
        report.table(List.of("what", "value"), List.of(
                List.of("date", Instant.now().toString()),
                List.of("cores", Integer.toString(Runtime.getRuntime().availableProcessors())),
                List.of("JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.version")),
                List.of("PostgreSQL", postgres + " (embedded, fsync and synchronous_commit on)"),
                List.of("Kafka", "4.2 broker in its own JVM, one node, 6 partitions per topic: "
                                 + String.join(" ", options.brokerJvm())),
                List.of("services", "packaged Quarkus applications, one JVM each: " + String.join(" ", ServiceProcess.JVM_OPTIONS)
                                    + (options.jvmOptions().isEmpty() ? "" : ", then (--jvm) " + String.join(" ", options.jvmOptions()))),
                List.of("mode", (options.quick() ? "quick (CI): short windows, tiny store" : "full")
                                + (options.commandsOnly() ? ", figure 1 alone (--commands-only)" : "")),
                List.of("service settings", options.serviceConfig().isEmpty() ? "defaults"
                                            : options.serviceConfig().toString())));
        report.raw("date", Instant.now().toString());
        report.raw("cores", Runtime.getRuntime().availableProcessors());
        report.raw("quick", options.quick());
    }
}
