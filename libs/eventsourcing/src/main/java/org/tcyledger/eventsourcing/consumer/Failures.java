package org.tcyledger.eventsourcing.consumer;

import java.sql.SQLException;

/** Which failures pass by themselves, and how a failure is named where it is reported. */
public final class Failures {

    private Failures() {
    }

    /**
     * The database or the network away, a lock or a serialisation conflict, a replica behind: it passes. Anything
     * else (a value a column refuses, a rule, a bug) would fail the same way every time.
     */
    public static boolean isTransient(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state == null || state.startsWith("08") || state.startsWith("53") || state.startsWith("57")
                    || state.startsWith("58") || state.startsWith("40") || state.equals("55P03")
                    || state.equals("25P03") || state.equals("25P04")) {
                    return true;
                }
            }
            if (cause instanceof java.io.IOException || cause instanceof ReplicaNotCaughtUp
                || cause instanceof java.util.concurrent.TimeoutException
                || cause instanceof jakarta.transaction.SystemException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** The root cause, as {@code SimpleName: message}. */
    public static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage();
        return root.getClass().getSimpleName() + ": " + message;
    }

}
