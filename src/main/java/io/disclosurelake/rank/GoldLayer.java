package io.disclosurelake.rank;

import io.disclosurelake.lake.LakeSchema;
import io.disclosurelake.lake.LakeTables;
import io.disclosurelake.lake.ViolationCounts;
import io.disclosurelake.spec.RatioMetric;
import io.disclosurelake.spec.RuleBook;
import io.disclosurelake.rules.RuleSql;
import io.disclosurelake.spec.TemplateSpec;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.lit;

/**
 * The gold layer: from the silver tables ({@code reports}, {@code cells}, {@code rule_violations}) to
 * {@code report_metrics} (completed), {@code region_totals}, {@code region_metrics}, {@code coverage},
 * {@code missing_reports} and {@code rankings} — Spark SQL over Delta, each table overwritten in one commit
 * (they are derived; their history stays in the Delta log). Rates come from {@link RuleSql#metrics} (the
 * definitions of {@link RuleBook#METRICS}); pooled rates sum the same numerator and denominator columns.
 */
public final class GoldLayer {
    private final SparkSession spark;
    private final String lake;
    private final ScoringConfig conf;
    /** The lake's one gateway: every read and write of the gold layer goes through it. */
    private final LakeTables tables;
    private final Map<String, Double> seconds = new LinkedHashMap<>();

    /** Tables of values summed by region (active_2019 holds the 2019 template's own columns). */
    static final List<String> VALUE_TABLES = List.of(TemplateSpec.ACTIVE_TABLE, TemplateSpec.APPLICATIONS_TABLE,
            TemplateSpec.REVIEW_TABLE, TemplateSpec.ACTIVE_2019_TABLE);

    public GoldLayer(SparkSession spark, String lake, ScoringConfig conf) {
        this.spark = spark;
        this.lake = lake;
        this.conf = conf;
        this.tables = new LakeTables(spark, lake);
    }

