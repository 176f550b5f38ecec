package io.disclosurelake.job;

import io.delta.tables.DeltaTable;
import io.disclosurelake.lake.LakeSchema;
import io.disclosurelake.lake.LakeTables;
import io.disclosurelake.spec.CellRef;
import io.disclosurelake.spec.RuleBook;
import io.disclosurelake.rules.RuleSql;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.SerializableConfiguration;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.*;

/**
 * The nightly job: list the input, skip what the lake already has, extract the rest on the executors, and
 * bring every table up to date with one Delta commit per table (none when nothing changed). Child tables are
 * written first, {@code reports} next and {@code documents} last, so a run that dies half-way leaves files
 * the next run will redo; every write compares whole rows, so redoing them is idempotent.
 */
public final class NightlyJob {
    public static final String PROJECT_VERSION = "0.1.0";
    static final String COUNT_ERRORS = "error_violations";
    static final String COUNT_WARNINGS = "warning_violations";

    private final SparkSession spark;
    private final JobSettings settings;
    private final ExtractorFactory factory;
    private final List<PostRunStep> steps;
    private final LakeTables lake;
    private final Map<String, Double> stages = new LinkedHashMap<>();
    private final Map<String, String> actions = new LinkedHashMap<>();

    public NightlyJob(SparkSession spark, JobSettings settings, ExtractorFactory factory, List<PostRunStep> steps) {
        this.spark = spark;
        this.settings = settings;
        this.factory = factory;
        this.steps = steps;
        this.lake = new LakeTables(spark, settings.lake());
    }

    public LakeTables lake() { return lake; }

    @FunctionalInterface interface Stage<T> { T run() throws Exception; }

    private <T> T stage(String name, Stage<T> body) throws Exception {
        long t0 = System.nanoTime();
        try {
            return body.run();
        } finally {
            synchronized (stages) {
                stages.merge(name, (System.nanoTime() - t0) / 1e9, Double::sum);
            }
        }
    }

    /** Table creation and the runs row, started with the run (see {@link #run}). */
    private java.util.concurrent.CompletableFuture<Void> housekeeping = java.util.concurrent.CompletableFuture.completedFuture(null);

