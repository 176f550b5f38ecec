package io.disclosurelake.lake;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.apache.spark.sql.functions.*;

/**
 * {@code doctor} (docs/job.md "A damaged lake"): finds rows a lake should not hold — exact copies, rows that share
 * their table's key ({@link LakeSchema.Table#key()}), child rows of no report, documents rows that block their file,
 * quarantine rows of parsed files, a {@code runs} row left {@code running} — and damaged tables; with repair, removes
 * them with one Delta commit per table while holding the night claim. The checks are small functions over
 * DataFrames (tested on in-memory rows); {@link #examine} and {@link #repair} apply them to a lake.
 */
public final class LakeDoctor {
    /** Child tables of a report: their rows are worth nothing without a {@code reports} row. */
    public static final List<String> CHILD_TABLES = List.of(LakeSchema.ACTIVE_DISCLOSURE, LakeSchema.APPLICATIONS,
            LakeSchema.REVIEW_LITIGATION, LakeSchema.CELLS, LakeSchema.RULE_VIOLATIONS, LakeSchema.REPORT_METRICS);
    /** Tables of the ranking step: rebuilt whole by {@code rank}. */
    public static final List<String> GOLD_TABLES = List.of(LakeSchema.REGION_TOTALS, LakeSchema.REGION_METRICS,
            LakeSchema.COVERAGE, LakeSchema.MISSING_REPORTS, LakeSchema.RANKINGS);

    /** One finding: a line for the operator. {@code rows} is how many rows it concerns. */
    public record Finding(String table, String kind, long rows, String detail) {
        public String line() { return table + ": " + detail; }
    }

    /** What a look at the lake found. */
    public record Examination(List<Finding> findings, List<LakeDamage.Damage> damaged, List<String> tables) {
        public boolean healthy() { return findings.isEmpty() && damaged.isEmpty(); }
    }

    private final SparkSession spark;
    private final String lake;

    public LakeDoctor(SparkSession spark, String lake) {
        this.spark = spark;
        this.lake = new Path(lake).toString().replaceAll("/$", "");
    }

    String path(String table) { return lake + "/" + table; }

    // ------------------------------------------------------------------ the checks, over DataFrames

    /** A row as one string (every column, maps and structs included): for "the same row" on any schema. */
    static Column image(Dataset<Row> df) {
        return to_json(struct(Arrays.stream(df.columns()).map(c -> df.col(quoted(c))).toArray(Column[]::new)));
    }

    /** Rows that are an exact copy of another row (a row held three times counts 2). */
    public static long exactDuplicates(Dataset<Row> df) {
        Row r = df.groupBy(image(df).as("_img")).count().agg(sum(col("count").minus(1))).first();
        return r.isNullAt(0) ? 0 : r.getLong(0);
    }

    /** The keys held by more than one distinct row, with how many ({@code _rows}). */
    public static Dataset<Row> keyDuplicates(Dataset<Row> df, List<String> key) {
        Column[] k = key.stream().map(c -> col(quoted(c))).toArray(Column[]::new);
        Dataset<Row> distinct = df.select(Arrays.stream(df.columns()).map(c -> col(quoted(c))).toArray(Column[]::new))
                .withColumn("_img", image(df)).dropDuplicates("_img");
        return distinct.groupBy(k).agg(count(lit(1)).as("_rows")).where(col("_rows").gt(1));
    }

    /** One row per key (per whole row when {@code key} is empty): the latest run's, then the greatest row. */
    public static Dataset<Row> keepOne(Dataset<Row> df, List<String> key) {
        Dataset<Row> withImg = df.withColumn("_img", image(df));
        Column[] part = key.isEmpty() ? new Column[]{col("_img")} : key.stream().map(c -> col(quoted(c))).toArray(Column[]::new);
        List<Column> order = new ArrayList<>();
        if (Arrays.asList(df.columns()).contains(LakeSchema.RUN_ID)) order.add(col(LakeSchema.RUN_ID).desc_nulls_last());
        order.add(col("_img").desc());
        return withImg.withColumn("_n", row_number().over(Window.partitionBy(part).orderBy(order.toArray(new Column[0]))))
                .where(col("_n").equalTo(1)).drop("_n", "_img");
    }

