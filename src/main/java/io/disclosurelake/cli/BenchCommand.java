package io.disclosurelake.cli;

import io.disclosurelake.bench.JobBenchmark;
import io.disclosurelake.generate.CorpusGenerator;
import io.disclosurelake.generate.GeneratorOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "bench", mixinStandardHelpOptions = true, description = {
        "Benchmarks the whole job on a generated corpus: reports/s end to end with 1 and all cores (a fresh JVM",
        "and lake per run), per-stage times, peak memory, the plain extractor in a thread pool on the same files,",
        "and the incremental night (1% new files). Ends with reports_per_s=… plain_extractor_reports_per_s=… ratio=…",
        "for the first size on all cores."})
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--corpus", description = "a generated corpus (its docs/) or a folder of documents; default: generate one in --work")
    Path corpus;

    @Option(names = "--work", defaultValue = "target/bench", description = "scratch directory for inputs, lakes and logs (default ${DEFAULT-VALUE})")
    Path work;

    @Option(names = "--sizes", defaultValue = "2000", split = ",", description = "document counts to measure (default ${DEFAULT-VALUE}; e.g. 2000,10000)")
    List<Integer> sizes;

    @Option(names = "--cores", defaultValue = "0", description = "most cores to use (0 = all of the machine)")
    int cores;

    @Option(names = "--heap", defaultValue = "2g", description = "-Xmx of each job JVM (driver and executors in local mode)")
    String heap;

    @Option(names = "--formats", defaultValue = "pdf,docx,doc,html,xlsx,txt", split = ",", description = "formats of a generated corpus")
    List<String> formats;

    @Option(names = "--no-incremental", description = "skip the incremental (1% new files) night")
    boolean noIncremental;

    @Override public Integer call() throws Exception {
        Files.createDirectories(work);
        int maxCores = cores > 0 ? cores : Runtime.getRuntime().availableProcessors();
        int largest = sizes.stream().mapToInt(Integer::intValue).max().orElse(0);
        Path docs = corpus;
        if (docs == null) {
            docs = work.resolve("corpus-" + largest);
            int needed = largest + Math.max(1, largest / 100);
            if (!Files.isDirectory(docs.resolve("docs"))) {
                Set<String> f = new LinkedHashSet<>(formats);
                System.err.printf("bench: generating %d documents into %s%n", needed, docs);
                new CorpusGenerator(new GeneratorOptions(docs, needed, 7, f, 2019, 2025, 0.1, 0.02, 0.0, maxCores), System.err).run();
            }
        }
        JobBenchmark bench = new JobBenchmark(docs, work.toAbsolutePath(), heap, System.err);
        for (int size : sizes) {
            System.err.printf("bench: %d documents%n", size);
            bench.measure(size, maxCores, !noIncremental);
        }
        bench.print(System.out, sizes.get(0), maxCores);
        return 0;
    }
}
