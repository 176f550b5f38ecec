package io.disclosurelake.extract;

import io.disclosurelake.spec.QuarantineReason;
import io.disclosurelake.model.Report;
import io.disclosurelake.read.DocumentFormat;
import io.disclosurelake.read.FormatReader;
import io.disclosurelake.read.Readers;
import io.disclosurelake.read.UnreadableDocumentException;
import io.disclosurelake.spec.RuleBook;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every quarantine reason the Extractor decides itself, and that nothing escapes it. */
class ExtractorTest {
    private static final String SEED = new String(GoldenJson.resource("/real/nanguan_2024_seed.txt"), StandardCharsets.UTF_8);

    private static Report extract(String text) {
        return new Extractor().extract("t.txt", text.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertQuarantined(Report r, QuarantineReason reason) {
        assertEquals(Report.QUARANTINED, r.status(), r.warnings().toString());
        assertEquals(reason, r.reason(), r.message());
        assertTrue(r.applications().isEmpty());
    }

    @Test
    void empty() {
        assertQuarantined(new Extractor().extract("e.txt", new byte[0]), QuarantineReason.EMPTY);
        assertQuarantined(extract(" \r\n\t \n"), QuarantineReason.EMPTY);
        assertQuarantined(new Extractor().extract("b.txt", new byte[]{(byte) 0xef, (byte) 0xbb, (byte) 0xbf, ' ', '\n'}), QuarantineReason.EMPTY);
        assertQuarantined(new Extractor().extract("n.txt", null), QuarantineReason.EMPTY);
    }

    @Test
    void tooLargeIsNotRead() {
        ExtractionLimits small = new ExtractionLimits(100, Duration.ofSeconds(5), 10, 1000, 30);
        Report r = new Extractor(small).extract("big.txt", SEED.getBytes(StandardCharsets.UTF_8));
        assertQuarantined(r, QuarantineReason.TOO_LARGE);
        assertEquals(64, r.document().sha256().length());
    }

    @Test
    void timeoutNeverHangsTheCaller() {
        FormatReader stuck = (bytes, limits) -> {
            try { Thread.sleep(30_000); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
            throw new IllegalStateException("interrupted");
        };
        ExtractionLimits limits = new ExtractionLimits(1 << 20, Duration.ofMillis(200), 10, 1 << 20, 30);
        long t0 = System.nanoTime();
        Report r = new Extractor(limits, f -> stuck).extract("slow.txt", SEED.getBytes(StandardCharsets.UTF_8));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertQuarantined(r, QuarantineReason.TIMEOUT);
        assertTrue(ms < 5_000, "took " + ms + " ms");
    }

    @Test
    void notAReport() {
        assertQuarantined(extract("关于召开2024年度工作会议的通知\n请各单位准时参加。\n"), QuarantineReason.NOT_A_REPORT);
    }

    @Test
    void comparisonOfTwoReportsIsNotAReport() {
        String other = SEED.replace("2024年南关区民政局政府信息公开工作年度报告", "2023年南关区民政局政府信息公开工作年度报告");
        Report r = extract("两年年报对照\n" + SEED + "\n" + other);
        assertQuarantined(r, QuarantineReason.NOT_A_REPORT);
    }

    @Test
    void aLinkToLastYearsReportAtTheFootIsStillAReport() {
        Report r = extract(SEED + "\n相关链接\n2023年南关区民政局政府信息公开工作年度报告\n2022年南关区民政局政府信息公开工作年度报告\n");
        assertEquals(Report.PARSED, r.status(), r.message());
        assertEquals(2024, r.year());
    }

    @Test
    void legacyTemplate() {
        Report r = extract("某某市民政局2012年政府信息公开工作年度报告\n一、概述\n二、主动公开政府信息情况\n三、依申请公开政府信息情况\n"
                + "同意公开答复数5件，否决公开答复总数1件。\n四、政府信息公开的收费及减免情况\n");
        assertQuarantined(r, QuarantineReason.LEGACY_TEMPLATE);
    }

    @Test
    void reportForAYearBefore2019WithoutTheTemplateIsLegacyEvenWithA2019Marker() throws Exception {
        byte[] html = GoldenJson.resource("/golden/html/legacy-2018-statistics-table-mentions-procurement.html");
        Report r = new Extractor().extract("qinghe-2018.html", html);
        assertQuarantined(r, QuarantineReason.LEGACY_TEMPLATE);
        assertTrue(r.message().contains("清河市人力资源和社会保障局"), r.message());
        // the same text titled for 2019 is judged by the template, not excused as legacy
        String as2019 = new String(html, StandardCharsets.UTF_8).replace("2018年政府信息公开工作年度报告", "2019年政府信息公开工作年度报告");
        assertQuarantined(new Extractor().extract("qinghe-2019.html", as2019.getBytes(StandardCharsets.UTF_8)), QuarantineReason.NOT_A_REPORT);
    }

    /**
     * The first 20 KB of a real report whose catalog and first pages come first (as in a linearized file):
     * PDFBox rebuilds it from the objects it finds, so without the truncation check it read as a report.
     */
    @Test
    void truncatedPdfIsCorruptNotAReport() throws Exception {
        byte[] golden = GoldenJson.resource("/golden/pdf/group-heading-cut-by-page-break-address-wrapped.pdf");
        java.io.ByteArrayOutputStream whole = new java.io.ByteArrayOutputStream();
        try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(golden)) {
            d.save(whole, org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
        }
        byte[] pdf = whole.toByteArray();
        assertEquals(Report.PARSED, new Extractor().extract("whole.pdf", pdf).status());
        for (int size : new int[]{10 << 10, 20 << 10, pdf.length / 2, pdf.length - 200}) {
            Report r = new Extractor().extract("cut.pdf", java.util.Arrays.copyOf(pdf, size));
            assertQuarantined(r, QuarantineReason.CORRUPT);
            assertTrue(r.message().contains("truncated"), r.message());
        }
    }

    @Test
    void linearizedPdfShorterThanItsDeclaredLengthIsCorrupt() {
        String head = "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Linearized 1 /L 99999 /H [ 600 150 ] /O 3 /E 5000 /N 2 /T 98000 >>\nendobj\n";
        byte[] bytes = (head + "trailer\n<< /Root 2 0 R >>\nstartxref\n0\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
        Report r = new Extractor().extract("lin.pdf", bytes);
        assertQuarantined(r, QuarantineReason.CORRUPT);
        assertTrue(r.message().contains("99999"), r.message());
    }

    @Test
    void readerReasonsAreKept() {
        FormatReader locked = (bytes, limits) -> { throw new UnreadableDocumentException(QuarantineReason.ENCRYPTED, "needs a password"); };
        Report r = new Extractor(ExtractionLimits.defaults(), f -> locked).extract("x.txt", "abc".getBytes(StandardCharsets.UTF_8));
        assertQuarantined(r, QuarantineReason.ENCRYPTED);
        assertEquals("needs a password", r.message());
    }

    @Test
    void unexpectedExceptionIsCorruptNeverThrown() {
        FormatReader broken = (bytes, limits) -> { throw new IllegalArgumentException("bad offset 42"); };
        Report r = new Extractor(ExtractionLimits.defaults(), f -> broken).extract("x.txt", "abc".getBytes(StandardCharsets.UTF_8));
        assertQuarantined(r, QuarantineReason.CORRUPT);
        assertTrue(r.message().contains("bad offset 42"));
        Report r2 = new Extractor(ExtractionLimits.defaults(), f -> { throw new OutOfMemoryError("heap"); })
                .extract("y.txt", "abc".getBytes(StandardCharsets.UTF_8));
        assertQuarantined(r2, QuarantineReason.CORRUPT);
    }

    @Test
    void unknownBinaryIsUnsupported() {
        byte[] junk = {0x00, 0x01, 0x02, 0x7f, (byte) 0x80, 0x00, 0x13, 0x37};
        assertQuarantined(new Extractor().extract("x.bin", junk), QuarantineReason.UNSUPPORTED_FORMAT);
    }

    @Test
    void aMissingRowMakesThePartialReport() {
        String cut = SEED.replaceFirst("\t6\\.属于四类过程性信息\n(\t0\n){7}", "");
        Report r = extract(cut);
        assertEquals(Report.PARTIAL, r.status());
        assertTrue(r.violations().stream().anyMatch(v -> v.rule().equals(RuleBook.INCOMPLETE_TABLE)
                && v.detail().contains("withheld.process_info missing")), r.violations().toString());
        assertEquals(null, r.applications().get("withheld.process_info"));
    }

    @Test
    void decodesUtf16AndGb18030() {
        byte[] utf16 = ("\uFEFF" + SEED).getBytes(StandardCharsets.UTF_16LE);
        utf16[0] = (byte) 0xff; utf16[1] = (byte) 0xfe;
        assertEquals("南关区民政局", new Extractor().extract("u16.txt", utf16).org());
        byte[] gb = SEED.getBytes(java.nio.charset.Charset.forName("GB18030"));
        Report r = new Extractor().extract("gb.txt", gb);
        assertEquals("南关区民政局", r.org());
        assertEquals(Report.PARSED, r.status());
        byte[] bom = ("\uFEFF" + SEED).getBytes(StandardCharsets.UTF_8);
        assertEquals("南关区民政局", new Extractor().extract("bom.txt", bom).org());
    }

    @Test
    void registryHasTheTextReader() {
        assertTrue(Readers.forFormat(DocumentFormat.TXT) != null);
    }
}
