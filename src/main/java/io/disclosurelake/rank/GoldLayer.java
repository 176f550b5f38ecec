package io.disclosurelake.rank;

import io.disclosurelake.lake.LakeSchema;
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
import java.util.StringJoiner;

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
    private final Map<String, Double> seconds = new LinkedHashMap<>();

    /** Rule id of the copy check: counted by its own component, not among the warnings. */
    static final String COPY_RULE = RuleBook.DUPLICATE_OF_PREVIOUS_YEAR;

    /** Tables of values summed by region (active_2019 holds the 2019 template's own columns). */
    static final List<String> VALUE_TABLES = List.of(TemplateSpec.ACTIVE_TABLE, TemplateSpec.APPLICATIONS_TABLE,
            TemplateSpec.REVIEW_TABLE, TemplateSpec.ACTIVE_2019_TABLE);
    /** Tables whose completeness is scored (the canonical template). */
    static final List<String> SCORED_TABLES = List.of(TemplateSpec.ACTIVE_TABLE, TemplateSpec.APPLICATIONS_TABLE,
            TemplateSpec.REVIEW_TABLE);

    public GoldLayer(SparkSession spark, String lake, ScoringConfig conf) {
        this.spark = spark;
        this.lake = lake;
        this.conf = conf;
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
    public void build(Dataset<Row> expectedBodies) {
        registerSources(expectedBodies);
        UnreadableReports.register(spark, lake, expectedBodies);
        timed(LakeSchema.REPORT_METRICS, this::completeReportMetrics);
        GoldTables.read(spark, lake, LakeSchema.REPORT_METRICS).createOrReplaceTempView("dl_metrics");
        // The region tables depend on nothing built here after report_metrics: they are written beside the
        // coverage → missing_reports → rankings chain (each write is mostly driver-side Delta work).
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<?>> side = List.of(
                    pool.submit(() -> timed(LakeSchema.REGION_TOTALS, () -> GoldTables.overwrite(spark.sql(regionTotalsSql()), lake, LakeSchema.REGION_TOTALS))),
                    pool.submit(() -> timed(LakeSchema.REGION_METRICS, () -> GoldTables.overwrite(spark.sql(regionMetricsSql()), lake, LakeSchema.REGION_METRICS))));
            timed(LakeSchema.COVERAGE, () -> GoldTables.overwrite(spark.sql(UnreadableReports.classify(coverageSql())), lake, LakeSchema.COVERAGE));
            GoldTables.read(spark, lake, LakeSchema.COVERAGE).createOrReplaceTempView("dl_coverage");
            timed(LakeSchema.MISSING_REPORTS, () -> GoldTables.overwrite(spark.sql(
                    "SELECT year, body_key, org, province, city, county, body_kind, known_from, last_year_seen"
                            + " FROM dl_coverage WHERE status = 'missing'"), lake, LakeSchema.MISSING_REPORTS));
            timed(LakeSchema.RANKINGS, () -> GoldTables.overwrite(spark.sql(rankingsSql()), lake, LakeSchema.RANKINGS));
            for (java.util.concurrent.Future<?> f : side) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        } finally {
            pool.shutdown();
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
        GoldTables.read(spark, lake, LakeSchema.REPORTS).createOrReplaceTempView("dl_reports_raw");
        io.disclosurelake.lake.LakeTables tables = new io.disclosurelake.lake.LakeTables(spark, lake);
        tables.readOrEmpty(LakeSchema.CELLS).createOrReplaceTempView("dl_cells");
        tables.readOrEmpty(LakeSchema.RULE_VIOLATIONS).createOrReplaceTempView("dl_violations");
        // One report per body and year (the parsed one first): a body is never counted twice.
        spark.sql("SELECT report_id, body_key, org, province, city, county, year, template, report_scope, first_seen,"
                + " narrative_sha256, body_kind(org) AS body_kind FROM ("
                + " SELECT report_id, COALESCE(body_key, org, report_id) AS body_key, org, province, city, county, year,"
                + " template, COALESCE(report_scope, 'body') AS report_scope, first_seen, narrative_sha256,"
                + " ROW_NUMBER() OVER (PARTITION BY COALESCE(body_key, org, report_id), year"
                + "   ORDER BY CASE status WHEN 'parsed' THEN 0 ELSE 1 END, report_id) AS n"
                + " FROM dl_reports_raw WHERE year IS NOT NULL) WHERE n = 1").createOrReplaceTempView("dl_reports");
        if (expectedBodies != null) {
            expectedBodies.selectExpr("CAST(year AS INT) AS year", "COALESCE(body_key, org) AS body_key", "org",
                    "province", "city", "county").createOrReplaceTempView("dl_expected_raw");
            spark.sql("SELECT year, body_key, MAX(org) AS org, MAX(province) AS province, MAX(city) AS city,"
                    + " MAX(county) AS county FROM dl_expected_raw WHERE year IS NOT NULL AND body_key IS NOT NULL"
                    + " GROUP BY year, body_key").createOrReplaceTempView("dl_expected");
        } else {
            spark.sql("SELECT CAST(NULL AS INT) AS year, CAST(NULL AS STRING) AS body_key, CAST(NULL AS STRING) AS org,"
                    + " CAST(NULL AS STRING) AS province, CAST(NULL AS STRING) AS city, CAST(NULL AS STRING) AS county"
                    + " WHERE FALSE").createOrReplaceTempView("dl_expected");
        }
    }

    // ------------------------------------------------------------------ report_metrics

    /**
     * Completes {@code report_metrics}. The nightly job writes the rates (computed by the extractor from
     * {@link RuleBook#METRICS}) and the error/warning counts; this adds what is missing — a rate the job did
     * not write, computed by {@link RuleSql#metrics} from {@code cells} (the same definitions), and the count
     * of violations of each rule ({@code violations.<RULE>}) — and refreshes those per-rule counts, in one
     * MERGE commit. Rows the job wrote are never changed. Without a table (a lake built elsewhere) the
     * complete table is written.
     */
    private void completeReportMetrics() {
        if (!GoldTables.exists(lake, LakeSchema.REPORT_METRICS)) {
            GoldTables.overwrite(spark.sql(reportMetricsSql("dl_cells")), lake, LakeSchema.REPORT_METRICS);
            return;
        }
        // Rates from cells only for reports the job left without a rate row: usually none, and the rate SQL
        // (six wide aggregations) is the costly part.
        GoldTables.read(spark, lake, LakeSchema.REPORT_METRICS).createOrReplaceTempView("dl_metrics_before");
        StringJoiner names = new StringJoiner(", ");
        for (RatioMetric m : RuleBook.METRICS) names.add("'" + m.name() + "'");
        spark.sql("SELECT c.* FROM dl_cells c LEFT SEMI JOIN (SELECT report_id FROM dl_cells LEFT ANTI JOIN ("
                + " SELECT report_id FROM dl_metrics_before WHERE metric IN (" + names + ") GROUP BY report_id"
                + " HAVING COUNT(DISTINCT metric) = " + RuleBook.METRICS.size() + ") USING (report_id)) x"
                + " ON c.report_id = x.report_id").createOrReplaceTempView("dl_cells_lacking_rates");
        boolean lacking = !spark.sql("SELECT 1 FROM dl_cells_lacking_rates LIMIT 1").isEmpty();
        Dataset<Row> computed = spark.sql(reportMetricsSql(lacking ? "dl_cells_lacking_rates" : null));
        GoldTables.shape(computed, LakeSchema.REPORT_METRICS).createOrReplaceTempView("dl_metrics_computed");
        spark.sql("MERGE INTO " + GoldTables.sqlName(lake, LakeSchema.REPORT_METRICS) + " t USING dl_metrics_computed s"
                + " ON t.report_id = s.report_id AND t.metric = s.metric"
                + " WHEN MATCHED AND t.metric LIKE 'violations.%' AND NOT (t.value <=> s.value) THEN UPDATE SET *"
                + " WHEN NOT MATCHED THEN INSERT *"
                + " WHEN NOT MATCHED BY SOURCE AND t.metric LIKE 'violations.%' THEN DELETE");
    }

    /** Violation-count metrics: all errors, all warnings, and each rule. */
    public static List<String> countMetrics() {
        List<String> m = new ArrayList<>(List.of("error_violations", "warning_violations"));
        for (RuleBook.RuleInfo r : RuleBook.RULES) m.add("violations." + r.id());
        return m;
    }

    /** Rates from {@code rateCells} (null: none) and every violation count of every report. */
    String reportMetricsSql(String rateCells) {
        StringJoiner conv = new StringJoiner(", ");
        for (RatioMetric m : RuleBook.METRICS) conv.add("('" + m.name() + "', '" + m.convention() + "')");
        StringJoiner counts = new StringJoiner(", ");
        for (String m : countMetrics()) counts.add("('" + m + "')");
        String amount = "DECIMAL(24,4)";
        String rates = rateCells != null ? RuleSql.metrics(rateCells, conf.minDenominator())
                : "SELECT CAST(NULL AS STRING) AS report_id, CAST(NULL AS STRING) AS metric, CAST(NULL AS DECIMAL(24,4)) AS numerator,"
                + " CAST(NULL AS DECIMAL(24,4)) AS denominator, CAST(NULL AS DOUBLE) AS value, CAST(NULL AS BOOLEAN) AS small_sample WHERE FALSE";
        return "WITH rates AS (" + rates + "),\n"
                + " conv AS (SELECT * FROM VALUES " + conv + " AS conv(metric, convention)),\n"
                + " vc AS (SELECT report_id, 'violations.' || rule AS metric, COUNT(*) AS n FROM dl_violations GROUP BY report_id, rule"
                + "  UNION ALL SELECT report_id, severity || '_violations' AS metric, COUNT(*) AS n FROM dl_violations GROUP BY report_id, severity)\n"
                + "SELECT r.report_id, r.metric, r.value, CAST(r.numerator AS " + amount + ") AS numerator,"
                + " CAST(r.denominator AS " + amount + ") AS denominator, r.small_sample, conv.convention"
                + " FROM rates r JOIN conv ON r.metric = conv.metric\n"
                + "UNION ALL\n"
                + "SELECT rep.report_id, k.metric, CAST(COALESCE(vc.n, 0) AS DOUBLE) AS value,"
                + " CAST(COALESCE(vc.n, 0) AS " + amount + ") AS numerator, CAST(NULL AS " + amount + ") AS denominator,"
                + " CAST(NULL AS BOOLEAN) AS small_sample, 'count' AS convention"
                + " FROM (SELECT DISTINCT report_id FROM dl_reports_raw) rep CROSS JOIN (SELECT * FROM VALUES " + counts + " AS k(metric)) k"
                + " LEFT JOIN vc ON vc.report_id = rep.report_id AND vc.metric = k.metric";
    }

    // ------------------------------------------------------------------ region aggregates

    /** The region levels as grouping sets; the level is told from GROUPING(), not from null names. */
    static final String REGION_GROUPING = "GROUPING SETS ((), (r.province), (r.province, r.city), (r.province, r.city, r.county))";
    static final String LEVEL = "CASE GROUPING(r.province) * 4 + GROUPING(r.city) * 2 + GROUPING(r.county) WHEN 7 THEN 'national' WHEN 3 THEN 'province'"
            + " WHEN 1 THEN 'city' ELSE 'county' END AS level";

    String regionTotalsSql() {
        StringJoiner tables = new StringJoiner(", ");
        for (String t : VALUE_TABLES) tables.add("'" + t + "'");
        return "SELECT r.year, " + LEVEL + ", r.province, r.city, r.county, r.report_scope, c.table_name, c.row_key, c.column_key,"
                + " CAST(SUM(CASE WHEN c.status = 'value' THEN c.value END) AS DECIMAL(24,4)) AS value,"
                // A report has one cell per table, row and column (the extractor's model is keyed so), and
                // dl_reports one report per body and year: plain counts are the distinct report counts, without
                // the distinct aggregation that grouping sets would otherwise expand four times.
                + " COUNT(*) AS reports,"
                + " COUNT(CASE WHEN c.status = 'value' THEN 1 END) AS reports_with_value"
                + " FROM dl_cells c JOIN dl_reports r ON c.report_id = r.report_id"
                + " WHERE c.table_name IN (" + tables + ")"
                + " GROUP BY r.year, r.report_scope, c.table_name, c.row_key, c.column_key, " + REGION_GROUPING;
    }

    String regionMetricsSql() {
        String amount = "DECIMAL(24,4)";
        return "WITH m AS (SELECT r.year, r.province, r.city, r.county, r.report_scope, m.report_id, m.metric, m.convention,"
                + "  CASE WHEN m.convention = 'count' THEN m.numerator"
                + "       WHEN m.numerator IS NOT NULL AND m.denominator IS NOT NULL THEN m.numerator END AS pn,"
                + "  CASE WHEN m.convention = 'count' THEN NULL"
                + "       WHEN m.numerator IS NOT NULL AND m.denominator IS NOT NULL THEN m.denominator END AS pd,"
                + "  CASE WHEN m.convention = 'count' THEN m.value WHEN NOT m.small_sample THEN m.value END AS dv"
                + "  FROM dl_metrics m JOIN dl_reports r ON m.report_id = r.report_id)\n"
                + "SELECT year, level, province, city, county, report_scope, metric, numerator, denominator,"
                + " CASE WHEN convention = 'count' THEN CAST(numerator AS DOUBLE)"
                + "      ELSE CAST(numerator AS DOUBLE) / NULLIF(CAST(denominator AS DOUBLE), 0.0) END AS value,"
                + " CASE WHEN convention = 'count' THEN NULL ELSE COALESCE(denominator, 0) < " + conf.minDenominator() + " END AS small_sample,"
                + " pct[0] AS p10, pct[1] AS median, pct[2] AS p90, reports, reports_in_distribution, convention FROM ("
                + " SELECT r.year, " + LEVEL + ", r.province, r.city, r.county, r.report_scope, r.metric,"
                + "  CAST(SUM(r.pn) AS " + amount + ") AS numerator, CAST(SUM(r.pd) AS " + amount + ") AS denominator,"
                + "  PERCENTILE(r.dv, ARRAY(0.1, 0.5, 0.9)) AS pct, COUNT(*) AS reports, COUNT(r.dv) AS reports_in_distribution,"
                + "  MAX(r.convention) AS convention"
                + "  FROM m r GROUP BY r.year, r.report_scope, r.metric, " + REGION_GROUPING + ")";
    }

    // ------------------------------------------------------------------ coverage and timeliness

    String coverageSql() {
        String deadline = "MAKE_TIMESTAMP(year + 1, CASE body_kind WHEN 'government' THEN " + BodyKind.GOVERNMENT.deadlineMonth
                + " ELSE " + BodyKind.DEPARTMENT.deadlineMonth + " END, 1, 0, 0, 0, '" + conf.deadlineZone().replace("'", "") + "')";
        return "WITH years AS (SELECT DISTINCT year FROM dl_reports UNION SELECT DISTINCT year FROM dl_expected),\n"
                + " earlier AS (SELECT y.year, r.body_key, MAX(r.year) AS last_year_seen, MAX_BY(r.org, r.year) AS org,"
                + "  MAX_BY(r.province, r.year) AS province, MAX_BY(r.city, r.year) AS city, MAX_BY(r.county, r.year) AS county"
                + "  FROM dl_reports r JOIN years y ON r.year < y.year GROUP BY y.year, r.body_key),\n"
                + " known AS (SELECT year, body_key, org, province, city, county, 'earlier_years' AS known_from, last_year_seen FROM earlier"
                + "  UNION ALL SELECT e.year, e.body_key, e.org, e.province, e.city, e.county, 'expected', CAST(NULL AS INT)"
                + "  FROM dl_expected e LEFT ANTI JOIN earlier x ON x.year = e.year AND x.body_key = e.body_key),\n"
                + " joined AS (SELECT COALESCE(cur.year, k.year) AS year, COALESCE(cur.body_key, k.body_key) AS body_key,"
                + "  COALESCE(cur.org, k.org) AS org, CASE WHEN cur.report_id IS NOT NULL THEN cur.province ELSE k.province END AS province,"
                + "  CASE WHEN cur.report_id IS NOT NULL THEN cur.city ELSE k.city END AS city,"
                + "  CASE WHEN cur.report_id IS NOT NULL THEN cur.county ELSE k.county END AS county,"
                + "  COALESCE(cur.body_kind, body_kind(k.org)) AS body_kind, COALESCE(k.known_from, 'this_year') AS known_from,"
                + "  k.last_year_seen, cur.report_id IS NOT NULL AS present, cur.report_id, cur.first_seen"
                + "  FROM known k FULL OUTER JOIN dl_reports cur ON k.year = cur.year AND k.body_key = cur.body_key)\n"
                + "SELECT year, body_key, org, province, city, county, body_kind, known_from, last_year_seen, present, report_id,"
                + " first_seen, deadline, CASE WHEN first_seen IS NULL THEN NULL ELSE first_seen < deadline END AS on_time,"
                + " CASE WHEN first_seen IS NULL THEN NULL WHEN first_seen < deadline THEN 0"
                + "  ELSE CAST(GREATEST(1, CEIL((UNIX_SECONDS(first_seen) - UNIX_SECONDS(deadline)) / 86400.0)) AS INT) END AS days_late"
                + " FROM (SELECT *, " + deadline + " AS deadline FROM joined)";
    }

    // ------------------------------------------------------------------ rankings

    /** Cells the template version asks for in the scored tables (2019: fewer rows and active fields). */
    static long expectedCells(TemplateSpec.Version v) {
        TemplateSpec.Version t = v == TemplateSpec.Version.V2019 ? v : TemplateSpec.Version.V2021;
        long active = TemplateSpec.ACTIVE_FIELDS.stream()
                .filter(f -> t == TemplateSpec.Version.V2021 ? f.columnLabel2021() != null : f.columnLabel2019() != null).count();
        long apps = (long) TemplateSpec.applicationRows(t).size() * TemplateSpec.APPLICANT_COLUMN_COUNT;
        return active + apps + TemplateSpec.reviewColumnKeys().size();
    }

    String rankingsSql() {
        StringJoiner tables = new StringJoiner(", ");
        for (String t : SCORED_TABLES) tables.add("'" + t + "'");
        StringJoiner pivot = new StringJoiner(", ");
        for (RuleBook.RuleInfo r : RuleBook.RULES) {
            pivot.add("SUM(CASE WHEN rule = '" + r.id() + "' THEN 1 ELSE 0 END) AS " + ComplianceScore.violationColumn(r.id()));
        }
        StringJoiner components = new StringJoiner(", ");
        StringJoiner componentColumns = new StringJoiner(", ");
        for (ComplianceScore.Component c : ComplianceScore.COMPONENTS) {
            components.add(ComplianceScore.componentSql(c, conf) + " AS " + c.column());
            componentColumns.add(c.column());
        }
        return "WITH cf AS (" + ComplianceScore.cellFactsSql("dl_cells") + "),\n"
                + " vf AS (SELECT report_id AS vf_report_id, " + pivot + ","
                + "  SUM(CASE WHEN severity = 'error' THEN 1 ELSE 0 END) AS error_violations,"
                + "  SUM(CASE WHEN severity = 'warning' THEN 1 ELSE 0 END) AS warning_violations,"
                + "  SUM(CASE WHEN severity = 'warning' AND rule <> '" + COPY_RULE + "' THEN 1 ELSE 0 END) AS warnings_counted"
                + "  FROM dl_violations GROUP BY report_id),\n"
                + " prev AS (SELECT body_key, year + 1 AS year, narrative_sha256 AS prev_narrative FROM dl_reports),\n"
                + " nd AS (SELECT report_id, value AS nd_rate, denominator AS nd_den FROM dl_metrics WHERE metric = 'non_disclosure_rate'),\n"
                + " rc AS (SELECT report_id, value AS rc_rate, denominator AS rc_den FROM dl_metrics WHERE metric = 'review_correction_rate'),\n"
                + " facts AS (SELECT cov.year, cov.province, cov.city, cov.county, cov.report_id, cov.body_key, cov.org, cov.body_kind,"
                + "  r.report_scope, cov.present AS is_present, cov.on_time, cov.first_seen, cov.deadline, r.template,"
                + "  CASE WHEN cov.year >= 2021 THEN '2021' ELSE '2019' END AS expected_template, cf.*,"
                + "  CASE WHEN r.template = '2019' THEN " + expectedCells(TemplateSpec.Version.V2019)
                + "   ELSE " + expectedCells(TemplateSpec.Version.V2021) + " END AS expected_cells, vf.*,"
                + "  (COALESCE(vf." + ComplianceScore.violationColumn(COPY_RULE) + ", 0) > 0"
                + "   OR (r.narrative_sha256 IS NOT NULL AND r.narrative_sha256 = p.prev_narrative)) AS copied,"
                + "  nd.nd_rate, nd.nd_den, rc.rc_rate, rc.rc_den,"
                + "  (nd.nd_rate IS NOT NULL AND nd.nd_den >= " + conf.minCasesNonDisclosure() + ") AS nd_ok,"
                + "  (rc.rc_rate IS NOT NULL AND rc.rc_den >= " + conf.minCasesReviewCorrection() + ") AS rc_ok"
                + "  FROM (SELECT * FROM dl_coverage WHERE status <> 'unreadable') cov LEFT JOIN dl_reports r ON cov.report_id = r.report_id"
                + "  LEFT JOIN cf ON cf.cf_report_id = cov.report_id LEFT JOIN vf ON vf.vf_report_id = cov.report_id"
                + "  LEFT JOIN prev p ON p.body_key = cov.body_key AND p.year = cov.year"
                + "  LEFT JOIN nd ON nd.report_id = cov.report_id LEFT JOIN rc ON rc.report_id = cov.report_id),\n"
                + " comp AS (SELECT facts.*, " + components + " FROM facts),\n"
                + " scored AS (SELECT comp.*, " + ComplianceScore.scoreSql(conf) + " AS score FROM comp)\n"
                + "SELECT year, province, city, county, report_id, body_key, org, body_kind, report_scope, score,"
                + " CAST(RANK() OVER (PARTITION BY year, province ORDER BY score DESC) AS INT) AS rank,"
                + " CAST(ROW_NUMBER() OVER (PARTITION BY year, province ORDER BY score DESC, error_violations ASC NULLS LAST,"
                + "  org ASC NULLS LAST, report_id ASC NULLS LAST, body_key ASC) AS INT) AS position,"
                + " CAST(RANK() OVER (PARTITION BY year, province, city ORDER BY score DESC) AS INT) AS city_rank,"
                + " CAST(RANK() OVER (PARTITION BY year ORDER BY score DESC) AS INT) AS national_rank, "
                + componentColumns + ","
                + " error_violations, warning_violations, first_seen, deadline,"
                + " nd_rate AS non_disclosure_rate, nd_den AS non_disclosure_denominator,"
                + " CASE WHEN nd_ok THEN CAST(RANK() OVER (PARTITION BY year, province, nd_ok ORDER BY nd_rate DESC) AS INT) END AS non_disclosure_rank,"
                + " rc_rate AS review_correction_rate, rc_den AS review_correction_denominator,"
                + " CASE WHEN rc_ok THEN CAST(RANK() OVER (PARTITION BY year, province, rc_ok ORDER BY rc_rate DESC) AS INT) END AS review_correction_rank"
                + ", " + ComplianceScore.reasonsSql() + " AS reasons"
                + " FROM scored";
    }
}
