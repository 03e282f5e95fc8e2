package org.tcyledger.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The table of deploy/chaos/target/report.md, and below it each scenario's problems and notes as evidence. */
final class Report {

    private Report() {
    }

    static String render(Options options, List<Outcome> outcomes, Instant began) {
        StringBuilder md = new StringBuilder();
        md.append("# T-CY Ledger fault and bad-input suite").append(options.quick() ? " (quick run)" : "").append("\n\n");
        md.append("Run ").append(began).append(", ").append(minutes(Duration.between(began, Instant.now())))
          .append(" in all; load ").append(options.load().toSeconds()).append(" s per scenario from ")
          .append(options.clients()).append(" clients. Service logs are in `logs/<scenario>/`.\n\n");
        md.append("| scenario | commands acknowledged | lost | applied twice | 5xx | parked | time to catch up | result |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        for (Outcome o : outcomes) {
            md.append("| ").append(o.scenario()).append(" | ").append(o.acknowledged()).append(" | ").append(o.lost())
              .append(" | ").append(o.appliedTwice()).append(" | ").append(o.serverErrors()).append(" | ")
              .append(o.parked()).append(" | ").append(o.catchUp() == null ? "—" : seconds(o.catchUp()))
              .append(" | ").append(o.passed() ? "pass" : "**FAIL**").append(" |\n");
        }
        md.append("\n5xx: answers 5xx outside the fault (a failure), then in brackets those during the fault (until 5 s "
                  + "after it ended) and attempts with no answer at all (connection errors), which are not failures. "
                  + "Time to catch up: from the end of the fault until every consumer applied every acknowledged event.\n");
        for (Outcome o : outcomes) {
            md.append("\n## ").append(o.scenario()).append(o.passed() ? ": pass" : ": FAIL").append(" (")
              .append(minutes(o.took())).append(")\n\n");
            for (String problem : o.problems()) {
                md.append(problem.startsWith("  ") ? "    - " + problem.strip() : "- " + problem).append('\n');
            }
            for (String note : o.notes()) {
                md.append("- note: ").append(note).append('\n');
            }
        }
        return md.toString();
    }

    static Path write(Path directory, String markdown) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve("report.md");
        Files.writeString(file, markdown);
        return file;
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static String minutes(Duration d) {
        return d == null ? "?" : String.format(Locale.ROOT, "%d min %02d s", d.toMinutes(), d.toSecondsPart());
    }
}
