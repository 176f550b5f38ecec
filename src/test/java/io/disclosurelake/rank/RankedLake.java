package io.disclosurelake.rank;

import io.disclosurelake.model.Region;
import io.disclosurelake.model.Report;
import io.disclosurelake.lake.LakeSchema;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

import java.math.BigDecimal;
import java.util.List;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A two-year, two-province lake with known answers, built once per test JVM and run through the gold layer.
 * <pre>
 * 江苏省 2024: 淮安市民政局 A (100 closed, 20 withheld, on time, review 3 of 12 corrected)
 *             淮安市财政局 B (60/6, late: first seen 1 Mar, narrative identical to 2023)
 *             淮安市人民政府 C (the 淮安 example, region_aggregate, on time for a government)
 *             南京市教育局 D (40/4, APP_BALANCE broken in two columns)
 *             =HYPERLINK("http://x","y")局 G (10/1, first-seen unknown, new this year)
 *             淮安市水利局 F (reported 2023 only: missing in 2024)
 * 吉林省 2024: 长春市公安局 E (200/20, first-seen unknown), &lt;b&gt;长春&lt;/b&gt;市"审计"局 H (30/3)
 * </pre>
 */
public final class RankedLake {
    private RankedLake() {}

    public static final String HYPERLINK_BODY = "=HYPERLINK(\"http://x\",\"y\")局";
    public static final String MARKUP_BODY = "<b>长春</b>市\"审计\"局";

    private static Path lake;

    /** The value the "job" wrote for 淮安市民政局's 2024 disclosure rate (0.8 by the tables): must survive. */
    public static final double JOB_DISCLOSURE_RATE = 0.8125;

    public static synchronized Path get() throws IOException {
        if (lake != null) return lake;
        SparkSession spark = RankTestSpark.session();
        Path dir = Files.createTempDirectory("ranked-lake");
        Region huaian = new Region("江苏省", "淮安市", null);
        Region nanjing = new Region("江苏省", "南京市", "鼓楼区");
        Region changchun = new Region("吉林省", "长春市", null);
        long[] none = SampleReports.review(0, 0);
        TestLake t = new TestLake();
        // 2023
        t.add(SampleReports.simple("淮安市民政局", huaian, 2023, 100, 10, none), "淮安市民政局", "body", "2024-01-20T00:00:00Z", "n-A-2023");
        t.add(SampleReports.simple("淮安市财政局", huaian, 2023, 50, 5, none), "淮安市财政局", "body", "2024-01-20T00:00:00Z", "n-B");
        Report c2023 = SampleReports.huaian();
        c2023.setYear(2023);
        t.add(c2023, "淮安市人民政府", "region_aggregate", "2024-03-20T00:00:00Z", "n-C-2023");
        t.add(SampleReports.simple("南京市教育局", nanjing, 2023, 40, 4, none), "南京市教育局", "body", "2024-01-20T00:00:00Z", "n-D-2023");
        t.add(SampleReports.simple("长春市公安局", changchun, 2023, 200, 20, none), "长春市公安局", "body", null, "n-E-2023");
        t.add(SampleReports.simple("淮安市水利局", huaian, 2023, 30, 3, none), "淮安市水利局", "body", "2024-01-20T00:00:00Z", "n-F-2023");
        // 2024
        t.add(SampleReports.simple("淮安市民政局", huaian, 2024, 100, 20, SampleReports.review(3, 12)), "淮安市民政局", "body", "2025-01-10T00:00:00Z", "n-A-2024");
        t.add(SampleReports.simple("淮安市财政局", huaian, 2024, 60, 6, none), "淮安市财政局", "body", "2025-03-01T00:00:00Z", "n-B");
        t.add(SampleReports.huaian(), "淮安市人民政府", "region_aggregate", "2025-03-20T00:00:00Z", "n-C-2024");
        Report d = SampleReports.report("南京市教育局", nanjing, 2024,
                SampleReports.totals("new", 45, "disclosed", 36, "withheld.third_party_rights", 4, "total", 40), none);
        t.add(d, "南京市教育局", "body", "2025-01-20T00:00:00Z", "n-D-2024");
        t.add(SampleReports.simple(HYPERLINK_BODY, nanjing, 2024, 10, 1, none), "hyperlink-body", "body", null, "n-G-2024");
        t.add(SampleReports.simple("长春市公安局", changchun, 2024, 200, 20, none), "长春市公安局", "body", null, "n-E-2024");
        t.add(SampleReports.simple(MARKUP_BODY, changchun, 2024, 30, 3, none), "markup-body", "body", "2025-01-05T00:00:00Z", "n-H-2024");
        t.write(spark, dir.toString());
        // As the nightly job leaves it: a rate it computed (kept as is) and a per-rule count of a report gone since.
        spark.createDataFrame(List.of(
                        RowFactory.create("淮安市民政局#2024", "disclosure_rate", JOB_DISCLOSURE_RATE, new BigDecimal(80), new BigDecimal(100), false, "total_closed"),
                        RowFactory.create("gone#2024", "violations.APP_BALANCE", 1.0, BigDecimal.ONE, null, null, "count")),
                LakeSchema.table(LakeSchema.REPORT_METRICS).schema()).write().format("delta").save(dir.resolve("report_metrics").toString());
        new GoldLayer(spark, dir.toString(), ScoringConfig.defaults()).build(null);
        lake = dir;
        return lake;
    }
}
