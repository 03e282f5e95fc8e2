package org.tcyledger.testing;

/** The java launcher of the running JVM (21 or later), used for every JVM this library starts. */
public final class Jvm {

    private Jvm() {
    }

    public static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + "/bin/java");
    }
}
