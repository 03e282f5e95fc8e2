package org.tcyledger.testing;

/** The java launcher of the running JVM (21 or later), used for every JVM this library starts. */
final class Jvm {

    private Jvm() {
    }

    static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + "/bin/java");
    }
}
