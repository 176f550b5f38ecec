package io.disclosurelake.hardening;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The nightly job as a child JVM, started the way {@code bin/disclosure-lake} starts it (same main class, the
 * JVM flags of {@code conf/jvm.options}, {@code DISCLOSURE_LAKE_HOME} for its conf/) but on the test's class
 * path, so no Maven build runs inside a test. Its stderr is kept in a file and scanned for the
 * {@code stage: <name>} markers of {@link io.disclosurelake.job.CrashPoint}; its peak resident memory is
 * sampled from /proc while it runs.
 */
final class JobProcess implements AutoCloseable {
    static final String MAIN = "io.disclosurelake.cli.DisclosureLake";
    static final int JOB_TIMEOUT_SECONDS = 60;

    private final Process process;
    private final Path stderr;
    private final Path stdout;
    private final Set<String> stages = ConcurrentHashMap.newKeySet();
    private final List<String> stageOrder = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong peakRssKb = new AtomicLong();
    private final Thread pump;

    private JobProcess(Process process, Path stderr, Path stdout) {
        this.process = process;
        this.stderr = stderr;
        this.stdout = stdout;
        this.pump = new Thread(this::pumpStderr, "job-stderr-" + process.pid());
        pump.setDaemon(true);
        pump.start();
        Thread sampler = new Thread(this::sampleRss, "job-rss-" + process.pid());
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Options of one child run. */
    static final class Builder {
        private final List<String> args = new ArrayList<>();
        private final Map<String, String> props = new LinkedHashMap<>();
        private String heap = "1g";
        private Path logDir;
        private boolean markers = true;

        Builder args(String... a) { args.addAll(List.of(a)); return this; }

        Builder property(String key, String value) { props.put(key, value); return this; }

        Builder heap(String xmx) { heap = xmx; return this; }

        Builder logs(Path dir) { logDir = dir; return this; }

        /** Without the {@code stage:} markers: the console exactly as an operator sees it. */
        Builder withoutStageMarkers() { markers = false; return this; }

        JobProcess start() {
            try {
                Path logs = logDir != null ? Files.createDirectories(logDir) : Files.createTempDirectory("dl-job-logs");
                Path err = Files.createTempFile(logs, "job-", ".stderr");
                Path out = Files.createTempFile(logs, "job-", ".stdout");
                List<String> cmd = new ArrayList<>();
                cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
                cmd.add("-Xmx" + heap);
                cmd.addAll(jvmOptions());
                if (markers) cmd.add("-D" + io.disclosurelake.job.CrashPoint.MARKERS + "=true");
                props.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
                cmd.add("-cp");
                cmd.add(System.getProperty("java.class.path"));
                cmd.add(MAIN);
                cmd.addAll(args);
                ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.PIPE);
                pb.environment().put("DISCLOSURE_LAKE_HOME", projectDir().toString());
                return new JobProcess(pb.start(), err, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static Builder job() { return new Builder(); }

    /** The standard arguments of a small local run: 2 cores, the test's limits, quiet Spark. */
    static Builder run(Path input, Path lake) {
        return job().args("run", "--input", input.toString(), "--lake", lake.toString(), "--master", "local[2]",
                // the job's own 60 s: on a loaded 2-core CI machine a good DOCX once took over 10 s, and a
                // report that times out in one run and not in the other makes two lakes differ
                "--set", "limits.timeout_seconds=" + JOB_TIMEOUT_SECONDS,
                "--set", "limits.max_uncompressed_bytes=" + ExtractorBatteryTest.MAX_UNCOMPRESSED,
                "--spark-conf", "spark.ui.enabled=false",
                "--spark-conf", "spark.sql.shuffle.partitions=2",
                "--spark-conf", "spark.databricks.delta.snapshotPartitions=1");
    }

    static Path projectDir() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    }

    /** conf/jvm.options: one flag per line, '#' comments (as bin/disclosure-lake reads it). */
    static List<String> jvmOptions() throws IOException {
        List<String> flags = new ArrayList<>();
        for (String line : Files.readAllLines(projectDir().resolve("conf/jvm.options"))) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) flags.add(l);
        }
        return flags;
    }

    private void pumpStderr() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
             Writer w = Files.newBufferedWriter(stderr, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                w.write(line);
                w.write('\n');
                if (line.startsWith("stage: ")) {
                    w.flush();
                    String name = line.substring("stage: ".length()).strip();
                    stageOrder.add(name);
                    synchronized (stages) {
                        stages.add(name);
                        stages.notifyAll();
                    }
                }
            }
        } catch (IOException e) {
            // the process died: what was read so far is in the file
        }
    }

    /** VmHWM (peak resident set) of the child, sampled until it exits; the last sample is its peak. */
    private void sampleRss() {
        Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
        while (process.isAlive()) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                        peakRssKb.accumulateAndGet(kb, Math::max);
                    }
                }
                Thread.sleep(100);
            } catch (IOException | RuntimeException e) {
                return; // gone, or not Linux
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Waits until the job reports {@code stage: name}; false if it ended or the time passed first. */
    boolean awaitStage(String name, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (stages) {
            while (!stages.contains(name)) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive()) return stages.contains(name);
                stages.wait(Math.min(200, Math.max(1, left / 1_000_000)));
            }
        }
        return true;
    }

    /** Waits for the end; returns the exit code (fails the caller's test if it does not end in time). */
    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the job did not finish in " + timeout.toSeconds() + " s; stderr tail:\n" + stderrTail(40));
        }
        pump.join(5000);
        return process.exitValue();
    }

    /** SIGKILL on Linux: the JVM gets no chance to run shutdown hooks or finish a commit. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        pump.join(5000);
    }

    long pid() { return process.pid(); }

    List<String> stagesReached() { return List.copyOf(stageOrder); }

    long peakRssMb() { return peakRssKb.get() / 1024; }

    String stdout() {
        try {
            return Files.readString(stdout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String stderr() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String stderrTail(int lines) {
        List<String> all = stderr().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    @Override public void close() {
        if (process.isAlive()) process.destroyForcibly();
    }
}
