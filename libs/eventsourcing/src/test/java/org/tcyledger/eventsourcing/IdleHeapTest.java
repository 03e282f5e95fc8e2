package org.tcyledger.eventsourcing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tcyledger.testing.ServiceProcess;

class IdleHeapTest {

    private static final long MB = 1024 * 1024;

    /** init, used, committed, max in MB, as the memory bean reports the heap. */
    private static MemoryUsage heap(long init, long used, long committed) {
        return new MemoryUsage(init * MB, used * MB, committed * MB, 256 * MB);
    }

    @Test
    void idleIsAlmostNoCpuOverTheWholePeriod() {
        assertTrue(IdleHeap.isIdle(200_000_000L, 30_000_000_000L, 0.03), "0.2 s of CPU in 30 s");
        assertFalse(IdleHeap.isIdle(1_500_000_000L, 30_000_000_000L, 0.03), "1.5 s of CPU in 30 s is work");
        assertFalse(IdleHeap.isIdle(0, 0, 0.03), "no period measured yet");
    }

    @Test
    void aHeapGrownFarBeyondWhatItUsesIsCollectedOnce() {
        // meetings after the bench: 224 MB committed, 40 MB used, started at 96 MB
        assertTrue(IdleHeap.worthCollecting(heap(96, 40, 224), 48 * MB, Long.MAX_VALUE));
        // after that collection the heap is back at its initial 96 MB: nothing more to give
        assertFalse(IdleHeap.worthCollecting(heap(96, 40, 96), 48 * MB, 96 * MB));
        // it grew again by a later backlog: worth another
        assertTrue(IdleHeap.worthCollecting(heap(96, 50, 200), 48 * MB, 96 * MB));
    }

    @Test
    void whatTheWholeBenchLeftIsWorthCollectingByDefault() {
        long excess = Long.parseLong(IdleHeap.DEFAULT_EXCESS_MB) * MB;
        assertTrue(IdleHeap.worthCollecting(heap(96, 60, 143), excess, Long.MAX_VALUE), "meetings after the bench");
        assertTrue(IdleHeap.worthCollecting(heap(96, 50, 114), excess, Long.MAX_VALUE), "the projection after the bench");
        assertFalse(IdleHeap.worthCollecting(heap(96, 30, 104), excess, Long.MAX_VALUE), "8 MB is not worth a pause");
        // once collected, not again until it grew by half the threshold
        assertFalse(IdleHeap.worthCollecting(heap(96, 60, 118), excess, 114 * MB));
    }

    @Test
    void aHeapNearItsInitialSizeOrHoldingLiveDataIsLeftAlone() {
        assertFalse(IdleHeap.worthCollecting(heap(96, 20, 120), 48 * MB, Long.MAX_VALUE),
                "below its initial size it never shrinks: 24 MB above it is not worth a pause at a 48 MB threshold");
        // a collection that could not shrink it (live data) is not repeated every period
        assertFalse(IdleHeap.worthCollecting(heap(96, 160, 180), 48 * MB, 180 * MB));
    }

    @Test
    void deadObjectsCountedAsUsedDoNotHideTheExcess() {
        // between full collections the old generation's dead objects count as used: meetings after the bench
        assertTrue(IdleHeap.worthCollecting(heap(96, 210, 227), 48 * MB, Long.MAX_VALUE));
    }

    /** The old generation's used and committed bytes and the free ratios after a collection in {@link IdleHeapChild}. */
    private record After(long used, long committed, int minFree, int maxFree) {
        double freeShare() {
            return (committed - used) / (double) committed;
        }
    }

    private static After collectInChild(String how) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ServiceProcess.JVM_OPTIONS); // the services' own: deploy/jvm.options, -Xmx256m
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), IdleHeapChild.class.getName(), how));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS) && child.exitValue() == 0, out);
        String line = out.lines().filter(l -> l.startsWith("old ")).findFirst().orElseThrow(() -> new AssertionError(out));
        String[] parts = line.split(" ");
        return new After(Long.parseLong(parts[1]), Long.parseLong(parts[2]), Integer.parseInt(parts[4]),
                Integer.parseInt(parts[5]));
    }

    @Test
    void anIdleCollectionLeavesTheOldGenerationAtMostItsIdleShareFreeAndTheRatiosAsTheyWere() throws Exception {
        After plain = collectInChild("plain");
        After idle = collectInChild("idle");
        // 32 MB live in both; a plain collection keeps up to the service's 40% free, the idle one 10% (and a page)
        assertTrue(plain.freeShare() > 0.2, "a plain collection keeps the room of a working service: " + plain);
        assertTrue(idle.committed() - idle.used() <= 0.1 * idle.committed() + MB, "idle: " + idle);
        assertTrue(idle.committed() < plain.committed() - 8 * MB, idle + " against " + plain);
        assertEquals(ratio("MinHeapFreeRatio"), idle.minFree(), "the services' MinHeapFreeRatio restored");
        assertEquals(ratio("MaxHeapFreeRatio"), idle.maxFree(), "the services' MaxHeapFreeRatio restored");
    }

    private static int ratio(String flag) {
        return ServiceProcess.JVM_OPTIONS.stream().filter(o -> o.startsWith("-XX:" + flag + "="))
                .map(o -> Integer.parseInt(o.substring(o.indexOf('=') + 1))).findFirst().orElseThrow();
    }
}
