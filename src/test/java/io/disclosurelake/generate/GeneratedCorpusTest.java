package io.disclosurelake.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.extractor.WordExtractor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** generate --count 200 --seed 1: formats, bodies, truth for every document, rules, files that open. */
@Tag("slow") // generates 200 documents, LibreOffice converts some and opens them in their own tools: the full lane (mvn verify)
class GeneratedCorpusTest {
    static final ObjectMapper M = new ObjectMapper();
    @TempDir static Path tmp;
    static Path out;
    static CorpusGenerator.Summary summary;
    static final Map<String, JsonNode> truths = new HashMap<>();

    @BeforeAll
    static void generate() throws Exception {
        // -Dgenerated.corpus=DIR re-checks a corpus made by `generate --count 200 --seed 1` instead of making one
        String reuse = System.getProperty("generated.corpus");
        if (reuse != null) {
            out = Path.of(reuse);
            for (String rel : docs()) truths.put(rel, M.readTree(out.resolve("truth").resolve(rel + ".json").toFile()));
            return;
        }
        out = tmp.resolve("corpus");
        GeneratorOptions o = new GeneratorOptions(out, 200, 1, GeneratorOptions.ALL_FORMATS, 2019, 2025, 0.15, 0.06, 0.05, 2);
        summary = new CorpusGenerator(o, System.err).run();
        System.err.printf("generated %d docs in %.1f s (%.1f docs/s, %d via LibreOffice)%n",
                summary.documents(), summary.seconds(), summary.rate(), summary.viaSoffice());
        for (String rel : docs()) truths.put(rel, M.readTree(out.resolve("truth").resolve(rel + ".json").toFile()));
    }

    static List<String> docs() throws IOException {
        Path d = out.resolve("docs");
        try (Stream<Path> s = Files.walk(d)) {
            return s.filter(Files::isRegularFile).map(p -> d.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    @Test
    void coversFormatsBodiesYearsWithTruthAndManifest() throws IOException {
        List<String> docs = docs();
        assertEquals(200, docs.size());
        Set<String> exts = new TreeSet<>(), provinces = new TreeSet<>(), years = new TreeSet<>();
        for (String d : docs) exts.add(d.substring(d.lastIndexOf('.') + 1));
        assertTrue(exts.containsAll(List.of("pdf", "docx", "doc", "html", "xlsx", "txt")), exts.toString());
        List<String> manifest = Files.readAllLines(out.resolve("manifest.csv"));
        assertEquals("path,body,province,city,county,source_url,first_seen", manifest.get(0));
        assertEquals(docs.size(), manifest.size() - 1);
        Set<String> listed = new HashSet<>();
        for (String line : manifest.subList(1, manifest.size())) {
            String[] f = line.split(",", -1);
            listed.add(f[0]);
            provinces.add(f[2]);
            assertTrue(f[6].matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), f[6]);
        }
        assertEquals(new HashSet<>(docs), listed);
        for (JsonNode t : truths.values()) years.add(t.get("generator").get("year").asText());
        assertTrue(provinces.size() >= 3, provinces.toString());
        assertTrue(years.size() >= 3, years.toString());
        Set<String> templates = new TreeSet<>(), reasons = new TreeSet<>(), quirks = new TreeSet<>(), faults = new TreeSet<>();
        for (JsonNode t : truths.values()) {
            if (t.get("status").asText().equals("quarantined")) reasons.add(t.get("reason").asText());
            else templates.add(t.get("template").asText());
            t.get("quirks").forEach(q -> quirks.add(q.asText()));
            t.get("faults").forEach(q -> faults.add(q.asText()));
        }
        assertTrue(templates.containsAll(List.of("2019", "2021", "hybrid")), templates.toString());
        assertTrue(reasons.size() >= 6, reasons.toString());
        assertTrue(quirks.size() >= 10, quirks.toString());
        assertTrue(faults.size() >= 8, faults.toString());
    }

    @Test
    void everyTruthBreaksExactlyItsRecordedRules() {
        Map<String, List<JsonNode>> byBody = new HashMap<>();
        int checked = 0, faulted = 0, undecided = 0;
        for (JsonNode t : truths.values()) {
            if (t.get("status").asText().equals("quarantined")) continue;
            byBody.computeIfAbsent(t.get("generator").get("body_id").asText(), k -> new ArrayList<>()).add(t);
        }
        for (List<JsonNode> series : byBody.values()) {
            series.sort(Comparator.comparingInt(t -> t.get("year").asInt()));
            for (int i = 0; i < series.size(); i++) {
                JsonNode t = series.get(i);
                TruthChecker.Result r = TruthChecker.withinReport(t);
                Set<String> broken = new TreeSet<>(r.broken()), unsure = new TreeSet<>(r.undecided());
                if (i > 0 && series.get(i - 1).get("year").asInt() == t.get("year").asInt() - 1) {
                    TruthChecker.Result x = TruthChecker.crossYear(series.get(i - 1), t);
                    broken.addAll(x.broken());
                    unsure.addAll(x.undecided());
                }
                Set<String> recorded = new TreeSet<>();
                t.get("faults").forEach(f -> recorded.add(f.asText()));
                Set<String> decidedBroken = new TreeSet<>(broken);
                Set<String> expected = new TreeSet<>(recorded);
                expected.removeAll(unsure);
                decidedBroken.removeAll(unsure);
                assertEquals(expected, decidedBroken, t.get("document").get("path").asText());
                if (!unsure.isEmpty()) undecided++;
                checked++;
                if (!recorded.isEmpty()) faulted++;
            }
        }
        assertTrue(checked > 150, "checked " + checked);
        assertTrue(faulted >= 15, "faulted " + faulted);
        assertTrue(undecided <= checked / 10, "undecided " + undecided);
    }

    @Test
    void goodFilesOpenInTheirOwnToolsAndBadOnesDoNot() throws Exception {
        int opened = 0;
        for (String rel : docs()) {
            JsonNode t = truths.get(rel);
            Path file = out.resolve("docs").resolve(rel);
            byte[] bytes = Files.readAllBytes(file);
            String format = t.get("document").get("format").asText();
            if (t.get("status").asText().equals("quarantined")) {
                assertBad(t.get("reason").asText(), file, bytes, rel);
                continue;
            }
            String title = t.get("title").asText();
            String text = switch (format) {
                case "pdf" -> pdfText(file);
                case "docx" -> { try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(bytes)); var x = new XWPFWordExtractor(d)) { yield x.getText(); } }
                case "doc" -> { try (HWPFDocument d = new HWPFDocument(new ByteArrayInputStream(bytes)); var x = new WordExtractor(d)) { yield x.getText(); } }
                case "xlsx" -> xlsxText(bytes);
                case "html" -> Jsoup.parse(new String(bytes, gbk(t) ? Charset.forName("GBK") : StandardCharsets.UTF_8)).text();
                default -> new String(bytes, StandardCharsets.UTF_8);
            };
            assertTrue(text.replaceAll("\\s", "").contains(title), rel + " lacks its title");
            opened++;
        }
        assertTrue(opened > 150);
    }

