package io.disclosurelake.bench;

import io.disclosurelake.extract.ExtractionLimits;
import io.disclosurelake.extract.Extractor;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The whole-job benchmark of issue 7: the nightly job end to end on the first N documents of a generated
 * corpus with 1 and with all cores, each run a fresh JVM (as at night) on a fresh lake; the plain extractor in a
 * thread pool on the same files as the floor to compare with; and the incremental night (1% new files) against
 * the full one. Reports documents per second (every file is a report or a quarantine row), the job's stage
 * times, and each JVM's peak resident memory (VmHWM from /proc).
 */
public final class JobBenchmark {
    /** One measured configuration. */
    public record Row(String what, int docs, int cores, double seconds, double perSecond, long peakRssMb, String stages) {}

    private final Path corpus;
    private final Path work;
    private final String heap;
    private final PrintStream log;
    private final List<Row> rows = new ArrayList<>();
    /** Extra Spark settings (key=value) for every job night, after conf/spark-defaults.conf (bench's --spark-conf). */
    private final List<String> sparkConf;

    public JobBenchmark(Path corpus, Path work, String heap, PrintStream log) {
        this(corpus, work, heap, log, List.of());
    }

    public JobBenchmark(Path corpus, Path work, String heap, PrintStream log, List<String> sparkConf) {
        this.corpus = corpus;
        this.work = work;
        this.heap = heap;
        this.log = log;
        this.sparkConf = List.copyOf(sparkConf);
    }

    public List<Row> rows() { return List.copyOf(rows); }

    /** The corpus' documents in a stable order (docs/ of a generated corpus, else the directory itself). */
    public List<Path> documents() throws IOException {
        Path docs = Files.isDirectory(corpus.resolve("docs")) ? corpus.resolve("docs") : corpus;
        try (Stream<Path> s = Files.walk(docs)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Runs every measurement for {@code size} documents; {@code incremental} adds the 1%-new-files night. */
    public void measure(int size, int maxCores, boolean incremental) throws Exception {
        List<Path> all = documents();
        int extra = incremental ? Math.max(1, size / 100) : 0;
        if (all.size() < size + extra) {
            throw new IllegalArgumentException("corpus has " + all.size() + " documents, " + (size + extra) + " needed");
        }
        Path input = linkInput(all.subList(0, size), "input-" + size);
        for (int cores : maxCores > 1 ? List.of(1, maxCores) : List.of(1)) {
            rows.add(plainExtractor(all.subList(0, size), cores));
            Path lake = work.resolve("lake-" + size + "-" + cores);
            rows.add(job("job full", input, lake, size, cores));
            if (incremental && cores == maxCores) {
                for (Path f : all.subList(size, size + extra)) link(f, input);
                rows.add(job("job incremental (+" + extra + " new)", input, lake, size + extra, cores));
            }
        }
    }

    /** Hard links (or copies) of the chosen documents, so each size has an input directory of its own. */
    private Path linkInput(List<Path> docs, String name) throws IOException {
        Path dir = work.resolve(name);
        if (Files.isDirectory(dir)) deleteTree(dir);
        Files.createDirectories(dir);
        for (Path f : docs) link(f, dir);
        return dir;
    }

    private static void link(Path f, Path dir) throws IOException {
        Path target = dir.resolve(f.getFileName());
        try {
            Files.createLink(target, f);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(f, target);
        }
    }

    /** The extractor alone: read each file and extract it on a pool of {@code threads} threads. */
    public Row plainExtractor(List<Path> docs, int threads) throws Exception {
        Extractor extractor = new Extractor(ExtractionLimits.defaults());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong done = new AtomicLong();
        long t0 = System.nanoTime();
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (Path f : docs) {
                fs.add(pool.submit(() -> {
                    byte[] bytes = Files.readAllBytes(f);
                    extractor.extract(f.getFileName().toString(), bytes);
                    done.incrementAndGet();
                    return null;
                }));
            }
            for (Future<?> f : fs) f.get();
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        Row r = new Row("plain extractor", docs.size(), threads, s, docs.size() / s, ProcessMemory.selfPeakRssMb(), "");
        log.printf(Locale.ROOT, "  %-28s %6d docs %d core(s): %7.1f s  %7.1f docs/s%n", r.what(), r.docs(), r.cores(), s, r.perSecond());
        return r;
    }

    private static final Pattern STAGES = Pattern.compile("(?m)^\\s*stages\\s+(.*)$");

    /** One night of the job in a fresh JVM with {@code local[cores]}. */
    public Row job(String what, Path input, Path lake, int docs, int cores) throws Exception {
        List<String> cmd = command(input, lake, cores);
        Path out = Files.createTempFile(work, "run-", ".out");
        Path err = Files.createTempFile(work, "run-", ".err");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        long peak = ProcessMemory.samplePeakRssMb(p);
        int exit = p.waitFor();
        double s = (System.nanoTime() - t0) / 1e9;
        if (exit != 0) throw new IllegalStateException(what + " failed with exit " + exit + ", see " + err);
        Matcher m = STAGES.matcher(Files.readString(out));
        String stages = m.find() ? m.group(1).trim() : "";
        Row r = new Row(what, docs, cores, s, docs / s, peak, stages);
        log.printf(Locale.ROOT, "  %-28s %6d docs %d core(s): %7.1f s  %7.1f docs/s  peak RSS %d MB  stages %s%n",
                r.what(), r.docs(), r.cores(), s, r.perSecond(), peak, stages);
        return r;
    }

    /** The command line of one job night: a fresh JVM, {@code local[cores]}, and the extra Spark settings. */
    List<String> command(Path input, Path lake, int cores) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heap);
        cmd.addAll(jvmOptions());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("io.disclosurelake.cli.DisclosureLake");
        cmd.addAll(List.of("run", "--input", input.toString(), "--lake", lake.toString(), "--master", "local[" + cores + "]",
                "--spark-conf", "spark.ui.enabled=false"));
        for (String kv : sparkConf) cmd.addAll(List.of("--spark-conf", kv));
        return cmd;
    }

