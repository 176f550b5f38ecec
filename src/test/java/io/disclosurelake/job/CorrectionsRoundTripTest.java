package io.disclosurelake.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.disclosurelake.export.ReviewExport;
import io.disclosurelake.export.ReviewPostRunStep;
import io.disclosurelake.export.ReviewWriter;
import io.disclosurelake.extract.Extractor;
import io.disclosurelake.generate.CorpusGenerator;
import io.disclosurelake.generate.GeneratorOptions;
import io.disclosurelake.json.ReportJson;
import io.disclosurelake.lake.LakeSchema;
import io.disclosurelake.lake.LakeTables;
import io.disclosurelake.model.Cell;
import io.disclosurelake.model.Report;
import io.disclosurelake.rank.RankingPostRunStep;
import io.disclosurelake.rank.RankingStep;
import io.disclosurelake.read.SheetRows;
import io.disclosurelake.review.CorrectionApply;
import io.disclosurelake.review.ReviewItem;
import io.disclosurelake.review.ReviewSheet;
import io.disclosurelake.rules.ReportRules;
import io.disclosurelake.spark.SharedSpark;
import io.disclosurelake.spec.TemplateSpec;
import io.delta.tables.DeltaTable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The review round trip of docs/review.md on a generated corpus: the night leaves cells flagged (an extractor
 * that makes two cells of every report unreadable, as OCR does with a low confidence), the review export lists
 * them, 20 are filled with the generator's truth and applied; those cells, the reports' metrics and ranks then
 * follow the truth, a bad-rows file reports each bad row and applies the rest, and the next night keeps the
 * corrections of a re-read report and reports those of a changed document as stale.
 */
@Tag("slow")
@ExtendWith(SharedSpark.class)
class CorrectionsRoundTripTest {
    /** The cells the stand-in OCR leaves unreadable in every report: one count and one total of table 三. */
    static final String[][] FLAGGED = {{"new", "natural_person"}, {"disclosed", "total"}};

    /** The real extractor, then two cells of each report made unreadable with an OCR flag. */
    static final class FlaggingExtractor implements ExtractorFactory {
        @Override public DocumentExtractor create(io.disclosurelake.extract.ExtractionLimits limits) {
            Extractor real = new Extractor(limits);
            return (path, bytes) -> {
                Report r = real.extract(path, bytes);
                if (r.isQuarantined()) return r;
                boolean any = false;
                for (String[] f : FLAGGED) {
                    Cell c = r.cell(TemplateSpec.APPLICATIONS_TABLE, f[0], f[1]);
                    if (c == null || !c.hasValue()) continue;
                    r.replaceCell(c.withProvenance(Cell.OCR, new io.disclosurelake.model.Box(10, 20, 30, 12), 0.42)
                            .unreadableBecause(Cell.FLAG_LOW_CONFIDENCE));
                    any = true;
                }
                if (any) {
                    new ReportRules().apply(r);
                    r.setStatus(Report.PARTIAL);
                }
                return r;
            };
        }
    }

    @Test
    void reviewCorrectRerun(SparkSession spark, @TempDir Path tmp) throws Exception {
        Path corpus = tmp.resolve("corpus");
        new CorpusGenerator(new GeneratorOptions(corpus, 16, 20261205L, Set.of("txt", "html"), 2023, 2024, 0.0, 0.0, 0.0, 2),
                new PrintStream(OutputStream.nullOutputStream())).run();
        Path input = corpus.resolve("docs"), lakeDir = tmp.resolve("lake");
        JobSettings settings = JobSettings.defaults().with("job.input", input.toUri().toString())
                .with("job.lake", lakeDir.toUri().toString()).with("job.partitions", "2");
        List<PostRunStep> steps = List.of(new CorrectionsPostRunStep(), new RankingPostRunStep(), new ReviewPostRunStep());
        new NightlyJob(spark, settings, new FlaggingExtractor(), steps).run();
        LakeTables lake = new LakeTables(spark, lakeDir.toUri().toString());
        String lakeUri = lake.root();
        assertTrue(Files.exists(tmp.resolve("exports/review-2024.xlsx")), "the night writes the review queue beside the rankings");

        // review export of both years, read back as a reviewer's spreadsheet would be
        List<ReviewItem> items = new ArrayList<>(ReviewExport.items(spark, lakeUri, 2023, null));
        items.addAll(ReviewExport.items(spark, lakeUri, 2024, null));
        List<ReviewItem> flagged = items.stream().filter(i -> i.kind().equals(ReviewItem.FLAGGED)).toList();
        assertTrue(flagged.size() >= 24, "flagged cells: " + flagged.size());
        ReviewWriter.write(items, tmp.resolve("review"), "review-all");
        List<List<String>> sheet = SheetRows.read("review-all.xlsx", Files.readAllBytes(tmp.resolve("review/review-all.xlsx")));
        assertEquals(ReviewSheet.COLUMNS, sheet.get(0));
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < sheet.get(0).size(); i++) col.put(sheet.get(0).get(i), i);