    /** Seconds spent per gold table in the last {@link #build}. */
    public Map<String, Double> seconds() {
        synchronized (seconds) {
            return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(seconds));
        }
    }

    /**
     * Builds every gold table. {@code expectedBodies} (nullable): bodies expected to report, e.g. from a
     * manifest — columns year, body_key, org, province, city, county.
     */
    public void build(Dataset<Row> expectedBodies) { build(expectedBodies, null); }

    /**
     * Builds the gold tables for the report years a night touched (docs/job.md "Speed (measured)"): null or a lake
     * without gold tables is a full rebuild. {@code touchedYears} must hold the year of every report whose rows
     * changed and the year after it (the cross-year rules and the copy check compare a report with the previous
     * year's). Each year's rows of region_totals and region_metrics depend on that year only: only the touched
     * years are computed and replaced. Coverage (every known body × year) is computed whole — it is small and also
     * follows quarantine and manifest changes — and only the years whose rows differ are replaced in coverage and
     * missing_reports; rankings are computed and replaced for the touched years and those. Each table is one
     * commit, none when it has no year to replace. {@link #exportYears} then says which years' exports changed.
     */
    public void build(Dataset<Row> expectedBodies, java.util.Collection<Integer> touchedYears) {
        build(expectedBodies, touchedYears, false);
    }

    /**
     * As {@link #build(Dataset, java.util.Collection)}; {@code reportMetricsWhole}: every row of report_metrics was
     * written by this version's job (a new lake: rank/RankingPostRunStep.reportMetricsWhole), so nothing is missing from it and its
     * completion is skipped (two queries and the rate SQL's planning, some 3 s of a first night).
     */
    public void build(Dataset<Row> expectedBodies, java.util.Collection<Integer> touchedYears, boolean reportMetricsWhole) {
        // Read once (a manifest CSV): the expected bodies and the unreadable reports' paths both come from it.
        if (expectedBodies != null) expectedBodies = expectedBodies.localCheckpoint(true);
        registerSources(expectedBodies);
        UnreadableReports.register(spark, lake, expectedBodies);
        boolean metricsChanged = !reportMetricsWhole && timedValue(LakeSchema.REPORT_METRICS, this::completeReportMetrics);
        boolean scoped = touchedYears != null && !metricsChanged;
        for (String t : List.of(LakeSchema.REGION_TOTALS, LakeSchema.REGION_METRICS, LakeSchema.COVERAGE,
                LakeSchema.MISSING_REPORTS, LakeSchema.RANKINGS)) {
            scoped &= tables.hasLog(t);
        }
        // A first build: the tables created together up front (each creation is a small commit, mostly waiting),
        // not one by one on the coverage → missing_reports → rankings chain.
        if (!scoped) tables.ensure(List.of(LakeSchema.REGION_TOTALS, LakeSchema.REGION_METRICS, LakeSchema.COVERAGE,
                LakeSchema.MISSING_REPORTS, LakeSchema.RANKINGS));
        // A completion of report_metrics (a lake the job did not fully write) can change any year: full rebuild.
        java.util.SortedSet<Integer> regionYears = scoped ? reportYearsAmong(touchedYears) : null;
        yearsView(regionYears, "dl_gold_years");
        tables.read(LakeSchema.REPORT_METRICS).createOrReplaceTempView("dl_metrics");
        // The region tables depend on nothing built here after report_metrics: they are written beside the
        // coverage → missing_reports → rankings chain (each write is mostly driver-side Delta work).
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<?>> side = List.of(
                    pool.submit(() -> timed(LakeSchema.REGION_TOTALS, () -> write(LakeSchema.REGION_TOTALS, regionTotals(), regionYears))),
                    pool.submit(() -> timed(LakeSchema.REGION_METRICS, () -> write(LakeSchema.REGION_METRICS, regionMetrics(), regionYears))));
            java.util.SortedSet<Integer> rankingYears = timedValue(LakeSchema.COVERAGE, () -> {
                Dataset<Row> cov = LakeTables.shape(coverage(), LakeSchema.COVERAGE).localCheckpoint(true);
                // The coverage just computed is the one the rest reads: no second snapshot of the table.
                cov.createOrReplaceTempView("dl_coverage");
                java.util.SortedSet<Integer> changed = regionYears == null ? null : changedYears(cov, tables.read(LakeSchema.COVERAGE));
                write(LakeSchema.COVERAGE, cov, changed);
                if (changed == null) return null;
                java.util.SortedSet<Integer> r = new java.util.TreeSet<>(changed);
                r.addAll(regionYears);
                return r;
            });
            yearsView(rankingYears, "dl_ranking_years");
            timed(LakeSchema.MISSING_REPORTS, () -> write(LakeSchema.MISSING_REPORTS,
                    spark.sql(GoldSql.text(LakeSchema.MISSING_REPORTS)), rankingYears));
            timed(LakeSchema.RANKINGS, () -> write(LakeSchema.RANKINGS, rankings(), rankingYears));
            // A year's HTML shows the trend of region_metrics up to that year: a touched year changes the later ones.
            if (rankingYears == null) {
                exportYears = null;
            } else {
                java.util.SortedSet<Integer> e = new java.util.TreeSet<>(rankingYears);
                if (!regionYears.isEmpty()) {
                    for (Row y : years("dl_coverage").collectAsList()) {
                        if (y.getInt(0) >= regionYears.first()) e.add(y.getInt(0));
                    }
                }
                exportYears = e;
            }
            for (java.util.concurrent.Future<?> f : side) io.disclosurelake.lake.Futures.await(f);
        } finally {
            pool.shutdown();
        }
    }

    /** The years of the lake's reports among {@code years} (a touched year's successor may have none: nothing to replace). */
    private java.util.SortedSet<Integer> reportYearsAmong(java.util.Collection<Integer> years) {
        java.util.SortedSet<Integer> r = new java.util.TreeSet<>();
        for (Row y : years("dl_reports").collectAsList()) {
            if (years.contains(y.getInt(0))) r.add(y.getInt(0));
        }
        return r;
    }

    /** Years whose exports the last {@link #build} changed; null after a full rebuild (every year). */
    private java.util.SortedSet<Integer> exportYears;

    public java.util.SortedSet<Integer> exportYears() { return exportYears; }

    /**
     * The years to build as a view of one INT column (values as data, never as SQL text); null: every year
     * (the view holds the years of the lake's reports and of the expected bodies).
     */
    private void yearsView(java.util.Collection<Integer> years, String view) {
        if (years == null) {
            years("dl_reports").union(years("dl_expected")).distinct().createOrReplaceTempView(view);
        } else {
            spark.createDataset(new ArrayList<>(years), org.apache.spark.sql.Encoders.INT()).toDF("year").createOrReplaceTempView(view);
        }
    }

    /** The distinct years (not null) of a view's rows, one INT column {@code year}. */
    private Dataset<Row> years(String view) {
        return spark.table(view).select(LakeSchema.YEAR).where(org.apache.spark.sql.functions.col(LakeSchema.YEAR).isNotNull()).distinct();
    }

    /** Years with a row in one of the two tables and not the other (rows compared whole). */
    static java.util.SortedSet<Integer> changedYears(Dataset<Row> fresh, Dataset<Row> current) {
        Dataset<Row> cur = current.select(fresh.columns()[0], java.util.Arrays.copyOfRange(fresh.columns(), 1, fresh.columns().length));
        java.util.SortedSet<Integer> years = new java.util.TreeSet<>();
        for (Row r : fresh.exceptAll(cur).select(LakeSchema.YEAR).union(cur.exceptAll(fresh).select(LakeSchema.YEAR))
                .distinct().collectAsList()) {
            if (!r.isNullAt(0)) years.add(r.getInt(0));
        }
        return years;
    }

    /** Overwrites the table (years null) or replaces the rows of the given years only, in one commit (none for no year). */
    private void write(String table, Dataset<Row> rows, java.util.Collection<Integer> years) {
        if (years == null) {
            tables.overwrite(table, rows);
        } else if (!years.isEmpty()) {
            tables.replaceYears(table, rows.where(org.apache.spark.sql.functions.col(LakeSchema.YEAR).isin(years.toArray())), years);
        }
    }

    private <T> T timedValue(String table, java.util.function.Supplier<T> step) {
        long t0 = System.nanoTime();
        try {
            return step.get();
        } finally {
            synchronized (seconds) {
                seconds.put(table, (System.nanoTime() - t0) / 1e9);
            }
        }
    }

    private void timed(String table, Runnable step) {
        long t0 = System.nanoTime();
        step.run();
        synchronized (seconds) {
            seconds.put(table, (System.nanoTime() - t0) / 1e9);
        }
    }

    // ------------------------------------------------------------------ sources

    private void registerSources(Dataset<Row> expectedBodies) {
        spark.udf().register("body_kind", (UDF1<String, String>) BodyKind::idOf, DataTypes.StringType);
        // Retired reports leave every gold table here (lake/CurrentReports: the one definition).
        io.disclosurelake.lake.CurrentReports.of(tables.read(LakeSchema.REPORTS)).createOrReplaceTempView("dl_reports_raw");
        tables.readOrEmpty(LakeSchema.CELLS).createOrReplaceTempView("dl_cells");
        tables.readOrEmpty(LakeSchema.RULE_VIOLATIONS).createOrReplaceTempView("dl_violations");
        tables.readOrEmpty(LakeSchema.SIMILAR_REPORTS).createOrReplaceTempView("dl_similar");
        // One report per body and year (the parsed one first): a body is never counted twice.
        // Every gold statement reads it, several times over (coverage five times): computed once, not a Delta scan
        // and a window per reference. One row per report: small on any lake.
        spark.sql(GoldSql.text("reports")).localCheckpoint(true).createOrReplaceTempView("dl_reports");
        spark.createDataset(VALUE_TABLES, org.apache.spark.sql.Encoders.STRING()).toDF("table_name").createOrReplaceTempView("dl_value_tables");
        // Settings reach the SQL files as one row of typed values, never as SQL text.
        spark.range(1).select(lit(conf.minDenominator()).as("min_denominator"),
                lit(BodyKind.GOVERNMENT.deadlineMonth).as("government_deadline_month"),
                lit(BodyKind.DEPARTMENT.deadlineMonth).as("department_deadline_month"),
                lit(conf.deadlineZone()).as("deadline_zone"),
                lit(ComplianceScore.expectedCells(TemplateSpec.Version.V2019)).as("expected_cells_2019"),
                lit(ComplianceScore.expectedCells(TemplateSpec.Version.V2021)).as("expected_cells_2021"),
                lit(conf.minCasesNonDisclosure()).as("min_cases_non_disclosure"),
                lit(conf.minCasesReviewCorrection()).as("min_cases_review_correction")).createOrReplaceTempView("dl_gold_settings");
        // Each rate's convention, from the rule book's definitions (as data, never as SQL text).
        List<Row> conventions = new ArrayList<>();
        for (RatioMetric m : RuleBook.METRICS) conventions.add(org.apache.spark.sql.RowFactory.create(m.name(), m.convention()));
        spark.createDataFrame(conventions, new org.apache.spark.sql.types.StructType()
                .add("metric", DataTypes.StringType, false).add("convention", DataTypes.StringType, false))
                .createOrReplaceTempView("dl_metric_conventions");
        // Violation counts of every report, from their one definition (lake/ViolationCounts).
        ViolationCounts.metricRows(ViolationCounts.counts(spark.table("dl_reports_raw").select(LakeSchema.REPORT_ID),
                spark.table("dl_violations"), ViolationCounts.metrics())).createOrReplaceTempView("dl_violation_counts");
        if (expectedBodies != null) {
            expectedBodies.selectExpr("CAST(year AS INT) AS year", "COALESCE(body_key, org) AS body_key", "org",
                    "province", "city", "county").createOrReplaceTempView("dl_expected_raw");
            // One row per body and year, aggregated once (build() already read the manifest once), not once per
            // reference (coverage twice, unreadable reports, the years).
            spark.sql(GoldSql.text("expected")).localCheckpoint(true).createOrReplaceTempView("dl_expected");
        } else {
            spark.createDataFrame(List.of(), new org.apache.spark.sql.types.StructType().add("year", DataTypes.IntegerType)
                    .add("body_key", DataTypes.StringType).add("org", DataTypes.StringType).add("province", DataTypes.StringType)
                    .add("city", DataTypes.StringType).add("county", DataTypes.StringType)).createOrReplaceTempView("dl_expected");
        }
    }

    // ------------------------------------------------------------------ report_metrics

    /**
     * Completes {@code report_metrics} of a lake the job did not fully write (built by an older version or
     * elsewhere). The nightly job writes the rates (computed by the extractor from {@link RuleBook#METRICS}) and
     * every violation count ({@link ViolationCounts}); this adds what is missing — a rate the job did not
     * write, computed by {@link RuleSql#metrics} from {@code cells} (the same definitions), and a per-rule
     * count ({@code violations.<RULE>}) — and refreshes the per-rule counts, in one MERGE commit, or none when
     * nothing differs (a lake the job keeps). Other rows the job wrote are never changed. Without a table the
     * complete table is written.
     */
    private boolean completeReportMetrics() {
        if (!tables.hasLog(LakeSchema.REPORT_METRICS)) {
            tables.overwrite(LakeSchema.REPORT_METRICS, reportMetrics("dl_cells"));
            return true;
        }
        // Rates from cells only for reports the job left without a rate row: usually none, and the rate SQL
        // (six wide aggregations) is the costly part.
        tables.read(LakeSchema.REPORT_METRICS).createOrReplaceTempView("dl_metrics_before");
        spark.sql(GoldSql.text("reports_lacking_rates")).createOrReplaceTempView("dl_reports_lacking_rates");
        boolean lacking = !spark.table("dl_reports_lacking_rates").isEmpty();
        if (lacking) spark.sql(GoldSql.text("cells_lacking_rates")).createOrReplaceTempView("dl_cells_lacking_rates");
        LakeTables.shape(reportMetrics(lacking ? "dl_cells_lacking_rates" : null), LakeSchema.REPORT_METRICS)
                .createOrReplaceTempView("dl_metrics_computed");
        // The job writes every count of the reports a night touches: usually nothing is left to change here,
        // and then no commit is made.
        if (spark.sql(GoldSql.text("report_metrics_changes")).isEmpty()) return false;
        spark.sql(GoldSql.text("report_metrics_merge", Map.of("report_metrics", tables.sqlName(LakeSchema.REPORT_METRICS))));
        return true;
    }

    /** Violation-count metrics: all errors, all warnings, and each rule ({@link ViolationCounts#metrics}). */
    public static List<String> countMetrics() { return ViolationCounts.metrics(); }

    /** report_metrics (sql/gold/report_metrics.sql): rates from {@code rateCells} (null: none) and every violation count. */
    Dataset<Row> reportMetrics(String rateCells) {
        Dataset<Row> rates = spark.sql(RuleSql.metrics(rateCells != null ? rateCells : "dl_cells", conf.minDenominator()));
        // No cells lacking rates: the same columns and no row (the optimiser drops the aggregations).
        (rateCells != null ? rates : rates.where(lit(false))).createOrReplaceTempView("dl_rates");
        return spark.sql(GoldSql.text("report_metrics"));
    }

    // ------------------------------------------------------------------ region aggregates

    /** region_totals (sql/gold/region_totals.sql). */
    Dataset<Row> regionTotals() { return spark.sql(GoldSql.text(LakeSchema.REGION_TOTALS)); }

    /** region_metrics (sql/gold/region_metrics.sql). */
    Dataset<Row> regionMetrics() { return spark.sql(GoldSql.text(LakeSchema.REGION_METRICS)); }

    // ------------------------------------------------------------------ coverage and timeliness

    /** coverage (sql/gold/coverage.sql): deadlines from {@link BodyKind} and the configured zone. */
    Dataset<Row> coverage() { return spark.sql(GoldSql.text(LakeSchema.COVERAGE)); }

    // ------------------------------------------------------------------ rankings

    /**
     * rankings: the facts of every body to rank (sql/gold/ranking_facts.sql), scored by the components of
     * {@link ComplianceScore}, ranked by sql/gold/rankings.sql.
     */
    Dataset<Row> rankings() {
        spark.sql(ComplianceScore.cellFactsSql("dl_cells")).createOrReplaceTempView("dl_cell_facts");
        spark.sql(ComplianceScore.violationFactsSql("dl_violations")).createOrReplaceTempView("dl_violation_facts");
        spark.sql(ComplianceScore.similarFactsSql("dl_similar")).createOrReplaceTempView("dl_similar_facts");
        spark.sql(GoldSql.text("ranking_facts")).createOrReplaceTempView("dl_ranking_facts");
        spark.sql(ComplianceScore.scoredSql("dl_ranking_facts", conf)).createOrReplaceTempView("dl_ranking_scored");
        return spark.sql(GoldSql.text(LakeSchema.RANKINGS));
    }
}
