package org.tcyledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time spent by each part of the stack (each service, the Kafka broker, every PostgreSQL process, the load
 * generator), read from /proc: where a figure's CPU goes when the machine is the limit.
 */
final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private final Map<Long, String> services;

    CpuMeter(Map<Long, String> services) {
        this.services = services;
    }

    /**
     * CPU seconds used so far by each process of each part, keyed {@code part + '\0' + pid}: a process that ends
     * between two snapshots (a PostgreSQL backend whose connection closed) must not count as negative time.
     */
    Map<String, Double> snapshot() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        services.values().forEach(name -> seconds.put(name, 0.0));
        seconds.put("kafka broker", 0.0);
        seconds.put("postgresql", 0.0);
        seconds.put("load generator", 0.0);
        long self = ProcessHandle.current().pid();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(dir -> dir.getFileName().toString().matches("[0-9]+")).forEach(dir -> {
                long pid = Long.parseLong(dir.getFileName().toString());
                String part = services.get(pid);
                if (part == null) {
                    String command = commandLine(dir);
                    if (pid == self) {
                        part = "load generator";
                    } else if (command.contains("kafka.Kafka ")) {
                        part = "kafka broker";
                    } else if (command.startsWith("postgres") || command.contains("/bin/postgres")) {
                        part = "postgresql";
                    }
                }
                if (part != null) {
                    seconds.put(part + '\0' + pid, cpuSeconds(dir));
                }
            });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return seconds;
    }

    /** CPU seconds per part between two snapshots, over the processes alive at the second one. */
    static Map<String, Double> difference(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((key, seconds) -> {
            int cut = key.indexOf('\0');
            String part = cut < 0 ? key : key.substring(0, cut);
            double spent = cut < 0 ? 0 : seconds - before.getOrDefault(key, 0.0);
            used.merge(part, spent, Double::sum);
        });
        return used;
    }

    private static String commandLine(Path dir) {
        try {
            return new String(Files.readAllBytes(dir.resolve("cmdline"))).replace('\0', ' ');
        } catch (IOException gone) {
            return "";
        }
    }

    private static double cpuSeconds(Path dir) {
        try {
            String stat = Files.readString(dir.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state(0) ... utime(11) stime(12)
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
