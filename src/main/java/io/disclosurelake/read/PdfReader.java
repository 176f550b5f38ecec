package io.disclosurelake.read;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.disclosurelake.spec.QuarantineReason;
import io.disclosurelake.read.PdfPageContent.Glyph;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * PDF by position (PDFBox 3): glyphs with coordinates and the page's ruling lines. Ruled tables are rebuilt
 * lattice-style (cells from the lines, glyphs assigned to cells by position, merged cells where a line is
 * missing); tables drawn without lines are rebuilt stream-style ({@link PdfStreamTables}); all other lines
 * become paragraphs. Each page is read on its own, so a table broken by a page break gives one table per page.
 * A page without a text layer is rendered and OCR'd ({@link PageOcr}) when OCR is on; the others are read as text.
 */
public final class PdfReader implements FormatReader {

    /** Main memory the parser may use for its stream cache before it spills to a temp file. */
    private static final long MEMORY_CAP = 64L << 20;
    /** Fewer non-blank characters than this per page means a scanned document without a text layer. */
    private static final int MIN_CHARS_PER_PAGE = 10;

    @Override
    public Grid read(byte[] bytes, ReadLimits limits) throws UnreadableDocumentException {
        if (bytes.length == 0) throw new UnreadableDocumentException(QuarantineReason.EMPTY, "PDF file is empty");
        String cut = truncation(bytes);
        if (cut != null) throw new UnreadableDocumentException(QuarantineReason.CORRUPT, "PDF is truncated: " + cut);
        PDDocument doc;
        try {
            // The empty user password opens owner-password-only files; a stream cache with a memory cap
            // spills big streams (embedded images) to a temp file instead of the heap.
            doc = Loader.loadPDF(bytes, "", null, null, MemoryUsageSetting.setupMixed(MEMORY_CAP).streamCache);
        } catch (InvalidPasswordException e) {
            throw new UnreadableDocumentException(QuarantineReason.ENCRYPTED, "PDF needs a user password to open", e);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableDocumentException(QuarantineReason.CORRUPT, "PDF cannot be parsed: " + e.getMessage(), e);
        }
        try (doc) {
            int pages = doc.getNumberOfPages();
            if (pages == 0) throw new UnreadableDocumentException(QuarantineReason.CORRUPT, "PDF has no pages");
            if (pages > limits.maxPages()) {
                throw new UnreadableDocumentException(QuarantineReason.TOO_LARGE, "PDF has " + pages + " pages, limit " + limits.maxPages());
            }
            List<Grid.Block> blocks = new ArrayList<>();
            long chars = 0;
            int pageNo = 0;
            PageOcr ocr = limits.ocr().enabled() ? new PageOcr(limits.ocr()) : null;
            PDFRenderer renderer = null;
            for (PDPage page : doc.getPages()) {
                pageNo++;
                // the time spent on scanned pages so far is OCR's budget, not the reading deadline's
                ReadLimits reading = ocr == null ? limits : ocr.deadline(limits);
                if (reading.pastDeadline()) throw new UnreadableDocumentException(QuarantineReason.TIMEOUT, "PDF read past deadline at page " + pageNo);
                PdfPageContent content;
                try {
                    content = PdfPageContent.of(doc, page, pageNo, reading);
                } catch (PdfPageContent.PageOverBudget e) {
                    throw new UnreadableDocumentException(e.reason, e.getMessage());
                } catch (IOException | RuntimeException e) {
                    throw new UnreadableDocumentException(QuarantineReason.CORRUPT, "PDF page " + pageNo + " cannot be read: " + e.getMessage(), e);
                }
                if (ocr != null && content.glyphs.size() < MIN_CHARS_PER_PAGE) {
                    // no text layer on this page: read its image instead
                    if (content.maxSaveDepth > MAX_RENDER_SAVE_DEPTH) {
                        // the renderer keeps a copy of every saved state: a million nested q fills any heap
                        throw new UnreadableDocumentException(QuarantineReason.OCR_FAILED, "PDF page " + pageNo
                                + " nests graphics states " + content.maxSaveDepth + " deep: not rendered for OCR");
                    }
                    if (content.maxImagePixels > MAX_OCR_IMAGE_PIXELS) {
                        // a picture far beyond any scan (a 20,000 × 20,000 image is 400 MB decoded): the page is
                        // left out rather than the document lost; the other pages are read as usual
                        continue;
                    }
                    if (renderer == null) {
                        renderer = new PDFRenderer(doc);
                        // images are decoded at the resolution of the render, not their own (memory)
                        renderer.setSubsamplingAllowed(true);
                    }
                    ocr.startPage(pageNo, limits);
                    ScannedPages.Page scanned = ocr.read(render(renderer, page, pageNo - 1, limits.ocr().dpi()), pageNo);
                    chars += scanned.characters();
                    for (Placed p : scanned.blocks()) blocks.add(p.block());
                    continue;
                }
                chars += content.glyphs.size();
                if (chars > limits.maxTextChars()) throw new UnreadableDocumentException(QuarantineReason.TOO_LARGE, "PDF text over limit");
                try {
                    blocks.addAll(layout(content, pageNo));
                } catch (RuntimeException e) {
                    // geometry nobody foresaw: keep the page's text as lines rather than lose the document
                    for (List<Glyph> line : lines(content.glyphs)) blocks.add(new Grid.Paragraph(lineText(line), pageNo));
                }
            }
            if (chars < (long) MIN_CHARS_PER_PAGE * pages) {
                if (ocr != null) throw ocr.failed(chars, pages);
                throw new UnreadableDocumentException(QuarantineReason.NO_TEXT_LAYER,
                        "PDF has " + chars + " characters on " + pages + " pages: scanned images need OCR");
            }
            return new Grid(blocks, pages);
        } catch (IOException e) {
            throw new UnreadableDocumentException(QuarantineReason.CORRUPT, "PDF cannot be closed: " + e.getMessage(), e);
        }
    }

