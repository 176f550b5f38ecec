package io.disclosurelake.rank;

import io.disclosurelake.lake.LakeSchema;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gold tables of {@link RankedLake}, checked against values worked out by hand. */
class GoldLayerTest {
    static SparkSession spark;
    static String lake;

    @BeforeAll
    static void build() throws Exception {
        spark = RankTestSpark.session();
        lake = RankedLake.get().toString();
    }

    private static List<Row> sql(String q) {
        for (String t : List.of(LakeSchema.REPORT_METRICS, LakeSchema.REGION_TOTALS, LakeSchema.REGION_METRICS,
                LakeSchema.COVERAGE, LakeSchema.MISSING_REPORTS, LakeSchema.RANKINGS)) {
            GoldTables.read(spark, lake, t).createOrReplaceTempView("t_" + t);
        }
        return spark.sql(q).collectAsList();
    }

    private static Map<String, Row> rankings2024(String province) {
        Map<String, Row> m = new HashMap<>();
        for (Row r : sql("SELECT * FROM t_rankings WHERE year = 2024 AND province = '" + province + "'")) m.put(r.getAs("body_key"), r);
        return m;
    }

    @Test
    void scoresAndCompetitionRanksWithDeterministicTies() {
        Map<String, Row> js = rankings2024("江苏省");
        assertEquals(6, js.size(), "five reports and one missing body");
        assertEquals(100.0, (double) js.get("淮安市民政局").getAs("score"));
        assertEquals(100.0, (double) js.get("淮安市人民政府").getAs("score"));
        assertEquals(100.0, (double) js.get("hyperlink-body").getAs("score"), "unknown timeliness leaves the sum");
        assertEquals(95.0, (double) js.get("南京市教育局").getAs("score"));
        assertEquals(80.0, (double) js.get("淮安市财政局").getAs("score"), "late and copied");
        assertEquals(0.0, (double) js.get("淮安市水利局").getAs("score"), "missing");
        // competition ranking: 1,1,1,4,5,6; listing order by fewer errors, then org (codepoints), then report_id
        assertEquals(List.of(1, 1, 1, 4, 5, 6), List.of(rank(js, "hyperlink-body"), rank(js, "淮安市人民政府"),
                rank(js, "淮安市民政局"), rank(js, "南京市教育局"), rank(js, "淮安市财政局"), rank(js, "淮安市水利局")));
        assertEquals(1, (int) js.get("hyperlink-body").getAs("position"));
        assertEquals(2, (int) js.get("淮安市人民政府").getAs("position"));
        assertEquals(3, (int) js.get("淮安市民政局").getAs("position"));
        assertEquals(6, (int) js.get("淮安市水利局").getAs("position"));
        // the components beside the score
        Row b = js.get("淮安市财政局");
        assertEquals(0.0, (double) b.getAs("timeliness"));
        assertEquals(0.0, (double) b.getAs("not_copied"));
        assertEquals(1.0, (double) b.getAs("rule_app_balance"));
        Row d = js.get("南京市教育局");
        assertEquals(0.0, (double) d.getAs(LakeSchema.ruleComponentColumn("APP_BALANCE")));
        assertEquals(2L, (long) d.getAs("error_violations"));
        assertNull(js.get("hyperlink-body").getAs("timeliness"));
        Row f = js.get("淮安市水利局");
        assertNull(f.getAs("report_id"));
        assertEquals(0.0, (double) f.getAs("present"));
        assertEquals("government", js.get("淮安市人民政府").getAs("body_kind"));
        // city rank and national rank
        assertEquals(1, (int) js.get("hyperlink-body").getAs("city_rank"), "南京: G (100) before D (95)");
        assertEquals(2, (int) d.getAs("city_rank"));
        assertEquals(1, (int) js.get("淮安市人民政府").getAs("national_rank"));
    }

    private static int rank(Map<String, Row> m, String body) { return m.get(body).getAs("rank"); }

