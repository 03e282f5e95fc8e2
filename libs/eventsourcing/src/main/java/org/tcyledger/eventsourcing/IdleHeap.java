package org.tcyledger.eventsourcing;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import com.sun.management.HotSpotDiagnosticMXBean;
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
 * <p>
 * The services keep 20 to 40% of the old generation free ({@code -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40}) so
 * that a service under load does not collect its whole heap every time it grows. An idle service needs no such room:
 * for this one collection the old generation keeps at most {@code tcy.memory.idle-max-free-percent} free (both ratios
 * are manageable flags), and the service's own ratios are back as soon as it ends. The projection asks for the same
 * collection when a rebuild of its read models ends ({@link #giveBack}); a plain {@code System.gc()} there kept 40% free.
 * Meetings after the whole bench held 34 MB live in a heap of 71 MB committed, 16 MB of it the young generation; the
 * projection after the quick bench 204 MB RSS idle with 10%, 215 MB with its own 40% (the same build, one run each).
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

    /** What the old generation keeps free after an idle collection, in percent; 100 leaves the service's own ratios. */
    @ConfigProperty(name = "tcy.memory.idle-max-free-percent", defaultValue = "10")
    int idleMaxFreePercent;

    private DaemonTimer timer;
    private long lastCpuNanos = -1;
    private long lastWallNanos;
    /** The committed heap after the last collection this class asked for: no second one until it grew again. */
    private volatile long committedAfterCollection = Long.MAX_VALUE;

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
                giveBack("idle");
                lastCpuNanos = processCpuNanos();
                lastWallNanos = System.nanoTime();
            }
        } catch (RuntimeException e) {
            LOG.debugf(e, "idle heap check failed");
        }
    }

    /**
     * The heap given back now, as after an idle period: for work that knows it just left a large heap behind and the
     * service little to do (the projection after a rebuild of its read models). Blocks for one full collection.
     */
    public synchronized void giveBack(String why) {
        long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
        collectKeepingFree(idleMaxFreePercent);
        MemoryUsage after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        committedAfterCollection = after.getCommitted();
        LOG.infof("%s: heap committed %d MB -> %d MB (%d MB used)", why, before >> 20, after.getCommitted() >> 20,
                after.getUsed() >> 20);
    }

    /**
     * One full collection after which the old generation keeps at most {@code maxFreePercent} of itself free, the
     * JVM's free ratios restored right after. Where the flags cannot be set (not HotSpot) it is a plain collection.
     */
    static void collectKeepingFree(int maxFreePercent) {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        String min = null;
        String max = null;
        try {
            if (vm != null) {
                min = vm.getVMOption("MinHeapFreeRatio").getValue();
                max = vm.getVMOption("MaxHeapFreeRatio").getValue();
                if (maxFreePercent < Integer.parseInt(max)) {
                    // the JVM refuses a maximum below the minimum: the minimum goes down first, and up last
                    vm.setVMOption("MinHeapFreeRatio", String.valueOf(Math.min(Integer.parseInt(min), maxFreePercent)));
                    vm.setVMOption("MaxHeapFreeRatio", String.valueOf(maxFreePercent));
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("free ratios not set to %d%%, a plain collection: %s", maxFreePercent, e);
        }
        try {
            System.gc();
        } finally {
            if (max != null) {
                try {
                    vm.setVMOption("MaxHeapFreeRatio", max);
                    vm.setVMOption("MinHeapFreeRatio", min);
                } catch (RuntimeException e) {
                    LOG.warnf(e, "free ratios not restored to %s/%s", min, max);
                }
            }
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
