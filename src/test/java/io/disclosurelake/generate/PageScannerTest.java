package io.disclosurelake.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Scanned variants: same seed same bytes, no text layer, the profile's dpi/skew/noise applied, table pages only. */
class PageScannerTest {
    static byte[] printed;
    static PdfWriter.Written apart;

    @BeforeAll
    static void printOneReport() throws IOException {
        assumeTrue(PdfWriter.available(), "CJK font missing (bin/test installs fonts-wqy-microhei)");
        CorpusPlan plan = CorpusPlan.make(new GeneratorOptions(Path.of("unused"), 1, 5, Set.of("scan"), 2021, 2021, 0, 0, 0, 1));
        CorpusPlan.Slot s = plan.slots.get(0);
        ReportDocument d = ReportLayout.layout(new ReportLayout.Spec(s.body(), s.year(), s.version(), s.figures(),
                QuirkSet.none(), s.narrativeSeed(), s.narrativeYear(), true));
        PdfWriter.Options o = new PdfWriter.Options(true, PdfWriter.Protection.NONE, 5, "WPS 文字");
        printed = PdfWriter.write(d, o);
        apart = PdfWriter.writeWithPages(d, o, true);
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() throws IOException {
        // one page scanned keeps it quick; the whole generator is compared below
        PageScanner.Output out = PageScanner.Output.TABLE_PAGES_PDF;
        byte[] a = PageScanner.scan(printed, out, Set.of(1), ScanProfile.NOISY, 42).bytes();
        byte[] b = PageScanner.scan(printed, out, Set.of(1), ScanProfile.NOISY, 42).bytes();
        byte[] c = PageScanner.scan(printed, out, Set.of(1), ScanProfile.NOISY, 43).bytes();
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void imagePdfHasNoTextLayerAndPagesAtTheProfilesDpi() throws IOException {
        for (ScanProfile p : List.of(ScanProfile.CLEAN, ScanProfile.NOISY)) {
            PageScanner.Scanned sc = PageScanner.scan(printed, PageScanner.Output.IMAGE_PDF, Set.of(), p, 7);
            try (PDDocument doc = Loader.loadPDF(sc.bytes()); PDDocument src = Loader.loadPDF(printed)) {
                assertEquals(src.getNumberOfPages(), doc.getNumberOfPages());
                String text = new PDFTextStripper().getText(doc);
                assertFalse(text.chars().anyMatch(Character::isDigit), p.name() + ": text layer " + text);
                assertEquals("", text.strip(), p.name());
                for (PDPage page : doc.getPages()) {
                    List<PDImageXObject> images = images(page);
                    assertEquals(1, images.size());
                    PDImageXObject img = images.get(0);
                    // A4 at the profile's dpi (PDFRenderer rounds down)
                    assertEquals((int) (page.getMediaBox().getWidth() / 72 * p.dpi()), img.getWidth(), p.name());
                    assertEquals((int) (page.getMediaBox().getHeight() / 72 * p.dpi()), img.getHeight(), p.name());
                    assertEquals(p.jpegQuality() > 0 ? "jpg" : "png", img.getSuffix(), p.name());
                }
            }
            assertEquals(sc.pages(), sc.skewDegrees().size());
            for (double skew : sc.skewDegrees()) {
                assertTrue(Math.abs(skew) >= p.minSkewDegrees() - 0.005 && Math.abs(skew) <= p.maxSkewDegrees() + 0.005, p.name() + " " + skew);
            }
        }
    }

    @Test
    void skewTurnsAHorizontalRuleByItsAngle() {
        BufferedImage img = new BufferedImage(1000, 400, BufferedImage.TYPE_BYTE_GRAY);
        byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        Arrays.fill(px, (byte) 0xFF);
        for (int x = 0; x < 1000; x++) px[200 * 1000 + x] = 0;
        BufferedImage turned = PageScanner.rotate(img, 1.5);
        int left = darkestRow(turned, 100), right = darkestRow(turned, 900);
        // a positive angle turns clockwise on screen: the right end goes down by 800·tan 1.5° ≈ 21 px
        assertEquals(800 * Math.tan(Math.toRadians(1.5)), right - left, 2.0);
        // the skews a profile draws stay in its range
        SplittableRandom r = new SplittableRandom(1);
        boolean negative = false, positive = false;
        for (int i = 0; i < 200; i++) {
            double s = PageScanner.drawSkew(ScanProfile.NOISY, r);
            assertTrue(Math.abs(s) >= 0.5 && Math.abs(s) <= 2.0, "skew " + s);
            negative |= s < 0;
            positive |= s > 0;
        }
        assertTrue(negative && positive);
    }

    @Test
    void noisyProfileSpecklesAndGreysThePaperCleanLeavesItWhite() {
        BufferedImage blank = new BufferedImage(1240, 1754, BufferedImage.TYPE_BYTE_GRAY);
        Arrays.fill(((DataBufferByte) blank.getRaster().getDataBuffer()).getData(), (byte) 0xFF);
        BufferedImage clean = PageScanner.degrade(blank, ScanProfile.CLEAN, 0.0, new SplittableRandom(3));
        for (byte b : ((DataBufferByte) clean.getRaster().getDataBuffer()).getData()) assertEquals(255, b & 0xFF);
        BufferedImage fresh = new BufferedImage(1240, 1754, BufferedImage.TYPE_BYTE_GRAY);
        Arrays.fill(((DataBufferByte) fresh.getRaster().getDataBuffer()).getData(), (byte) 0xFF);
        BufferedImage noisy = PageScanner.degrade(fresh, ScanProfile.NOISY, 1.0, new SplittableRandom(3));
        byte[] px = ((DataBufferByte) noisy.getRaster().getDataBuffer()).getData();
        long dark = 0, sum = 0;
        for (byte b : px) { int v = b & 0xFF; sum += v; if (v < 160) dark++; }
        double megapixels = px.length / 1e6;
        // ~300 specks per megapixel of 1–4 pixels each, blurred: some hundreds of dark pixels, far from all
        assertTrue(dark > 100 * megapixels && dark < 5000 * megapixels, "dark pixels " + dark);
        assertEquals(ScanProfile.NOISY.paperTone(), sum / (double) px.length, 3.0);
    }

    @Test
    void tablePagesOnlyScansTheTablesAndKeepsTextElsewhere() throws IOException {
        Set<Integer> tables = apart.tablePages();
        try (PDDocument src = Loader.loadPDF(apart.bytes())) {
            assertFalse(tables.isEmpty());
            assertTrue(tables.size() < src.getNumberOfPages(), "some pages hold no table: " + tables);
        }
        PageScanner.Scanned sc = PageScanner.scan(apart.bytes(), PageScanner.Output.TABLE_PAGES_PDF, tables, ScanProfile.NOISY, 9);
        assertEquals(List.copyOf(new TreeSet<>(tables)), sc.scannedPages());
        try (PDDocument doc = Loader.loadPDF(sc.bytes())) {
            PDFTextStripper strip = new PDFTextStripper();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                strip.setStartPage(p);
                strip.setEndPage(p);
                String text = strip.getText(doc);
                if (tables.contains(p)) {
                    assertFalse(text.chars().anyMatch(Character::isDigit), "scanned page " + p + ": " + text);
                    assertEquals(1, images(doc.getPage(p - 1)).size());
                } else {
                    assertTrue(text.strip().length() > 50, "page " + p + " keeps its text: " + text);
                    assertEquals(0, images(doc.getPage(p - 1)).size());
                }
            }
            // page 1 keeps the title as text, so the document is not a pure scan
            strip.setStartPage(1);
            strip.setEndPage(1);
            assertTrue(strip.getText(doc).contains("政府信息公开工作年度报告"));
        }
    }

    @Test
    void halfPagesPrintEachPageOnTwoAndLoseNoInk() throws IOException {
        byte[] halves = PageScanner.halves(printed);
        try (PDDocument src = Loader.loadPDF(printed); PDDocument doc = Loader.loadPDF(halves)) {
            assertEquals(2 * src.getNumberOfPages(), doc.getNumberOfPages());
            org.apache.pdfbox.rendering.PDFRenderer a = new org.apache.pdfbox.rendering.PDFRenderer(src),
                    b = new org.apache.pdfbox.rendering.PDFRenderer(doc);
            for (int i = 0; i < src.getNumberOfPages(); i++) {
                BufferedImage page = a.renderImageWithDPI(i, 72, org.apache.pdfbox.rendering.ImageType.GRAY);
                BufferedImage upper = b.renderImageWithDPI(2 * i, 72, org.apache.pdfbox.rendering.ImageType.GRAY);
                BufferedImage lower = b.renderImageWithDPI(2 * i + 1, 72, org.apache.pdfbox.rendering.ImageType.GRAY);
                int cut = PageScanner.quietestRowNearMiddle(page);
                assertTrue(Math.abs(cut - page.getHeight() / 2) <= page.getHeight() / 10);
                // every mark of the page is on one of its two halves, and each half starts at the top of its page
                long inkPage = ink(page, 0, page.getHeight()), inkUpper = ink(upper, 0, cut), inkLower = ink(lower, 0, page.getHeight() - cut);
                assertEquals(inkPage, inkUpper + inkLower, inkPage * 0.01, "page " + (i + 1));
                assertEquals(ink(page, 0, cut), inkUpper, inkPage * 0.01);
                assertEquals(0, ink(upper, cut + 1, page.getHeight()), inkPage * 0.001, "below the cut: blank paper");
                assertEquals(0, ink(lower, page.getHeight() - cut + 1, page.getHeight()), inkPage * 0.001);
            }
        }
        PageScanner.Scanned sc = PageScanner.scan(printed, PageScanner.Output.HALF_PAGES_PDF, Set.of(), ScanProfile.NOISY, 3);
        try (PDDocument doc = Loader.loadPDF(sc.bytes())) {
            assertEquals(doc.getNumberOfPages(), sc.pages());
            assertEquals(sc.pages(), sc.scannedPages().size());
            assertEquals("", new PDFTextStripper().getText(doc).strip(), "no text layer left");
        }
    }

    private static long ink(BufferedImage img, int fromRow, int toRow) {
        long ink = 0;
        for (int y = Math.max(0, fromRow); y < Math.min(img.getHeight(), toRow); y++)
            for (int x = 0; x < img.getWidth(); x++) ink += 255 - img.getRaster().getSample(x, y, 0);
        return ink;
    }

    @Test
    void imageFilesHoldEveryPage() throws IOException {
        int pages;
        try (PDDocument src = Loader.loadPDF(printed)) { pages = src.getNumberOfPages(); }
        PageScanner.Scanned tiff = PageScanner.scan(printed, PageScanner.Output.TIFF, Set.of(), ScanProfile.CLEAN, 1);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(tiff.bytes()))) {
            ImageReader r = ImageIO.getImageReaders(in).next();
            r.setInput(in);
            assertEquals(pages, r.getNumImages(true));
            assertEquals(1653, r.getWidth(0));
        }
        PageScanner.Scanned png = PageScanner.scan(printed, PageScanner.Output.PNG, Set.of(), ScanProfile.NOISY, 1);
        BufferedImage tall = ImageIO.read(new ByteArrayInputStream(png.bytes()));
        assertEquals(1240, tall.getWidth());
        assertEquals(pages * 1753, tall.getHeight());
        PageScanner.Scanned jpg = PageScanner.scan(printed, PageScanner.Output.JPEG, Set.of(), ScanProfile.CLEAN, 1);
        assertEquals(0.92f, jpg.jpegQuality());
        assertEquals(pages * 2338, ImageIO.read(new ByteArrayInputStream(jpg.bytes())).getHeight());
    }

    @Test
    void generatorWritesScannedDocumentsWithTheirTruthAndScanProfileSameSeedSameBytes(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("c"), again = tmp.resolve("d");
        for (Path p : List.of(out, again))
            new CorpusGenerator(new GeneratorOptions(p, 2, 3, Set.of("scan-noisy", "tiff"), 2019, 2025, 0, 0, 0, 2),
                    System.err).run();
        List<String> files = files(out);
        assertEquals(files, files(again));
        for (String f : files) assertArrayEquals(Files.readAllBytes(out.resolve(f)), Files.readAllBytes(again.resolve(f)), f);
        List<Path> truths;
        try (Stream<Path> s = Files.walk(out.resolve("truth"))) { truths = s.filter(Files::isRegularFile).sorted().toList(); }
        assertEquals(2, truths.size());
        for (Path t : truths) {
            JsonNode n = new ObjectMapper().readTree(t.toFile());
            JsonNode scan = n.get("scan");
            assertNotNull(scan, t.toString());
            String path = n.get("document").get("path").asText();
            assertTrue(Files.isRegularFile(out.resolve("docs").resolve(path)));
            if (path.endsWith(".pdf")) {
                assertEquals("noisy", scan.get("profile").asText());
                assertEquals(150, scan.get("dpi").asInt());
                assertEquals(0.6, scan.get("jpeg_quality").asDouble(), 1e-6);
                assertEquals("pdf", n.get("document").get("format").asText());
            } else {
                assertTrue(path.endsWith(".tif"), path);
                assertEquals("tiff", n.get("document").get("format").asText());
            }
            assertEquals(scan.get("pages").asInt(), scan.get("skew_degrees").size());
            assertTrue(n.get("applications").get("total").size() == 7, "the report's own truth");
            assertTrue(n.get("generator").get("producer").asText().startsWith("scanner:"));
            // the truth is the report's own: its arithmetic holds (no faults were asked for)
            assertEquals(Set.of(), TruthChecker.withinReport(n).broken(), t.toString());
        }
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    private static int darkestRow(BufferedImage img, int x) {
        int best = -1, min = 256;
        for (int y = 0; y < img.getHeight(); y++) {
            int v = img.getRaster().getSample(x, y, 0);
            if (v < min) { min = v; best = y; }
        }
        return best;
    }

    private static List<PDImageXObject> images(PDPage page) throws IOException {
        List<PDImageXObject> out = new ArrayList<>();
        for (COSName n : page.getResources().getXObjectNames())
            if (page.getResources().getXObject(n) instanceof PDImageXObject x) out.add(x);
        return out;
    }
}