    /** Rows of a child table whose report_id is in no {@code reports} row. */
    public static Dataset<Row> orphans(Dataset<Row> child, Dataset<Row> reports) {
        return child.join(reports.select(LakeSchema.REPORT_ID).distinct(), JoinKeys.of(LakeSchema.REPORT_ID), "left_anti");
    }

    /**
     * {@code documents} rows of an old version (before docs/job.md "Files that move during a night"): a read that
     * failed recorded an empty sha256 with the file's size and modification time, so the file counted as
     * unchanged and was never read again. A listing problem has an empty sha256 too, but no modification time.
     */
    public static Column blocksItsFile() {
        return col(LakeSchema.SHA256).equalTo("").and(col("modified_at").isNotNull());
    }

    /** Quarantine rows whose path {@code documents} holds as parsed or partial (the file's later verdict). */
    public static Dataset<Row> quarantinedButParsed(Dataset<Row> quarantine, Dataset<Row> documents) {
        return quarantine.join(documents.where(col("status").isin("parsed", "partial")).select(LakeSchema.PATH).distinct(),
                JoinKeys.of(LakeSchema.PATH), "left_semi");
    }

    /** {@code runs} rows still {@code running} although no night holds the lake (a night killed or lost). */
    public static Column stuck(Optional<String> liveRunId) {
        Column running = col("status").equalTo("running");
        return liveRunId.map(id -> running.and(col(LakeSchema.RUN_ID).notEqual(id))).orElse(running);
    }

    /**
     * {@code documents} rows made to be read and extracted again next night: no content known (empty sha256), no
     * modification time (the listing never matches), first_seen kept; a listing problem also loses its reason so
     * the next night records it again.
     */
    public static Dataset<Row> markForReading(Dataset<Row> documents, Column which) {
        Column problem = col(LakeSchema.SHA256).equalTo("").and(col("modified_at").isNull());
        return documents.withColumn("reason", when(which.and(problem), lit(null).cast("string")).otherwise(col("reason")))
                .withColumn(LakeSchema.SHA256, when(which, lit("")).otherwise(col(LakeSchema.SHA256)))
                .withColumn("modified_at", when(which, lit(null).cast("timestamp")).otherwise(col("modified_at")))
                .select(Arrays.stream(documents.columns()).map(c -> col(quoted(c))).toArray(Column[]::new));
    }

    // ------------------------------------------------------------------ the lake

    /** Every check on every table present; damaged tables are named and not checked further. */
    public Examination examine() throws IOException {
        return examine(liveNight().map(NightClaim.Holder::runId));
    }

    private Examination examine(Optional<String> liveRunId) {
        List<String> tables = LakeHealth.tablesIn(spark, lake);
        List<LakeDamage.Damage> damaged = LakeHealth.check(spark, lake, true);
        Set<String> bad = new LinkedHashSet<>();
        for (LakeDamage.Damage d : damaged) bad.add(d.table());
        List<Finding> found = new ArrayList<>();
        Map<String, Dataset<Row>> t = new LinkedHashMap<>();
        for (String name : tables) if (!bad.contains(name)) t.put(name, read(name));
        for (Map.Entry<String, Dataset<Row>> e : t.entrySet()) {
            String name = e.getKey();
            Dataset<Row> df = e.getValue();
            long exact = exactDuplicates(df);
            if (exact > 0) found.add(new Finding(name, "exact", exact, exact + " row(s) are exact copies of another row"));
            List<String> key = knownKey(name);
            if (!key.isEmpty()) {
                Row k = keyDuplicates(df, key).agg(count(lit(1)), sum("_rows")).first();
                if (k.getLong(0) > 0) found.add(new Finding(name, "key", k.getLong(1), k.getLong(1) + " distinct row(s) share their key ("
                        + String.join(", ", key) + ") with another: " + k.getLong(0) + " key(s)"));
            }
            if (CHILD_TABLES.contains(name) && t.containsKey(LakeSchema.REPORTS)) {
                Row o = orphans(df, t.get(LakeSchema.REPORTS)).agg(count(lit(1)), countDistinct(col(LakeSchema.REPORT_ID))).first();
                if (o.getLong(0) > 0) found.add(new Finding(name, "orphan", o.getLong(0), o.getLong(0) + " orphan row(s): "
                        + o.getLong(1) + " report_id(s) in no reports row"));
            }
        }
        if (t.containsKey(LakeSchema.DOCUMENTS)) {
            long n = t.get(LakeSchema.DOCUMENTS).where(blocksItsFile()).count();
            if (n > 0) found.add(new Finding(LakeSchema.DOCUMENTS, "blocking", n, n + " row(s) of an old version with empty sha256"
                    + " block their file (a failed read taken as the file's verdict): read again next night after repair"));
            if (t.containsKey(LakeSchema.QUARANTINE)) {
                long q = quarantinedButParsed(t.get(LakeSchema.QUARANTINE), t.get(LakeSchema.DOCUMENTS)).count();
                if (q > 0) found.add(new Finding(LakeSchema.QUARANTINE, "parsed", q, q + " row(s) of a file documents holds as parsed"));
            }
        }
        if (t.containsKey(LakeSchema.RUNS)) {
            List<String> ids = t.get(LakeSchema.RUNS).where(stuck(liveRunId)).select(LakeSchema.RUN_ID).distinct()
                    .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
            if (!ids.isEmpty()) found.add(new Finding(LakeSchema.RUNS, "stuck", ids.size(), ids.size() + " row(s) stuck at running"
                    + " with no live night claim: " + String.join(", ", ids.stream().sorted().toList())));
        }
        return new Examination(found, damaged, tables);
    }