        // fill 20 flagged cells with the truth
        Map<String, BigDecimal> expected = new LinkedHashMap<>();
        Map<String, String> pathOf = new HashMap<>();
        List<List<String>> filled = new ArrayList<>();
        filled.add(sheet.get(0));
        List<List<String>> unfilled = new ArrayList<>();
        for (List<String> line : sheet.subList(1, sheet.size())) {
            List<String> l = new ArrayList<>(line);
            while (l.size() < ReviewSheet.COLUMNS.size()) l.add("");
            // the stand-in OCR's flags (the real extractor may leave other cells unreadable too)
            if (!l.get(col.get("kind")).equals(ReviewItem.FLAGGED) || !l.get(col.get("flag")).equals(Cell.FLAG_LOW_CONFIDENCE)) continue;
            String report = l.get(col.get("report_id")), row = l.get(col.get("row_key")), column = l.get(col.get("column_key"));
            BigDecimal truth = truth(corpus, l.get(col.get("path")), row, column);
            if (truth == null) continue;
            if (expected.size() == 20) { unfilled.add(l); continue; }
            l.set(col.get(ReviewSheet.CORRECTED_VALUE), truth.toPlainString());
            l.set(col.get(ReviewSheet.REVIEWER_NOTE), "read from the scan");
            expected.put(report + "|" + row + "|" + column, truth);
            pathOf.put(report, l.get(col.get("path")));
            filled.add(l);
        }
        assertEquals(20, expected.size());
        Map<String, Double> scoreBefore = scores(lake, pathOf.keySet());

        Corrections k = new Corrections(spark, lake, 30, "correct-test");
        Corrections.Result r = k.applyFile("filled.csv", csv(filled), "张审核");
        assertEquals(20, r.count(CorrectionApply.APPLIED), String.join("\n", r.lines("filled.csv")));
        assertEquals(List.of(), r.errors());
        RankingStep.run(spark, lakeUri, List.of(), tmp.resolve("exports"), Set.of(io.disclosurelake.export.RankingExport.Format.CSV),
                null, io.disclosurelake.rank.ScoringConfig.standard(), null);
        assertCorrected(lake, expected);
        // the metrics of the corrected reports are the truth's where both their cells are now known
        int metricsChecked = 0;
        for (String report : pathOf.keySet()) {
            boolean whole = expected.containsKey(report + "|new|natural_person") && expected.containsKey(report + "|disclosed|total");
            if (!whole) continue;
            Double truthRate = disclosureRate(truthJson(corpus, pathOf.get(report)));
            Row lm = lake.read(LakeSchema.REPORT_METRICS).where("report_id = '" + report + "' AND metric = 'disclosure_rate'").first();
            if (truthRate == null) assertTrue(lm.isNullAt(lm.fieldIndex("value")), report);
            else assertEquals(truthRate, lm.<Double>getAs("value"), 1e-9, report);
            metricsChecked++;
        }
        assertTrue(metricsChecked >= 8, "reports with both cells corrected: " + metricsChecked);
        Map<String, Double> scoreAfter = scores(lake, pathOf.keySet());
        int raised = 0;
        for (String report : scoreAfter.keySet()) if (scoreAfter.get(report) > scoreBefore.getOrDefault(report, Double.MAX_VALUE)) raised++;
        assertTrue(raised >= metricsChecked, "scores raised by the corrections: " + raised + " " + scoreBefore + " → " + scoreAfter);
        assertEquals(20L, lake.read(LakeSchema.CORRECTIONS).where("status = 'applied'").count());

        // the same file again changes nothing
        long version = lake.version(LakeSchema.CELLS), cversion = lake.version(LakeSchema.CORRECTIONS);
        Corrections.Result again = k.applyFile("filled.csv", csv(filled), "张审核");
        assertEquals(0, again.changedCells());
        assertEquals(version, lake.version(LakeSchema.CELLS));
        assertEquals(cversion, lake.version(LakeSchema.CORRECTIONS));

        // bad rows: each reported with its row, the good ones applied
        List<List<String>> bad = new ArrayList<>();
        bad.add(sheet.get(0));
        List<String> unknownReport = new ArrayList<>(unfilled.get(0));
        unknownReport.set(col.get("report_id"), "no-such-report");
        unknownReport.set(col.get(ReviewSheet.CORRECTED_VALUE), "5");
        List<String> notNumber = new ArrayList<>(unfilled.get(1));
        notNumber.set(col.get(ReviewSheet.CORRECTED_VALUE), "十二");
        List<String> wrongCell = new ArrayList<>(unfilled.get(2));
        wrongCell.set(col.get("column_key"), "martians");
        wrongCell.set(col.get(ReviewSheet.CORRECTED_VALUE), "3");
        Map<String, BigDecimal> good = new LinkedHashMap<>();
        for (List<String> g : unfilled.subList(3, 5)) {
            List<String> l = new ArrayList<>(g);
            BigDecimal truth = truth(corpus, l.get(col.get("path")), l.get(col.get("row_key")), l.get(col.get("column_key")));
            l.set(col.get(ReviewSheet.CORRECTED_VALUE), truth.toPlainString());
            good.put(l.get(col.get("report_id")) + "|" + l.get(col.get("row_key")) + "|" + l.get(col.get("column_key")), truth);
            bad.add(l);
        }
        bad.add(unknownReport);
        bad.add(notNumber);
        bad.add(wrongCell);
        Corrections.Result b = k.applyFile("bad.csv", csv(bad), null);
        List<String> lines = b.lines("bad.csv");
        lines.forEach(System.out::println);
        assertEquals(2, b.changedCells());
        assertTrue(lines.stream().anyMatch(l -> l.contains("bad.csv row 4") && l.contains("unknown report no-such-report")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("bad.csv row 5") && l.contains("'十二' is not a number")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("bad.csv row 6") && l.contains("unknown cell")), lines.toString());
        assertCorrected(lake, good);
        expected.putAll(good);