    @Test
    void rateRankingsOnlyWithEnoughCases() {
        Map<String, Row> js = rankings2024("江苏省");
        assertEquals(1, (int) js.get("淮安市民政局").getAs("non_disclosure_rank"), "0.2 of 100");
        assertEquals(2, (int) js.get("淮安市财政局").getAs("non_disclosure_rank"), "0.1 of 60");
        assertEquals(2, (int) js.get("南京市教育局").getAs("non_disclosure_rank"), "0.1 of 40: tie");
        assertEquals(4, (int) js.get("淮安市人民政府").getAs("non_disclosure_rank"), "178/3050");
        assertNull(js.get("hyperlink-body").getAs("non_disclosure_rank"), "10 cases are too few");
        assertEquals(1, (int) js.get("淮安市民政局").getAs("review_correction_rank"), "3/12 = 0.25");
        assertEquals(2, (int) js.get("淮安市人民政府").getAs("review_correction_rank"), "64/314");
        assertNull(js.get("淮安市财政局").getAs("review_correction_rank"), "no concluded case");
    }

    @Test
    void coverageListsTheMissingBodyAndJudgesDeadlines() {
        List<Row> missing = sql("SELECT * FROM t_missing_reports WHERE year = 2024");
        assertEquals(1, missing.size());
        assertEquals("淮安市水利局", missing.get(0).getAs("org"));
        assertEquals(2023, (int) missing.get(0).getAs("last_year_seen"));
        assertEquals("earlier_years", missing.get(0).getAs("known_from"));
        Map<String, Row> cov = new HashMap<>();
        for (Row r : sql("SELECT * FROM t_coverage WHERE year = 2024")) cov.put(r.getAs("body_key"), r);
        assertEquals(8, cov.size());
        assertFalse((Boolean) cov.get("淮安市财政局").getAs("on_time"));
        assertEquals(29, (int) cov.get("淮安市财政局").getAs("days_late"), "1 Mar 00:00 UTC is 28 d 8 h after 1 Feb 00:00 +08");
        assertTrue((Boolean) cov.get("淮安市人民政府").getAs("on_time"), "governments have until 31 Mar");
        assertNull(cov.get("长春市公安局").getAs("on_time"), "first seen unknown");
        assertEquals("this_year", cov.get("hyperlink-body").getAs("known_from"));
        assertEquals(0, sql("SELECT * FROM t_missing_reports WHERE year = 2023").size(), "nothing known before 2023");
    }

    @Test
    void reportMetricsCarryConventionSmallSampleAndViolationCounts() {
        Map<String, Row> m = new HashMap<>();
        for (Row r : sql("SELECT * FROM t_report_metrics WHERE report_id = '南京市教育局#2024'")) m.put(r.getAs("metric"), r);
        assertEquals(0.1, (double) m.get("non_disclosure_rate").getAs("value"), 1e-12);
        assertEquals("total_closed", m.get("non_disclosure_rate").getAs("convention"));
        assertEquals("concluded", m.get("review_correction_rate").getAs("convention"));
        assertNull(m.get("review_correction_rate").getAs("value"), "no concluded case: no rate");
        assertTrue((Boolean) m.get("review_correction_rate").getAs("small_sample"));
        assertEquals(2.0, (double) m.get("error_violations").getAs("value"));
        assertEquals(2.0, (double) m.get("violations.APP_BALANCE").getAs("value"));
        assertEquals(0.0, (double) m.get("violations.APP_ROW_TOTAL").getAs("value"));
        assertEquals(0.0, (double) m.get("warning_violations").getAs("value"));
        assertEquals("count", m.get("error_violations").getAs("convention"));
    }

