package io.disclosurelake.job;

import io.delta.tables.DeltaTable;
import io.disclosurelake.lake.JoinKeys;
import io.disclosurelake.lake.LakeDamage;
import io.disclosurelake.lake.LakeHealth;
import io.disclosurelake.lake.LakeSchema;
import io.disclosurelake.lake.NightClaim;
import io.disclosurelake.lake.LakeTables;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
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
    /** The job description of the extraction, followed by the number of documents it reads (console progress). */
    public static final String EXTRACTING = "extracting documents: ";
    /** Files the listing could not hand over. */
    static final org.apache.spark.sql.types.StructType PROBLEM = new org.apache.spark.sql.types.StructType()
            .add("path", "string").add("reason", "string").add("message", "string");

    private final SparkSession spark;
    private final JobSettings settings;
    private final ExtractorFactory factory;
    private final List<PostRunStep> steps;
    private final LakeTables lake;
    private final Map<String, Double> stages = new LinkedHashMap<>();
    private final Map<String, String> actions = new LinkedHashMap<>();
    /** Files to read again next night (they changed under this one), said in the summary; null when none. */
    private String retryNote;
    /** What the night did to reports beyond new versions (moved, edited, retired), said in the summary; null when nothing. */
    private String lifecycleNote;

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

    /**
     * Datasets the night cached, dropped once its writes are done (or it failed), before the steps after it: a
     * cached read of a Delta table stands in for later reads of the same table in the session, whatever its
     * version (Delta's file index compares equal across versions), so a table the night wrote must not stay
     * cached as it was before.
     */
    private final List<Dataset<Row>> cachedTonight = new ArrayList<>();

    private Dataset<Row> cached(Dataset<Row> d) {
        synchronized (cachedTonight) { cachedTonight.add(d); }
        return d;
    }

    private void uncache() {
        synchronized (cachedTonight) {
            for (Dataset<Row> d : cachedTonight) d.unpersist();
            cachedTonight.clear();
        }
    }

    /** The session's code generation before this night switched to compiled code, or null (lake/CodeGeneration). */
    private io.disclosurelake.lake.CodeGeneration.Switch compiled;
    private String compiledNote;

    /**
     * Compiled code for the rest of a night that reads at least {@code job.compiled_code_from_documents} documents:
     * its tables then hold millions of rows, where compiled code is faster; a small night stays interpreted.
     */
    private void compiledCodeFor(long documents) {
        long from = settings.compiledCodeFrom();
        if (from <= 0 || documents < from || compiled != null) return;
        compiled = io.disclosurelake.lake.CodeGeneration.compiled(spark);
        if (compiled != null) {
            compiledNote = String.format(java.util.Locale.ROOT, "compiled code: %,d documents to read (job.compiled_code_from_documents %,d)",
                    documents, from);
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
        // One night at a time per lake (docs/job.md "One night at a time"): a second night sees the claim before
        // it touches any table, and waits for it (job.claim_wait_seconds) or stops naming the running night.
        try (NightClaim.Held claim = new NightClaim(lake.root(), spark.sparkContext().hadoopConfiguration())
                .acquire(runId, settings.claimWait())) {
            return claimedRun(runId, started, t0);
        }
    }

    private RunSummary claimedRun(String runId, Timestamp started, long t0) throws Exception {
        // The quick check of every table (docs/job.md "A damaged lake"), creating missing tables and the run's
        // "running" row need nothing of the listing and the extraction: they run beside them, in that order (no
        // commit before the check has passed), and are awaited before the first read of a table other than
        // documents. Snapshots this JVM cached before the night are dropped first, so that the check and the
        // night's reads load the same ones once.
        LakeHealth.forgetSnapshots();
        housekeeping = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                stage("lake_check", () -> { LakeHealth.requireIntactFromScratch(spark, lake.root()); return null; });
                stage("prepare", () -> { lake.addMissingColumns(lake.ensureTables()); return null; });
                stage("runs_start", () -> { markUnfinished(runId); insertRun(runId, started); return null; });
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        try {
            RunSummary s;
            try {
                s = process(runId, started, t0);
            } finally {
                uncache(); // a failed night too: nothing of it stays cached in the session
                if (compiled != null) {
                    compiled.close(); // the session's next night (tests, rank after run) decides again
                    compiled = null;
                }
            }
            CrashPoint.reach("finish");
            finishRun(runId, s, "succeeded", null);
            return s;
        } catch (Exception | Error e) {
            try {
                awaitHousekeeping();
                finishRun(runId, null, "failed", e.toString());
            } catch (LakeDamage.DamagedTableException damaged) {
                // The check's verdict is the night's: a read of the damaged table may have failed first.
                if (damaged != e) damaged.addSuppressed(e);
                throw damaged;
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private RunSummary process(String runId, Timestamp started, long t0) throws Exception {
        Configuration hconf = spark.sparkContext().hadoopConfiguration();
        String input = settings.input();
        InputListing.Result listing = stage("list", () -> InputListing.list(input, hconf, settings.followLinksOutside()));
        CrashPoint.reach("listed");
        Map<String, Long> manifest = settings.manifest() == null ? Map.of() : InputListing.readManifest(settings.manifest(), hconf);

        List<Row> listed = new ArrayList<>();
        for (InputListing.ListedFile f : listing.files()) {
            Long seen = manifest.getOrDefault(f.path(), manifest.get("docs/" + f.path()));
            listed.add(RowFactory.create(f.path(), f.uri(), f.size(), f.modifiedAt() == null ? null : new Timestamp(f.modifiedAt()),
                    seen == null ? started : new Timestamp(seen)));
        }
        Dataset<Row> listedDf = spark.createDataFrame(listed, ExtractionRows.CANDIDATE);
        // One read (one snapshot) of each table per night: every step of the night sees the same version.
        Dataset<Row> docsOld = cached(lake.readOrEmpty(LakeSchema.DOCUMENTS).persist(StorageLevel.MEMORY_AND_DISK()));

        // Pre-filter on the driver's listing: same (path, size, modification time) as in documents → not read.
        Dataset<Row> candidates = stage("prefilter", () -> cached(ListedFiles.changed(listedDf, docsOld).cache()));
        long nCandidates = stage("prefilter", candidates::count);

        List<Row> problemRows = new ArrayList<>();
        for (InputListing.Problem p : listing.problems()) problemRows.add(RowFactory.create(p.path(), p.reason(), p.message()));
        Dataset<Row> allProblems = spark.createDataFrame(problemRows, PROBLEM);
        Dataset<Row> problems = cached(ListedFiles.newProblems(allProblems, docsOld).cache());
        long nProblems = stage("prefilter", problems::count);
        // Files gone from the input, and the other versions of reports whose file went or changed (docs/job.md
        // "A report's life"): read again so that the version a clean run would keep can win.
        Dataset<Row> vanished = stage("prefilter", () -> cached(ReportLifecycle.vanished(listedDf, allProblems, docsOld).cache()));
        long nVanished = stage("prefilter", vanished::count);

        long docsSeen = listing.files().size() + listing.problems().size();
        long unchanged = listing.files().size() - nCandidates;
        if (nCandidates == 0 && nProblems == 0 && nVanished == 0) {
            stage("await_tables", () -> { awaitHousekeeping(); return null; });
            lake.forgetFresh();
            for (String t : LakeTables.JOB_TABLES) if (!t.equals(LakeSchema.RUNS)) actions.put(t, "unchanged");
            uncache();
            return summary(runId, docsSeen, unchanged, 0, 0, 0, 0, 0, 0, 0, List.of(), t0);
        }

        Dataset<Row> rereads = stage("prefilter", () -> cached(ReportLifecycle.rereads(listedDf, candidates, vanished, docsOld,
                lake.readOrEmpty(LakeSchema.REPORTS)).cache()));
        Dataset<Row> toRead = rereads.isEmpty() ? candidates : candidates.unionByName(rereads);

        // ---------------------------------------------------------------- extraction on the executors
        long nToRead = stage("extract", () -> Math.max(1, toRead.count())); // before the description: not the extraction
        Dataset<Row> extracted = stage("extract", () -> {
            // The console's progress counts documents of the job so described (cli/ConsoleProgress).
            spark.sparkContext().setJobDescription(EXTRACTING + nCandidates);
            try {
                return materialize(extract(toRead, docsOld, rereads, nToRead, hconf));
            } finally {
                spark.sparkContext().setJobDescription(null);
            }
        });
        // After the extraction, which compiled code does not make faster (its rows are few and wide)
        compiledCodeFor(nToRead);
        stage("await_tables", () -> { awaitHousekeeping(); return null; });
        // A file that moved or changed while it was read is no verdict: its row reaches no table, so its documents
        // row stays as it was and the next night reads it again (docs/job.md "Files that move during a night").
        Dataset<Row> ex = extracted.where(ExtractionRows.settled());

        Row counts = stage("count", () -> extracted.join(rereads.select(LakeSchema.PATH), JoinKeys.of(LakeSchema.PATH), "left_anti").agg(
                sum(when(not(col("extracted")).and(col("sha256").notEqual("")), 1).otherwise(0)),
                sum(when(col("extracted").and(col("status").equalTo("parsed")), 1).otherwise(0)),
                sum(when(col("extracted").and(col("status").equalTo("partial")), 1).otherwise(0)),
                sum(when(col("extracted").and(col("status").equalTo("quarantined")), 1).otherwise(0)),
                sum(when(col("status").equalTo(ExtractionRows.RETRY), 1).otherwise(0))).first());
        long retried = counts.isNullAt(4) ? 0 : counts.getLong(4);
        if (retried > 0) retryNote = retried + " file(s) moved or changed while being read: read again next night";
        long knownContent = counts.isNullAt(0) ? 0 : counts.getLong(0);
        long parsed = counts.isNullAt(1) ? 0 : counts.getLong(1);
        long partial = counts.isNullAt(2) ? 0 : counts.getLong(2);
        long quarantined = (counts.isNullAt(3) ? 0 : counts.getLong(3)) + nProblems;

        Dataset<Row> lakeAll = lake.readAsFound(LakeSchema.REPORTS);
        // ---------------------------------------------------------------- which versions become the reports
        Dataset<Row> documents = stage("resolve", () -> materialize(DocumentRows.of(ex, docsOld, problems, started, runId)));
        Dataset<Row> docsAfter = stage("resolve", () -> materialize(ReportLifecycle.documentsAfter(docsOld, vanished, documents)));
        Dataset<Row> winners = stage("resolve", () -> materialize(ReportVersions.choose(ex, ReportLifecycle.present(lakeAll, docsAfter))));
        long nWinners = stage("resolve", winners::count);
        ReportLifecycle.Outcome life = ReportLifecycle.reports(winners, lakeAll, docsAfter,
                ReportLifecycle.edited(documents, docsOld), started, runId);
        Dataset<Row> reportRows = stage("resolve", () -> materialize(life.rows()));
        Dataset<Row> retired = stage("resolve", () -> materialize(life.retired()));
        Dataset<Row> winnerIds = winners.select(LakeSchema.REPORT_ID);
        Dataset<Row> lakeReports = io.disclosurelake.lake.CurrentReports.of(lakeAll).join(retired, JoinKeys.of(LakeSchema.REPORT_ID), "left_anti");
        lifecycleNote = stage("resolve", () -> ReportLifecycle.note(reportRows, retired, winnerIds, nVanished, started));
        // Child rows of a report retired tonight leave with it (its values stay in Delta's history).
        Dataset<Row> childScope = winnerIds.union(retired.select(LakeSchema.REPORT_ID));

        // ---------------------------------------------------------------- cross-year scope and rules
        Dataset<Row> bodyReports = stage("cross_year", () -> materialize(CrossYearRules.bodyReports(winners, lakeReports, retired)));
        Dataset<Row> scopeIds = stage("cross_year", () -> materialize(CrossYearRules.scope(winners, bodyReports)));
        Dataset<Row> rewriteIds = scopeIds.union(retired.select(LakeSchema.REPORT_ID));
        Dataset<Row> keptIds = scopeIds.join(winnerIds, JoinKeys.of(LakeSchema.REPORT_ID), "left_anti");
        Dataset<Row> crossYear = stage("cross_year", () -> materialize(
                CrossYearRules.violations(winners, keptIds, bodyReports, lake.readAsFound(LakeSchema.CELLS))));
        Dataset<Row> violations = stage("cross_year", () -> materialize(
                ChildRows.violations(winners, lake.readAsFound(LakeSchema.RULE_VIOLATIONS), keptIds, crossYear)));
        long nViolations = stage("cross_year", violations::count);
        Dataset<Row> metrics = ChildRows.metrics(winners, lake.readAsFound(LakeSchema.REPORT_METRICS), keptIds, scopeIds, violations);

        // ---------------------------------------------------------------- writes: children, reports, documents
        // Child tables are independent of each other: their commits run concurrently (Spark takes jobs from
        // several threads). reports and documents follow, in that order, once every child is committed.
        Dataset<Row> touchedOnly = DocumentRows.touchedOnly(ex, docsOld);
        Dataset<Row> changedPaths = documents.select(LakeSchema.PATH).join(touchedOnly, JoinKeys.of(LakeSchema.PATH), "left_anti")
                .union(vanished.select(LakeSchema.PATH));
        Dataset<Row> quarantine = QuarantineRows.of(ex, problems, lake.readAsFound(LakeSchema.QUARANTINE), runId)
                .join(touchedOnly, JoinKeys.of(LakeSchema.PATH), "left_anti");
        List<Stage<Void>> children = List.of(
                () -> sync(LakeSchema.CELLS, ChildRows.cells(winners), LakeSchema.REPORT_ID, childScope),
                () -> sync(LakeSchema.APPLICATIONS, ChildRows.applications(winners), LakeSchema.REPORT_ID, childScope),
                () -> sync(LakeSchema.ACTIVE_DISCLOSURE, ChildRows.activeDisclosure(winners), LakeSchema.REPORT_ID, childScope),
                () -> sync(LakeSchema.REVIEW_LITIGATION, ChildRows.reviewLitigation(winners), LakeSchema.REPORT_ID, childScope),
                () -> sync(LakeSchema.RULE_VIOLATIONS, violations, LakeSchema.REPORT_ID, rewriteIds),
                () -> sync(LakeSchema.REPORT_METRICS, metrics, LakeSchema.REPORT_ID, rewriteIds),
                () -> sync(LakeSchema.QUARANTINE, quarantine, LakeSchema.PATH, changedPaths));
        stage("write_children", () -> { concurrently(children); return null; });
        stage("write_parents", () -> sync(LakeSchema.REPORTS, reportRows, LakeSchema.REPORT_ID, reportRows.select(LakeSchema.REPORT_ID)));
        stage("write_parents", () -> sync(LakeSchema.DOCUMENTS, documents, LakeSchema.PATH,
                documents.select(LakeSchema.PATH).union(vanished.select(LakeSchema.PATH))));

        lake.forgetFresh();
        List<String> written = reportRows.select(LakeSchema.REPORT_ID).as(Encoders.STRING()).collectAsList();
        uncache();
        return summary(runId, docsSeen, unchanged, nCandidates + nProblems, knownContent, parsed, partial,
                quarantined, nWinners, nViolations, written, t0);
    }

    /**
     * Reads and extracts the candidate files on the executors (content the lake already has is not extracted
     * again, but for the files read again on purpose: {@link ReportLifecycle#rereads}).
     */
    private Dataset<Row> extract(Dataset<Row> candidates, Dataset<Row> docsOld, Dataset<Row> rereads, long nCandidates, Configuration hconf) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Set<String> known = new HashSet<>(docsOld.where(col("sha256").notEqual("")).select("sha256").distinct()
                .as(Encoders.STRING()).collectAsList());
        known.removeAll(ReportLifecycle.rereadContent(rereads, docsOld).as(Encoders.STRING()).collectAsList());
        Broadcast<Set<String>> knownB = jsc.broadcast(known);
        Broadcast<SerializableConfiguration> confB = jsc.broadcast(new SerializableConfiguration(hconf));
        int partitions = settings.partitions() > 0 ? settings.partitions()
                : (int) Math.max(1, Math.min(nCandidates, 3L * spark.sparkContext().defaultParallelism()));
        JobSettings onExecutors = settings.with("ocr.threads", String.valueOf(ocrThreads(partitions)));
        return candidates.repartition(partitions)
                .mapPartitions(new ExtractPartition(factory, onExecutors, confB, knownB), Encoders.row(ExtractionRows.SCHEMA));
    }

    /**
     * ONNX threads per document ({@code ocr.threads}, 0 = automatic: {@link io.disclosurelake.read.ocr.OcrSettings#threadsFor}):
     * an executor's cores ({@code spark.executor.cores}; in local mode all the driver's) shared among the documents
     * it reads at once (this night's partitions spread over the executors).
     */
    private int ocrThreads(int partitions) {
        int slots = Math.max(1, spark.sparkContext().defaultParallelism());
        boolean local = spark.sparkContext().master().startsWith("local");
        int executorCores = spark.sparkContext().getConf().contains("spark.executor.cores")
                ? Math.max(1, spark.sparkContext().getConf().getInt("spark.executor.cores", 1)) : local ? slots : 1;
        int executors = Math.max(1, slots / executorCores);
        return settings.ocr().threadsFor(executorCores, (partitions + executors - 1) / executors);
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

    /** Runs of this lake that never finished (found by {@link #markUnfinished}); null when none. */
    private volatile String unfinishedNote;

    /**
     * Marks every night still {@code running} as failed: this night holds the lake's claim, so such a night is dead
     * (killed, or its machine stopped) and its runs row would otherwise say running for ever. The ranking step then
     * rebuilds what that night may have cut short (docs/job.md "Exports written whole").
     */
    private void markUnfinished(String runId) {
        if (lake.isFresh(LakeSchema.RUNS)) return; // created by this night: no earlier night to find
        Column unfinished = col("status").equalTo("running").and(col("run_id").notEqual(runId));
        List<String> ids = lake.read(LakeSchema.RUNS).where(unfinished).select("run_id").as(Encoders.STRING()).collectAsList();
        if (ids.isEmpty()) return;
        DeltaTable.forPath(spark, lake.path(LakeSchema.RUNS)).update(unfinished.and(col("run_id").isin(ids.toArray())),
                Map.of("status", lit("failed"), "error", lit("did not finish (killed, or its machine stopped): found by run " + runId)));
        unfinishedNote = "runs: " + ids.size() + " earlier night(s) did not finish, marked failed: " + String.join(", ", ids);
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
        if (retryNote != null) extra.add(retryNote);
        if (unfinishedNote != null) extra.add(unfinishedNote);
        if (lifecycleNote != null) extra.add(lifecycleNote);
        if (compiledNote != null) extra.add(compiledNote);
        // steps may add to the changed reports (corrections)
        RunContext ctx = new RunContext(spark, lake, runId, settings, new ArrayList<>(changedIds), extra, unfinishedNote != null);
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

}
