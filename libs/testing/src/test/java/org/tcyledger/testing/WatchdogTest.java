package org.tcyledger.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A JVM that started PostgreSQL and Kafka and is then killed (no shutdown hook runs) leaves no server behind. */
class WatchdogTest {

    @Test
    void serversDieWithAKilledJvm() throws Exception {
        Path state = Files.createTempDirectory("tcy-watchdog-test-");
        Path root = Workspace.root();
        String classpath = root.resolve("libs/testing/target/classes") + ":"
                           + Files.readString(root.resolve("libs/testing/target/testing-classpath.txt")).trim();
        Process owner = new ProcessBuilder(Jvm.javaBinary(), "-Xmx256m",
                "-Dtcy.postgres.port=" + FreePort.onLoopback(), "-Dtcy.kafka.port=" + FreePort.onLoopback(),
                "-Dtcy.kafka.controller-port=" + FreePort.onLoopback(),
                "-cp", classpath, LocalInfrastructure.class.getName(), state.toString())
                .redirectErrorStream(true).redirectOutput(state.resolve("owner.log").toFile()).start();
        try {
            await(() -> Files.exists(state.resolve("infrastructure.ready")), Duration.ofSeconds(90));
            List<ProcessHandle> servers = new ArrayList<>();
            for (String pid : Files.readAllLines(state.resolve("data/pids"))) {
                if (!pid.isBlank()) {
                    servers.add(ProcessHandle.of(Long.parseLong(pid.trim())).orElseThrow());
                }
            }
            assertEquals(2, servers.size(), "PostgreSQL and Kafka are recorded for the watchdog");
            assertTrue(servers.stream().allMatch(ProcessHandle::isAlive));

            owner.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no shutdown hook runs

            await(() -> servers.stream().noneMatch(ProcessHandle::isAlive), Duration.ofSeconds(30));
            servers.forEach(server -> assertFalse(server.isAlive(), "server " + server.pid() + " outlived its JVM"));
        } finally {
            owner.destroyForcibly();
        }
    }

    private static void await(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + timeout);
            }
            Thread.sleep(200);
        }
    }
}
