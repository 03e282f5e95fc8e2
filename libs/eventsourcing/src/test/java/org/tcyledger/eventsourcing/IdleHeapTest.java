package org.tcyledger.eventsourcing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.MemoryUsage;
import org.junit.jupiter.api.Test;

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
}