    /** Waits for {@link #housekeeping}; its failure is the run's. */
    private void awaitHousekeeping() throws Exception {
        try {
            housekeeping.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }

    public RunSummary run() throws Exception {
        long t0 = System.nanoTime();
        Instant startInstant = Instant.now();
        String runId = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(startInstant)
                + "-" + String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
        Timestamp started = Timestamp.from(startInstant);
        // Creating missing tables and the run's "running" row are Delta commits the listing and the extraction
        // do not need: they run beside them and are awaited before the first read of a table other than documents.
        housekeeping = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                stage("prepare", () -> { lake.ensureTables(); lake.addMissingColumns(); return null; });
                stage("runs_start", () -> { insertRun(runId, started); return null; });
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        try {
            RunSummary s = process(runId, started, t0);
            CrashPoint.reach("finish");
            finishRun(runId, s, "succeeded", null);
            return s;
        } catch (Exception | Error e) {
            try {
                awaitHousekeeping();
                finishRun(runId, null, "failed", e.toString());
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private RunSummary process(String runId, Timestamp started, long t0) throws Exception {
        Configuration hconf = spark.sparkContext().hadoopConfiguration();
        String input = settings.input();
        InputListing.Result listing = stage("list", () -> InputListing.list(input, hconf));
        CrashPoint.reach("listed");
        Map<String, Long> manifest = settings.manifest() == null ? Map.of() : InputListing.readManifest(settings.manifest(), hconf);

        List<Row> listed = new ArrayList<>();
        for (InputListing.ListedFile f : listing.files()) {
            Long seen = manifest.getOrDefault(f.path(), manifest.get("docs/" + f.path()));
            listed.add(RowFactory.create(f.path(), f.uri(), f.size(), f.modifiedAt() == null ? null : new Timestamp(f.modifiedAt()),
                    seen == null ? started : new Timestamp(seen)));
        }
        Dataset<Row> listedDf = spark.createDataFrame(listed, ExtractionRows.CANDIDATE);
        Dataset<Row> docsOld = lake.readOrEmpty(LakeSchema.DOCUMENTS).persist(StorageLevel.MEMORY_AND_DISK());

        // Pre-filter on the driver's listing: same (path, size, modification time) as in documents → not read.
        Dataset<Row> candidates = stage("prefilter", () -> listedDf.as("l").join(docsOld.as("d"),
                expr("l.path = d.path AND l.size = d.size AND l.modified_at <=> d.modified_at"), "left_anti").cache());
        long nCandidates = stage("prefilter", candidates::count);

        List<Row> problemRows = new ArrayList<>();
        for (InputListing.Problem p : listing.problems()) problemRows.add(RowFactory.create(p.path(), p.reason(), p.message()));
        Dataset<Row> problems = spark.createDataFrame(problemRows, new org.apache.spark.sql.types.StructType()
                        .add("path", "string").add("reason", "string").add("message", "string"))
                .join(docsOld.where("sha256 = ''").select("path", "reason"), scalaSeq("path", "reason"), "left_anti").cache();
        long nProblems = stage("prefilter", problems::count);

        long docsSeen = listing.files().size() + listing.problems().size();
        long unchanged = listing.files().size() - nCandidates;
        if (nCandidates == 0 && nProblems == 0) {
            stage("await_tables", () -> { awaitHousekeeping(); return null; });
            for (String t : LakeTables.JOB_TABLES) if (!t.equals(LakeSchema.RUNS)) actions.put(t, "unchanged");
            return summary(runId, docsSeen, unchanged, 0, 0, 0, 0, 0, 0, 0, List.of(), t0);
        }

        // ---------------------------------------------------------------- extraction on the executors
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Set<String> known = stage("prefilter", () -> new HashSet<>(docsOld.where("sha256 <> ''").select("sha256").distinct().as(Encoders.STRING()).collectAsList()));
        Broadcast<Set<String>> knownB = jsc.broadcast(known);
        Broadcast<SerializableConfiguration> confB = jsc.broadcast(new SerializableConfiguration(hconf));
        int partitions = settings.partitions() > 0 ? settings.partitions()
                : (int) Math.max(1, Math.min(nCandidates, 3L * spark.sparkContext().defaultParallelism()));
        Dataset<Row> ex;
        Dataset<Row> ex0 = candidates.repartition(partitions)
                .mapPartitions(new ExtractPartition(factory, settings, confB, knownB), Encoders.row(ExtractionRows.SCHEMA));
        // Extract once; checkpointing also cuts the lineage, so later plans stay small.
        ex = stage("extract", () -> materialize(ex0));
        stage("await_tables", () -> { awaitHousekeeping(); return null; });

        Row counts = stage("count", () -> ex.agg(
                sum(when(not(col("extracted")).and(col("sha256").notEqual("")), 1).otherwise(0)),
                sum(when(col("extracted").and(col("status").equalTo("parsed")), 1).otherwise(0)),
                sum(when(col("extracted").and(col("status").equalTo("partial")), 1).otherwise(0)),
                sum(when(col("extracted").and(col("status").equalTo("quarantined")), 1).otherwise(0))).first());
        long knownContent = counts.isNullAt(0) ? 0 : counts.getLong(0);
        long parsed = counts.isNullAt(1) ? 0 : counts.getLong(1);
        long partial = counts.isNullAt(2) ? 0 : counts.getLong(2);
        long quarantined = (counts.isNullAt(3) ? 0 : counts.getLong(3)) + nProblems;

        // ---------------------------------------------------------------- which versions become the reports
        final Dataset<Row> exF = ex;
        Dataset<Row> winners = stage("resolve", () -> materialize(resolveWinners(exF)));
        long nWinners = stage("resolve", winners::count);
        Dataset<Row> winnerIds = winners.select("report_id");
        Column run = lit(runId);

        // ---------------------------------------------------------------- cross-year scope and rules
        Dataset<Row> lakeReports = lake.read(LakeSchema.REPORTS);
        Dataset<Row> effReports = winners.select("report_id", "body_key", "year", "narrative_sha256", "tables_sha256")
                .unionByName(lakeReports.join(winnerIds, scalaSeq("report_id"), "left_anti")
                        .select("report_id", "body_key", "year", "narrative_sha256", "tables_sha256"));
        Dataset<Row> touchedBodies = winners.where("body_key IS NOT NULL").select("body_key").distinct();
        Dataset<Row> bodyReports = stage("cross_year", () -> materialize(effReports.join(touchedBodies, scalaSeq("body_key"), "left_semi")));
        Dataset<Row> scopeIds = stage("cross_year", () -> materialize(bodyReports.select("report_id").union(winnerIds).distinct()));
        Dataset<Row> keptIds = scopeIds.join(winnerIds, scalaSeq("report_id"), "left_anti");

        Dataset<Row> crossYear = stage("cross_year", () -> materialize(crossYearViolations(winners, keptIds, bodyReports)));
        List<String> crossRules = RuleBook.RULES.stream().filter(RuleBook.RuleInfo::crossYear).map(RuleBook.RuleInfo::id).toList();
        Dataset<Row> violations = winners.select(col("report_id"), explode(col("violations")).as("v")).select("report_id", "v.*")
                .unionByName(lake.read(LakeSchema.RULE_VIOLATIONS).join(keptIds, scalaSeq("report_id"), "left_semi")
                        .where(not(col("rule").isin(crossRules.toArray()))))
                .unionByName(crossYear);
        final Dataset<Row> violationsF = stage("cross_year", () -> materialize(violations));
        long nViolations = stage("cross_year", violationsF::count);

        Dataset<Row> countMetrics = scopeIds.join(violationsF, scalaSeq("report_id"), "left")
                .groupBy("report_id")
                .agg(sum(when(col("severity").equalTo("error"), 1).otherwise(0)).as("errors"),
                        sum(when(col("severity").equalTo("warning"), 1).otherwise(0)).as("warnings"));
        Dataset<Row> metrics = winners.select(col("report_id"), explode(col("metrics")).as("m")).select("report_id", "m.*")
                .unionByName(lake.read(LakeSchema.REPORT_METRICS).join(keptIds, scalaSeq("report_id"), "left_semi")
                        .where(not(col("metric").isin(COUNT_ERRORS, COUNT_WARNINGS))))
                .unionByName(countMetric(countMetrics, "errors", COUNT_ERRORS))
                .unionByName(countMetric(countMetrics, "warnings", COUNT_WARNINGS));

        // ---------------------------------------------------------------- writes: children, reports, documents
        // Child tables are independent of each other: their commits run concurrently (Spark takes jobs from
        // several threads). reports and documents follow, in that order, once every child is committed.
        List<Stage<Void>> children = List.of(
                () -> sync(LakeSchema.CELLS, winners.select(col("report_id"), col("sha256"), explode(col("cells")).as("c"))
                        .select("report_id", "sha256", "c.*"), "report_id", winnerIds),
                () -> sync(LakeSchema.APPLICATIONS, winners.select(col("report_id"), explode(col("applications")).as("a"))
                        .select("report_id", "a.*"), "report_id", winnerIds),
                () -> sync(LakeSchema.ACTIVE_DISCLOSURE, winners.where("active IS NOT NULL").select("report_id", "active.*"), "report_id", winnerIds),
                () -> sync(LakeSchema.REVIEW_LITIGATION, winners.where("review IS NOT NULL").select("report_id", "review.*"), "report_id", winnerIds),
                () -> sync(LakeSchema.RULE_VIOLATIONS, violationsF, "report_id", scopeIds),
                () -> sync(LakeSchema.REPORT_METRICS, metrics, "report_id", scopeIds));
        Dataset<Row> documents = stage("write_parents", () -> materialize(documentRows(exF, docsOld, problems, started, run)));
        // Files whose content and path are both known (only touched): documents gets the new mtime, nothing else changes.
        Dataset<Row> touchedOnly = exF.as("e").join(docsOld.as("o"), expr("e.path = o.path AND e.sha256 = o.sha256"), "left_semi").select("path");
        Dataset<Row> changedPaths = documents.select("path").join(touchedOnly, scalaSeq("path"), "left_anti");
        List<Stage<Void>> all = new ArrayList<>(children);
        all.add(() -> sync(LakeSchema.QUARANTINE, quarantineRows(exF, problems, run).join(touchedOnly, scalaSeq("path"), "left_anti"),
                "path", changedPaths));
        stage("write_children", () -> { concurrently(all); return null; });
        stage("write_parents", () -> sync(LakeSchema.REPORTS, winners.withColumn("run_id", run), "report_id", winnerIds));
        stage("write_parents", () -> sync(LakeSchema.DOCUMENTS, documents, "path", documents.select("path")));

        RunSummary s = summary(runId, docsSeen, unchanged, nCandidates + nProblems, knownContent, parsed, partial,
                quarantined, nWinners, nViolations, winnerIds.as(Encoders.STRING()).collectAsList(), t0);
        for (Dataset<Row> d : List.of(docsOld, candidates, problems)) {
            d.unpersist();
        }
        return s;
    }

    private Void sync(String table, Dataset<Row> source, String scopeColumn, Dataset<Row> scope) {
        CrashPoint.reach("commit:" + table);
        LakeTables.SyncResult r = lake.sync(table, source, scopeColumn, scope);
        CrashPoint.reach("committed:" + table);
        synchronized (actions) {
            actions.put(table, r.action() + (r.action().equals("unchanged") ? "" : "(+" + r.inserted() + "/-" + r.removed() + ")"));
        }
        synchronized (stages) {
            stages.put("write_" + table, r.seconds());
        }
        return null;
    }

    /** Runs independent writes on a few threads; the first failure fails the run (after all have ended). */
    private static void concurrently(List<Stage<Void>> tasks) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Math.min(4, tasks.size()));
        try {
            List<java.util.concurrent.Future<Void>> fs = new ArrayList<>();
            for (Stage<Void> t : tasks) fs.add(pool.submit(t::run));
            Exception first = null;
            for (java.util.concurrent.Future<Void> f : fs) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (first == null) first = e.getCause() instanceof Exception x ? x : e;
                }
            }
            if (first != null) throw first;
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Among this run's new report versions and the lake's current ones, per report_id the latest first-seen
     * (then the greatest path, then sha256) wins; returns the new versions that won.
     */
    private Dataset<Row> resolveWinners(Dataset<Row> ex) {
        Dataset<Row> fresh = ex.where("extracted AND status <> 'quarantined' AND report_id IS NOT NULL");
        Dataset<Row> contest = fresh.select(col("report_id"), col("first_seen").as("seen"), col("path"), col("sha256"), lit(true).as("fresh"))
                .unionByName(lake.read(LakeSchema.REPORTS).join(fresh.select("report_id").distinct(), scalaSeq("report_id"), "left_semi")
                        .select(col("report_id"), coalesce(col("first_seen"), lit(new Timestamp(0))).as("seen"), col("path"),
                                col("sha256"), lit(false).as("fresh")));
        Dataset<Row> won = contest.withColumn("rank", row_number().over(Window.partitionBy("report_id")
                        .orderBy(col("seen").desc(), col("path").desc(), col("sha256").desc())))
                .where("rank = 1 AND fresh").select("report_id", "path");
        String[] reportCols = LakeSchema.table(LakeSchema.REPORTS).schema().fieldNames();
        List<Column> cols = new ArrayList<>();
        for (String c : reportCols) if (!c.equals("run_id")) cols.add(col(c));
        for (String c : List.of("active", "applications", "review", "cells", "violations", "metrics")) cols.add(col(c));
        return fresh.join(won, scalaSeq("report_id", "path"), "left_semi").select(cols.toArray(new Column[0]));
    }

    /** Cross-year violations (RuleSql over paired cells) and DUPLICATE_OF_PREVIOUS_YEAR for the touched bodies. */
    private Dataset<Row> crossYearViolations(Dataset<Row> winners, Dataset<Row> keptIds, Dataset<Row> bodyReports) {
        Column needed = lit(false);
        for (CellRef r : RuleSql.crossYearRefs()) {
            needed = needed.or(col("table_name").equalTo(r.table()).and(col("row_key").equalTo(r.rowKey()))
                    .and(col("column_key").equalTo(r.columnKey())));
        }
        String[] cellCols = {"report_id", "table_name", "row_key", "column_key", "value", "status"};
        Dataset<Row> effCells = winners.select(col("report_id"), explode(col("cells")).as("c")).select("report_id", "c.*")
                .select(cols(cellCols)).where(needed)
                .unionByName(lake.read(LakeSchema.CELLS).join(keptIds, scalaSeq("report_id"), "left_semi").select(cols(cellCols)).where(needed));
        Dataset<Row> br = bodyReports.select("report_id", "body_key", "year");
        Dataset<Row> prevOf = br.as("r").join(br.as("p"), expr("r.body_key = p.body_key AND p.year = r.year - 1"))
                .select(col("r.report_id").as("report_id"), col("p.report_id").as("prev_id"));
        Dataset<Row> own = effCells.join(br.select("report_id"), scalaSeq("report_id"), "left_semi").withColumn("year_offset", lit(0));
        Dataset<Row> prev = effCells.withColumnRenamed("report_id", "prev_id").join(prevOf, scalaSeq("prev_id"))
                .drop("prev_id").withColumn("year_offset", lit(-1));
        materialize(own.unionByName(prev)).createOrReplaceTempView("disclosure_lake_paired_cells");
        Dataset<Row> sums = spark.sql(RuleSql.crossYearViolations("disclosure_lake_paired_cells"))
                .withColumn("detail", lit(null).cast("string"));

        Dataset<Row> hashes = bodyReports.select("report_id", "body_key", "year", "narrative_sha256", "tables_sha256");
        Dataset<Row> pairs = hashes.as("r").join(hashes.as("p"), expr("r.body_key = p.body_key AND p.year = r.year - 1"));
        Dataset<Row> dup = pairs.where("r.narrative_sha256 = p.narrative_sha256")
                .select(col("r.report_id").as("report_id"), lit("narrative").as("scope"),
                        concat(lit("narrative identical to the "), col("p.year").cast("string"), lit(" report "), col("p.report_id")).as("detail"))
                .unionByName(pairs.where("r.tables_sha256 = p.tables_sha256")
                        .select(col("r.report_id").as("report_id"), lit("tables").as("scope"),
                                concat(lit("all table values identical to the "), col("p.year").cast("string"), lit(" report "), col("p.report_id")).as("detail")))
                .select(col("report_id"), lit(RuleBook.DUPLICATE_OF_PREVIOUS_YEAR).as("rule"),
                        lit(RuleBook.severity(RuleBook.DUPLICATE_OF_PREVIOUS_YEAR)).as("severity"), col("scope"),
                        lit(null).cast(LakeSchema.AMOUNT).as("left_value"), lit(null).cast(LakeSchema.AMOUNT).as("right_value"),
                        lit(null).cast(LakeSchema.AMOUNT).as("difference"), col("detail"));
        return sums.select(col("report_id"), col("rule"), col("severity"), col("scope"),
                        col("left_value").cast(LakeSchema.AMOUNT).as("left_value"), col("right_value").cast(LakeSchema.AMOUNT).as("right_value"),
                        col("difference").cast(LakeSchema.AMOUNT).as("difference"), col("detail"))
                .unionByName(dup);
    }

    private static Dataset<Row> countMetric(Dataset<Row> counts, String column, String metric) {
        return counts.select(col("report_id"), lit(metric).as("metric"), col(column).cast("double").as("value"),
                col(column).cast(LakeSchema.AMOUNT).as("numerator"), lit(null).cast(LakeSchema.AMOUNT).as("denominator"),
                lit(null).cast("boolean").as("small_sample"), lit("count").as("convention"));
    }

    /** One documents row per file handled this run, keeping first_seen, and last_seen unless the content changed. */
    private Dataset<Row> documentRows(Dataset<Row> ex, Dataset<Row> docsOld, Dataset<Row> problems, Timestamp started, Column run) {
        Dataset<Row> bySha = docsOld.where("sha256 <> ''").groupBy("sha256")
                .agg(min(struct(col("path"), col("status"), col("report_id"), col("reason"), col("format"))).as("k"))
                .select(col("sha256").as("k_sha256"), col("k.status").as("k_status"), col("k.report_id").as("k_report_id"),
                        col("k.reason").as("k_reason"), col("k.format").as("k_format"));
        Dataset<Row> j = ex.as("e").join(docsOld.as("o"), col("e.path").equalTo(col("o.path")), "left")
                .join(bySha, col("e.sha256").equalTo(col("k_sha256")), "left");
        Column extracted = col("e.extracted");
        Column sameContent = col("o.path").isNotNull().and(col("o.sha256").equalTo(col("e.sha256")));
        Column firstSeen = coalesce(col("o.first_seen"), col("e.first_seen"));
        Column status = when(extracted, col("e.status")).otherwise(col("k_status"));
        Dataset<Row> files = j.select(
                col("e.path").as("path"), col("e.sha256").as("sha256"), col("e.size").as("size"),
                when(extracted, coalesce(col("e.format"), lit("unknown"))).otherwise(col("k_format")).as("format"),
                firstSeen.as("first_seen"),
                when(sameContent, col("o.last_seen")).otherwise(greatest(lit(started), firstSeen)).as("last_seen"),
                run.as("run_id"), status.as("status"),
                when(extracted, when(col("e.status").equalTo("quarantined"), lit(null)).otherwise(col("e.report_id")))
                        .otherwise(col("k_report_id")).as("report_id"),
                col("e.modified_at").as("modified_at"),
                when(extracted, col("e.reason")).otherwise(col("k_reason")).as("reason"));
        Dataset<Row> bad = problems.as("p").join(docsOld.as("o"), col("p.path").equalTo(col("o.path")), "left").select(
                col("p.path").as("path"), lit("").as("sha256"), lit(0L).as("size"), lit("unknown").as("format"),
                coalesce(col("o.first_seen"), lit(started)).as("first_seen"), lit(started).as("last_seen"), run.as("run_id"),
                lit("quarantined").as("status"), lit(null).cast("string").as("report_id"),
                lit(null).cast("timestamp").as("modified_at"), col("p.reason").as("reason"));
        return files.unionByName(bad);
    }

    private Dataset<Row> quarantineRows(Dataset<Row> ex, Dataset<Row> problems, Column run) {
        Dataset<Row> extracted = ex.where("extracted AND status = 'quarantined'").select(col("path"), col("sha256"), col("reason"),
                col("message"), col("format"), col("size"), run.as("run_id"));
        Dataset<Row> lakeQ = lake.read(LakeSchema.QUARANTINE).where("sha256 <> ''").groupBy("sha256")
                .agg(min(struct(col("path"), col("reason"), col("message"), col("format"))).as("q"));
        Dataset<Row> knownBad = ex.where("NOT extracted").join(lakeQ, scalaSeq("sha256")).select(col("path"), col("sha256"),
                col("q.reason").as("reason"), col("q.message").as("message"), col("q.format").as("format"), col("size"), run.as("run_id"));
        Dataset<Row> listingBad = problems.select(col("path"), lit("").as("sha256"), col("reason"), col("message"),
                lit("unknown").as("format"), lit(null).cast("long").as("size"), run.as("run_id"));
        return extracted.unionByName(knownBad).unionByName(listingBad);
    }

    // ---------------------------------------------------------------- runs table and summary

    private void insertRun(String runId, Timestamp started) {
        Object[] v = new Object[LakeSchema.table(LakeSchema.RUNS).schema().size()];
        org.apache.spark.sql.types.StructType schema = LakeSchema.table(LakeSchema.RUNS).schema();
        v[schema.fieldIndex("run_id")] = runId;
        v[schema.fieldIndex("started_at")] = started;
        v[schema.fieldIndex("input")] = settings.input();
        v[schema.fieldIndex("spark_version")] = spark.version();
        v[schema.fieldIndex("project_version")] = PROJECT_VERSION;
        v[schema.fieldIndex("status")] = "running";
        v[schema.fieldIndex("lake")] = lake.root();
        v[schema.fieldIndex("master")] = spark.sparkContext().master();
        v[schema.fieldIndex("manifest")] = settings.manifest();
        spark.createDataFrame(List.of(RowFactory.create(v)), schema).write().format("delta").mode("append").save(lake.path(LakeSchema.RUNS));
    }

    private void finishRun(String runId, RunSummary s, String status, String error) {
        Map<String, Column> set = new LinkedHashMap<>();
        set.put("finished_at", current_timestamp());
        set.put("status", lit(status));
        if (error != null) set.put("error", lit(error));
        if (s != null) {
            set.put("docs_seen", lit(s.docsSeen()));
            set.put("docs_new", lit(s.docsNew()));
            set.put("docs_parsed", lit(s.docsParsed()));
            set.put("docs_partial", lit(s.docsPartial()));
            set.put("docs_quarantined", lit(s.docsQuarantined()));
            set.put("docs_unchanged", lit(s.docsUnchanged()));
            set.put("docs_known_content", lit(s.docsKnownContent()));
            set.put("reports_written", lit(s.reportsWritten()));
            set.put("violations_written", lit(s.violationsWritten()));
        }
        List<Column> kv = new ArrayList<>();
        stages.forEach((k, v) -> { kv.add(lit(k)); kv.add(lit(v)); });
        if (!kv.isEmpty()) set.put("stage_seconds", map(kv.toArray(new Column[0])));
        DeltaTable.forPath(spark, lake.path(LakeSchema.RUNS)).update(col("run_id").equalTo(runId), set);
    }

    private RunSummary summary(String runId, long seen, long unchanged, long fresh, long known, long parsed, long partial,
                               long quarantined, long reports, long violations, List<String> changedIds, long t0) throws Exception {
        List<String> extra = new ArrayList<>();
        RunContext ctx = new RunContext(spark, lake, runId, settings, changedIds, extra);
        for (PostRunStep step : steps) stage(step.name(), () -> { step.run(ctx); return null; });
        long tSummary = System.nanoTime();
        List<String> top = lake.read(LakeSchema.RULE_VIOLATIONS).groupBy("rule").count()
                .orderBy(col("count").desc(), col("rule")).limit(5).collectAsList().stream()
                .map(r -> r.getString(0) + " " + r.getLong(1)).collect(Collectors.toList());
        List<String> ranking = new ArrayList<>();
        if (DeltaTable.isDeltaTable(spark, lake.path(LakeSchema.RANKINGS))) {
            for (Row r : lake.read(LakeSchema.RANKINGS).orderBy(col("year").desc(), col("national_rank"), col("province"), col("position"))
                    .limit(5).collectAsList()) {
                ranking.add(r.getAs("year") + " #" + r.getAs("national_rank") + " " + r.getAs("org") + " (" + r.getAs("province")
                        + ") score " + r.getAs("score"));
            }
        }
        stages.merge("summary", (System.nanoTime() - tSummary) / 1e9, Double::sum);
        Map<String, String> tableActions = new LinkedHashMap<>();
        for (String t : LakeTables.JOB_TABLES) tableActions.put(t, actions.getOrDefault(t, t.equals(LakeSchema.RUNS) ? "append" : "unchanged"));
        return new RunSummary(runId, lake.root(), settings.input(), seen, unchanged, fresh, known, parsed, partial, quarantined,
                reports, violations, new LinkedHashMap<>(stages), tableActions, top, ranking, extra, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Computes a dataset once and cuts its lineage (local checkpoint: blocks on the executors), so that the
     * datasets built on it neither recompute it nor carry ever-growing plans.
     */
    static Dataset<Row> materialize(Dataset<Row> d) { return d.localCheckpoint(true); }

    private static Column[] cols(String... names) {
        Column[] c = new Column[names.length];
        for (int i = 0; i < names.length; i++) c[i] = col(names[i]);
        return c;
    }

    static scala.collection.immutable.Seq<String> scalaSeq(String... names) {
        return scala.jdk.javaapi.CollectionConverters.asScala(List.of(names)).toList();
    }
}