    static List<String> jvmOptions() throws IOException {
        String home = System.getenv("DISCLOSURE_LAKE_HOME");
        Path conf = Path.of(home == null ? "." : home, "conf", "jvm.options");
        List<String> flags = new ArrayList<>();
        if (!Files.isRegularFile(conf)) return flags;
        for (String line : Files.readAllLines(conf)) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) flags.add(l);
        }
        return flags;
    }

    /** The table of every row and, last, the summary line for {@code size} documents on all cores. */
    public void print(PrintStream out, int size, int maxCores) {
        out.printf(Locale.ROOT, "%nmachine: %d cores, job heap -Xmx%s%n", Runtime.getRuntime().availableProcessors(), heap);
        out.printf(Locale.ROOT, "%-30s %7s %5s %9s %9s %9s  %s%n", "measurement", "docs", "cores", "seconds", "docs/s", "peakMB", "job stages (s)");
        for (Row r : rows) {
            out.printf(Locale.ROOT, "%-30s %7d %5d %9.1f %9.2f %9d  %s%n", r.what(), r.docs(), r.cores(), r.seconds(), r.perSecond(),
                    r.peakRssMb(), r.stages());
        }
        Map<String, Row> key = new LinkedHashMap<>();
        for (Row r : rows) if (r.docs() == size && r.cores() == maxCores) key.putIfAbsent(r.what(), r);
        Row full = key.get("job full");
        Row plain = key.get("plain extractor");
        // each incremental night against the full night of the same size and cores that came just before it
        Map<Integer, Row> lastFull = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.what().equals("job full")) lastFull.put(r.cores(), r);
            Row before = lastFull.get(r.cores());
            if (r.what().startsWith("job incremental") && before != null) {
                out.printf(Locale.ROOT, "incremental night on %d documents: %.1f s vs the full night on %d: %.1f s (%.0f%% of its time)%n",
                        r.docs(), r.seconds(), before.docs(), before.seconds(), 100 * r.seconds() / before.seconds());
            }
        }
        if (full != null && plain != null) {
            out.printf(Locale.ROOT, "reports_per_s=%.2f plain_extractor_reports_per_s=%.2f ratio=%.3f%n",
                    full.perSecond(), plain.perSecond(), full.perSecond() / plain.perSecond());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
