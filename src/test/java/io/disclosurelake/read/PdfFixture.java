package io.disclosurelake.read;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Writes test PDFs with the CJK font, in y-down coordinates (points from the page's top-left) so fixtures
 * read like the layout they describe. Pages are A4.
 */
final class PdfFixture {
    static final File CJK_FONT = new File("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
    private static TrueTypeFont ttf;

    static synchronized TrueTypeFont font() throws IOException {
        if (ttf == null) {
            TrueTypeCollection ttc = new TrueTypeCollection(CJK_FONT);
            List<TrueTypeFont> fonts = new ArrayList<>();
            ttc.processAllFonts(fonts::add);
            ttf = fonts.get(0);
        }
        return ttf;
    }

    private final PDDocument doc = new PDDocument();
    private final PDType0Font font;
    private PDPageContentStream cs;
    private final float height = PDRectangle.A4.getHeight();

    PdfFixture() throws IOException {
        font = PDType0Font.load(doc, font(), true);
    }

    PdfFixture page() throws IOException {
        if (cs != null) cs.close();
        PDPage p = new PDPage(PDRectangle.A4);
        doc.addPage(p);
        cs = new PDPageContentStream(doc, p);
        return this;
    }

    PdfFixture text(double x, double baseline, String s) throws IOException {
        return text(x, baseline, s, 10.5f);
    }

    PdfFixture text(double x, double baseline, String s, float size) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset((float) x, (float) (height - baseline));
        cs.showText(s);
        cs.endText();
        return this;
    }

    /** A stroked line. */
    PdfFixture line(double x1, double y1, double x2, double y2) throws IOException {
        cs.setLineWidth(0.5f);
        cs.moveTo((float) x1, (float) (height - y1));
        cs.lineTo((float) x2, (float) (height - y2));
        cs.stroke();
        return this;
    }

    /** A border drawn the Word way: a thin filled rectangle. */
    PdfFixture thinRect(double x1, double y1, double x2, double y2) throws IOException {
        double w = Math.max(0.5, x2 - x1), h = Math.max(0.5, y2 - y1);
        cs.addRect((float) x1, (float) (height - y1 - h), (float) w, (float) h);
        cs.fill();
        return this;
    }

    PDDocument document() throws IOException {
        if (cs != null) {
            cs.close();
            cs = null;
        }
        return doc;
    }

    byte[] bytes() throws IOException {
        document();
        try (doc; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.save(out);
            return out.toByteArray();
        }
    }
}
