package io.disclosurelake.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Peak resident memory (VmHWM) of a process, from /proc on Linux; 0 elsewhere. */
public final class ProcessMemory {
    private ProcessMemory() {}

    public static long selfPeakRssMb() { return peakRssKb(ProcessHandle.current().pid()) / 1024; }

    /** VmHWM of {@code pid} in kB, or 0 when it is gone or /proc is not there. */
    public static long peakRssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** Samples the child's VmHWM every 100 ms until it exits; the last sample is its peak. */
    public static long samplePeakRssMb(Process p) throws InterruptedException {
        long peak = 0;
        while (p.isAlive()) {
            peak = Math.max(peak, peakRssKb(p.pid()));
            p.waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        return peak / 1024;
    }
}
