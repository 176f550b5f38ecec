package io.disclosurelake.hardening;

import io.disclosurelake.job.InputListing;
import io.disclosurelake.lake.LakeSchema;
import io.disclosurelake.spec.QuarantineReason;
import io.disclosurelake.spec.TemplateSpec;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The nightly job over the whole hostile battery mixed with an ordinary night's files, as a child JVM with a
 * 1 GB heap (driver and executor in local mode): it exits 0, quarantines every hostile file with its reason,
 * parses the good reports exactly as it does without the hostile files, never resolves an external entity and
 * never runs out of memory.
 */
@Tag("slow") // runs the job over the hostile battery (built with LibreOffice): the full lane (mvn verify)
class HostileBatteryJobTest {
    static SparkSession spark;
    static final String HEAP = "1g";

    static OrdinaryNight night;
    static Battery battery;
    static Path mixedLake;
    static int exit;
    static long peakRssMb;
    static String stderr;

    @BeforeAll static void runOverTheBattery() throws Exception {
        assumeTrue(LakeSession.jobAvailable(), "the nightly job is not merged yet");
        assumeTrue(OfficeConversion.available(), "LibreOffice (soffice) is needed to build the battery; bin/test installs it");
        spark = LakeSession.get();
        night = OrdinaryNight.get();
        battery = night.battery;
        mixedLake = battery.root.resolve("mixed-lake");
        long t0 = System.nanoTime();
        try (JobProcess job = JobProcess.run(battery.input, mixedLake).heap(HEAP).logs(battery.root.resolve("logs")).start()) {
            exit = job.waitFor(OrdinaryNight.RUN_TIMEOUT);
            peakRssMb = job.peakRssMb();
            stderr = job.stderr();
        }
        System.out.printf("hostile battery run: exit %d in %.1f s, peak RSS %d MB with -Xmx%s%n",
                exit, (System.nanoTime() - t0) / 1e9, peakRssMb, HEAP);
    }

    @Test void exitsZeroWithinItsMemory() {
        assertEquals(0, exit, "the job must survive the battery; stderr tail:\n" + tail(stderr));
        assertFalse(stderr.contains("OutOfMemoryError"), "no executor may run out of memory");
        // The heap cannot pass -Xmx; what is left to check is that nothing outside it (direct buffers, threads
        // abandoned on timeouts) makes the process grow without bound.
        long heapMb = 1024;
        assertTrue(peakRssMb > 0 && peakRssMb < heapMb + 1024, "peak RSS " + peakRssMb + " MB with a " + heapMb + " MB heap");
    }

    @Test void everyHostileFileIsQuarantinedWithItsReason() {
        Map<String, String> reasons = new HashMap<>();
        for (Row r : LakeSnapshot.table(spark, mixedLake, LakeSchema.QUARANTINE).select("path", "reason").collectAsList()) {
            assertNull(reasons.put(r.getString(0), r.getString(1)), "two quarantine rows for " + r.getString(0));
        }
        Set<String> reported = reportedPaths(spark, mixedLake);
        StringBuilder wrong = new StringBuilder();
        for (HostileFiles.Entry e : battery.entries) {
            String got = reasons.get(key(e));
            switch (e.outcome()) {
                case QUARANTINED -> {
                    if (got == null || !e.reasons().contains(QuarantineReason.of(got))) {
                        wrong.append(e).append(": expected one of ").append(e.reasons()).append(", got ")
                                .append(got == null ? (reported.contains(key(e)) ? "a report" : "nothing") : got).append('\n');
                    }
                }
                case PARSED_OR_QUARANTINED -> {
                    boolean ok = got == null ? reported.contains(key(e)) : e.reasons().contains(QuarantineReason.of(got));
                    if (!ok) wrong.append(e).append(": expected a report or one of ").append(e.reasons()).append(", got ").append(got).append('\n');
                }
                case PARSED -> {
                    if (!reported.contains(key(e))) wrong.append(e).append(": expected a report, got ").append(got).append('\n');
                }
                case NOT_A_DOCUMENT -> {
                    if (reported.contains(key(e))) wrong.append(e).append(": a link loop became a report\n");
                }
            }
        }
        assertEquals("", wrong.toString());
    }

