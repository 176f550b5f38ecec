package io.disclosurelake.rank;

import io.disclosurelake.sql.LakeViews;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A pooled rate (docs/metrics.md §3: Σ numerators / Σ denominators of report_metrics) is computed by the gold layer
 * (sql/gold/region_metrics.sql) and, for analysts, by two views (sql/views/province_year_summary.sql,
 * city_correction_rates.sql). They must agree wherever both give it: body reports of a province or a city.
 */
class PooledRatesParityTest {
    static SparkSession spark;
    static String lake;
    @org.junit.jupiter.api.io.TempDir static java.nio.file.Path scratch;

    @BeforeAll
    static void build() throws Exception {
        spark = RankTestSpark.session();
        // The ranked lake has no applications table; province_year_summary reads it (for counts, not for rates): a
        // copy of the lake gets an empty one (the views read only the lake they are registered on).
        java.nio.file.Path copy = io.disclosurelake.hardening.TempDirs.copy(RankedLake.get(), scratch.resolve("lake"));
        spark.createDataFrame(java.util.List.of(), io.disclosurelake.lake.LakeSchema.table(io.disclosurelake.lake.LakeSchema.APPLICATIONS).schema())
                .write().format("delta").save(copy.resolve(io.disclosurelake.lake.LakeSchema.APPLICATIONS).toString());
        lake = copy.toString();
        LakeViews.register(spark, lake);
        GoldTables.read(spark, lake, io.disclosurelake.lake.LakeSchema.REGION_METRICS).createOrReplaceTempView("gold_region_metrics");
    }

    /** key → value, nulls kept. */
    private static Map<String, Double> rows(String q) {
        Map<String, Double> m = new TreeMap<>();
        for (Row r : spark.sql(q).collectAsList()) m.put(r.getString(0), r.isNullAt(1) ? null : r.getDouble(1));
        return m;
    }

    private static void assertSame(Map<String, Double> gold, Map<String, Double> view) {
        assertEquals(gold.keySet(), view.keySet());
        List<String> differ = new ArrayList<>();
        gold.forEach((k, g) -> {
            Double v = view.get(k);
            if (g == null ? v != null : v == null || Math.abs(g - v) > 1e-12) differ.add(k + ": gold " + g + ", view " + v);
        });
        assertEquals(List.of(), differ);
    }

    @Test void provinceYearSummaryPoolsAsRegionMetrics() {
        List<String> metrics = List.of("disclosure_rate", "non_disclosure_rate", "review_correction_rate", "litigation_correction_rate");
        StringBuilder union = new StringBuilder();
        for (String m : metrics) {
            if (union.length() > 0) union.append(" UNION ALL ");
            union.append("SELECT concat_ws('|', province, year, '").append(m).append("'), ").append(m).append(" FROM province_year_summary");
        }
        Map<String, Double> view = rows(union.toString());
        Map<String, Double> gold = rows("SELECT concat_ws('|', province, year, metric), value FROM gold_region_metrics"
                + " WHERE level = 'province' AND report_scope = 'body' AND metric IN ('" + String.join("','", metrics) + "')");
        assertTrue(view.values().stream().filter(v -> v != null).count() >= 4, "rates compared: " + view);
        assertSame(gold, view);
    }

    @Test void cityCorrectionRatesPoolAsRegionMetrics() {
        Map<String, Double> view = rows("SELECT concat_ws('|', province, city, year, 'review_correction_rate'), review_correction_rate"
                + " FROM city_correction_rates UNION ALL SELECT concat_ws('|', province, city, year, 'litigation_correction_rate'),"
                + " litigation_correction_rate FROM city_correction_rates");
        Map<String, Double> gold = rows("SELECT concat_ws('|', province, city, year, metric), value FROM gold_region_metrics"
                + " WHERE level = 'city' AND report_scope = 'body'"
                + " AND metric IN ('review_correction_rate', 'litigation_correction_rate')");
        assertTrue(view.values().stream().anyMatch(v -> v != null), "a defined rate compared: " + view);
        assertSame(gold, view);
    }
}
