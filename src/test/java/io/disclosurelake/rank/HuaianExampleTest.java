package io.disclosurelake.rank;

import io.disclosurelake.model.MetricValue;
import io.disclosurelake.model.Report;
import io.disclosurelake.rules.MetricCalculator;
import io.disclosurelake.spec.RuleBook;
import io.disclosurelake.rules.RuleSql;
import io.disclosurelake.rules.SumRuleCheck;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/metrics.md §1's worked example: 淮安市人民政府 2024 gives 59.5% / 5.8% / 20.4% / 12.8%. */
class HuaianExampleTest {

    private static String pct(Double v) { return String.format("%.1f%%", v * 100); }

    @Test
    void theExampleHoldsEveryRule() {
        assertTrue(SumRuleCheck.checkReport(SampleReports.huaian()).isEmpty(), "the example's tables pass all sum rules");
    }

    @Test
    void ratesThroughTheJavaCalculator() {
        Report r = SampleReports.huaian();
        MetricCalculator calc = new MetricCalculator(ScoringConfig.defaults().minDenominator());
        Map<String, MetricValue> m = new HashMap<>();
        for (MetricValue v : calc.computeAll(r)) m.put(v.metric(), v);
        assertEquals("59.5%", pct(m.get("disclosure_rate").value()));
        assertEquals(1816, m.get("disclosure_rate").numerator().intValueExact());
        assertEquals(3050, m.get("disclosure_rate").denominator().intValueExact());
        assertEquals("5.8%", pct(m.get("non_disclosure_rate").value()));
        assertEquals(178, m.get("non_disclosure_rate").numerator().intValueExact());
        assertEquals("20.4%", pct(m.get("review_correction_rate").value()));
        assertEquals(314, m.get("review_correction_rate").denominator().intValueExact());
        assertEquals("12.8%", pct(m.get("litigation_correction_rate").value()));
        assertEquals(5, m.get("litigation_correction_rate").numerator().intValueExact());
        assertEquals(39, m.get("litigation_correction_rate").denominator().intValueExact());
        assertFalse(m.get("review_correction_rate").smallSample());
        assertEquals("total_closed", m.get("disclosure_rate").convention());
    }

    @Test
    void ratesThroughSparkSqlOnACellsTable() throws Exception {
        SparkSession spark = RankTestSpark.session();
        java.nio.file.Path lake = java.nio.file.Files.createTempDirectory("huaian-lake");
        new TestLake().add(SampleReports.huaian(), "淮安市人民政府", "region_aggregate", null, null)
                .write(spark, lake.toString());
        GoldTables.read(spark, lake.toString(), "cells").createOrReplaceTempView("huaian_cells");
        Map<String, Row> m = new HashMap<>();
        for (Row row : spark.sql(RuleSql.metrics("huaian_cells", 30)).collectAsList()) m.put(row.getAs("metric"), row);
        assertEquals(RuleBook.METRICS.size(), m.size());
        assertEquals("59.5%", pct(m.get("disclosure_rate").getAs("value")));
        assertEquals("5.8%", pct(m.get("non_disclosure_rate").getAs("value")));
        assertEquals("20.4%", pct(m.get("review_correction_rate").getAs("value")));
        assertEquals("12.8%", pct(m.get("litigation_correction_rate").getAs("value")));
        assertEquals(39, ((java.math.BigDecimal) m.get("litigation_correction_rate").getAs("denominator")).intValueExact());
        assertFalse((Boolean) m.get("litigation_correction_rate").getAs("small_sample"), "39 cases ≥ 30: not a small sample");
    }
}