    @Test void goodReportsAreExactlyAsWhenAlone() {
        List<String> ids = LakeSnapshot.table(spark, night.lake, LakeSchema.REPORTS).select("report_id").as(Encoders.STRING()).collectAsList();
        List<String> paths = night.entries.stream().map(HostileBatteryJobTest::key).toList();
        assertEquals(night.entries.stream().filter(HostileFiles.Entry::good).count(), ids.size(), "one report per good file when alone");
        // Besides the good reports, the mixed lake may hold reports of the hostile files that are reports too (the
        // report followed by a huge image or 50 MB of text) when no limit trips first — and of no other file.
        Set<String> mayParse = new HashSet<>();
        for (HostileFiles.Entry e : battery.entries) if (e.outcome() == HostileFiles.Outcome.PARSED_OR_QUARANTINED) mayParse.add(key(e));
        Set<String> extra = new TreeSet<>();
        for (Row r : LakeSnapshot.table(spark, mixedLake, LakeSchema.REPORTS).select("report_id", "path").collectAsList()) {
            if (ids.contains(r.getString(0))) continue;
            assertTrue(mayParse.contains(r.getString(1)), "a report of " + r.getString(1) + ", which may not parse");
            extra.add(r.getString(0));
        }
        Map<String, List<String>> alone = LakeSnapshot.of(spark, night.lake, ids, paths);
        Map<String, List<String>> mixed = LakeSnapshot.of(spark, mixedLake, ids, paths);
        // Region aggregates count every report: the mixed lake's are the good reports' plus the extra reports' share.
        alone.put(LakeSchema.REGION_TOTALS, LakeSnapshot.rows(plusExtra(night.lake, mixedLake, LakeSchema.REGION_TOTALS, REGION_TOTALS_EXTRA,
                REGION_TOTALS_ADDED, REGION_TOTALS_COMPARED, Map.of(), extra)));
        mixed.put(LakeSchema.REGION_TOTALS, LakeSnapshot.rows(LakeSnapshot.table(spark, mixedLake, LakeSchema.REGION_TOTALS)
                .selectExpr(REGION_TOTALS_COMPARED.toArray(new String[0]))));
        alone.put(LakeSchema.REGION_METRICS, LakeSnapshot.rows(plusExtra(night.lake, mixedLake, LakeSchema.REGION_METRICS, REGION_METRICS_EXTRA,
                REGION_METRICS_ADDED, REGION_METRICS_COMPARED, Map.of("value", POOLED_RATE), extra)));
        mixed.put(LakeSchema.REGION_METRICS, LakeSnapshot.rows(LakeSnapshot.table(spark, mixedLake, LakeSchema.REGION_METRICS)
                .selectExpr(REGION_METRICS_COMPARED.toArray(new String[0]))));
        // A good report's ranks and listing position count the other bodies of its province; its score and every
        // component do not, and the good reports keep their order among themselves.
        alone.put(LakeSchema.RANKINGS, LakeSnapshot.rows(goodRankings(night.lake, ids).drop(PLACEMENT)));
        mixed.put(LakeSchema.RANKINGS, LakeSnapshot.rows(goodRankings(mixedLake, ids).drop(PLACEMENT)));
        assertEquals(rankingOrder(night.lake, ids), rankingOrder(mixedLake, ids), "order of the good reports in rankings");
        for (String table : alone.keySet()) {
            assertEquals(alone.get(table), mixed.get(table), table + ": good reports must not change when hostile files are mixed in");
        }
        Map<String, String> orgByPath = new HashMap<>();
        for (Row r : LakeSnapshot.table(spark, mixedLake, LakeSchema.REPORTS).select("path", "org").collectAsList()) {
            orgByPath.put(r.getString(0), r.getString(1));
        }
        for (HostileFiles.Entry e : night.entries) {
            if (e.good()) assertEquals(e.org(), orgByPath.get(key(e)), e + ": body of the report");
        }
    }

    /** Region levels as the gold layer groups them (rank/GoldLayer), and the level of each grouping set. */
    static final String REGION_GROUPING = "GROUPING SETS ((), (r.province), (r.province, r.city), (r.province, r.city, r.county))";
    static final String LEVEL = "CASE GROUPING(r.province) * 4 + GROUPING(r.city) * 2 + GROUPING(r.county) WHEN 7 THEN 'national'"
            + " WHEN 3 THEN 'province' WHEN 1 THEN 'city' ELSE 'county' END AS level";
    /** The extra reports with a year, as the gold layer counts them ({@code hb_extra_ids}: their report_id). */
    static final String EXTRA_REPORTS = "(SELECT report_id, year, province, city, county, COALESCE(report_scope, 'body') AS report_scope"
            + " FROM hb_reports WHERE year IS NOT NULL AND report_id IN (SELECT report_id FROM hb_extra_ids)) r";

