package org.tcyledger.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The lines are as JDK 25 logs them with {@code -Xlog:gc}: the serial collector's (the services') and G1's. */
class GcLogsTest {

    @Test
    void serialPausesAreSummedByKindAndCause() {
        GcLogs.Summary summary = GcLogs.summarize("membership", 11485, List.of(
                "[0.006s][info][gc] Using Serial",
                "[0.327s][info][gc] GC(0) Pause Young (Allocation Failure) 7M->2M(63M) 7.969ms",
                "[0.461s][info][gc] GC(1) Pause Young (Allocation Failure) 9M->4M(63M) 11.485ms",
                "[417.168s][info][gc] GC(2) Pause Full (Allocation Failure) 253M->41M(83M) 260.123ms",
                "[690.741s][info][gc] GC(3) Pause Full (System.gc()) 55M->5M(63M) 12.863ms"));
        assertEquals(2, summary.of("Young").count());
        assertEquals(19.454, summary.of("Young").millis(), 1e-9);
        assertEquals(2, summary.of("Full").count());
        assertEquals(0, summary.other().count());
        assertEquals(0.0, summary.other().millis());
        assertEquals(1, summary.byCause().get("Full: System.gc()").count());
        assertEquals(253, summary.peakHeapMb());
        assertEquals(List.of("417.2s Allocation Failure 260ms 253M->41M(83M)", "690.7s System.gc() 13ms 55M->5M(63M)"),
                summary.fulls().stream().map(GcLogs.Full::toString).toList());
    }

    @Test
    void g1PausesWithTwoCausesOrNoneAreCountedToo() {
        GcLogs.Summary summary = GcLogs.summarize("kafka", 2620, List.of(
                "[0.012s][info][gc] Using G1",
                "[1.234s][info][gc] GC(5) Pause Young (Normal) (G1 Evacuation Pause) 24M->8M(256M) 3.456ms",
                "[2.100s][info][gc] GC(6) Pause Young (Concurrent Start) (G1 Humongous Allocation) 40M->30M(256M) 2.000ms",
                "[2.200s][info][gc] GC(7) Pause Remark 30M->30M(256M) 1.200ms",
                "[2.300s][info][gc] GC(7) Pause Cleanup 30M->30M(256M) 0.100ms"));
        assertEquals(2, summary.of("Young").count());
        assertEquals(1, summary.byCause().get("Young: Normal, G1 Evacuation Pause").count());
        assertEquals(1, summary.of("Remark").count());
        assertEquals(1, summary.of("Cleanup").count());
        assertEquals(2, summary.other().count());
        assertEquals(1.3, summary.other().millis(), 1e-9);
        assertEquals(40, summary.peakHeapMb());
    }
}
