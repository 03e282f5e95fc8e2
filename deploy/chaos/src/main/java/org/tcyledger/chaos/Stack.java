package org.tcyledger.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.tcyledger.testing.Infrastructure;
import org.tcyledger.testing.ServiceProcess;
import org.tcyledger.testing.Tokens;

/**
 * What one scenario runs on: a PostgreSQL and a Kafka broker of its own, and the five packaged services, each
 * instance a JVM this harness started and holds by its {@link Process}: it stops (or kills) them by that handle only.
 * Each service has its own database, as in production; a second instance of a service shares the first one's.
 */
final class Stack implements AutoCloseable {

    static final List<String> WRITERS = List.of("membership", "meetings", "assessments", "cloud-evidence");
    static final String PROJECTION = "projection";

    private final Infrastructure infrastructure;
    private final Tokens tokens;
    private final Map<String, String> extraConfig;
    private final Path logs;
    private final Map<String, List<ServiceProcess>> instances = new LinkedHashMap<>();
    private final List<ServiceProcess> everStarted = new ArrayList<>();
    private final AtomicInteger roundRobin = new AtomicInteger();

    private Stack(Infrastructure infrastructure, Tokens tokens, Map<String, String> extraConfig, Path logs) {
        this.infrastructure = infrastructure;
        this.tokens = tokens;
        this.extraConfig = extraConfig;
        this.logs = logs;
    }

    /** PostgreSQL, Kafka, the four write services (two at a time: two cores) and then the projection. */
    static Stack start(Tokens tokens, Map<String, String> extraConfig, Path logs) {
        deleteRecursively(logs);  // the logs of an earlier run of the same scenario
        Stack stack = new Stack(Infrastructure.fresh(), tokens, extraConfig, logs);
        try {
            ExecutorService starting = Executors.newFixedThreadPool(2);
            List<Future<ServiceProcess>> writers = new ArrayList<>();
            for (String name : WRITERS) {
                writers.add(starting.submit(() -> stack.start(name)));
            }
            for (Future<ServiceProcess> writer : writers) {
                writer.get();
            }
            starting.shutdown();
            stack.start(PROJECTION);
            return stack;
        } catch (Exception e) {
            stack.close();
            throw new IllegalStateException("the stack did not start: " + e.getMessage(), e);
        }
    }

    /** Starts one more instance of {@code name} (on a free port) and waits until it is ready. */
    ServiceProcess start(String name) {
        Map<String, String> config = new LinkedHashMap<>(extraConfig);
        if (name.equals(PROJECTION)) {
            config.put("tcy.keyholder.url", url("membership"));
            config.put("tcy.keyholder.token", tokens.keyholder());
        }
        ServiceProcess service = ServiceProcess.start(name, infrastructure, database(name), tokens, config);
        synchronized (this) {
            instances.computeIfAbsent(name, n -> new ArrayList<>()).add(service);
            everStarted.add(service);
        }
        return service;
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("chaos: could not delete " + directory + ": " + e.getMessage());
        }
    }

    static String database(String service) {
        return "tcy_" + service.replace('-', '_');
    }

    synchronized List<ServiceProcess> instances(String name) {
        return List.copyOf(instances.getOrDefault(name, List.of()));
    }

    /** The first instance still alive: what the checks talk to. */
    synchronized String url(String name) {
        return instances.getOrDefault(name, List.of()).stream().filter(ServiceProcess::isAlive).findFirst()
                .orElseThrow(() -> new IllegalStateException("no instance of " + name + " is running")).url();
    }

    /**
     * Where a client sends its next request: the instances in turn, so that load spreads over all of them, dead ones
     * included (a client does not know an instance died until its connection is refused, and then retries).
     */
    synchronized String anyUrl(String name) {
        List<ServiceProcess> all = instances.getOrDefault(name, List.of());
        List<ServiceProcess> alive = all.stream().filter(ServiceProcess::isAlive).toList();
        List<ServiceProcess> candidates = alive.isEmpty() ? all : alive;
        return candidates.get(Math.floorMod(roundRobin.getAndIncrement(), candidates.size())).url();
    }

    /** SIGKILLs one instance and forgets it (its log is kept). */
    void kill(ServiceProcess service) {
        service.kill();
        synchronized (this) {
            instances.values().forEach(list -> list.remove(service));
        }
    }

    Infrastructure infrastructure() {
        return infrastructure;
    }

    Tokens tokens() {
        return tokens;
    }

    Connection connect(String service) throws SQLException {
        return DriverManager.getConnection(infrastructure.jdbcUrl(database(service)), infrastructure.user(),
                infrastructure.password());
    }

    synchronized List<ServiceProcess> everStarted() {
        return List.copyOf(everStarted);
    }

    /** Stops every service this stack started (SIGTERM, then SIGKILL after a grace), keeps their logs, then the rest. */
    @Override
    public void close() {
        List<ServiceProcess> all = everStarted();
        for (ServiceProcess service : all) {
            if (service.isAlive()) {
                service.close(Duration.ofSeconds(20));
            }
        }
        int n = 0;
        for (ServiceProcess service : all) {
            try {
                Files.createDirectories(logs);
                // tcy-<service>-<random>.log becomes <n>-<service>.log, n in the order the instances were started
                String name = service.log().getFileName().toString().replaceAll("^tcy-(.+)-\\d+\\.log$", "$1");
                Files.copy(service.log(), logs.resolve(String.format("%02d-%s.log", ++n, name)),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Files.deleteIfExists(service.log());
            } catch (IOException e) {
                System.err.println("chaos: could not keep the log " + service.log() + ": " + e.getMessage());
            }
        }
        infrastructure.stop();
    }
}
