package io.disclosurelake.hardening;

import io.disclosurelake.export.ExportClock;
import io.disclosurelake.export.ExportManifest;
import io.disclosurelake.generate.CorpusGenerator;
import io.disclosurelake.generate.GeneratorOptions;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A small generated corpus (14 documents of every format but DOC, one bad file) and the lake and exports of one
 * clean night over it, built once per test JVM: the night-safety tests (two nights at once, files that move, a
 * disk that fills) compare every lake they end with against it. Exports carry a fixed generated-at time
 * ({@link ExportClock}) so that they compare byte for byte.
 */
final class SmallNight {
    /** A night of 14 documents takes 1–2 min on 2 free cores, over 20 under heavy load (ranking step included). */
    static final Duration RUN = Duration.ofMinutes(45);
    static final int DOCUMENTS = 14;
    /** The exports' generated-at time of every night these tests run (2025-12-06T00:00:00Z). */
    static final String SOURCE_DATE_EPOCH = "1764979200";

    final Path root;
    final Path corpus;
    final Path manifest;
    /** The documents, relative to the corpus's docs/ ("2023/00000_….html"), sorted. */
    final List<String> files;
    final Path cleanLake;
    final Map<String, List<String>> clean;
    final Map<String, byte[]> cleanExports;
    final double cleanSeconds;

    private static SmallNight shared;

    private SmallNight() throws Exception {
        root = Files.createTempDirectory("dl-small-night");
        corpus = root.resolve("corpus");
        new CorpusGenerator(new GeneratorOptions(corpus, DOCUMENTS, 15, Set.of("pdf", "docx", "html", "xlsx", "txt"),
                2022, 2024, 0.2, 0.1, 0.0, 2), new PrintStream(OutputStream.nullOutputStream())).run();
        manifest = corpus.resolve("manifest.csv");
        try (Stream<Path> s = Files.walk(corpus.resolve("docs"))) {
            files = s.filter(Files::isRegularFile).map(p -> corpus.resolve("docs").relativize(p).toString()).sorted().toList();
        }
        Path input = input(root.resolve("clean-input"), files);
        cleanLake = root.resolve("clean").resolve("lake");
        long t0 = System.nanoTime();
        try (JobProcess job = night(input, cleanLake).start()) {
            int exit = job.waitFor(RUN);
            if (exit != 0) throw new AssertionError("the clean night failed (exit " + exit + "):\n" + job.stderrTail(60));
        }
        cleanSeconds = (System.nanoTime() - t0) / 1e9;
        clean = LakeSnapshot.of(LakeSession.get(), cleanLake);
        cleanExports = exports(exportsOf(cleanLake));
    }

    static synchronized SmallNight get() {
        if (shared == null) {
            try {
                shared = new SmallNight();
            } catch (Exception e) {
                throw new IllegalStateException("the small night could not be built", e);
            }
        }
        return shared;
    }

    /** A night over {@code input} into {@code lake} with the corpus's manifest and the fixed export time. */
    JobProcess.Builder night(Path input, Path lake) {
        return JobProcess.run(input, lake).args("--manifest", manifest.toString())
                .property(ExportClock.PROPERTY, SOURCE_DATE_EPOCH).logs(root.resolve("logs"));
    }

    /** An input directory holding {@code names} (copies keeping their modification times). */
    Path input(Path dir, Collection<String> names) throws IOException {
        for (String n : names) {
            Path to = dir.resolve(n);
            Files.createDirectories(to.getParent());
            Files.copy(corpus.resolve("docs").resolve(n), to, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
        }
        return Files.createDirectories(dir);
    }

    /** The exports directory of a lake made by {@link #night} (the default: exports/ beside the lake). */
    static Path exportsOf(Path lake) { return lake.resolveSibling("exports"); }

    /** Every export file's bytes by name, without the manifest (it records the lake's table versions). */
    static Map<String, byte[]> exports(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                if (!p.getFileName().toString().equals(ExportManifest.NAME)) out.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    /** Fails with every table's differences when the lake's content is not the clean night's. */
    void assertSameAsClean(SparkSession spark, Path lake, String what) {
        Map<String, List<String>> got = LakeSnapshot.of(spark, lake);
        StringBuilder diff = new StringBuilder();
        for (String table : clean.keySet()) {
            List<String> want = clean.get(table), have = got.getOrDefault(table, List.of());
            if (want.equals(have)) continue;
            List<String> lost = new ArrayList<>(want);
            lost.removeAll(have);
            List<String> extra = new ArrayList<>(have);
            extra.removeAll(want);
            diff.append(table).append(": ").append(want.size()).append(" rows expected, ").append(have.size())
                    .append(" found; lost ").append(cut(lost)).append("; extra ").append(cut(extra)).append('\n');
        }
        assertEquals("", diff.toString(), what + ": tables vs one clean night on the same input");
        assertEquals(clean.keySet(), got.keySet(), what + ": the same tables");
    }

    /** Fails unless the lake's exports are the clean night's, byte for byte (same names, same bytes). */
    void assertExportsAsClean(Path lake, String what) throws IOException {
        Map<String, byte[]> got = exports(exportsOf(lake));
        assertEquals(cleanExports.keySet(), got.keySet(), what + ": the same export files");
        for (String n : cleanExports.keySet()) {
            if (!java.util.Arrays.equals(cleanExports.get(n), got.get(n))) {
                throw new AssertionError(what + ": " + n + " differs from the clean night's (" + got.get(n).length + " vs "
                        + cleanExports.get(n).length + " bytes)");
            }
        }
    }

    /**
     * The one line a failed run prints (cli/DisclosureLake: {@code run: <cause>}, then {@code run: (--verbose shows
     * the stack trace)}); fails unless there is exactly one.
     */
    static String failureLine(JobProcess job) {
        List<String> lines = job.stderr().lines().filter(l -> l.startsWith("run: ") && !l.startsWith("run: (--verbose")).toList();
        assertEquals(1, lines.size(), "one line saying why:\n" + job.stderrTail(20));
        assertEquals("run: (--verbose shows the stack trace)", job.stderr().strip().lines().reduce((a, b) -> b).orElse(""));
        return lines.get(0);
    }

    private static String cut(List<String> rows) {
        String s = rows.toString();
        return s.length() > 1500 ? s.substring(0, 1500) + "…" : s;
    }

    static void uncheck(IOException e) { throw new UncheckedIOException(e); }
}
