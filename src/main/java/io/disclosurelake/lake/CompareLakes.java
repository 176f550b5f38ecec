package io.disclosurelake.lake;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.apache.spark.sql.functions.col;

/**
 * Compares the content of two lakes table by table, ignoring what differs between any two runs by design:
 * run ids, run times (first/last seen, modification times, first publication, edit and retirement times), and
 * the runs table itself. Used by
 * bin/cluster-test to check that a cluster run and a local run on the same input give the same tables.
 */
public final class CompareLakes {
    /** Columns that name the run or its time, not the content. */
    static final Set<String> RUN_COLUMNS = Set.of("run_id", "first_seen", "last_seen", "modified_at",
            // the report's life: nights' times too (docs/job.md "A report's life")
            LakeSchema.FIRST_PUBLISHED_AT, LakeSchema.EDITED_AT, LakeSchema.RETIRED_AT);

    private CompareLakes() {}

    /** One line per table: "table: same (n rows)" or what differs. */
    public static List<String> differences(SparkSession spark, String lakeA, String lakeB) {
        List<String> out = new ArrayList<>();
        LakeTables a = new LakeTables(spark, lakeA);
        LakeTables b = new LakeTables(spark, lakeB);
        for (LakeTables l : List.of(a, b)) {
            if (!l.exists(LakeSchema.RUNS)) continue;
            for (Row r : l.read(LakeSchema.RUNS).orderBy(col("started_at").desc()).limit(1).collectAsList()) {
                out.add("lake " + l.root() + " ran on " + r.getAs("master") + " (" + r.getAs("status") + "): same (info)");
            }
        }
        for (String t : LakeTables.JOB_TABLES) {
            if (t.equals(LakeSchema.RUNS)) continue;
            if (!a.exists(t) || !b.exists(t)) {
                if (a.exists(t) != b.exists(t)) out.add(t + ": exists in only one lake");
                continue;
            }
            Column[] cols = Arrays.stream(LakeSchema.table(t).schema().fieldNames()).filter(c -> !RUN_COLUMNS.contains(c))
                    .map(c -> col(c)).toArray(Column[]::new);
            Dataset<Row> da = a.read(t).select(cols);
            Dataset<Row> db = b.read(t).select(cols);
            long onlyA = da.exceptAll(db).count();
            long onlyB = db.exceptAll(da).count();
            long n = da.count();
            if (onlyA != 0 || onlyB != 0) out.add(t + ": " + onlyA + " rows only in " + lakeA + ", " + onlyB + " only in " + lakeB);
            else out.add(t + ": same (" + n + " rows)");
        }
        return out;
    }

    public static boolean same(List<String> lines) { return lines.stream().allMatch(l -> l.contains(": same (")); }

    /** {@code java … io.disclosurelake.lake.CompareLakes LAKE_A LAKE_B}: exit 0 when equal, 1 when not. */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: CompareLakes LAKE_A LAKE_B");
            System.exit(2);
        }
        SparkSession spark = io.disclosurelake.lake.LakeSession.create(null, List.of("spark.ui.enabled=false"), "local[2]");
        int code;
        try {
            List<String> d = differences(spark, io.disclosurelake.lake.LakeSession.qualify(spark, args[0]),
                    io.disclosurelake.lake.LakeSession.qualify(spark, args[1]));
            d.forEach(l -> System.out.println("compare-lakes: " + l));
            code = same(d) ? 0 : 1;
            System.out.println(code == 0 ? "compare-lakes: every table has the same content" : "compare-lakes: the lakes differ");
        } finally {
            spark.stop();
        }
        System.exit(code);
    }
}
