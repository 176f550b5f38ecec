package io.disclosurelake.cli;

import io.disclosurelake.lake.LakeSession;
import io.disclosurelake.lake.LakeDamage;
import io.disclosurelake.lake.LakeDoctor;
import io.disclosurelake.lake.LakeLocation;
import io.disclosurelake.lake.NightClaim;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "doctor", mixinStandardHelpOptions = true, description = {
        "Checks a lake: every table read whole, rows copied or sharing their key, child rows of no report, documents"
                + " rows that block their file, quarantine rows of parsed files, runs left running. --repair removes what"
                + " it finds (one commit per table, holding the night claim); --rebuild TABLE drops a damaged table to be"
                + " made again (docs/job.md \"A damaged lake\").",
        "Exit status: 0 healthy or repaired, 1 problems found (not repaired), 2 bad arguments, 3 a damaged table."})
public final class DoctorCommand implements Callable<Integer> {
    @Mixin SparkOptions sparkOptions;

    @Option(names = "--lake", required = true, description = "lake directory, or its URI (file:, hdfs:, s3a:, …)") String lake;
    @Option(names = "--repair", description = "remove what is found (one Delta commit per table)") boolean repair;
    @Option(names = "--rebuild", paramLabel = "TABLE", description = "with --repair: drop TABLE so that the next run"
            + " (report tables, quarantine, documents) or rank (gold tables) makes it again (repeatable)") List<String> rebuild = new ArrayList<>();

    @Override public Integer call() throws Exception {
        LakeLocation where;
        try {
            where = LakeLocation.parse(lake);
        } catch (IllegalArgumentException e) {
            System.err.println("doctor: --lake " + lake + ": " + e.getMessage());
            return 2;
        }
        if (where.local().isPresent() && !Files.isDirectory(where.local().get())) {
            System.err.println("doctor: no lake at " + lake + " (not a directory)");
            return 2;
        }
        if (!rebuild.isEmpty() && !repair) {
            System.err.println("doctor: --rebuild needs --repair");
            return 2;
        }
        SparkSession spark = sparkOptions.session("doctor");
        try {
            LakeDoctor doctor = new LakeDoctor(spark, LakeSession.qualify(spark, where.uri()));
            if (!repair) {
                LakeDoctor.Examination x = doctor.examine();
                print(x);
                if (!x.damaged().isEmpty()) return LakeDamage.EXIT;
                if (!x.findings().isEmpty()) {
                    System.out.println("doctor: " + x.findings().size() + " problem(s) found; doctor --repair removes them");
                    return 1;
                }
                System.out.println("doctor: healthy (" + x.tables().size() + " tables read whole)");
                return 0;
            }
            LakeDoctor.Repair r;
            try {
                r = doctor.repair(rebuild);
            } catch (NightClaim.ClaimedException e) {
                System.err.println("doctor: " + e.getMessage());
                return 1;
            } catch (IllegalArgumentException e) {
                System.err.println("doctor: " + e.getMessage());
                return 2;
            }
            print(r.before());
            for (String l : r.lines()) System.out.println("doctor: " + l);
            if (!r.before().damaged().isEmpty()) {
                System.out.println("doctor: damaged tables are not repaired; restore them or rebuild them with --rebuild TABLE");
                return LakeDamage.EXIT;
            }
            System.out.println(r.before().healthy() && rebuild.isEmpty() ? "doctor: healthy, nothing to repair"
                    : "doctor: repaired (" + r.committed().size() + " table(s) committed)");
            return 0;
        } finally {
            spark.stop();
        }
    }

    private void print(LakeDoctor.Examination x) {
        for (LakeDamage.Damage d : x.damaged()) System.out.println("doctor: " + d.line());
        for (LakeDoctor.Finding f : x.findings()) System.out.println("doctor: " + f.line());
        if (sparkOptions.verbose) System.out.println("doctor: tables read: " + String.join(", ", x.tables()));
    }
}
