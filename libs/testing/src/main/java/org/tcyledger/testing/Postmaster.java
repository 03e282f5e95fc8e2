package org.tcyledger.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A PostgreSQL server stopped and started again as an operator would, outside the embedded server's control. */
final class Postmaster {

    /** Something that connects to the server, or fails while it is not up. */
    interface Connect {
        Connection connect() throws SQLException;
    }

    private Postmaster() {
    }

    /**
     * The command line the server ran with ({@code postmaster.opts}), run as the embedded server does it: in a user
     * namespace of its own, where it is not root (PostgreSQL refuses root).
     */
    static List<String> commandOf(Path data) throws IOException {
        List<String> command = new ArrayList<>(List.of("unshare", "-U"));
        String options = Files.readString(data.resolve("postmaster.opts")).trim();
        command.add(options.substring(0, options.indexOf(' ')));
        Matcher argument = Pattern.compile("\"([^\"]*)\"").matcher(options);
        while (argument.find()) {
            command.add(argument.group(1));
        }
        return command;
    }

    /** SIGINT to the postmaster named in postmaster.pid (PostgreSQL's fast shutdown), and waits until it exited. */
    static void stop(Path data) throws IOException, InterruptedException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start();
        kill.waitFor(10, TimeUnit.SECONDS);
        Optional<ProcessHandle> postmaster = ProcessHandle.of(pid);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (postmaster.isPresent() && postmaster.get().isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    static Process start(List<String> command, Path log) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** Until the server answers, at most {@code timeout}; fails at once if it exited. */
    static void await(Process server, Path log, Connect connect, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("PostgreSQL exited at restart: " + read(log));
            }
            try (Connection connection = connect.connect()) {
                return;
            } catch (SQLException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("PostgreSQL not ready " + timeout + " after its restart");
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
