package io.disclosurelake.export;

import io.disclosurelake.lake.LakeSchema;
import io.disclosurelake.model.Cell;
import io.disclosurelake.model.CellStatus;
import io.disclosurelake.model.Region;
import io.disclosurelake.model.Report;
import io.disclosurelake.rank.GoldLayer;
import io.disclosurelake.rank.RankTestSpark;
import io.disclosurelake.rank.SampleReports;
import io.disclosurelake.rank.ScoringConfig;
import io.disclosurelake.rank.TestLake;
import io.disclosurelake.review.ReviewItem;
import io.disclosurelake.spec.TemplateSpec;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The night exports every year at once (each source read once for all of them): its files are byte for byte
 * those a command writes for one year at a time (the export clock is fixed, so XLSX and HTML compare whole).
 * The lake: three years, three provinces, a body missing one year, a published scan (unreadable), an OCR-flagged
 * and an unreadable cell, and broken rules — so every part of every file has rows of more than one year.
 * Slow (it builds its own gold tables, about a minute); RankingExportTest checks the same on the shared lake.
 */
@Tag("slow")
class BatchedExportsTest {
    static final List<Integer> YEARS = List.of(2022, 2023, 2024);
    static Path root;
    static String lake;

    @BeforeAll
    static void lake() throws IOException {
        System.setProperty(ExportClock.PROPERTY, "1764979200");
        SparkSession spark = RankTestSpark.session();
        root = Files.createTempDirectory("batched-exports");
        lake = root.resolve("lake").toString();
        Region huaian = new Region("江苏省", "淮安市", null);
        Region changchun = new Region("吉林省", "长春市", null);
        Region hangzhou = new Region("浙江省", "杭州市", "西湖区");
        long[] none = SampleReports.review(0, 0);
        TestLake t = new TestLake();
        for (int y : YEARS) {
            Report a = SampleReports.simple("淮安市民政局", huaian, y, 100 + y % 10, 10 + y % 7, SampleReports.review(y % 3, 12));
            if (y == 2023) {
                // an OCR'd cell under the minimum confidence and a cell that could not be read: the review queue lists both
                TemplateSpec.ActiveField f = TemplateSpec.ACTIVE_FIELDS.get(0);
                a.putActive(new Cell(TemplateSpec.ACTIVE_TABLE, f.key(), TemplateSpec.ACTIVE_COLUMN_KEY, null, CellStatus.UNREADABLE,
                        "3?", 2, Cell.OCR, null, 0.41, Cell.FLAG_LOW_CONFIDENCE));
                TemplateSpec.ActiveField g = TemplateSpec.ACTIVE_FIELDS.get(1);
                a.putActive(Cell.unreadable(TemplateSpec.ACTIVE_TABLE, g.key(), TemplateSpec.ACTIVE_COLUMN_KEY, "1 2", 2));
            }
            t.add(a, "淮安市民政局", "body", (y + 1) + "-01-20T00:00:00Z", "n-A-" + y);
            // APP_BALANCE broken every year, by a different amount
            t.add(SampleReports.report("淮安市财政局", huaian, y,
                    SampleReports.totals("new", 45 + y % 5, "disclosed", 36, "withheld.third_party_rights", 4, "total", 40), none),
                    "淮安市财政局", "body", (y + 1) + "-03-01T00:00:00Z", "n-B-" + y);
            if (y != 2023) t.add(SampleReports.simple("长春市公安局", changchun, y, 200, 20 + y % 4, none), "长春市公安局", "body", null, "n-E-" + y);
            if (y != 2024) t.add(SampleReports.simple("长春市财政局", changchun, y, 50, 5, none), "长春市财政局", "body", (y + 1) + "-01-10T00:00:00Z", "n-F-" + y);
            if (y >= 2023) t.add(SampleReports.simple("杭州市西湖区教育局", hangzhou, y, 30 + y % 3, 3, none), "杭州市西湖区教育局", "body", (y + 1) + "-01-05T00:00:00Z", "n-H-" + y);
        }
        t.write(spark, lake);
        TestLake.quarantine(spark, lake, Map.of("2024/长春市财政局2024年政府信息公开工作年度报告.pdf", "no_text_layer"));
        Dataset<Row> expected = spark.sql("SELECT * FROM VALUES"
                + " (2024, '长春市教育局', '长春市教育局', '吉林省', '长春市', NULL, 'docs/2024/00008.pdf')"
                + " AS m(year, body_key, org, province, city, county, path)");
        new GoldLayer(spark, lake, ScoringConfig.defaults()).build(expected);
    }

    @AfterAll
    static void clock() { System.clearProperty(ExportClock.PROPERTY); }

    static Path perYear(String name, String province) throws IOException {
        SparkSession spark = RankTestSpark.session();
        Path dir = root.resolve(name);
        for (int y : YEARS) {
            RankingExport.export(spark, lake, y, province, dir, EnumSet.allOf(RankingExport.Format.class), ScoringConfig.defaults());
            ReviewExport.export(spark, lake, y, province, dir);
        }
        return dir;
    }

    /** Every file of {@code dir} by name, with its bytes. */
    static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (var s = Files.list(dir)) {
            for (Path f : s.toList()) m.put(f.getFileName().toString(), Files.readAllBytes(f));
        }
        return m;
    }

    static void assertSameFiles(Path expected, Path actual) throws IOException {
        Map<String, byte[]> e = files(expected), a = files(actual);
        assertEquals(e.keySet(), a.keySet(), "the same files");
        for (String name : e.keySet()) assertArrayEquals(e.get(name), a.get(name), name + " byte for byte");
    }

    static Path batched(String name, String province) throws IOException {
        SparkSession spark = RankTestSpark.session();
        Path dir = root.resolve(name);
        RankingExport.export(spark, lake, YEARS, province, dir, EnumSet.allOf(RankingExport.Format.class), ScoringConfig.defaults());
        ReviewExport.export(spark, lake, YEARS, province, dir);
        return dir;
    }

    @Test
    void allYearsAtOnceWriteTheFilesOfOneYearAtATime() throws Exception {
        Path perYear = perYear("per-year", null);
        String review2023 = Files.readString(perYear.resolve("review-2023.csv"));
        assertTrue(review2023.contains(ReviewItem.FLAGGED) && review2023.contains(Cell.FLAG_LOW_CONFIDENCE), "the flagged cell");
        assertTrue(review2023.contains(ReviewItem.RULE), "the broken rule");
        assertTrue(Files.readString(perYear.resolve("review-2024.csv")).contains(ReviewItem.UNREADABLE_REPORT), "the scan");
        assertTrue(Files.readString(perYear.resolve("rankings-2024-220000-jilin.csv")).contains("报告无法读取"), "the scan, unranked");
        assertTrue(Files.readString(perYear.resolve("rankings-2024.html")).contains("浙江省"), "the trend of a province new in 2023");
        assertEquals(23, files(perYear).size(), "3 years of rankings (CSV per province, national CSV, XLSX, HTML) and review queues");
        assertSameFiles(perYear, batched("batched", null));
    }

    @Test
    void oneProvinceAllYearsAtOnceToo() throws Exception {
        assertSameFiles(perYear("per-year-jiangsu", "江苏"), batched("batched-jiangsu", "江苏"));
        assertSameFiles(perYear("per-year-jilin", "220000"), batched("batched-jilin", "220000"));
    }
}
