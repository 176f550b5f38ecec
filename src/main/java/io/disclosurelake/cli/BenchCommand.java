package io.disclosurelake.cli;

import io.disclosurelake.extract.Extractor;
import io.disclosurelake.generate.CorpusGenerator;
import io.disclosurelake.generate.GeneratorOptions;
import io.disclosurelake.job.ExtractorFactory;
import io.disclosurelake.lake.LakeSession;
import io.disclosurelake.job.JobSettings;
import io.disclosurelake.job.NightlyJob;
import io.disclosurelake.job.RunSummary;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Times the whole job on a generated corpus and, beside it, the plain extractor in a Java thread pool of the
 * same size on the same files; the ratio is what Spark, Delta and the job's bookkeeping cost.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks the whole job on a generated corpus.")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--docs", defaultValue = "2000", description = "documents to generate (default ${DEFAULT-VALUE})") int docs;
    @Option(names = "--cores", defaultValue = "0", description = "Spark local cores and plain threads (0 = all)") int cores;
    @Option(names = "--seed", defaultValue = "7", description = "generator seed") long seed;
    @Option(names = "--corpus", description = "corpus directory to reuse or create (default target/bench-corpus-DOCS-SEED)") Path corpus;
    @Option(names = "--incremental", description = "also time a rerun on the same input (nothing new to extract)") boolean incremental;
    @Option(names = "--matrix", description = {"instead: each night in a fresh JVM on a fresh lake with 1 and all cores, peak memory,",
            "the plain extractor on the same files, and a night with 1%% new files; sizes from --sizes"}) boolean matrix;
    @Option(names = "--sizes", defaultValue = "2000", split = ",", description = "document counts for --matrix, e.g. 2000,10000 (the corpus needs 1%% more)") List<Integer> sizes;
    @Option(names = "--spark-conf", description = "extra Spark setting key=value for the job, each night of --matrix too (repeatable)") List<String> sparkConf = new ArrayList<>();
    @Option(names = "--heap", defaultValue = "2g", description = "-Xmx of each job JVM for --matrix") String heap;

    @Override public Integer call() throws Exception {
        int n = cores > 0 ? cores : Runtime.getRuntime().availableProcessors();
        Path dir = corpus != null ? corpus : Path.of("target", "bench-corpus-" + docs + "-" + seed);
        if (!Files.isDirectory(dir.resolve("docs"))) {
            System.err.printf("bench: generating %d documents into %s…%n", docs, dir);
            new CorpusGenerator(new GeneratorOptions(dir, docs, seed,
                    new java.util.LinkedHashSet<>(List.of("pdf", "docx", "doc", "html", "xlsx", "txt")), 2019, 2025, 0.1, 0.02, 0.0, n),
                    System.err).run();
        }
        if (matrix) {
            io.disclosurelake.bench.JobBenchmark bench = new io.disclosurelake.bench.JobBenchmark(dir,
                    Files.createTempDirectory("disclosure-lake-bench-matrix"), heap, System.err, sparkConf);
            for (int size : sizes) bench.measure(size, n, true);
            bench.print(System.out, sizes.get(0), n);
            return 0;
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir.resolve("docs"))) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        Path lake = Files.createTempDirectory("disclosure-lake-bench");

        // Warm the extractor's code paths once, so neither side pays the JIT alone.
        plain(files.subList(0, Math.min(50, files.size())), n);

        List<String> conf = new ArrayList<>(List.of("spark.sql.shuffle.partitions=" + Math.max(2, n)));
        conf.addAll(sparkConf);
        SparkSession spark = LakeSession.create(null, conf, "local[" + n + "]");
        RunSummary run;
        double jobSeconds;
        try {
            JobSettings s = JobSettings.defaults().with("job.input", dir.resolve("docs").toAbsolutePath().toString())
                    .with("job.lake", lake.toAbsolutePath().toString())
                    .with("job.manifest", Files.exists(dir.resolve("manifest.csv")) ? dir.resolve("manifest.csv").toAbsolutePath().toString() : "");
            long t0 = System.nanoTime();
            run = new NightlyJob(spark, s, ExtractorFactory.standard(), List.of()).run();
            jobSeconds = (System.nanoTime() - t0) / 1e9;
            run.print(System.out);
            if (incremental) {
                long t1 = System.nanoTime();
                RunSummary again = new NightlyJob(spark, s, ExtractorFactory.standard(), List.of()).run();
                System.out.printf(Locale.ROOT, "rerun on the same input: %.1f s, %d documents extracted%n", (System.nanoTime() - t1) / 1e9, again.docsNew());
            }
        } finally {
            spark.stop();
        }
        double plainSeconds = plain(files, n);
        double x = files.size() / jobSeconds;
        double y = files.size() / plainSeconds;
        System.out.printf(Locale.ROOT, "documents %d · cores %d · job %.1f s · plain extractor %.1f s%n", files.size(), n, jobSeconds, plainSeconds);
        StringBuilder st = new StringBuilder();
        run.stageSeconds().forEach((k, v) -> st.append(String.format(Locale.ROOT, " %s=%.1fs", k, v)));
        System.out.println("stages" + st);
        System.out.printf(Locale.ROOT, "reports_per_s=%.2f plain_extractor_reports_per_s=%.2f ratio=%.3f%n", x, y, x / y);
        return 0;
    }

    /** Seconds for the extractor alone over the files in a pool of {@code threads}, reading bytes as the job does. */
    static double plain(List<Path> files, int threads) throws Exception {
        Extractor extractor = new Extractor();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (Path f : files) fs.add(pool.submit(() -> extractor.extract(f.toString(), Files.readAllBytes(f))));
            for (Future<?> f : fs) f.get();
        } finally {
            pool.shutdownNow();
        }
        return (System.nanoTime() - t0) / 1e9;
    }
}
