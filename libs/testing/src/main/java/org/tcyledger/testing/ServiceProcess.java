package org.tcyledger.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service as it runs in production: its packaged Quarkus application in a JVM of its own, configured by system
 * properties, on a free loopback port. Used by the end-to-end tests, which need several services at once.
 */
public final class ServiceProcess implements AutoCloseable {

    /**
     * The JVM options of every service, as deploy/local/up and the image run it: the largest heap of a developer's
     * machine, then the options of {@code deploy/jvm.options}, which says why each.
     */
    public static final List<String> JVM_OPTIONS = jvmOptions();

    private static List<String> jvmOptions() {
        List<String> options = new ArrayList<>(List.of("-Xmx256m"));
        options.addAll(argumentFile(Workspace.root().resolve("deploy/jvm.options")));
        return List.copyOf(options);
    }

    /** The options of a Java argument file written one a line, "#" starting a comment line. */
    public static List<String> argumentFile(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the JVM options of " + file, e);
        }
    }

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;
    private final Infrastructure infrastructure;

    private ServiceProcess(String name, int port, Path log, Process process, Infrastructure infrastructure) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
        this.infrastructure = infrastructure;
    }

    /** Starts {@code services/<name>} against the infrastructure, with its own database, and waits until ready. */
    public static ServiceProcess start(String name, Infrastructure infrastructure, String database, Tokens tokens,
                                       Map<String, String> extraConfig) {
        return start(name, infrastructure, database, tokens, extraConfig, List.of());
    }

    /** The same, with more JVM options (an AOT cache to write or to use, say). */
    public static ServiceProcess start(String name, Infrastructure infrastructure, String database, Tokens tokens,
                                       Map<String, String> extraConfig, List<String> jvmOptions) {
        return startJar(name, Workspace.root().resolve("services/" + name + "/target/quarkus-app/quarkus-run.jar"),
                infrastructure, database, tokens, extraConfig, jvmOptions);
    }

    /** Any packaged Quarkus application ({@code jar}, its quarkus-run.jar) started as the services are. */
    public static ServiceProcess startJar(String name, Path jar, Infrastructure infrastructure, String database,
                                          Tokens tokens, Map<String, String> extraConfig, List<String> jvmOptions) {
        infrastructure.ensureDatabase(database);
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build " + name + " first (mvn package): " + jar + " is missing");
        }
        int port = FreePort.onLoopback();
        List<String> command = new ArrayList<>(List.of(Jvm.javaBinary()));
        command.addAll(JVM_OPTIONS);
        command.addAll(jvmOptions);
        infrastructure.serviceConfig(database, tokens)
                .forEach((key, value) -> command.add("-D" + key + "=" + value));
        extraConfig.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-Dquarkus.http.port=" + port);
        command.add("-jar");
        command.add(jar.toString());
        try {
            Path log = Files.createTempFile("tcy-" + name + "-", ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            infrastructure.adopt(process);
            ServiceProcess service = new ServiceProcess(name, port, log, process, infrastructure);
            service.awaitReady(Duration.ofSeconds(90));
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited at start:\n" + logText());
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(name + " not ready after " + timeout + ":\n" + logText());
    }

    /** SIGKILL: the service gets no chance to finish what it was doing (a crash, the OOM killer, a lost node). */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        infrastructure.release(process);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(60));
    }

    /** Stops the service (SIGTERM), killing it if it has not exited within {@code grace}. */
    public void close(Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        infrastructure.release(process);
    }
}
