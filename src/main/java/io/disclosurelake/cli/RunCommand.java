package io.disclosurelake.cli;

import io.disclosurelake.job.ExtractorFactory;
import io.disclosurelake.job.JobSession;
import io.disclosurelake.job.JobSettings;
import io.disclosurelake.job.NightlyJob;
import io.disclosurelake.job.PostRunStep;
import io.disclosurelake.job.RunSummary;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true, description = {
        "The nightly job: files to Delta tables.",
        "Locally: bin/disclosure-lake run --input DIR --lake DIR. On a cluster: spark-submit --class",
        "io.disclosurelake.cli.DisclosureLake disclosure-lake-cluster.jar run --input URI --lake URI."})
public final class RunCommand implements Callable<Integer> {
    @Option(names = "--input", description = "directory of report files (any Hadoop URI)") String input;
    @Option(names = "--lake", description = "lake directory, one Delta table per sub-directory (default: job.lake)") String lake;
    @Option(names = "--manifest", description = "CSV with path[,first_seen] giving first-seen times") String manifest;
    @Option(names = "--conf", description = "job settings file (properties), over conf/disclosure-lake.properties") Path conf;
    @Option(names = "--set", description = "one job setting key=value (repeatable)") List<String> sets = new ArrayList<>();
    @Option(names = "--spark-conf", description = "one Spark setting key=value (repeatable)") List<String> sparkConf = new ArrayList<>();
    @Option(names = "--master", description = "Spark master URL (default: spark-submit's, else local[*])") String master;

    /** Settings from embedded defaults, conf/ of the installation, --conf, --set, then the explicit options. */
    JobSettings settings() throws Exception {
        JobSettings s = JobSettings.defaults();
        Path home = confDir();
        if (home != null && Files.isRegularFile(home.resolve("disclosure-lake.properties"))) s = s.withFile(home.resolve("disclosure-lake.properties"));
        if (conf != null) s = s.withFile(conf);
        for (String kv : sets) s = s.withAssignment(kv);
        if (input != null) {
            // A generated corpus (docs/ + manifest.csv): read its documents, with its first-seen times.
            Path dir = Path.of(input.startsWith("file:") ? java.net.URI.create(input).getPath() : input);
            if (!input.contains("://") && Files.isDirectory(dir.resolve("docs")) && Files.isRegularFile(dir.resolve("manifest.csv"))) {
                s = s.with("job.input", dir.resolve("docs").toString());
                if (manifest == null) s = s.with("job.manifest", dir.resolve("manifest.csv").toString());
            } else {
                s = s.with("job.input", input);
            }
        }
        if (lake != null) s = s.with("job.lake", lake);
        if (manifest != null) s = s.with("job.manifest", manifest);
        return s;
    }

    static Path confDir() {
        String home = System.getenv("DISCLOSURE_LAKE_HOME");
        Path dir = home != null ? Path.of(home, "conf") : Path.of("conf");
        return Files.isDirectory(dir) ? dir : null;
    }

    @Override public Integer call() throws Exception {
        JobSettings s = settings();
        if (s.input().isEmpty()) {
            System.err.println("run: --input DIR is required");
            return 2;
        }
        Path dir = confDir();
        SparkSession spark = JobSession.create(dir == null ? null : dir.resolve("spark-defaults.conf"), sparkConf, master);
        try {
            s = s.with("job.input", JobSession.qualify(spark, s.input())).with("job.lake", JobSession.qualify(spark, s.lake()));
            if (s.manifest() != null) s = s.with("job.manifest", JobSession.qualify(spark, s.manifest()));
            List<PostRunStep> steps = new ArrayList<>();
            ServiceLoader.load(PostRunStep.class).forEach(steps::add);
            RunSummary summary = new NightlyJob(spark, s, ExtractorFactory.standard(), steps).run();
            summary.print(System.out);
            return 0;
        } finally {
            spark.stop();
        }
    }
}