    /** The table's key, or none where LakeSchema knows no such table (another table under the lake). */
    static List<String> knownKey(String table) {
        try {
            return LakeSchema.table(table).key();
        } catch (IllegalArgumentException other) {
            return List.of();
        }
    }

    /** What {@link #repair} did: the tables it committed and the lines to print. */
    public record Repair(Examination before, List<String> committed, List<String> lines) {}

    /**
     * Removes what {@link #examine} finds, one commit per table, under the night claim (a running night makes it
     * refuse with {@link NightClaim.ClaimedException}). {@code rebuild}: tables to drop and have rebuilt
     * (docs/job.md "A damaged lake"): a report table or quarantine is made again from the input by the next night
     * (the documents rows of its files are marked to be read again), a gold table by {@code rank}, documents by
     * reading every file again, runs starts empty.
     */
    public Repair repair(List<String> rebuild) throws IOException {
        for (String r : rebuild) {
            if (!LakeSchema.tables().stream().anyMatch(x -> x.name().equals(r))) {
                throw new IllegalArgumentException("--rebuild " + r + ": no such table (tables: "
                        + String.join(", ", LakeSchema.tables().stream().map(LakeSchema.Table::name).toList()) + ")");
            }
        }
        Optional<NightClaim.Holder> live = liveNight();
        NightClaim claim = new NightClaim(lake, spark.sparkContext().hadoopConfiguration());
        String runId = "doctor-" + Instant.now().toString().replaceAll("[^0-9TZ]", "");
        try (NightClaim.Held held = claim.acquire(runId, Duration.ZERO)) {
            List<String> committed = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            Set<String> markReports = new LinkedHashSet<>(); // report_ids whose files are read again
            boolean markAllReports = false;
            boolean markQuarantined = false;
            FileSystem fs = new Path(lake).getFileSystem(spark.sparkContext().hadoopConfiguration());
            for (String r : rebuild) {
                Path dir = new Path(path(r));
                if (fs.exists(dir)) fs.delete(dir, true);
                org.apache.spark.sql.delta.DeltaLog.clearCache();
                if (r.equals(LakeSchema.REPORTS) || CHILD_TABLES.contains(r)) {
                    markAllReports = true;
                    lines.add(r + ": dropped; the next run reads the files of every report again and writes it whole");
                } else if (r.equals(LakeSchema.QUARANTINE)) {
                    markQuarantined = true;
                    lines.add(r + ": dropped; the next run reads every quarantined file again");
                } else if (r.equals(LakeSchema.DOCUMENTS)) {
                    lines.add(r + ": dropped; the next run reads every file of the input again (first_seen from the manifest, else that night)");
                } else if (GOLD_TABLES.contains(r)) {
                    lines.add(r + ": dropped; rebuild it with: bin/disclosure-lake rank --lake " + lake + " --out EXPORTS");
                } else {
                    lines.add(r + ": dropped; the next run starts it again");
                }
            }
            Examination before = examine(live.map(NightClaim.Holder::runId));
            Set<String> damaged = new LinkedHashSet<>();
            for (LakeDamage.Damage d : before.damaged()) damaged.add(d.table());
            Map<String, List<Finding>> byTable = new LinkedHashMap<>();
            for (Finding f : before.findings()) byTable.computeIfAbsent(f.table(), k -> new ArrayList<>()).add(f);
            List<String> order = new ArrayList<>(byTable.keySet());
            // documents last (it takes the marks of the other tables), runs after it
            order.remove(LakeSchema.DOCUMENTS);
            order.remove(LakeSchema.RUNS);
            order.add(LakeSchema.DOCUMENTS);
            if (byTable.containsKey(LakeSchema.RUNS)) order.add(LakeSchema.RUNS);
            for (String name : order) {
                if (damaged.contains(name)) continue;
                List<Finding> fs2 = byTable.getOrDefault(name, List.of());
                boolean marks = name.equals(LakeSchema.DOCUMENTS) && (markAllReports || markQuarantined || !markReports.isEmpty());
                if (fs2.isEmpty() && !marks) continue;
                if (!LakeHealth.tablesIn(spark, lake).contains(name)) continue;
                Dataset<Row> df = read(name);
                Dataset<Row> fixed = df;
                Set<String> kinds = new LinkedHashSet<>();
                for (Finding f : fs2) kinds.add(f.kind());
                if (kinds.contains("exact")) fixed = keepOne(fixed, List.of());
                if (kinds.contains("key")) {
                    if (CHILD_TABLES.contains(name)) {
                        // Which of two rows of one report is right is not known here: the report is read again.
                        List<String> ids = keyDuplicates(fixed, knownKey(name)).select(LakeSchema.REPORT_ID).distinct()
                                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
                        markReports.addAll(ids);
                        fixed = fixed.where(not(col(LakeSchema.REPORT_ID).isin(ids.toArray())));
                    } else {
                        fixed = keepOne(fixed, knownKey(name));
                    }
                }
                if (kinds.contains("orphan")) fixed = fixed.join(read(LakeSchema.REPORTS).select(LakeSchema.REPORT_ID).distinct(),
                        JoinKeys.of(LakeSchema.REPORT_ID), "left_semi");
                if (kinds.contains("parsed")) fixed = fixed.join(quarantinedButParsed(read(LakeSchema.QUARANTINE), read(LakeSchema.DOCUMENTS))
                        .select(LakeSchema.PATH).distinct(), JoinKeys.of(LakeSchema.PATH), "left_anti");
                if (name.equals(LakeSchema.DOCUMENTS)) {
                    Column which = lit(false);
                    if (kinds.contains("blocking")) which = which.or(blocksItsFile());
                    if (markAllReports) which = which.or(col(LakeSchema.REPORT_ID).isNotNull());
                    if (!markReports.isEmpty()) which = which.or(col(LakeSchema.REPORT_ID).isin(markReports.toArray()));
                    if (markQuarantined) which = which.or(col("status").equalTo("quarantined"));
                    fixed = markForReading(fixed, which);
                }
                if (kinds.contains("stuck")) {
                    fixed = fixed.withColumn("error", when(stuck(live.map(NightClaim.Holder::runId)),
                                    lit("did not finish: no night held the lake (marked by doctor " + runId + ")")).otherwise(col("error")))
                            .withColumn("status", when(stuck(live.map(NightClaim.Holder::runId)), lit("failed")).otherwise(col("status")));
                }
                Column[] cols = Arrays.stream(df.columns()).map(c -> col(quoted(c))).toArray(Column[]::new);
                // The rows are computed before the write replaces them (the write reads the version it replaces).
                Dataset<Row> rows = fixed.select(cols).localCheckpoint(true);
                long kept = rows.count();
                rows.write().format("delta").mode("overwrite").save(path(name));
                committed.add(name);
                lines.add(name + ": repaired in one commit (" + kept + " rows kept)");
            }
            if (!markReports.isEmpty()) lines.add("documents: " + markReports.size() + " report(s) marked to be read again next night");
            return new Repair(before, committed, lines);
        }
    }

    /** The night holding the lake now, if any. */
    Optional<NightClaim.Holder> liveNight() throws IOException {
        return new NightClaim(lake, spark.sparkContext().hadoopConfiguration()).holder();
    }

    private Dataset<Row> read(String table) { return spark.read().format("delta").load(path(table)); }

    private static String quoted(String c) { return "`" + c.replace("`", "``") + "`"; }
}
