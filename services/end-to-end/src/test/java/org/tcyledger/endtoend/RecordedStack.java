package org.tcyledger.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.tcyledger.testing.Infrastructure;
import org.tcyledger.testing.ServiceProcess;
import org.tcyledger.testing.Tokens;
import org.tcyledger.testing.Workspace;

/**
 * The five packaged services on a PostgreSQL and a Kafka of their own, with the real record loaded by the demo
 * exactly as {@code deploy/local/demo} runs it: what a story about the real record starts from.
 */
public final class RecordedStack implements AutoCloseable {

    public final Infrastructure infrastructure;
    public final ServiceProcess membership;
    public final ServiceProcess meetings;
    public final ServiceProcess assessments;
    public final ServiceProcess cloudEvidence;
    public final ServiceProcess projection;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final Tokens tokens;

    private RecordedStack(Tokens tokens, Map<String, String> projectionConfig) {
        this.tokens = tokens;
        infrastructure = Infrastructure.forTests();
        membership = start("membership", "tcy_membership", Map.of());
        Map<String, String> config = new java.util.HashMap<>(projectionConfig);
        config.put("tcy.keyholder.url", membership.url());
        config.put("tcy.keyholder.token", tokens.keyholder());
        projection = start("projection", "tcy_projection", config);
        meetings = start("meetings", "tcy_meetings", Map.of());
        assessments = start("assessments", "tcy_assessments", Map.of());
        cloudEvidence = start("cloud-evidence", "tcy_cloud_evidence", Map.of());
    }

    /** Starts the stack; the demo has not run yet ({@link #loadTheRecord}). */
    public static RecordedStack start(Tokens tokens, Map<String, String> projectionConfig) {
        return new RecordedStack(tokens, projectionConfig);
    }

    /** Runs the demo on the real record through the write services, its output in {@code log}. */
    public void loadTheRecord(String secretariatToken, Path log) throws IOException, InterruptedException {
        Path root = Workspace.root();
        String classpath = root.resolve("libs/testing/target/classes") + File.pathSeparator
                           + Files.readString(root.resolve("libs/testing/target/testing-classpath.txt")).trim();
        Process demo = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-cp", classpath,
                root.resolve("deploy/local/Demo.java").toString(),
                root.resolve("deploy/local/demo-data/tcy-history.json").toString(), secretariatToken,
                membership.url(), meetings.url(), assessments.url(), cloudEvidence.url())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertTrue(demo.waitFor(5, TimeUnit.MINUTES), "the demo did not finish in 5 minutes");
        } finally {
            demo.destroyForcibly();
        }
        assertEquals(0, demo.exitValue(), "the demo failed: " + Files.readString(log));
    }

    private ServiceProcess start(String name, String database, Map<String, String> config) {
        ServiceProcess service = ServiceProcess.start(name, infrastructure, database, tokens, config);
        services.add(service);
        return service;
    }

    @Override
    public void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
    }
}
