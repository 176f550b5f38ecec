package io.disclosurelake.cli;

import io.disclosurelake.job.ExtractorFactory;
import io.disclosurelake.lake.LakeSession;
import io.disclosurelake.job.JobSettings;
import io.disclosurelake.job.NightlyJob;
import io.disclosurelake.job.PostRunStep;
import io.disclosurelake.job.RunSummary;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true, description = {
        "The nightly job: files to Delta tables.",
        "Locally: bin/disclosure-lake run --input DIR --lake DIR. On a cluster:",
        "spark-submit disclosure-lake-0.1.0-cluster.jar run --input URI --lake URI --exports DIR.",
        "Manifest: --manifest FILE, else the first of INPUT/manifest.csv and (INPUT named docs) INPUT/../manifest.csv."})
public final class RunCommand implements Callable<Integer> {
    @Mixin SparkOptions sparkOptions;
    @Option(names = "--input", description = "directory of report files (any Hadoop URI)") String input;
    @Option(names = "--lake", description = "lake directory, one Delta table per sub-directory (default: job.lake)") String lake;
    @Option(names = "--manifest", description = "CSV with path[,first_seen] giving first-seen times") String manifest;
    @Option(names = "--conf", description = "job settings file (properties), over conf/disclosure-lake.properties") Path conf;
    @Option(names = "--set", description = "one job setting key=value (repeatable)") List<String> sets = new ArrayList<>();
    @Option(names = "--exports", description = "directory of the rankings' CSV/XLSX/HTML (default: exports.dir of"
            + " scoring.properties, else exports/ beside a local lake; required for a lake on HDFS/S3)") String exports;

    /** Where the manifest came from: "--manifest", "found", or null (none used). */
    String manifestSource;

    /** Settings from embedded defaults, conf/ of the installation, --conf, --set, then the explicit options. */
    JobSettings settings() throws Exception {
        JobSettings s = JobSettings.defaults();
        Path home = LakeSession.confDir();
        if (home != null && Files.isRegularFile(home.resolve("disclosure-lake.properties"))) s = s.withFile(home.resolve("disclosure-lake.properties"));
        if (conf != null) s = s.withFile(conf);
        for (String kv : sets) {
            // exports.dir belongs to the ranking step (scoring.properties); accepted here as --exports
            if (kv.startsWith("exports.dir=")) { if (exports == null) exports = kv.substring("exports.dir=".length()); continue; }
            s = s.withAssignment(kv);
        }
        if (input != null) s = s.with("job.input", input);
        if (lake != null) s = s.with("job.lake", lake);
        if (manifest != null) s = s.with("job.manifest", manifest);
        manifestSource = s.manifest() != null ? "--manifest" : null;
        Path dir = Preflight.local(s.input());
        if (dir != null) {
            // A generated corpus (docs/ + manifest.csv): read its documents.
            if (Files.isDirectory(dir.resolve("docs")) && Files.isRegularFile(dir.resolve("manifest.csv"))) {
                s = s.with("job.input", dir.resolve("docs").toString());
            }
            // One rule for DIR and DIR/docs: INPUT/manifest.csv, else (INPUT named docs) INPUT/../manifest.csv.
            if (s.manifest() == null) {
                Path found = manifestBeside(dir);
                if (found != null) {
                    s = s.with("job.manifest", found.toString());
                    manifestSource = "found";
                }
            }
        }
        return s;
    }

    /** The manifest the documented rule finds for an input directory, or null. */
    static Path manifestBeside(Path input) {
        if (Files.isRegularFile(input.resolve("manifest.csv"))) return input.resolve("manifest.csv");
        Path parent = input.toAbsolutePath().normalize().getParent();
        if (input.toAbsolutePath().normalize().getFileName() != null
                && input.toAbsolutePath().normalize().getFileName().toString().equals("docs")
                && parent != null && Files.isRegularFile(parent.resolve("manifest.csv"))) {
            return parent.resolve("manifest.csv");
        }
        return null;
    }

    @Override public Integer call() throws Exception {
        JobSettings s;
        try {
            // Everything a night needs, before any Spark session, extraction or table: one line and exit 2.
            if (conf != null) Preflight.checkSettingsFile(conf);
            Preflight.checkMaster(sparkOptions.master);
            s = settings();
            Preflight.checkSettings(s);
            Preflight.checkInput(s.input());
            if ("--manifest".equals(manifestSource)) Preflight.checkManifest(s.manifest());
            Preflight.checkWritable("lake", s.lake());
            String exportsDir = exports != null ? exports : io.disclosurelake.rank.ScoringConfig.standard().exportsDir();
            if (exportsDir.isEmpty() && Preflight.local(s.lake()) == null) {
                throw new Preflight.Problem("lake " + s.lake() + " is not on this machine: give --exports DIR (or exports.dir in"
                        + " conf/scoring.properties) for the rankings' CSV/XLSX/HTML");
            }
            if (!exportsDir.isEmpty()) Preflight.checkWritable("exports", exportsDir);
            if (exports != null) System.setProperty(io.disclosurelake.rank.ScoringConfig.EXPORTS_PROPERTY, Path.of(exports).toAbsolutePath().toString());
        } catch (Preflight.Problem | IllegalArgumentException | java.io.IOException e) {
            System.err.println("run: " + e.getMessage());
            return 2;
        }
        SparkSession spark = sparkOptions.session(null);
        ConsoleProgress progress = ConsoleProgress.forConsole();
        if (progress != null) spark.sparkContext().addSparkListener(progress);
        try {
            s = s.with("job.input", LakeSession.qualify(spark, s.input())).with("job.lake", LakeSession.qualify(spark, s.lake()));
            if (s.manifest() != null) s = s.with("job.manifest", LakeSession.qualify(spark, s.manifest()));
            List<PostRunStep> steps = PostRunStep.registered();
            // A damaged table stops the night before its first commit, with one line and exit 3 (NightlyJob checks).
            RunSummary summary = new NightlyJob(spark, s, ExtractorFactory.standard(), steps).run();
            summary.print(System.out);
            System.out.println("manifest: " + (s.manifest() == null ? "none (first-seen times from the files' modification times)"
                    : s.manifest() + ("found".equals(manifestSource) ? " (found beside the input)" : " (--manifest)")));
            return 0;
        } finally {
            spark.stop();
        }
    }
}