    /**
     * Saved graphics states nested deeper than this are not rendered: real pages stay in single digits (old
     * readers stopped at 28, ISO 32000 annex C), a hostile one nests a million in 2 kB.
     */
    static final int MAX_RENDER_SAVE_DEPTH = 256;

    /** Images above this are not rendered for OCR: a scanned A4 page at 600 dpi is 35 megapixels. */
    static final long MAX_OCR_IMAGE_PIXELS = 100_000_000L;

    /** The page as an image for OCR at {@code dpi}, lowered so that the long side stays near 2,000 pixels. */
    private static BufferedImage render(PDFRenderer renderer, PDPage page, int index, int dpi) throws UnreadableDocumentException {
        PDRectangle box = page.getCropBox();
        double longSide = Math.max(box.getWidth(), box.getHeight()) / 72.0; // inches
        float d = (float) Math.min(dpi, longSide > 0 ? 2000 / longSide : dpi);
        try {
            return renderer.renderImageWithDPI(index, d, ImageType.GRAY);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableDocumentException(QuarantineReason.OCR_FAILED, "PDF page " + (index + 1) + " cannot be rendered for OCR: " + e.getMessage(), e);
        }
    }

    /** A block with the y where it starts on its page, for reading order. */
    record Placed(double y, Grid.Block block) {}

    /** The page's blocks in reading order: lattice tables, then stream tables and paragraphs from the rest. */
    static List<Grid.Block> layout(PdfPageContent content, int page) {
        List<Glyph> glyphs = dedupe(content.glyphs);
        List<Placed> placed = new ArrayList<>();
        List<Glyph> rest = new ArrayList<>(glyphs);
        for (PdfLatticeTables.Area area : PdfLatticeTables.areas(content.rulings)) {
            List<Glyph> inside = new ArrayList<>();
            List<Glyph> outside = new ArrayList<>();
            for (Glyph g : rest) (area.contains(g) ? inside : outside).add(g);
            if (inside.isEmpty()) continue; // a box or a frame without text: not a table
            Grid.Table t = area.table(inside, page);
            if (t == null) continue;
            rest = outside;
            placed.add(new Placed(area.top(), t));
        }
        placed.addAll(PdfStreamTables.blocks(rest, page));
        placed.sort(Comparator.comparingDouble(Placed::y));
        List<Grid.Block> out = new ArrayList<>();
        for (Placed p : placed) out.add(p.block());
        return out;
    }

