package io.disclosurelake.export;

import io.disclosurelake.rank.RankTestSpark;
import io.disclosurelake.rank.RankedLake;
import io.disclosurelake.rank.ScoringConfig;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The three export formats from {@link RankedLake}, read back the way a user's tools would read them. */
class RankingExportTest {
    static Path out;
    static List<RankingExport.Written> written;

    @BeforeAll
    static void export() throws Exception {
        Path lake = RankedLake.get();
        out = Path.of("target", "test-output", "rankings");
        Files.createDirectories(out);
        try (var s = Files.list(out)) { s.forEach(f -> f.toFile().delete()); }
        written = RankingExport.export(RankTestSpark.session(), lake.toString(), 2024, null, out,
                EnumSet.allOf(RankingExport.Format.class), ScoringConfig.defaults());
        for (RankingExport.Written w : written) System.out.printf("export %s %,d bytes %.2f s%n", w.file(), w.bytes(), w.seconds());
    }

    @Test
    void fileNamesComeFromFixedWordsOnly() {
        List<String> names = written.stream().map(w -> w.file().getFileName().toString()).sorted().toList();
        assertEquals(List.of("rankings-2024-220000-jilin.csv", "rankings-2024-320000-jiangsu.csv",
                "rankings-2024-national.csv", "rankings-2024.html", "rankings-2024.xlsx"), names);
        for (String n : names) assertTrue(n.matches("[a-z0-9.-]+"), n);
    }

    private static List<CSVRecord> csv(String name) throws Exception {
        byte[] bytes = Files.readAllBytes(out.resolve(name));
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(bytes, 3), "UTF-8 BOM");
        try (Reader r = new java.io.InputStreamReader(new java.io.ByteArrayInputStream(bytes, 3, bytes.length - 3), StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            return p.getRecords();
        }
    }

    @Test
    void csvHasBomChineseHeadersAndGuardsFormulas() throws Exception {
        List<CSVRecord> js = csv("rankings-2024-320000-jiangsu.csv");
        assertEquals(6, js.size());
        CSVRecord first = js.get(0);
        assertEquals("'" + RankedLake.HYPERLINK_BODY, first.get("机关名称"), "a formula-like name stays text");
        assertEquals("1", first.get("排名"));
        assertEquals(100.0, Double.parseDouble(first.get("合规得分")));
        assertEquals("10", first.get("不予公开率（%）"), "1 of 10 = 10 %");
        CSVRecord last = js.get(5);
        assertEquals("淮安市水利局", last.get("机关名称"));
        assertEquals("报告缺失", last.get("报告范围"));
        assertEquals("0", last.get("合规得分"));
        List<String> ranks = js.stream().map(r -> r.get("排名")).toList();
        assertEquals(List.of("1", "1", "1", "4", "5", "6"), ranks);
        List<CSVRecord> nat = csv("rankings-2024-national.csv");
        assertEquals(8, nat.size());
        for (CSVRecord r : nat) for (String v : r.values()) assertFalse(FormulaGuard.isRisky(v) && !v.matches("-?[0-9.]+"), v);
    }

    @Test
    void bothYearsAtOnceWriteTheFilesOfOneYearAtATime() throws Exception {
        // the night reads each source once for all its years (BatchedExportsTest: the same on a richer lake, slow)
        String lake = RankedLake.get().toString();
        var spark = RankTestSpark.session();
        Path root = Files.createTempDirectory("both-years");
        Path perYear = root.resolve("per-year"), batched = root.resolve("batched");
        System.setProperty(ExportClock.PROPERTY, "1764979200"); // the same clock: XLSX and HTML compare whole
        try {
            for (int y : List.of(2023, 2024)) {
                RankingExport.export(spark, lake, y, null, perYear, EnumSet.allOf(RankingExport.Format.class), ScoringConfig.defaults());
                ReviewExport.export(spark, lake, y, null, perYear);
            }
            RankingExport.export(spark, lake, List.of(2023, 2024), null, batched, EnumSet.allOf(RankingExport.Format.class), ScoringConfig.defaults());
            ReviewExport.export(spark, lake, List.of(2023, 2024), null, batched);
        } finally {
            System.clearProperty(ExportClock.PROPERTY);
        }
        assertEquals(14, BatchedExportsTest.files(perYear).size(), "2 years × (2 provinces + national CSV, XLSX, HTML, review CSV and XLSX)");
        BatchedExportsTest.assertSameFiles(perYear, batched);
    }

