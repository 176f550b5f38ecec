package io.disclosurelake.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.disclosurelake.json.ReportJson;
import io.disclosurelake.model.Cell;
import io.disclosurelake.spec.QuarantineReason;
import io.disclosurelake.model.Report;
import io.disclosurelake.read.ocr.OcrSettings;
import io.disclosurelake.read.ocr.ScannedRenders;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scanned reports made from a golden text PDF by rendering its pages (ONNX Runtime on one thread): a clean
 * 200-dpi scan gives exactly the golden report; a noisy photo of a page (150 dpi, turned 1.5°, speckled, JPEG)
 * gives no wrong number (nulls allowed).
 */
class ScannedReportTest {
    static final String GOLDEN = "/golden/pdf/libreoffice-blank-zeros-subtotal-rows";

    /** Generous time limits: the test machine may be busy; the limits themselves are tested elsewhere. */
    static Extractor extractor() {
        return new Extractor(ExtractionLimits.defaults().withTimeout(Duration.ofMinutes(10))
                .withOcr(OcrSettings.defaults().withThreads(1).withTimeLimit(Duration.ofMinutes(10))));
    }

    static JsonNode expected() {
        return ReportJson.parse(new String(GoldenJson.resource(GOLDEN + ".expected.json"), StandardCharsets.UTF_8));
    }

    @Test
    void cleanScanOfEveryPageGivesTheGoldenReport() throws Exception {
        byte[] scan = ScannedRenders.imageOnlyPdf(GoldenJson.resource(GOLDEN + ".pdf"), 200, ScannedRenders.Noise.CLEAN);
        Report r = extractor().extract("scan.pdf", scan);
        List<String> diffs = GoldenJson.differences(expected(), ReportJson.toNode(r));
        assertTrue(diffs.isEmpty(), String.join("\n", diffs) + "\nwarnings: " + r.warnings());
        OcrAccuracy acc = OcrAccuracy.of(expected(), r);
        assertEquals(0, acc.wrong());
        assertEquals(0, acc.nulls());
        // provenance: every table cell came from OCR with page, box and confidence
        List<Cell> cells = r.allCells().stream().filter(c -> c.status() != io.disclosurelake.model.CellStatus.NOT_IN_TEMPLATE).toList();
        assertFalse(cells.isEmpty());
        for (Cell c : cells) {
            assertEquals(Cell.OCR, c.source(), c.toString());
            assertTrue(c.page() != null && c.box() != null && c.box().width() > 0, c.toString());
        }
        assertTrue(cells.stream().filter(Cell::hasValue).allMatch(c -> c.confidence() != null && c.confidence() > 0.9));
        JsonNode json = ReportJson.toNode(r);
        assertTrue(json.has("ocr_cells") && json.get("ocr_cells").size() == cells.size());
        assertEquals("pdf", r.document().format());
    }

    /**
     * OCR time is OCR's budget, not the reading deadline's: a scan whose pages take longer to OCR than the reading
     * timeout in all is still read whole (before, the next page's deadline check quarantined it as timeout).
     */
    @Test
    void ocrTimeDoesNotCountAgainstTheReadingDeadline() throws Exception {
        byte[] scan = ScannedRenders.imageOnlyPdf(GoldenJson.resource(GOLDEN + ".pdf"), 200, ScannedRenders.Noise.CLEAN);
        Extractor quick = new Extractor(ExtractionLimits.defaults().withTimeout(Duration.ofSeconds(2))
                .withOcr(OcrSettings.defaults().withThreads(1).withTimeLimit(Duration.ofMinutes(10))));
        long t0 = System.nanoTime();
        Report r = quick.extract("scan.pdf", scan);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertFalse(r.isQuarantined(), "quarantined after " + seconds + " s: " + r.reason() + " " + r.message());
        assertTrue(GoldenJson.differences(expected(), ReportJson.toNode(r)).isEmpty(), "read whole in " + seconds + " s");
    }

    @Test
    void noisyPhotoOfATablePageGivesNoWrongNumber() throws Exception {
        List<BufferedImage> pages = ScannedRenders.pages(GoldenJson.resource(GOLDEN + ".pdf"), 150,
                new ScannedRenders.Noise(1.5, 400, 0, 7));
        // page 2 holds tables 三 (continued) and 四; JPEG as a phone would send it
        byte[] jpeg = jpeg(pages.get(1), 0.6f);
        Report r = extractor().extract("photo.jpg", jpeg);
        assertEquals("jpeg", r.document().format());
        assertFalse(r.isQuarantined(), r.reason() + " " + r.message());
        OcrAccuracy acc = OcrAccuracy.of(expected(), r);
        assertEquals(List.of(), acc.wrongCells());
        assertTrue(acc.right() > 100, acc.toString());
    }

    @Test
    void withOcrSwitchedOffScansStayNoTextLayer() throws Exception {
        byte[] scan = ScannedRenders.imageOnlyPdf(GoldenJson.resource(GOLDEN + ".pdf"), 100, ScannedRenders.Noise.CLEAN);
        Extractor off = new Extractor(ExtractionLimits.defaults().withOcr(OcrSettings.OFF));
        assertEquals(QuarantineReason.NO_TEXT_LAYER, off.extract("scan.pdf", scan).reason());
        byte[] png = ScannedRenders.imageFile(ScannedRenders.pages(GoldenJson.resource(GOLDEN + ".pdf"), 50, ScannedRenders.Noise.CLEAN).get(0), "png");
        Report r = off.extract("scan.png", png);
        assertEquals(QuarantineReason.NO_TEXT_LAYER, r.reason());
        assertEquals("png", r.document().format());
    }

    @Test
    void aBlankScanIsOcrFailed() throws Exception {
        BufferedImage white = new BufferedImage(1240, 1754, BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = white.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 1240, 1754);
        g.dispose();
        Report r = extractor().extract("blank.png", ScannedRenders.imageFile(white, "png"));
        assertEquals(QuarantineReason.OCR_FAILED, r.reason(), r.message());
    }

    static byte[] jpeg(BufferedImage img, float quality) throws java.io.IOException {
        javax.imageio.ImageWriter w = javax.imageio.ImageIO.getImageWritersByFormatName("jpeg").next();
        javax.imageio.ImageWriteParam p = w.getDefaultWriteParam();
        p.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionQuality(quality);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (javax.imageio.stream.ImageOutputStream ios = javax.imageio.ImageIO.createImageOutputStream(out)) {
            w.setOutput(ios);
            w.write(null, new javax.imageio.IIOImage(img, null, null), p);
        } finally {
            w.dispose();
        }
        return out.toByteArray();
    }
}