    @Test
    void reportMetricsAreCompletedWithoutChangingTheJobsRows() {
        Map<String, Row> a = new HashMap<>();
        for (Row r : sql("SELECT * FROM t_report_metrics WHERE report_id = '淮安市民政局#2024'")) a.put(r.getAs("metric"), r);
        assertEquals(RankedLake.JOB_DISCLOSURE_RATE, (double) a.get("disclosure_rate").getAs("value"), "the job's row is kept");
        assertEquals(0.2, (double) a.get("non_disclosure_rate").getAs("value"), 1e-12, "a missing rate is added from cells");
        assertEquals(0.0, (double) a.get("violations.APP_BALANCE").getAs("value"));
        assertEquals(0, sql("SELECT * FROM t_report_metrics WHERE report_id = 'gone#2024'").size(), "stale count removed");
        assertEquals(0, sql("SELECT report_id, metric FROM t_report_metrics GROUP BY 1, 2 HAVING COUNT(*) > 1").size());
    }

    @Test
    void regionTotalsNeverAddTheRegionAggregateToItsDepartments() {
        Map<String, BigDecimal> byScope = new HashMap<>();
        for (Row r : sql("SELECT report_scope, value FROM t_region_totals WHERE year = 2024 AND level = 'province'"
                + " AND province = '江苏省' AND table_name = 'applications' AND row_key = 'total' AND column_key = 'total'")) {
            byScope.put(r.getAs("report_scope"), r.getAs("value"));
        }
        assertEquals(0, new BigDecimal(210).compareTo(byScope.get("body")), "A 100 + B 60 + D 40 + G 10");
        assertEquals(0, new BigDecimal(3050).compareTo(byScope.get("region_aggregate")), "淮安市人民政府 listed apart");
        Row nat = sql("SELECT value, reports FROM t_region_totals WHERE year = 2024 AND level = 'national'"
                + " AND report_scope = 'body' AND table_name = 'applications' AND row_key = 'total' AND column_key = 'total'").get(0);
        assertEquals(0, new BigDecimal(440).compareTo(nat.getAs("value")), "210 + E 200 + H 30");
        assertEquals(6L, (long) nat.getAs("reports"));
        Row city = sql("SELECT value FROM t_region_totals WHERE year = 2024 AND level = 'city' AND city = '淮安市'"
                + " AND report_scope = 'body' AND table_name = 'applications' AND row_key = 'total' AND column_key = 'total'").get(0);
        assertEquals(0, new BigDecimal(160).compareTo(city.getAs("value")));
    }

    @Test
    void pooledRatesAreSumsOverSumsWithDistributions() {
        Row r = sql("SELECT * FROM t_region_metrics WHERE year = 2024 AND level = 'province' AND province = '江苏省'"
                + " AND report_scope = 'body' AND metric = 'non_disclosure_rate'").get(0);
        assertEquals(0, new BigDecimal(31).compareTo(r.getAs("numerator")), "20 + 6 + 4 + 1");
        assertEquals(0, new BigDecimal(210).compareTo(r.getAs("denominator")));
        assertEquals(31.0 / 210.0, (double) r.getAs("value"), 1e-12, "pooled, not the mean of rates");
        assertEquals(4L, (long) r.getAs("reports"));
        assertEquals(3L, (long) r.getAs("reports_in_distribution"), "G's 10 cases are a small sample");
        assertEquals(0.1, (double) r.getAs("median"), 1e-12);
        assertEquals(0.1, (double) r.getAs("p10"), 1e-12);
        assertEquals(0.18, (double) r.getAs("p90"), 1e-12, "0.1 + 0.8 × (0.2 − 0.1)");
        Row errors = sql("SELECT * FROM t_region_metrics WHERE year = 2024 AND level = 'national' AND report_scope = 'body'"
                + " AND metric = 'violations.APP_BALANCE'").get(0);
        assertEquals(2.0, (double) errors.getAs("value"));
    }

    @Test
    void gold_tablesKeepTheirSchemaComments() {
        var schema = GoldTables.read(spark, lake, LakeSchema.RANKINGS).schema();
        assertTrue(schema.apply("score").getComment().isDefined(), "column comments are kept");
        for (ComplianceScore.Component c : ComplianceScore.COMPONENTS) {
            assertTrue(List.of(schema.fieldNames()).contains(c.column()), c.column() + " beside the score");
        }
    }
}