    @Test
    void columnsMeanWhatTheySay() throws Exception {
        List<CSVRecord> nat = csv("rankings-2024-national.csv");
        for (CSVRecord r : nat) {
            assertEquals(r.get("全国排名"), r.get("排名"), "排名 of the national file is the national rank");
            assertFalse(r.get("省内排名").isEmpty(), "the province rank has its own column");
            boolean present = !"报告缺失".equals(r.get("报告范围"));
            for (String count : List.of("错误数", "警示数")) {
                assertEquals(present, !r.get(count).isEmpty(), count + " blank only when unknown: " + r);
            }
            if (!r.get("首次发现时间").isEmpty()) assertTrue(r.get("首次发现时间").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d \\+08:00"), r.get("首次发现时间"));
            assertTrue(r.get("发布截止时间").endsWith("+08:00"), r.get("发布截止时间"));
        }
        assertEquals(nat.size(), nat.stream().map(r -> Integer.parseInt(r.get("排名"))).sorted().toList().size());
        assertEquals("1", nat.get(0).get("排名"));
        assertTrue(nat.stream().anyMatch(r -> !r.get("省内排名").equals(r.get("全国排名"))), "two ranks, two columns");
        assertTrue(nat.stream().anyMatch(r -> "0".equals(r.get("错误数"))), "zero is written as 0");
        for (CSVRecord r : csv("rankings-2024-320000-jiangsu.csv")) assertEquals(r.get("省内排名"), r.get("排名"));
        CSVRecord missing = csv("rankings-2024-320000-jiangsu.csv").get(5);
        assertEquals("未发现本年度报告", missing.get("失分原因"));
        try (InputStream in = Files.newInputStream(out.resolve("rankings-2024.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (String sheet : List.of("全国", "江苏省")) {
                XSSFSheet s = wb.getSheet(sheet);
                assertTrue(s.getCTWorksheet().isSetAutoFilter(), "autofilter on " + sheet);
                assertEquals(RankingColumns.keys().indexOf("org") + 1, s.getPaneInformation().getVerticalSplitPosition(), "name column frozen");
            }
        }
    }

    @Test
    void xlsxHasSheetsFrozenHeadersNumbersAndTextNames() throws Exception {
        try (InputStream in = Files.newInputStream(out.resolve("rankings-2024.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            List<String> sheets = new ArrayList<>();
            for (int i = 0; i < wb.getNumberOfSheets(); i++) sheets.add(wb.getSheetName(i));
            assertEquals(List.of("全国", "吉林省", "江苏省", "指标说明"), sheets);
            XSSFSheet js = wb.getSheet("江苏省");
            assertNotNull(js.getPaneInformation());
            assertTrue(js.getPaneInformation().isFreezePane());
            assertEquals("机关名称", js.getRow(0).getCell(RankingColumns.keys().indexOf("org")).getStringCellValue());
            XSSFRow g = js.getRow(1);
            XSSFCell name = g.getCell(RankingColumns.keys().indexOf("org"));
            assertEquals(CellType.STRING, name.getCellType(), "never a formula");
            assertEquals(RankedLake.HYPERLINK_BODY, name.getStringCellValue());
            assertTrue(name.getCellStyle().getQuotePrefixed(), "quote-prefixed: Excel keeps it text when edited");
            XSSFCell score = g.getCell(RankingColumns.keys().indexOf("score"));
            assertEquals(CellType.NUMERIC, score.getCellType());
            assertEquals(100.0, score.getNumericCellValue());
            XSSFCell rate = g.getCell(RankingColumns.keys().indexOf("non_disclosure_rate"));
            assertEquals(0.1, rate.getNumericCellValue(), 1e-12);
            assertEquals("0.0%", rate.getCellStyle().getDataFormatString());
            assertTrue(js.getColumnWidth(RankingColumns.keys().indexOf("org")) >= 30 * 256, "widths are set");
            assertEquals(8, wb.getSheet("全国").getLastRowNum(), "8 bodies under the header row");
            XSSFSheet expl = wb.getSheet("指标说明");
            assertEquals("分项·报告在库", expl.getRow(1).getCell(0).getStringCellValue());
            assertEquals(20.0, expl.getRow(1).getCell(1).getNumericCellValue(), "the weights are shown");
        }
    }

    @Tag("slow") // renders the page in Chromium: the full lane (mvn verify)
    @Test
    void htmlIsSelfContainedEscapedAndRendersInChromium() throws Exception {
        Path html = out.resolve("rankings-2024.html");
        String page = Files.readString(html);
        assertTrue(page.contains("<title>政府信息公开工作年度报告合规排名 2024</title>"));
        assertFalse(page.contains("<b>长春</b>"), "markup from a body name is escaped");
        assertTrue(page.contains("&lt;b&gt;长春&lt;/b&gt;市&quot;审计&quot;局"));
        assertFalse(page.contains("<script"), "no script");
        assertFalse(Pattern.compile("(src|href)\\s*=").matcher(page).find(), "nothing to fetch");
        assertEquals(8, count(page, "<svg"), "a chart per metric (5) and the three distributions");
        assertTrue(page.contains("<h2>各省概况</h2>"), "the summary comes first");
        assertTrue(page.indexOf("各省概况") < page.indexOf("江苏省 合规排名"));
        assertTrue(page.contains("<details>"), "every component behind a toggle");
        assertTrue(page.contains("@page{size:A4 landscape"), "print CSS");
        assertFalse(page.contains("APP_BALANCE"), "no English rule id");
        assertTrue(page.contains("申请数平衡"), "rule names in Chinese");
        assertTrue(page.contains("勾稽关系：一+二≠总计+结转，2 列"), "the reason of the body that broke a rule");
        assertTrue(page.contains("WenQuanYi Micro Hei"), "CJK font family in the SVG text");

        assumeTrue(HeadlessChromium.binary() != null, "chromium not installed");
        String dom = HeadlessChromium.dumpDom(html);
        assertTrue(dom.contains("政府信息公开工作年度报告合规排名 2024"), "title rendered");
        assertTrue(dom.contains("淮安市民政局"), "a body name rendered");
        assertTrue(dom.contains("&lt;b&gt;长春&lt;/b&gt;"), "the markup body stays text in the DOM");
        assertEquals(8, count(dom, "<svg"), "chart SVGs in the DOM");
        assertTrue(dom.contains("不予公开率分布"));
        Path png = Path.of("target", "test-output", "rankings.png");
        Files.deleteIfExists(png);
        HeadlessChromium.screenshot(html, png);
        assertTrue(Files.size(png) > 20_000, "a screenshot with content: " + Files.size(png));
    }

    @Tag("slow") // prints the page to PDF in Chromium: the full lane (mvn verify)
    @Test
    void htmlPrintsOnA4LandscapeWithNothingClipped() throws Exception {
        assumeTrue(HeadlessChromium.binary() != null && HeadlessChromium.hasPoppler(), "chromium or poppler-utils not installed");
        Path html = out.resolve("rankings-2024.html");
        Path pdf = Path.of("target", "test-output", "rankings.pdf");
        Files.deleteIfExists(pdf);
        HeadlessChromium.printToPdf(html, pdf);
        String info = HeadlessChromium.pdfInfo(pdf);
        assertTrue(Pattern.compile("Page size:\\s+84[12]\\.\\d+ x 59[45]\\.\\d+").matcher(info).find(), "A4 landscape: " + info);
        int pages = Integer.parseInt(info.replaceAll("(?s).*Pages:\\s+(\\d+).*", "$1"));
        assertTrue(pages >= 3 && pages <= 8, pages + " pages");
        String first = HeadlessChromium.pdfPageText(pdf, 1);
        assertTrue(first.contains("各省概况"), "the summary on page 1");
        HeadlessChromium.pdfPagePng(pdf, 1, Path.of("target", "test-output", "rankings-pdf-page1"));
        int jiangsu = 0;
        for (int p = 1; p <= pages; p++) if (HeadlessChromium.pdfPageText(pdf, p).contains("江苏省 合规排名")) jiangsu = p;
        assertTrue(jiangsu > 1, "Jiangsu has its own page");
        HeadlessChromium.pdfPagePng(pdf, jiangsu, Path.of("target", "test-output", "rankings-pdf-jiangsu"));
        String page = HeadlessChromium.pdfPageText(pdf, jiangsu);
        for (String header : List.of("省内排名", "机关名称", "合规得分", "全国排名", "按时", "完整度", "错误数", "不予公开率", "失分原因")) {
            assertTrue(page.contains(header), "column " + header + " printed, not clipped");
        }
        for (String name : List.of("淮安市人民政府", "淮安市民政局", "南京市教育局", "淮安市财政局", "淮安市水利局", RankedLake.HYPERLINK_BODY)) {
            assertTrue(page.contains(name), "the name on one line: " + name);
        }
        assertTrue(page.contains("迟报 29 天"), "reasons printed");
    }

    private static int count(String s, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(s);
        int n = 0;
        while (m.find()) n++;
        return n;
    }
}