        // next night: one corrected report re-read from the same document keeps its corrections; another whose
        // document changed has its corrections reported stale, never applied silently
        List<String> reports = new ArrayList<>(pathOf.keySet());
        String reread = reports.get(0), changed = reports.get(1);
        DeltaTable.forPath(spark, lake.path(LakeSchema.DOCUMENTS)).delete("path = '" + pathOf.get(reread) + "'");
        Path changedDoc = input.resolve(pathOf.get(changed));
        byte[] doc = Files.readAllBytes(changedDoc);
        Files.write(changedDoc, pathOf.get(changed).endsWith(".html")
                ? (new String(doc, StandardCharsets.UTF_8) + "\n<!-- 更正 -->\n").getBytes(StandardCharsets.UTF_8)
                : (new String(doc, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8));
        RunSummary night = new NightlyJob(spark, settings, new FlaggingExtractor(), steps).run();
        System.out.println(String.join("\n", night.extraLines()));
        Map<String, BigDecimal> kept = new LinkedHashMap<>(expected);
        kept.keySet().removeIf(key -> key.startsWith(changed + "|"));
        assertCorrected(lake, kept);
        assertTrue(lake.read(LakeSchema.CORRECTIONS).where("report_id = '" + changed + "' AND status = 'stale'").count() > 0);
        assertEquals(0L, lake.read(LakeSchema.CELLS).where("report_id = '" + changed + "' AND source = 'corrected'").count());
        assertTrue(night.extraLines().stream().anyMatch(l -> l.contains("stale") && l.contains(changed)), night.extraLines().toString());
    }

    private static void assertCorrected(LakeTables lake, Map<String, BigDecimal> expected) {
        for (Map.Entry<String, BigDecimal> e : expected.entrySet()) {
            String[] k = e.getKey().split("\\|");
            Row c = lake.read(LakeSchema.CELLS).where("report_id = '" + k[0] + "' AND table_name = 'applications' AND row_key = '"
                    + k[1] + "' AND column_key = '" + k[2] + "'").first();
            assertEquals(0, e.getValue().compareTo(c.getAs("value")), e.getKey());
            assertEquals(CorrectionApply.CORRECTED, c.getAs("source"), e.getKey());
            assertEquals("value", c.getAs("status"), e.getKey());
        }
    }

    private static Map<String, Double> scores(LakeTables lake, java.util.Collection<String> reports) {
        Map<String, Double> m = new HashMap<>();
        for (Row r : lake.read(LakeSchema.RANKINGS).where(org.apache.spark.sql.functions.col("report_id").isin(reports.toArray()))
                .select("report_id", "score").collectAsList()) m.put(r.getString(0), r.getDouble(1));
        return m;
    }

    static JsonNode truthJson(Path corpus, String path) throws Exception {
        return ReportJson.MAPPER.readTree(corpus.resolve("truth").resolve(path + ".json").toFile());
    }

    /** The truth of an applications cell: applications.ROW (a JSON path) is an array of the 7 applicant columns. */
    static BigDecimal truth(Path corpus, String path, String row, String column) throws Exception {
        JsonNode n = truthJson(corpus, path).path("applications");
        for (String part : row.split("\\.")) n = n.path(part);
        JsonNode v = n.get(TemplateSpec.applicantColumnKeys().indexOf(column));
        return v == null || v.isNull() ? null : v.decimalValue();
    }

    /** 政府信息公开率 of docs/metrics.md read straight from the truth: (予以公开 + 部分公开) / （七）总计, blanks 0. */
    static Double disclosureRate(JsonNode truth) {
        JsonNode a = truth.path("applications");
        double closed = total(a.path("total")), open = total(a.path("disclosed")) + total(a.path("partially_disclosed"));
        return closed == 0 ? null : open / closed;
    }

    private static long total(JsonNode row) {
        JsonNode v = row.path(6);
        return v.isNumber() ? v.asLong() : 0;
    }

    static byte[] csv(List<List<String>> lines) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (org.apache.commons.csv.CSVPrinter p = new org.apache.commons.csv.CSVPrinter(sb, org.apache.commons.csv.CSVFormat.EXCEL)) {
            for (List<String> l : lines) p.printRecord(l);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
