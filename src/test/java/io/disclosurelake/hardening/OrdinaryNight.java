package io.disclosurelake.hardening;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * An ordinary night's input — the battery's good reports and the notice that is not a report, without the
 * hostile files — and the lake of one uninterrupted run over it. Built once per test JVM: the hostile-battery
 * test compares the good reports against it, the crash tests compare every interrupted-then-rerun lake with it.
 */
final class OrdinaryNight {
    /** A small night takes ~1 min on 2 free cores; generous because CI machines are shared. */
    static final Duration RUN_TIMEOUT = Duration.ofMinutes(20);

    final Battery battery;
    final Path input;
    final Path lake;
    final List<HostileFiles.Entry> entries;
    /** Stderr of the uninterrupted run, for diagnosis. */
    final String log;
    final List<String> stages;

    private static OrdinaryNight shared;

    private OrdinaryNight(Battery battery) throws IOException, InterruptedException {
        this.battery = battery;
        this.entries = battery.entries.stream().filter(HostileFiles.Entry::ordinary).toList();
        this.input = Files.createDirectories(battery.root.resolve("ordinary-input"));
        for (HostileFiles.Entry e : entries) {
            // resolve the listed file name (a Path keeps a non-UTF-8 name's bytes; its String would not)
            Files.copy(e.file(), input.resolve(e.file().getFileName()));
        }
        this.lake = battery.root.resolve("ordinary-lake");
        try (JobProcess job = JobProcess.run(input, lake).logs(battery.root.resolve("logs")).start()) {
            int exit = job.waitFor(RUN_TIMEOUT);
            this.log = job.stderr();
            this.stages = job.stagesReached();
            if (exit != 0) throw new AssertionError("the uninterrupted ordinary run failed (exit " + exit + "):\n" + job.stderrTail(60));
        }
    }

    static synchronized OrdinaryNight get() {
        if (shared == null) {
            try {
                shared = new OrdinaryNight(Battery.get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }
}
