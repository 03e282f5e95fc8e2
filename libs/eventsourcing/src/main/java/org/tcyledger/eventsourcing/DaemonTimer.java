package org.tcyledger.eventsourcing;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A task run at a fixed delay on a named daemon thread of its own, until {@link #close}: a service's background chore. */
public final class DaemonTimer implements AutoCloseable {

    private final ScheduledExecutorService executor;

    private DaemonTimer(String threadName) {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs {@code task} every {@code delay} after the previous run ended, the first time after one delay. */
    public static DaemonTimer every(Duration delay, String threadName, Runnable task) {
        DaemonTimer timer = new DaemonTimer(threadName);
        timer.executor.scheduleWithFixedDelay(task, delay.toMillis(), delay.toMillis(), TimeUnit.MILLISECONDS);
        return timer;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
