package org.tcyledger.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One real PostgreSQL server and one real Kafka broker on loopback. Tests share one per JVM
 * ({@link #forTests()}); the local stack runs one with fixed ports and kept data ({@link #local}). Both stop with
 * the JVM that started them: a shutdown hook when it exits, and a watchdog process for when it is killed.
 */
public final class Infrastructure {

    private static Infrastructure shared;

    private final Path directory;
    private final boolean keepData;
    private final int postgresPort;
    private final KafkaBroker kafka;
    private EmbeddedPostgres postgres;
    /** The server after {@link #restartPostgres}: started by this class, so stopped by it too. */
    private Process restartedPostgres;
    private Process watchdog;
    private final java.util.Set<Long> adopted = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private Infrastructure(Path directory, boolean keepData, int postgresPort, int kafkaPort, int controllerPort,
                           List<String> brokerJvm) {
        this.directory = directory;
        this.keepData = keepData;
        this.postgresPort = postgresPort;
        this.kafka = new KafkaBroker(directory.resolve("kafka"), kafkaPort, controllerPort, brokerJvm);
    }

    /** The JVM's shared infrastructure for tests, on free ports, in a temporary directory deleted at exit. */
    public static synchronized Infrastructure forTests() {
        if (shared == null) {
            try {
                Path directory = Files.createTempDirectory("tcy-test-infra-");
                shared = new Infrastructure(directory, false, FreePort.onLoopback(), FreePort.onLoopback(),
                        FreePort.onLoopback(), KafkaBroker.TEST_JVM_OPTIONS);
                shared.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    /**
     * An infrastructure of its own (not the JVM's shared one), on free ports, in a temporary directory deleted when it
     * stops: for a harness that needs a fresh PostgreSQL and broker per run, such as deploy/chaos.
     */
    public static Infrastructure fresh() {
        return fresh(KafkaBroker.TEST_JVM_OPTIONS);
    }

    /** As {@link #fresh()}, its broker's JVM on {@code brokerJvm}: the bench measures the broker as it is deployed. */
    public static Infrastructure fresh(List<String> brokerJvm) {
        try {
            Infrastructure infrastructure = new Infrastructure(Files.createTempDirectory("tcy-infra-"), false,
                    FreePort.onLoopback(), FreePort.onLoopback(), FreePort.onLoopback(), brokerJvm);
            infrastructure.start();
            return infrastructure;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The local stack's infrastructure: fixed ports, data kept in {@code directory} across restarts. */
    public static Infrastructure local(Path directory, int postgresPort, int kafkaPort, int controllerPort) {
        return new Infrastructure(directory, true, postgresPort, kafkaPort, controllerPort, KafkaBroker.TEST_JVM_OPTIONS);
    }

    public synchronized void start() {
        long began = System.nanoTime();
        try {
            Files.createDirectories(directory);
            watchdog = Watchdog.start(directory.resolve("pids"));
            Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "infrastructure-stop"));
            postgres = startPostgres(!keepData);
            recordPids();
            kafka.start();
            recordPids();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.printf("PostgreSQL on 127.0.0.1:%d and Kafka on %s ready in %d ms%n", postgresPort,
                kafka.bootstrapServers(), (System.nanoTime() - began) / 1_000_000);
    }

    private EmbeddedPostgres startPostgres(boolean clean) throws IOException {
        return EmbeddedPostgres.builder()
                .setPort(postgresPort)
                .setDataDirectory(directory.resolve("postgres"))
                .setCleanDataDirectory(clean)
                .setOverrideWorkingDirectory(directory.resolve("postgres-bin").toFile())
                .setPGStartupWait(Duration.ofSeconds(60))
                // embedded PostgreSQL turns durability off by default; we test what production runs
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .start();
    }

    /**
     * Restarts PostgreSQL as an operator would under load: a fast shutdown (SIGINT to the postmaster: open transactions
     * roll back, clients are disconnected), {@code down} of nothing listening, then the server started again on the
     * same data directory and port with the command line it ran with ({@code postmaster.opts}). Not through the
     * embedded server's close(), which deletes a clean data directory.
     */
    public synchronized void restartPostgres(Duration down) {
        Path data = directory.resolve("postgres");
        try {
            List<String> command = Postmaster.commandOf(data);
            Postmaster.stop(data);
            recordPids();
            Thread.sleep(down.toMillis());
            Path log = directory.resolve("postgres-restart.log");
            restartedPostgres = Postmaster.start(command, log);
            Postmaster.await(restartedPostgres, log, () -> java.sql.DriverManager.getConnection(jdbcUrl("postgres"),
                    user(), password()), Duration.ofSeconds(60));
            recordPids();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILLs the broker (see {@link KafkaBroker#kill()}); {@link #startKafka()} brings it back on the same data. */
    public void killKafka() {
        kafka.kill();
        recordPids();
    }

    public void startKafka() {
        kafka.start();
        recordPids();
    }

    public synchronized void stop() {
        stopAdopted();
        kafka.stop();
        if (restartedPostgres != null) {
            try {
                Postmaster.stop(directory.resolve("postgres"));
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            restartedPostgres.destroyForcibly();
            restartedPostgres = null;
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            postgres = null;
        }
        if (watchdog != null) {
            watchdog.destroy();
            watchdog = null;
        }
        if (!keepData) {
            Workspace.deleteRecursively(directory);
        }
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    /** Stops the broker and starts it again on the same port and data, after {@code whileDown} has run. */
    public void withKafkaDown(Runnable whileDown) {
        kafka.stop();
        recordPids();
        try {
            whileDown.run();
        } finally {
            kafka.start();
            recordPids();
        }
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + database;
    }

    /** One user for every database, in tests and the local stack (LocalInfrastructure says why); not in deployments. */
    public String user() {
        return "postgres";
    }

    public String password() {
        return "postgres";
    }

    /** What a service needs to run on this infrastructure, with its own database and the given JWT key. */
    public java.util.Map<String, String> serviceConfig(String database, Tokens tokens) {
        java.util.Map<String, String> config = new java.util.HashMap<>();
        config.put("quarkus.datasource.jdbc.url", jdbcUrl(database));
        config.put("quarkus.datasource.username", user());
        config.put("quarkus.datasource.password", password());
        config.put("kafka.bootstrap.servers", kafkaBootstrapServers());
        config.put("mp.jwt.verify.publickey.location", tokens.publicKeyFile().toUri().toString());
        config.put("mp.jwt.verify.issuer", Tokens.ISSUER);
        // each write service signs its checkpoints with its own key; the projection verifies them all
        config.put("tcy.checkpoints.key-dir", CheckpointKeyFiles.forTests().directory().toString());
        config.put("tcy.audit.checkpoint-keys", CheckpointKeyFiles.forTests().jwks().toString());
        return config;
    }

    /** Creates the database if it does not exist yet. */
    public synchronized void ensureDatabase(String name) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + name.replace("'", "") + "'")) {
                if (exists.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE \"" + name.replace("\"", "") + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }

    /** The services still running (this JVM was told to stop, say): they go first, while they can still shut down. */
    private void stopAdopted() {
        List<ProcessHandle> alive = adopted.stream().map(ProcessHandle::of).flatMap(Optional::stream)
                .filter(ProcessHandle::isAlive).toList();
        alive.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        for (ProcessHandle process : alive) {
            while (process.isAlive() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            process.destroyForcibly();
        }
    }

    /** A process (a service under test) that must not outlive this JVM either. */
    public void adopt(Process process) {
        adopted.add(process.pid());
        recordPids();
    }

    public void release(Process process) {
        adopted.remove(process.pid());
        recordPids();
    }

    private synchronized void recordPids() {
        StringBuilder pids = new StringBuilder();
        adopted.forEach(pid -> pids.append(pid).append('\n'));
        if (kafka.pid() > 0) {
            pids.append(kafka.pid()).append('\n');
        }
        Path postmaster = directory.resolve("postgres/postmaster.pid");
        try {
            if (postgres != null && Files.exists(postmaster)) {
                pids.append(Files.readAllLines(postmaster).get(0).trim()).append('\n');
            }
            Files.writeString(directory.resolve("pids"), pids.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
