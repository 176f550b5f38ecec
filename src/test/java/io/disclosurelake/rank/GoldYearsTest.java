package io.disclosurelake.rank;

import io.disclosurelake.lake.LakeSchema;
import io.disclosurelake.lake.LakeTables;
import io.disclosurelake.model.Region;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Gold tables built for the years a night touched equal a full rebuild on the same silver tables, and the
 * untouched years are not rewritten: a night adds a 2024 report (touching 2024 and 2025) and quarantines a file
 * that stands for a 2023 report (a coverage change outside the touched years).
 */
@Tag("slow") // five gold builds on two small lakes: about 40 s quiet, minutes beside other builds
class GoldYearsTest {
    static final List<String> GOLD = List.of(LakeSchema.REPORT_METRICS, LakeSchema.REGION_TOTALS, LakeSchema.REGION_METRICS,
            LakeSchema.COVERAGE, LakeSchema.MISSING_REPORTS, LakeSchema.RANKINGS);

    @Test
    void aNightTouchingOneYearGivesTheFullRebuildsTables() throws Exception {
        SparkSession spark = RankTestSpark.session();
        Region huaian = new Region("江苏省", "淮安市", null);
        long[] none = SampleReports.review(0, 0);
        TestLake before = new TestLake();
        TestLake after = new TestLake();
        for (TestLake t : List.of(before, after)) {
            t.add(SampleReports.simple("淮安市交通局", huaian, 2022, 80, 8, none), "淮安市交通局", "body", "2023-01-20T00:00:00Z", "n-T-2022");
            t.add(SampleReports.simple("淮安市民政局", huaian, 2022, 90, 9, none), "淮安市民政局", "body", "2023-01-20T00:00:00Z", "n-A-2022");
            t.add(SampleReports.simple("淮安市民政局", huaian, 2023, 100, 10, none), "淮安市民政局", "body", "2024-01-20T00:00:00Z", "n-A-2023");
            t.add(SampleReports.simple("淮安市民政局", huaian, 2024, 100, 20, SampleReports.review(3, 12)), "淮安市民政局", "body", "2025-01-10T00:00:00Z", "n-A-2024");
            t.add(SampleReports.simple("淮安市财政局", huaian, 2024, 60, 6, none), "淮安市财政局", "body", "2025-03-01T00:00:00Z", "n-B-2024");
        }
        after.add(SampleReports.simple("淮安市水利局", huaian, 2024, 30, 3, none), "淮安市水利局", "body", "2025-01-20T00:00:00Z", "n-F-2024");

        // The full rebuild of the night's silver tables.
        String full = Files.createTempDirectory("gold-full").toString();
        after.write(spark, full);
        quarantine(spark, full, "2023/淮安市交通局2023年政府信息公开工作年度报告.pdf");
        new GoldLayer(spark, full, ScoringConfig.defaults()).build(null);

        // The lake before the night, built whole; then the night's silver (report_metrics as the job writes them).
        String night = Files.createTempDirectory("gold-night").toString();
        before.write(spark, night);
        quarantine(spark, night, "2019/其他.pdf");
        new GoldLayer(spark, night, ScoringConfig.defaults()).build(null);
        after.write(spark, night);
        quarantine(spark, night, "2023/淮安市交通局2023年政府信息公开工作年度报告.pdf");
        LakeTables n = new LakeTables(spark, night);
        n.overwrite(LakeSchema.REPORT_METRICS, new LakeTables(spark, full).read(LakeSchema.REPORT_METRICS));
        long rankingsVersion = n.version(LakeSchema.RANKINGS);
        GoldLayer gold = new GoldLayer(spark, night, ScoringConfig.defaults());
        gold.build(null, Set.of(2024, 2025));

        LakeTables f = new LakeTables(spark, full);
        for (String t : GOLD) {
            Dataset<Row> a = f.read(t);
            Dataset<Row> b = n.read(t).select(a.columns()[0], java.util.Arrays.copyOfRange(a.columns(), 1, a.columns().length));
            assertEquals(0, a.exceptAll(b).count() + b.exceptAll(a).count(), t + ": same rows as the full rebuild");
        }
        assertEquals(Set.of(2023, 2024), gold.exportYears(), "2024 touched, 2023's coverage changed, 2022 not");
        assertEquals(rankingsVersion + 1, n.version(LakeSchema.RANKINGS), "one commit");
        Row last = spark.sql("DESCRIBE HISTORY delta.`" + n.path(LakeSchema.RANKINGS) + "` LIMIT 1").first();
        scala.collection.Map<String, String> params = last.getAs("operationParameters");
        String predicate = params.get("predicate").getOrElse(() -> "");
        assertTrue(predicate.contains("year") && predicate.contains("2023") && predicate.contains("2024") && !predicate.contains("2022"),
                "the commit replaces the rows of 2023 and 2024 only: " + params);

        // A night that changed nothing in gold's inputs commits nothing.
        long[] versions = GOLD.stream().mapToLong(n::version).toArray();
        new GoldLayer(spark, night, ScoringConfig.defaults()).build(null, Set.of());
        assertEquals(List.of(versions[0], versions[1], versions[2], versions[3], versions[4], versions[5]),
                GOLD.stream().map(n::version).toList());
    }

    private static void quarantine(SparkSession spark, String lake, String path) {
        StructType schema = LakeSchema.table(LakeSchema.QUARANTINE).schema();
        Object[] v = new Object[schema.size()];
        v[schema.fieldIndex("path")] = path;
        v[schema.fieldIndex("sha256")] = "0".repeat(64);
        v[schema.fieldIndex("reason")] = "corrupt";
        v[schema.fieldIndex("run_id")] = "run-test";
        spark.createDataFrame(List.of(RowFactory.create(v)), schema).write().format("delta").mode("overwrite")
                .save(Path.of(lake, LakeSchema.QUARANTINE).toString());
    }
}
