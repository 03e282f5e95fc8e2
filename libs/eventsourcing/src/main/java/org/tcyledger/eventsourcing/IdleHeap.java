package org.tcyledger.eventsourcing;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Gives the heap a backlog grew back once the service is idle. The serial collector shrinks the heap only after a full
 * collection, which a service that caught up rarely has again: a projection that read 2.6 million records, or a
 * service that took 600,000 commands, kept its largest heap for good (meetings 224 MB committed for 40 MB live). What
 * G1 does by itself ({@code G1PeriodicGCInterval}, JEP 346), done here for the serial collector: when the process used
 * almost no CPU for a whole period and its heap grew far beyond its initial size, one full collection, after which
 * {@code -XX:MaxHeapFreeRatio} returns the rest to the system (at once with {@code -XX:-ShrinkHeapInSteps}, which the
 * services run with: in steps, the first full collection gives back nothing). Never while the service works, so no request waits
 * for it.
 */
@ApplicationScoped
public class IdleHeap {

    private static final Logger LOG = Logger.getLogger(IdleHeap.class);

    /** How often the service looks; it collects only after a whole period of idleness. 0 turns it off. */
    @ConfigProperty(name = "tcy.memory.idle-check-seconds", defaultValue = "30")
    int checkSeconds;
    /** Idle: the process used less than this share of one core over the period (an idle service polls: 3-4%). */
    @ConfigProperty(name = "tcy.memory.idle-cpu-share", defaultValue = "0.10")
    double idleCpuShare;
    /**
     * Committed beyond the initial heap: less than this is not worth a collection. After the whole bench meetings held
     * 143 MB and the projection 114 MB for an initial 96 MB: 47 and 18 MB of resident memory for nothing.
     */
    static final String DEFAULT_EXCESS_MB = "16";

    @ConfigProperty(name = "tcy.memory.idle-excess-mb", defaultValue = DEFAULT_EXCESS_MB)
    long excessMb;

    private DaemonTimer timer;
    private long lastCpuNanos = -1;
    private long lastWallNanos;
    /** The committed heap after the last collection this class asked for: no second one until it grew again. */
    private long committedAfterCollection = Long.MAX_VALUE;

    void onStart(@Observes StartupEvent startup) {
        if (checkSeconds <= 0) {
            return;
        }
        timer = DaemonTimer.every(java.time.Duration.ofSeconds(checkSeconds), "idle-heap", this::check);
    }

    void onStop(@Observes ShutdownEvent shutdown) {
        if (timer != null) {
            timer.close();
        }
    }

    private void check() {
        try {
            long cpu = processCpuNanos();
            long wall = System.nanoTime();
            boolean idle = lastCpuNanos >= 0 && cpu >= 0
                           && isIdle(cpu - lastCpuNanos, wall - lastWallNanos, idleCpuShare);
            lastCpuNanos = cpu;
            lastWallNanos = wall;
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            if (idle && worthCollecting(heap, excessMb * 1024 * 1024, committedAfterCollection)) {
                long before = heap.getCommitted();
                System.gc();
                MemoryUsage after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
                committedAfterCollection = after.getCommitted();
                lastCpuNanos = processCpuNanos();
                lastWallNanos = System.nanoTime();
                LOG.infof("idle: heap committed %d MB -> %d MB (%d MB used)", before >> 20,
                        after.getCommitted() >> 20, after.getUsed() >> 20);
            }
        } catch (RuntimeException e) {
            LOG.debugf(e, "idle heap check failed");
        }
    }

    /** Idle when the process used less than {@code share} of one core over the period. */
    static boolean isIdle(long cpuNanos, long wallNanos, double share) {
        return wallNanos > 0 && cpuNanos < share * wallNanos;
    }

    /**
     * Worth a full collection when the heap holds at least {@code excessBytes} beyond its initial size (below which it
     * never shrinks), and has grown by half that since the last one this asked for: what it then kept is live. What
     * the heap "uses" is no guide: between full collections it counts every dead object of the old generation.
     */
    static boolean worthCollecting(MemoryUsage heap, long excessBytes, long committedAfterLast) {
        boolean excess = heap.getCommitted() - heap.getInit() >= excessBytes;
        boolean grownSinceLast = committedAfterLast == Long.MAX_VALUE
                                 || heap.getCommitted() - committedAfterLast >= excessBytes / 2;
        return excess && grownSinceLast;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
