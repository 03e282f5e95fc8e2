package org.tcyledger.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.stream.Stream;
import java.nio.file.Path;

/** Finds the build's own files (the broker classpath) from wherever a test or script runs inside the repository. */
public final class Workspace {

    private Workspace() {
    }

    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("libs/kafka-broker")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("not inside the T-CY Ledger repository: " + Path.of("").toAbsolutePath());
    }

    /** The classpath of the Kafka broker and its tools (ProducerPerformance, ConsumerPerformance). */
    public static String kafkaClasspath() {
        Path file = root().resolve("libs/kafka-broker/target/kafka-classpath.txt");
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("the broker classpath is missing; build libs/kafka-broker first: " + file, e);
        }
    }

    /** Deletes a directory and everything under it, as far as it can (a test leaves nothing behind). */
    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + directory + ": " + e.getMessage());
        }
    }
}