    static final List<String> REGION_KEY = List.of("year", "level", "province", "city", "county", "report_scope");
    static final List<String> REGION_TOTALS_KEY = List.of("table_name", "row_key", "column_key");
    /** region_totals of the extra reports alone: sums and counts, the same definitions as the gold layer's. */
    static final String REGION_TOTALS_EXTRA = "SELECT r.year, " + LEVEL + ", r.province, r.city, r.county, r.report_scope,"
            + " c.table_name, c.row_key, c.column_key, SUM(CASE WHEN c.status = 'value' THEN c.value END) AS value,"
            + " COUNT(DISTINCT c.report_id) AS reports, COUNT(DISTINCT CASE WHEN c.status = 'value' THEN c.report_id END) AS reports_with_value"
            + " FROM hb_cells c JOIN " + EXTRA_REPORTS + " ON c.report_id = r.report_id"
            + " WHERE c.table_name IN ('" + TemplateSpec.ACTIVE_TABLE + "', '" + TemplateSpec.APPLICATIONS_TABLE + "', '"
            + TemplateSpec.REVIEW_TABLE + "', '" + TemplateSpec.ACTIVE_2019_TABLE + "')"
            + " GROUP BY r.year, r.report_scope, c.table_name, c.row_key, c.column_key, " + REGION_GROUPING;
    static final List<String> REGION_TOTALS_ADDED = List.of("value", "reports", "reports_with_value");
    static final List<String> REGION_TOTALS_COMPARED = concat(REGION_KEY, REGION_TOTALS_KEY, REGION_TOTALS_ADDED);

    /**
     * region_metrics of the extra reports alone. Pooled numerator and denominator, and the counts, add up over
     * disjoint sets of reports (and the pooled rate follows from them); percentiles do not, so they are left out.
     */
    static final String REGION_METRICS_EXTRA = "SELECT r.year, " + LEVEL + ", r.province, r.city, r.county, r.report_scope, r.metric,"
            + " SUM(r.pn) AS numerator, SUM(r.pd) AS denominator, COUNT(*) AS reports, COUNT(r.dv) AS reports_in_distribution,"
            + " MAX(r.convention) AS convention FROM (SELECT r.*, m.metric, m.convention,"
            + "  CASE WHEN m.convention = 'count' THEN m.numerator WHEN m.numerator IS NOT NULL AND m.denominator IS NOT NULL THEN m.numerator END AS pn,"
            + "  CASE WHEN m.convention = 'count' THEN NULL WHEN m.numerator IS NOT NULL AND m.denominator IS NOT NULL THEN m.denominator END AS pd,"
            + "  CASE WHEN m.convention = 'count' THEN m.value WHEN NOT m.small_sample THEN m.value END AS dv"
            + "  FROM hb_metrics m JOIN " + EXTRA_REPORTS + " ON m.report_id = r.report_id) r"
            + " GROUP BY r.year, r.report_scope, r.metric, " + REGION_GROUPING;
    static final List<String> REGION_METRICS_ADDED = List.of("numerator", "denominator", "reports", "reports_in_distribution");
    static final List<String> REGION_METRICS_COMPARED = concat(REGION_KEY, List.of("metric", "convention"), REGION_METRICS_ADDED,
            List.of("value"));
    /** The pooled rate of region_metrics from its numerator and denominator (for counts: the count). */
    static final String POOLED_RATE = "CASE WHEN convention = 'count' THEN CAST(numerator AS DOUBLE)"
            + " ELSE CAST(numerator AS DOUBLE) / NULLIF(CAST(denominator AS DOUBLE), 0.0) END";

