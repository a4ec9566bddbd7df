package io.riskguard.bench.job;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the machine did during a run, from /proc: CPU used by this JVM and by everything else
 * (other engineers' builds and tests share these 2 cores), and this process's memory.
 */
final class MachineLoad {

    /** Linux reports CPU time in USER_HZ ticks, 100 per second on every common kernel. */
    private static final double HZ = 100;

    record Sample(long nanos, long busyTicks, long selfTicks) {}

    private MachineLoad() {}

    static Sample sample() {
        return new Sample(System.nanoTime(), machineBusyTicks(), selfTicks());
    }

    /** Cores used by this JVM and by other processes between two samples. */
    record Usage(double seconds, double selfCores, double otherCores) {
        @Override
        public String toString() {
            return String.format("this JVM %.2f cores, other processes %.2f cores", selfCores, otherCores);
        }

        boolean disturbed() {
            return otherCores > 0.15;
        }
    }

    static Usage between(Sample a, Sample b) {
        double seconds = (b.nanos() - a.nanos()) / 1e9;
        double self = (b.selfTicks() - a.selfTicks()) / HZ / seconds;
        double busy = (b.busyTicks() - a.busyTicks()) / HZ / seconds;
        return new Usage(seconds, self, Math.max(0, busy - self));
    }

    private static long machineBusyTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long selfTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields after the command: state(3) ... utime(14) stime(15) → indexes 11 and 12 here
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** A field of /proc/self/status in kB (VmRSS, VmHWM, RssAnon, ...), or -1. */
    static long statusKb(String field) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/self/status"));
            for (String l : lines) {
                if (l.startsWith(field + ":")) {
                    return Long.parseLong(l.substring(field.length() + 1).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    static MemoryUsage heap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    }

    static MemoryUsage nonHeap() {
        return ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }
}