    private static boolean gbk(JsonNode t) {
        for (JsonNode q : t.get("quirks")) if (q.asText().equals("gbk_encoding")) return true;
        return false;
    }

    private static String xlsxText(byte[] bytes) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            for (Row r : wb.getSheetAt(0)) for (Cell c : r) sb.append(c.toString()).append(' ');
        }
        return sb.toString();
    }

    private void assertBad(String reason, Path file, byte[] bytes, String rel) throws Exception {
        switch (reason) {
            case "empty" -> assertEquals(0, bytes.length, rel);
            case "encrypted" -> assertNotEquals(0, run("pdftotext", file.toString(), "-").exit(), rel + " opened without a password");
            case "no_text_layer", "ocr_failed" -> assertTrue(run("pdftotext", file.toString(), "-").out().isBlank(), rel + " has text");
            case "corrupt" -> {
                if (rel.endsWith(".pdf")) assertFalse(pdfText(file).contains("结转下年度"), rel + " still complete");
                else assertThrows(Exception.class, () -> new XWPFDocument(new ByteArrayInputStream(bytes)).close(), rel);
            }
            case "too_large" -> assertThrows(Exception.class, () -> new XWPFDocument(new ByteArrayInputStream(bytes)).close(), rel);
            case "unsafe" -> {
                String text;
                try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(bytes)); var x = new XWPFWordExtractor(d)) {
                    text = x.getText();
                } catch (Exception e) {
                    text = "";
                }
                assertFalse(text.contains("root:"), rel + " resolved an external entity");
                assertTrue(new String(bytes, StandardCharsets.ISO_8859_1).length() > 0);
            }
            case "not_a_report", "legacy_template" -> assertTrue(bytes.length > 0, rel);
            default -> fail("unexpected reason " + reason);
        }
    }

    record Run(int exit, String out) {}

    static Run run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        byte[] outBytes = p.getInputStream().readAllBytes();
        p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Run(p.exitValue(), new String(outBytes, StandardCharsets.UTF_8));
    }

    static String pdfText(Path file) throws Exception {
        Run info = run("pdfinfo", file.toString());
        Run text = run("pdftotext", "-layout", file.toString(), "-");
        return info.exit() == 0 && text.exit() == 0 ? text.out() : "";
    }
}