    /**
     * The good-only lake's {@code table} plus the share of the {@code extra} reports ({@code extraSql} over the
     * silver tables of {@code withExtra}, the lake that holds them too), in the {@code compared} columns: the
     * {@code added} ones summed (null only when null on both sides), the {@code derived} ones computed from them,
     * the others the key.
     */
    static Dataset<Row> plusExtra(Path aloneLake, Path withExtra, String table, String extraSql, List<String> added, List<String> compared,
                                  Map<String, String> derived, Set<String> extra) {
        LakeSnapshot.table(spark, withExtra, LakeSchema.REPORTS).createOrReplaceTempView("hb_reports");
        LakeSnapshot.table(spark, withExtra, LakeSchema.CELLS).createOrReplaceTempView("hb_cells");
        LakeSnapshot.table(spark, withExtra, LakeSchema.REPORT_METRICS).createOrReplaceTempView("hb_metrics");
        spark.createDataset(List.copyOf(extra), Encoders.STRING()).toDF("report_id").createOrReplaceTempView("hb_extra_ids");
        LakeSnapshot.table(spark, aloneLake, table).createOrReplaceTempView("hb_alone");
        spark.sql(extraSql).createOrReplaceTempView("hb_extra");
        List<String> cols = new ArrayList<>();
        StringJoiner on = new StringJoiner(" AND ");
        for (String c : LakeSnapshot.table(spark, withExtra, table).columns()) {
            if (added.contains(c)) {
                cols.add("CASE WHEN a." + c + " IS NULL THEN x." + c + " WHEN x." + c + " IS NULL THEN a." + c
                        + " ELSE a." + c + " + x." + c + " END AS " + c);
            } else if (compared.contains(c) && !derived.containsKey(c)) {
                cols.add("COALESCE(a." + c + ", x." + c + ") AS " + c);
                on.add("a." + c + " <=> x." + c);
            }
        }
        Dataset<Row> sum = spark.sql("SELECT " + String.join(", ", cols) + " FROM hb_alone a FULL OUTER JOIN hb_extra x ON " + on);
        // the types of the mixed table, so that both sides print alike
        StructType schema = LakeSnapshot.table(spark, withExtra, table).schema();
        List<Column> typed = new ArrayList<>();
        for (String c : sum.columns()) typed.add(col(c).cast(schema.apply(c).dataType()).as(c));
        Dataset<Row> out = sum.select(typed.toArray(new Column[0]));
        for (Map.Entry<String, String> d : derived.entrySet()) {
            out = out.withColumn(d.getKey(), expr(d.getValue()).cast(schema.apply(d.getKey()).dataType()));
        }
        return out.selectExpr(compared.toArray(new String[0]));
    }

    /** Columns of rankings that place a body among the others of its province, city or country. */
    static final String[] PLACEMENT = {"rank", "position", "city_rank", "national_rank", "non_disclosure_rank", "review_correction_rank"};

    static Dataset<Row> goodRankings(Path lake, List<String> ids) {
        return LakeSnapshot.table(spark, lake, LakeSchema.RANKINGS).where(col("report_id").isin(ids.toArray()));
    }

    static List<String> rankingOrder(Path lake, List<String> ids) {
        return goodRankings(lake, ids).orderBy("year", "province", "position").select("report_id").as(Encoders.STRING()).collectAsList();
    }

    @SafeVarargs static List<String> concat(List<String>... parts) {
        List<String> out = new ArrayList<>();
        for (List<String> p : parts) out.addAll(p);
        return List.copyOf(out);
    }

    @Test void noExternalEntityIsEverResolved() {
        assertEquals(0, battery.dtdCanary.connections(), "somebody fetched the external DTD");
        String secret = battery.canaries.secret();
        assertFalse(LakeSnapshot.anyTableContains(spark, mixedLake, secret), "the local file named by an entity reached the lake");
        assertFalse(stderr.contains(secret), "the local file named by an entity reached the log");
    }

    @Test void everyFileIsAccountedForOnceAndTheLinkLoopIsNotFollowed() {
        List<String> docs = LakeSnapshot.table(spark, mixedLake, LakeSchema.DOCUMENTS).select("path")
                .as(Encoders.STRING()).collectAsList();
        assertEquals(new HashSet<>(docs).size(), docs.size(), "one documents row per path");
        for (String p : docs) assertFalse(p.startsWith("loop/"), "followed the link loop: " + p);
        Set<String> expected = new HashSet<>();
        for (HostileFiles.Entry e : battery.entries) if (e.outcome() != HostileFiles.Outcome.NOT_A_DOCUMENT) expected.add(key(e));
        Set<String> missing = new HashSet<>(expected);
        docs.forEach(missing::remove);
        assertEquals(Set.of(), missing, "files of the battery without a documents row (lost silently)");
        List<String> quarantined = LakeSnapshot.table(spark, mixedLake, LakeSchema.QUARANTINE).select("path")
                .as(Encoders.STRING()).collectAsList();
        assertTrue(quarantined.contains("loop") || docs.contains("loop"), "the link loop is recorded, not skipped silently");
    }

    /** The entry's path as the lake keys it: from the bytes of its name (a non-UTF-8 name is kept as %XX). */
    static String key(HostileFiles.Entry e) {
        Path root = e.file();
        for (int i = Path.of(e.name()).getNameCount(); i > 0; i--) root = root.getParent(); // the entry's input
        return InputListing.rel(root, e.file());
    }

    static Set<String> reportedPaths(SparkSession spark, Path lake) {
        return new HashSet<>(LakeSnapshot.table(spark, lake, LakeSchema.REPORTS).select("path")
                .as(Encoders.STRING()).collectAsList());
    }

    static String tail(String s) {
        List<String> lines = s.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
