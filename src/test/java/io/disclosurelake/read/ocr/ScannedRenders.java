package io.disclosurelake.read.ocr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Test inputs for OCR made from text PDFs: each page rendered to an image (optionally turned, speckled and
 * JPEG-compressed, as a scanner and a careless upload do) and written back as an image-only PDF or a PNG.
 */
public final class ScannedRenders {
    private ScannedRenders() {}

    /** How a page is degraded: skew in degrees, speckles per megapixel, JPEG quality (0 = lossless). */
    public record Noise(double skewDegrees, int specklesPerMegapixel, float jpegQuality, long seed) {
        public static final Noise CLEAN = new Noise(0, 0, 0, 0);
        public static final Noise SCANNER = new Noise(1.5, 400, 0.6f, 42);
    }

    /** The pages of {@code pdf} as images at {@code dpi}, degraded by {@code noise}. */
    public static List<BufferedImage> pages(byte[] pdf, int dpi, Noise noise) throws IOException {
        List<BufferedImage> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFRenderer r = new PDFRenderer(doc);
            for (int i = 0; i < doc.getNumberOfPages(); i++) out.add(degrade(r.renderImageWithDPI(i, dpi, ImageType.GRAY), noise, i));
        }
        return out;
    }

    static BufferedImage degrade(BufferedImage page, Noise noise, int index) {
        BufferedImage img = page;
        if (noise.skewDegrees() != 0) {
            BufferedImage t = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = t.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, t.getWidth(), t.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            double a = index % 2 == 0 ? noise.skewDegrees() : -noise.skewDegrees();
            g.drawImage(img, AffineTransform.getRotateInstance(Math.toRadians(a), img.getWidth() / 2.0, img.getHeight() / 2.0), null);
            g.dispose();
            img = t;
        }
        if (noise.specklesPerMegapixel() > 0) {
            SplittableRandom rnd = new SplittableRandom(noise.seed() + index);
            int n = (int) ((long) img.getWidth() * img.getHeight() * noise.specklesPerMegapixel() / 1_000_000);
            for (int i = 0; i < n; i++) {
                int x = rnd.nextInt(img.getWidth() - 2), y = rnd.nextInt(img.getHeight() - 2);
                int size = 1 + rnd.nextInt(2);
                int v = rnd.nextInt(100);
                for (int dy = 0; dy < size; dy++) for (int dx = 0; dx < size; dx++) img.getRaster().setSample(x + dx, y + dy, 0, v);
            }
        }
        return img;
    }

    /** An image-only PDF of {@code pdf}'s pages: what a scanned report is. */
    public static byte[] imageOnlyPdf(byte[] pdf, int dpi, Noise noise) throws IOException {
        List<BufferedImage> images = pages(pdf, dpi, noise);
        try (PDDocument out = new PDDocument(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            for (BufferedImage img : images) {
                PDRectangle size = new PDRectangle(img.getWidth() * 72f / dpi, img.getHeight() * 72f / dpi);
                PDPage page = new PDPage(size);
                out.addPage(page);
                PDImageXObject x = noise.jpegQuality() > 0 ? JPEGFactory.createFromImage(out, img, noise.jpegQuality())
                        : LosslessFactory.createFromImage(out, img);
                try (PDPageContentStream cs = new PDPageContentStream(out, page)) {
                    cs.drawImage(x, 0, 0, size.getWidth(), size.getHeight());
                }
            }
            out.save(bytes);
            return bytes.toByteArray();
        }
    }

    /**
     * {@code pdf} with the pages in {@code scannedPages} (1-based) replaced by their image at {@code dpi}: a report
     * whose table pages were scanned while the rest kept its text layer.
     */
    public static byte[] partlyScannedPdf(byte[] pdf, int dpi, java.util.Set<Integer> scannedPages) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf); PDDocument out = new PDDocument(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            PDFRenderer r = new PDFRenderer(doc);
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                PDPage src = doc.getPage(i);
                if (!scannedPages.contains(i + 1)) {
                    out.importPage(src);
                    continue;
                }
                BufferedImage img = r.renderImageWithDPI(i, dpi, ImageType.GRAY);
                PDRectangle size = src.getMediaBox();
                PDPage page = new PDPage(size);
                out.addPage(page);
                PDImageXObject x = LosslessFactory.createFromImage(out, img);
                try (PDPageContentStream cs = new PDPageContentStream(out, page)) {
                    cs.drawImage(x, size.getLowerLeftX(), size.getLowerLeftY(), size.getWidth(), size.getHeight());
                }
            }
            out.save(bytes);
            return bytes.toByteArray();
        }
    }

    /** One page as PNG (or JPEG when the noise says so) bytes. */
    public static byte[] imageFile(BufferedImage img, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(img, format, out)) throw new IOException("no ImageIO writer for " + format);
        return out.toByteArray();
    }
}
