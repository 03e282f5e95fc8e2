package org.tcyledger.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The infrastructure of the local stack ({@code deploy/local/up}): PostgreSQL on 127.0.0.1:55432 and Kafka on
 * 127.0.0.1:59092, data kept under the state directory, one database per service, and the JWT key pair. Runs until
 * it is sent SIGTERM, then stops both servers cleanly; if it is killed, its watchdog stops them.
 * <p>
 * Every local service connects as the one superuser of the embedded server ({@link Infrastructure#user()}): on one
 * machine they all run as the same OS user, who can read every data directory anyway, so roles would protect
 * nothing here. docker-compose.yml and deploy/k8s give each service a role of its own with rights on its own
 * database only (deploy/docker/postgres-init), so that no service can read another's tables, membership's personal
 * data keys above all.
 */
public final class LocalInfrastructure {

    public static final List<String> DATABASES = List.of("tcy_membership", "tcy_meetings", "tcy_assessments", "tcy_cloud_evidence",
            "tcy_projection");

    private LocalInfrastructure() {
    }

    public static void main(String[] args) throws Exception {
        Path state = Path.of(args.length > 0 ? args[0] : "deploy/local/.state").toAbsolutePath();
        int postgresPort = Integer.parseInt(System.getProperty("tcy.postgres.port", "55432"));
        int kafkaPort = Integer.parseInt(System.getProperty("tcy.kafka.port", "59092"));
        int controllerPort = Integer.parseInt(System.getProperty("tcy.kafka.controller-port", "59093"));
        Path ready = state.resolve("infrastructure.ready");
        Files.deleteIfExists(ready);

        Tokens.inDirectory(state.resolve("jwt"));
        Infrastructure infrastructure = Infrastructure.local(state.resolve("data"), postgresPort, kafkaPort,
                controllerPort);
        infrastructure.start();
        DATABASES.forEach(infrastructure::ensureDatabase);
        Files.writeString(ready, "postgres=127.0.0.1:" + postgresPort + "\nkafka=" + infrastructure.kafkaBootstrapServers() + "\n");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(ready);
            } catch (Exception ignored) {
                // the directory may be gone already
            }
        }));
        new CountDownLatch(1).await();
    }
}
