package io.disclosurelake.rank;

import io.disclosurelake.export.RankingExport;
import io.disclosurelake.lake.LakeSchema;
import io.disclosurelake.model.Region;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage tells read, published-but-unreadable and not-published apart; rankings rank only what could be
 * judged, and the exports list the unreadable apart with their reason (never a 0 for our failure).
 */
class UnreadableReportsTest {

    @Test
    void unreadableBodiesAreListedApartNotRankedAndNeverZero() throws Exception {
        SparkSession spark = RankTestSpark.session();
        Path dir = Files.createTempDirectory("unreadable-lake");
        String lake = dir.toString();
        Region changchun = new Region("吉林省", "长春市", null);
        long[] none = SampleReports.review(0, 0);
        new TestLake()
                .add(SampleReports.simple("长春市财政局", changchun, 2023, 50, 5, none), "长春市财政局", "body", "2024-01-20T00:00:00Z", "n-1")
                .add(SampleReports.simple("长春市公安局", changchun, 2024, 200, 20, none), "长春市公安局", "body", "2025-01-10T00:00:00Z", "n-2")
                .write(spark, lake);
        // 长春市财政局 2024: a scan, known by its file name; 吉林省人民政府 2024: an unsafe DOCX, known by the manifest;
        // 长春市教育局 2024: in the manifest, no file at all (not published).
        TestLake.quarantine(spark, lake, Map.of("2024/长春市财政局2024年政府信息公开工作年度报告.pdf", "no_text_layer", "2024/00007.docx", "unsafe"));
        Dataset<Row> expected = spark.sql("SELECT * FROM VALUES"
                + " (2024, '吉林省人民政府', '吉林省人民政府', '吉林省', NULL, NULL, 'docs/2024/00007.docx'),"
                + " (2024, '长春市教育局', '长春市教育局', '吉林省', '长春市', NULL, 'docs/2024/00008.pdf')"
                + " AS m(year, body_key, org, province, city, county, path)");
        new GoldLayer(spark, lake, ScoringConfig.defaults()).build(expected);

        Map<String, Row> cov = new java.util.HashMap<>();
        for (Row r : GoldTables.read(spark, lake, LakeSchema.COVERAGE).where("year = 2024").collectAsList()) cov.put(r.getAs("org"), r);
        assertEquals("read", cov.get("长春市公安局").getAs("status"));
        assertEquals("unreadable", cov.get("长春市财政局").getAs("status"));
        assertEquals("扫描件，无文字层（no_text_layer）", cov.get("长春市财政局").getAs("unreadable_reason"));
        assertEquals("unreadable", cov.get("吉林省人民政府").getAs("status"));
        assertEquals("文件含不安全内容（已拒绝）（unsafe）", cov.get("吉林省人民政府").getAs("unreadable_reason"));
        assertEquals("missing", cov.get("长春市教育局").getAs("status"));

        List<String> ranked = GoldTables.read(spark, lake, LakeSchema.RANKINGS).where("year = 2024").orderBy("position")
                .collectAsList().stream().map(r -> r.<String>getAs("org")).toList();
        assertEquals(List.of("长春市公安局", "长春市教育局"), ranked, "the unreadable are not ranked; the unpublished are, with 0");
        List<String> missing = GoldTables.read(spark, lake, LakeSchema.MISSING_REPORTS).where("year = 2024")
                .collectAsList().stream().map(r -> r.<String>getAs("org")).toList();
        assertEquals(List.of("长春市教育局"), missing);

        Path out = dir.resolve("exports");
        RankingExport.export(spark, lake, 2024, null, out, EnumSet.of(RankingExport.Format.CSV, RankingExport.Format.HTML), ScoringConfig.defaults());
        List<CSVRecord> rows;
        try (Reader r = Files.newBufferedReader(out.resolve("rankings-2024-220000-jilin.csv"), StandardCharsets.UTF_8)) {
            r.read(); // BOM
            rows = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
        assertEquals(4, rows.size());
        CSVRecord scan = rows.stream().filter(x -> x.get("机关名称").equals("长春市财政局")).findFirst().orElseThrow();
        assertEquals("报告无法读取", scan.get("报告范围"));
        assertEquals("", scan.get("合规得分"), "no score for what we could not read");
        assertEquals("", scan.get("排名"));
        assertEquals("已发布但无法读取：扫描件，无文字层（no_text_layer）", scan.get("失分原因"));
        String html = Files.readString(out.resolve("rankings-2024.html"));
        assertTrue(html.contains("已发布但无法读取（不参与排名）"), "listed apart in the HTML");
        assertTrue(html.contains("扫描件，无文字层"));
    }
}
