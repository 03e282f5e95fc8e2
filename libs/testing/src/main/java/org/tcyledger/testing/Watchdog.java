package org.tcyledger.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A small process that outlives a killed JVM by a second: when the JVM that started it is gone (killed, so no
 * shutdown hook ran), it terminates the server processes listed in {@code pidFile}. A JVM that exits normally
 * stops the servers itself and then the watchdog.
 */
final class Watchdog {

    private Watchdog() {
    }

    static Process start(Path pidFile) {
        long parent = ProcessHandle.current().pid();
        String script = "while kill -0 " + parent + " 2>/dev/null; do sleep 1; done; "
                + "pids=$(cat '" + pidFile + "' 2>/dev/null); [ -n \"$pids\" ] || exit 0; "
                + "kill -TERM $pids 2>/dev/null; sleep 10; kill -KILL $pids 2>/dev/null; exit 0";
        try {
            return new ProcessBuilder("bash", "-c", script)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the watchdog", e);
        }
    }
}
