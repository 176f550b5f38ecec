package io.disclosurelake.job;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The night's corrections (docs/review.md), before the ranking step: stored corrections go back onto the reports
 * this night re-extracted (stale ones are said in the summary), then every review sheet in the input's
 * {@value #FOLDER}/ folder not applied before is applied. The reports it rewrites join the run's changed
 * reports, so the ranking step after it rebuilds the gold tables and exports.
 */
public final class CorrectionsPostRunStep implements PostRunStep {
    /** The folder of the input where filled review sheets are dropped; never listed as reports (InputListing). */
    public static final String FOLDER = "corrections";

    @Override public String name() { return "corrections"; }

    @Override public void run(RunContext ctx) throws Exception {
        Corrections k = new Corrections(ctx.spark(), ctx.lake(), ctx.settings().minDenominator(), ctx.runId());
        // every lake has the table (its readers need not ask), made once; made now, it has nothing to re-apply
        boolean createdNow = k.ensureTable();
        List<String> touched = new ArrayList<>();
        if (!createdNow && !ctx.changedReportIds().isEmpty()) {
            Corrections.Result r = k.reapply(ctx.changedReportIds());
            if (!r.outcomes().isEmpty()) ctx.summaryLines().addAll(r.lines("stored corrections of re-read reports"));
            touched.addAll(r.touchedReportIds());
        }
        Path dir = new Path(ctx.settings().input(), FOLDER);
        FileSystem fs = dir.getFileSystem(ctx.spark().sparkContext().hadoopConfiguration());
        if (fs.isDirectory(dir)) {
            FileStatus[] files = fs.listStatus(dir);
            Arrays.sort(files, Comparator.comparing(f -> f.getPath().getName()));
            for (FileStatus f : files) {
                String name = f.getPath().getName();
                String lower = name.toLowerCase(java.util.Locale.ROOT);
                if (!f.isFile() || InputListing.hidden(name) || name.startsWith("~$")
                        || !(lower.endsWith(".csv") || lower.endsWith(".xlsx"))) continue;
                byte[] bytes;
                try (InputStream in = fs.open(f.getPath())) {
                    bytes = in.readAllBytes();
                }
                if (k.fileApplied(bytes)) continue;
                Corrections.Result r = k.applyFile(FOLDER + "/" + name, bytes, null);
                ctx.summaryLines().addAll(r.lines(FOLDER + "/" + name));
                touched.addAll(r.touchedReportIds());
            }
        }
        for (String id : touched) if (!ctx.changedReportIds().contains(id)) ctx.changedReportIds().add(id);
    }
}
