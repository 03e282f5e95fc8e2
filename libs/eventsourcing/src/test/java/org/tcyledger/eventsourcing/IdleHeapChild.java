package org.tcyledger.eventsourcing;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;

/**
 * Run by {@link IdleHeapTest} in a JVM of its own with the services' heap options: grows the old generation far beyond
 * what stays live, as a backlog does, then collects as IdleHeap does ({@code idle}) or plainly ({@code plain}), and
 * prints the old generation's used and committed bytes and the free ratios the JVM has afterwards.
 */
public final class IdleHeapChild {

    private static final List<byte[]> LIVE = new ArrayList<>();

    public static void main(String[] args) {
        // what both collections load and keep (IdleHeap's class and logger, the JVM's diagnostic bean) before the backlog
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        IdleHeap.isIdle(0, 1, 0.5);
        List<byte[]> backlog = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
            byte[] chunk = new byte[1 << 20];
            if (i % 5 == 0) {
                LIVE.add(chunk);
            } else {
                backlog.add(chunk);
            }
        }
        backlog.clear();
        if (args[0].equals("idle")) {
            IdleHeap.collectKeepingFree(10);
        } else {
            System.gc();
        }
        MemoryPoolMXBean old = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getName().contains("Tenured"))
                .findFirst().orElseThrow();
        System.out.println("old " + old.getUsage().getUsed() + " " + old.getUsage().getCommitted() + " ratios "
                           + vm.getVMOption("MinHeapFreeRatio").getValue() + " "
                           + vm.getVMOption("MaxHeapFreeRatio").getValue() + " live " + LIVE.size());
    }
}
