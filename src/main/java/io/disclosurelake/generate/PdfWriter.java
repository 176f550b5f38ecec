package io.disclosurelake.generate;

import io.disclosurelake.generate.ReportDocument.Block;
import io.disclosurelake.generate.ReportDocument.TCell;
import io.disclosurelake.generate.ReportDocument.Table;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TimeZone;

/**
 * PDFs drawn directly with PDFBox and an embedded CJK font subset, ruled tables, optional page footers
 * {@code -N-} and tables running over page breaks, imitating WPS-style exports.
 */
public final class PdfWriter {
    private PdfWriter() {}

    /** Where the CJK font is looked for: the override property/env first, then Debian's packages. */
    static final List<String> FONT_CANDIDATES = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");

    static File fontFile() {
        String o = System.getProperty("disclosurelake.cjkFont", System.getenv("DISCLOSURE_LAKE_CJK_FONT"));
        if (o != null && new File(o).isFile()) return new File(o);
        for (String c : FONT_CANDIDATES) if (new File(c).isFile()) return new File(c);
        return null;
    }

    public static boolean available() { return fontFile() != null; }

    private static final ThreadLocal<TrueTypeFont> FONT = ThreadLocal.withInitial(() -> {
        try {
            File f = fontFile();
            if (f == null) throw new IllegalStateException("no CJK font found (install fonts-wqy-microhei or fonts-noto-cjk)");
            TrueTypeCollection ttc = new TrueTypeCollection(f);
            TrueTypeFont[] first = new TrueTypeFont[1];
            ttc.processAllFonts(t -> { if (first[0] == null) first[0] = t; });
            return first[0];
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    });

    public enum Protection { NONE, OWNER_ONLY, USER_PASSWORD }

    public record Options(boolean footer, Protection protection, long idSeed, String producer) {}

    static final float W = PDRectangle.A4.getWidth(), H = PDRectangle.A4.getHeight(), M = 56, BOTTOM = 60;

    public static byte[] write(ReportDocument d, Options o) throws IOException { return writeWithPages(d, o, false).bytes(); }

    /** A written PDF and the (1-based) pages a statistical table is drawn on, for scans of the table pages only. */
    public record Written(byte[] bytes, java.util.SortedSet<Integer> tablePages) {}

    /**
     * @param tablePagesApart the statistical tables (with the headings just before them) on pages of their own,
     *                        the way offices print the tables as separate sheets
     */
    public static Written writeWithPages(ReportDocument d, Options o, boolean tablePagesApart) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            Drawer dr = new Drawer(doc, PDType0Font.load(doc, FONT.get(), true), o.footer());
            dr.centered(d.title, 16);
            if (d.subtitle != null) dr.centered(d.subtitle, 10.5f);
            dr.gap(6);
            boolean inTables = false;
            for (int i = 0; i < d.blocks.size(); i++) {
                Block b = d.blocks.get(i);
                if (tablePagesApart) {
                    boolean tableGroup = b instanceof Table
                            || (b instanceof ReportDocument.Heading && i + 1 < d.blocks.size() && d.blocks.get(i + 1) instanceof Table);
                    if (tableGroup != inTables && dr.y < H - M) dr.newPage();
                    inTables = tableGroup;
                }
                if (b instanceof ReportDocument.Heading h) dr.paragraph(h.text(), 11, false);
                else if (b instanceof ReportDocument.Paragraph p) dr.paragraph(p.text(), 10.5f, true);
                else if (b instanceof Table t) dr.table(t);
            }
            dr.finish();
            finishMetadata(doc, o);
            return new Written(save(doc, o.protection()), java.util.Collections.unmodifiableSortedSet(dr.tablePages));
        }
    }

    static void finishMetadata(PDDocument doc, Options o) {
        PDDocumentInformation info = doc.getDocumentInformation();
        Calendar cal = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        cal.setTimeInMillis(ZipNormalizer.FIXED_TIME);
        info.setCreationDate(cal);
        info.setModificationDate(cal);
        info.setProducer(o.producer());
        byte[] id = ByteBuffer.allocate(16).putLong(o.idSeed()).putLong(~o.idSeed()).array();
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        doc.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    static byte[] save(PDDocument doc, Protection p) throws IOException {
        if (p != Protection.NONE) {
            AccessPermission perm = new AccessPermission();
            perm.setCanModify(false);
            StandardProtectionPolicy pol = new StandardProtectionPolicy("owner-" + Long.toHexString(doc.getNumberOfPages() * 7919L),
                    p == Protection.USER_PASSWORD ? "gk2024" : "", perm);
            pol.setEncryptionKeyLength(128);
            doc.protect(pol);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }

    /** A scanned report: one page image with dark bars where text was, no text layer at all. */
    public static byte[] imageOnly(long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        BufferedImage img = new BufferedImage(620, 877, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 620, 877);
        g.setColor(Color.DARK_GRAY);
        g.fillRect(150, 50, 320, 14);
        for (int y = 90; y < 380; y += 16) g.fillRect(60, y, 420 + r.nextInt(80), 8);
        for (int y = 400; y <= 800; y += 20) g.drawLine(60, y, 560, y);
        for (int x = 60; x <= 560; x += 50) g.drawLine(x, 400, x, 800);
        g.dispose();
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDImageXObject x = JPEGFactory.createFromImage(doc, img, 0.6f);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(x, 0, 0, W, H);
            }
            finishMetadata(doc, new Options(false, Protection.NONE, seed, "Scanner"));
            return save(doc, Protection.NONE);
        }
    }

    private static final class Drawer {
        final PDDocument doc;
        final PDType0Font font;
        final boolean footer;
        final org.apache.fontbox.ttf.CmapLookup cmap;
        PDPageContentStream cs;
        float y;
        int pageNo;
        final java.util.SortedSet<Integer> tablePages = new java.util.TreeSet<>();

        Drawer(PDDocument doc, PDType0Font font, boolean footer) throws IOException {
            this.doc = doc;
            this.font = font;
            this.footer = footer;
            this.cmap = FONT.get().getUnicodeCmapLookup();
            newPage();
        }

        void newPage() throws IOException {
            if (cs != null) closePage();
            PDPage p = new PDPage(PDRectangle.A4);
            doc.addPage(p);
            cs = new PDPageContentStream(doc, p);
            cs.setLineWidth(0.5f);
            pageNo++;
            y = H - M;
        }

        void closePage() throws IOException {
            if (footer) text("-" + pageNo + "-", W / 2 - width("-" + pageNo + "-", 9) / 2, 30, 9);
            cs.close();
        }

        void finish() throws IOException { closePage(); cs = null; }

        String safe(String s) throws IOException {
            StringBuilder b = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                b.append(cmap.getGlyphId(c) != 0 ? c : '?');
            }
            return b.toString();
        }

        float width(String s, float size) throws IOException { return font.getStringWidth(safe(s)) / 1000f * size; }

        void text(String s, float x, float yy, float size) throws IOException {
            if (s.isEmpty()) return;
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(x, yy);
            cs.showText(safe(s));
            cs.endText();
        }

        void gap(float g) { y -= g; }

        void centered(String s, float size) throws IOException {
            for (String line : wrap(s, W - 2 * M, size)) {
                if (y - size * 1.6f < BOTTOM) newPage();
                y -= size * 1.6f;
                text(line, W / 2 - width(line, size) / 2, y, size);
            }
        }

        void paragraph(String s, float size, boolean indent) throws IOException {
            String body = indent ? "　　" + s : s;
            for (String line : wrap(body, W - 2 * M, size)) {
                if (y - size * 1.7f < BOTTOM) newPage();
                y -= size * 1.7f;
                text(line, M, y, size);
            }
        }

        List<String> wrap(String s, float maxWidth, float size) throws IOException {
            List<String> out = new ArrayList<>();
            for (String part : s.split("\n", -1)) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < part.length(); i++) {
                    line.append(part.charAt(i));
                    if (width(line.toString(), size) > maxWidth && line.length() > 1) {
                        line.setLength(line.length() - 1);
                        out.add(line.toString());
                        line.setLength(0);
                        line.append(part.charAt(i));
                    }
                }
                out.add(line.toString());
            }
            return out;
        }

        static final float TS = 8, LH = 10.5f, PAD = 2.5f;

        List<String> cellLines(TCell c, float w) throws IOException {
            if (c.vertical()) {
                List<String> v = new ArrayList<>();
                for (char ch : c.text().toCharArray()) v.add(String.valueOf(ch));
                return v;
            }
            return wrap(c.text(), w - 2 * PAD, TS);
        }

        void table(Table t) throws IOException {
            float total = W - 2 * M;
            double sum = 0;
            for (double w : t.widths) sum += w;
            float[] x = new float[t.cols + 1];
            x[0] = M;
            for (int c = 0; c < t.cols; c++) x[c + 1] = x[c] + (float) (total * t.widths[c] / sum);
            float[] h = new float[t.rows];
            for (int r = 0; r < t.rows; r++) h[r] = LH + 2 * PAD;
            for (TCell c : t.cells) {
                float need = cellLines(c, x[c.col() + c.colSpan()] - x[c.col()]).size() * LH + 2 * PAD;
                if (c.rowSpan() == 1) h[c.row()] = Math.max(h[c.row()], need);
            }
            for (TCell c : t.cells) {
                if (c.rowSpan() == 1) continue;
                float need = cellLines(c, x[c.col() + c.colSpan()] - x[c.col()]).size() * LH + 2 * PAD, have = 0;
                for (int r = c.row(); r < c.row() + c.rowSpan(); r++) have += h[r];
                if (need > have) h[c.row() + c.rowSpan() - 1] += need - have;
            }
            TCell[][] g = t.grid();
            y -= 4;
            for (int r = 0; r < t.rows; r++) {
                boolean forced = t.splitAfterRow >= 0 && r == t.splitAfterRow + 1;
                boolean pageTop = false;
                if (y - h[r] < BOTTOM || forced) {
                    newPage();
                    pageTop = true;
                }
                boolean pageEnds = r + 1 < t.rows && (y - h[r] - h[r + 1] < BOTTOM
                        || (t.splitAfterRow >= 0 && r == t.splitAfterRow));
                float top = y, bottom = y - h[r];
                tablePages.add(pageNo);
                for (int c = 0; c < t.cols; c++) {
                    TCell o = g[r][c];
                    if (o == null || o.col() != c) continue;
                    float x0 = x[c], x1 = x[c + o.colSpan()];
                    boolean first = o.row() == r, last = o.row() + o.rowSpan() - 1 == r;
                    line(x0, top, x0, bottom);
                    line(x1, top, x1, bottom);
                    if (first || pageTop) line(x0, top, x1, top);
                    if (last || pageEnds) line(x0, bottom, x1, bottom);
                    if (first) {
                        List<String> lines = cellLines(o, x1 - x0);
                        float ty = top - PAD - TS;
                        for (String l : lines) {
                            float tx = o.numeric() ? (x0 + x1) / 2 - width(l, TS) / 2 : x0 + PAD;
                            text(l, tx, ty, TS);
                            ty -= LH;
                        }
                    }
                }
                y = bottom;
            }
            y -= 6;
        }

        void line(float x0, float y0, float x1, float y1) throws IOException {
            cs.moveTo(x0, y0);
            cs.lineTo(x1, y1);
            cs.stroke();
        }
    }
}