    /** Drops glyphs drawn twice at the same place (fake bold). */
    private static List<Glyph> dedupe(List<Glyph> in) {
        List<Glyph> out = new ArrayList<>(in.size());
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Glyph g : in) {
            String key = g.text() + "@" + Math.round(g.x() * 2) + "," + Math.round(g.baseline() * 2);
            if (seen.add(key)) out.add(g);
        }
        return out;
    }

    private static final Pattern FOOTER = Pattern.compile(
            "^\\s*([-—–－]\\s*\\d+\\s*[-—–－]|第\\s*\\d+\\s*页(\\s*[,，/]?\\s*共\\s*\\d+\\s*页)?|\\d+\\s*/\\s*\\d+|\\d{1,3})\\s*$");

    /** A page number line such as {@code -4-}, {@code — 4 —}, {@code 第 4 页} or {@code 4/6}. */
    static boolean isPageFooter(String line) {
        return FOOTER.matcher(line).matches();
    }

    /** The text of glyphs already in reading order on one line: a space only between Latin words set apart. */
    static String lineText(List<Glyph> line) {
        StringBuilder sb = new StringBuilder();
        Glyph prev = null;
        for (Glyph g : line) {
            if (prev != null) {
                double gap = g.x() - prev.right();
                char a = sb.charAt(sb.length() - 1);
                char b = g.text().charAt(0);
                boolean latin = a < 0x2E80 && b < 0x2E80;
                if (gap > Math.max(1.0, 0.2 * g.fontSize()) && (latin || gap > 0.8 * g.fontSize())) sb.append(' ');
            }
            sb.append(g.text());
            prev = g;
        }
        return sb.toString().trim();
    }

    /** Groups glyphs into text lines by baseline, each line sorted left to right; lines top to bottom. */
    static List<List<Glyph>> lines(List<Glyph> glyphs) {
        List<Glyph> sorted = new ArrayList<>(glyphs);
        sorted.sort(Comparator.comparingDouble(Glyph::baseline).thenComparingDouble(Glyph::x));
        List<List<Glyph>> lines = new ArrayList<>();
        List<Glyph> cur = null;
        double base = 0, size = 0;
        for (Glyph g : sorted) {
            if (cur != null && g.baseline() - base <= 0.45 * Math.max(size, g.height())) {
                cur.add(g);
                continue;
            }
            cur = new ArrayList<>();
            cur.add(g);
            lines.add(cur);
            base = g.baseline();
            size = g.height();
        }
        for (List<Glyph> l : lines) l.sort(Comparator.comparingDouble(Glyph::x));
        return lines;
    }

    /** Acrobat's rule: a complete PDF has its {@code %%EOF} within the last 1024 bytes. */
    private static final int EOF_WINDOW = 1024;
    private static final Pattern LINEARIZED_LENGTH = Pattern.compile("/Linearized\\s+[0-9.]+.*?/L\\s+(\\d+)", Pattern.DOTALL);

    /**
     * Why the file is cut short, or null. PDFBox's lenient parser rebuilds a cut file from the objects it
     * finds, so a download stopped early (a linearized file keeps its catalog and first pages at the front)
     * would otherwise be read as a report with pages missing, or judged not_a_report: it is corrupt.
     */
    static String truncation(byte[] b) {
        String head = new String(b, 0, Math.min(b.length, EOF_WINDOW), StandardCharsets.ISO_8859_1);
        Matcher m = LINEARIZED_LENGTH.matcher(head);
        if (m.find() && m.group(1).length() < 19 && Long.parseLong(m.group(1)) > b.length)
            return b.length + " of the " + m.group(1) + " bytes its linearization dictionary declares";
        int from = Math.max(0, b.length - EOF_WINDOW - 5);
        String tail = new String(b, from, b.length - from, StandardCharsets.ISO_8859_1);
        if (!tail.contains("%%EOF")) return "no %%EOF marker in its last " + EOF_WINDOW + " bytes";
        return null;
    }
}
