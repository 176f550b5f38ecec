package io.disclosurelake.generate;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Turns a generated text PDF into what a scanner makes of its printed copy: every page rendered at the
 * profile's dpi in grey, laid crooked, speckled, blurred, grained and compressed ({@link ScanProfile}), then
 * written as an image-only PDF, a PDF whose table pages only are images (the rest keep their text layer), or an
 * image file. The same bytes and seed give the same output (pixel work is plain loops over the raster, one
 * random stream per document, drawn page by page).
 *
 * <p>Image files: TIFF holds every page, one image per page (what office scanners save); PNG and JPEG hold
 * every page stacked top to bottom in one tall image (a 长图, the way reports are posted as one picture), so
 * each carries the whole report and its whole truth.
 */
public final class PageScanner {
    private PageScanner() {}

    public enum Output {
        /** every page an image, no text layer */
        IMAGE_PDF("pdf"),
        /** table pages an image, the other pages keep their text */
        TABLE_PAGES_PDF("pdf"),
        /**
         * every page printed in two parts (cut near the middle), each at the top of a page of its own, then all
         * scanned: a report of twice the pages (a 3-page report on 6), with tables going on over page breaks
         */
        HALF_PAGES_PDF("pdf"),
        PNG("png"),
        JPEG("jpg"),
        TIFF("tif");

        public final String extension;

        Output(String extension) { this.extension = extension; }
    }

    /** What was made and how: the truth file records it. */
    public record Scanned(byte[] bytes, Output output, ScanProfile profile, int pages, List<Integer> scannedPages,
                          List<Double> skewDegrees, List<int[]> pixelSizes, float jpegQuality) {}

    /** JPEG quality of a JPEG file when the profile itself is lossless. */
    static final float CLEAN_JPEG_FILE_QUALITY = 0.92f;

    /**
     * @param tablePages pages to scan for {@link Output#TABLE_PAGES_PDF} (1-based); ignored otherwise
     */
    public static Scanned scan(byte[] pdf, Output out, Set<Integer> tablePages, ScanProfile p, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        if (out == Output.HALF_PAGES_PDF) pdf = halves(pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int n = doc.getNumberOfPages();
            List<Integer> pages = new ArrayList<>();
            for (int i = 1; i <= n; i++) if (out != Output.TABLE_PAGES_PDF || tablePages.contains(i)) pages.add(i);
            PDFRenderer renderer = new PDFRenderer(doc);
            List<BufferedImage> images = new ArrayList<>();
            List<Double> skews = new ArrayList<>();
            List<int[]> sizes = new ArrayList<>();
            for (int page : pages) {
                double skew = drawSkew(p, r);
                BufferedImage img = degrade(renderer.renderImageWithDPI(page - 1, p.dpi(), ImageType.GRAY), p, skew, r);
                images.add(img);
                skews.add(skew);
                sizes.add(new int[]{img.getWidth(), img.getHeight()});
            }
            float q = p.jpegQuality();
            byte[] bytes = switch (out) {
                case IMAGE_PDF, HALF_PAGES_PDF -> imagePdf(doc, images, p);
                case TABLE_PAGES_PDF -> replacePages(doc, pages, images, p);
                case PNG -> encode(stack(lossy(images, p)), "png", 0);
                case JPEG -> encode(stack(images), "jpeg", q = q > 0 ? q : CLEAN_JPEG_FILE_QUALITY);
                case TIFF -> tiff(lossy(images, p));
            };
            return new Scanned(bytes, out, p, n, List.copyOf(pages), List.copyOf(skews), List.copyOf(sizes), q);
        }
    }

    /** Skew in degrees, to 0.01°: |skew| uniform in the profile's range, either sign. */
    static double drawSkew(ScanProfile p, SplittableRandom r) {
        double m = p.minSkewDegrees() + r.nextDouble() * (p.maxSkewDegrees() - p.minSkewDegrees());
        return Math.round((r.nextBoolean() ? m : -m) * 100) / 100.0;
    }

    // ------------------------------------------------------------------ the scan itself

    static BufferedImage degrade(BufferedImage page, ScanProfile p, double skewDegrees, SplittableRandom r) {
        BufferedImage img = rotate(gray(page), skewDegrees);
        int w = img.getWidth(), h = img.getHeight();
        byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        // paper specks: dark dots of 1–2 px, before the optics blur them
        long specks = Math.round(p.speckles() * w * h / 1e6);
        for (long i = 0; i < specks; i++) {
            int x = r.nextInt(w), y = r.nextInt(h), s = 1 + r.nextInt(2), v = r.nextInt(90);
            for (int dy = 0; dy < s && y + dy < h; dy++)
                for (int dx = 0; dx < s && x + dx < w; dx++) px[(y + dy) * w + x + dx] = (byte) v;
        }
        for (int i = 0; i < p.blurPasses(); i++) blur(px, w, h);
        if (p.grain() > 0 || p.paperTone() < 255) {
            int g = p.grain(), tone = p.paperTone();
            for (int i = 0; i < px.length; i++) {
                int v = (px[i] & 0xFF) * tone / 255;
                if (g > 0) v += r.nextInt(2 * g + 1) - g;
                px[i] = (byte) Math.max(0, Math.min(255, v));
            }
        }
        return img;
    }

    /** A TYPE_BYTE_GRAY copy whose raster we may write (the renderer's own type already is). */
    private static BufferedImage gray(BufferedImage in) {
        if (in.getType() == BufferedImage.TYPE_BYTE_GRAY) return in;
        BufferedImage g = new BufferedImage(in.getWidth(), in.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D gr = g.createGraphics();
        gr.drawImage(in, 0, 0, null);
        gr.dispose();
        return g;
    }

    /** The sheet turned about its centre; corners the page leaves are white paper (filled on the raster, not via Color). */
    static BufferedImage rotate(BufferedImage in, double degrees) {
        if (degrees == 0) return in;
        BufferedImage out = new BufferedImage(in.getWidth(), in.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Arrays.fill(((DataBufferByte) out.getRaster().getDataBuffer()).getData(), (byte) 0xFF);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians(degrees), in.getWidth() / 2.0, in.getHeight() / 2.0);
        g.drawImage(in, 0, 0, null);
        g.dispose();
        return out;
    }

    /** One 3×3 Gaussian pass (1 2 1 / 2 4 2 / 1 2 1) / 16, edges clamped. */
    static void blur(byte[] px, int w, int h) {
        byte[] src = px.clone();
        for (int y = 0; y < h; y++) {
            int y0 = Math.max(0, y - 1) * w, y1 = y * w, y2 = Math.min(h - 1, y + 1) * w;
            for (int x = 0; x < w; x++) {
                int x0 = Math.max(0, x - 1), x2 = Math.min(w - 1, x + 1);
                int s = (src[y0 + x0] & 0xFF) + 2 * (src[y0 + x] & 0xFF) + (src[y0 + x2] & 0xFF)
                        + 2 * (src[y1 + x0] & 0xFF) + 4 * (src[y1 + x] & 0xFF) + 2 * (src[y1 + x2] & 0xFF)
                        + (src[y2 + x0] & 0xFF) + 2 * (src[y2 + x] & 0xFF) + (src[y2 + x2] & 0xFF);
                px[y1 + x] = (byte) ((s + 8) >> 4);
            }
        }
    }

    // ------------------------------------------------------------------ containers

    /**
     * Each page's upper part, then its lower part, each drawn unscaled at the top of a page of the page's size (the
     * rest of that page left blank): the same print on twice the pages. The cut is the line nearest the middle
     * with the least ink (between two lines of text or rows of a table), so nothing printed is cut through and a
     * table goes on over the page break, as tables of real reports do.
     */
    static byte[] halves(byte[] pdf) throws IOException {
        try (PDDocument src = Loader.loadPDF(pdf); PDDocument out = new PDDocument()) {
            org.apache.pdfbox.multipdf.LayerUtility layers = new org.apache.pdfbox.multipdf.LayerUtility(out);
            PDFRenderer renderer = new PDFRenderer(src);
            for (int i = 0; i < src.getNumberOfPages(); i++) {
                PDRectangle box = src.getPage(i).getMediaBox();
                var form = layers.importPageAsForm(src, i);
                float w = box.getWidth(), h = box.getHeight();
                float cut = h - quietestRowNearMiddle(renderer.renderImageWithDPI(i, 72, ImageType.GRAY)); // from the bottom
                for (int part = 0; part < 2; part++) {
                    float height = part == 0 ? h - cut : cut;
                    PDPage page = new PDPage(new PDRectangle(w, h));
                    out.addPage(page);
                    try (PDPageContentStream cs = new PDPageContentStream(out, page)) {
                        cs.addRect(0, h - height, w, height);
                        cs.clip();
                        // the upper part stays where it is; the lower part moves up to the top of its page
                        if (part == 1) cs.transform(org.apache.pdfbox.util.Matrix.getTranslateInstance(0, h - cut));
                        cs.drawForm(form);
                    }
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            out.save(bytes);
            return bytes.toByteArray();
        }
    }

    private static byte[] imagePdf(PDDocument src, List<BufferedImage> images, ScanProfile p) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            for (int i = 0; i < images.size(); i++) {
                PDRectangle box = src.getPage(i).getMediaBox();
                PDPage page = new PDPage(new PDRectangle(box.getWidth(), box.getHeight()));
                doc.addPage(page);
                drawFullPage(doc, page, images.get(i), p);
            }
            PdfWriter.finishMetadata(doc, new PdfWriter.Options(false, PdfWriter.Protection.NONE, images.size() * 7919L, "Scanner"));
            return PdfWriter.save(doc, PdfWriter.Protection.NONE);
        }
    }

    /** The scanned pages lose their text and fonts: only the image is left on them. */
    private static byte[] replacePages(PDDocument doc, List<Integer> pages, List<BufferedImage> images, ScanProfile p) throws IOException {
        for (int i = 0; i < pages.size(); i++) {
            PDPage page = doc.getPage(pages.get(i) - 1);
            page.setResources(new PDResources());
            drawFullPage(doc, page, images.get(i), p);
        }
        doc.getDocumentInformation().setProducer("Scanner + " + doc.getDocumentInformation().getProducer());
        return PdfWriter.save(doc, PdfWriter.Protection.NONE);
    }

    private static void drawFullPage(PDDocument doc, PDPage page, BufferedImage img, ScanProfile p) throws IOException {
        PDImageXObject x = p.jpegQuality() > 0
                ? JPEGFactory.createFromByteArray(doc, encode(img, "jpeg", p.jpegQuality()))
                : LosslessFactory.createFromImage(doc, img);
        PDRectangle box = page.getMediaBox();
        try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.OVERWRITE, true)) {
            cs.drawImage(x, box.getLowerLeftX(), box.getLowerLeftY(), box.getWidth(), box.getHeight());
        }
    }

    /** The pixel row (from the top) in the middle fifth of the page with the least ink; the nearest the middle among equals. */
    static int quietestRowNearMiddle(BufferedImage page) {
        int h = page.getHeight(), w = page.getWidth(), mid = h / 2, best = mid;
        long bestInk = Long.MAX_VALUE;
        var raster = page.getRaster();
        for (int d = 0; d <= h / 10; d++) {
            for (int y : new int[]{mid - d, mid + d}) {
                long ink = 0;
                for (int x = 0; x < w; x++) ink += 255 - raster.getSample(x, y, 0);
                if (ink < bestInk) { bestInk = ink; best = y; }
            }
        }
        return best;
    }

    /** Pages as a JPEG-saving scanner left them, for containers that store pixels losslessly. */
    private static List<BufferedImage> lossy(List<BufferedImage> images, ScanProfile p) throws IOException {
        if (p.jpegQuality() <= 0) return images;
        List<BufferedImage> out = new ArrayList<>();
        for (BufferedImage img : images) out.add(gray(ImageIO.read(new ByteArrayInputStream(encode(img, "jpeg", p.jpegQuality())))));
        return out;
    }

    private static BufferedImage stack(List<BufferedImage> images) {
        int w = 0, h = 0;
        for (BufferedImage i : images) { w = Math.max(w, i.getWidth()); h += i.getHeight(); }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        Arrays.fill(dst, (byte) 0xFF);
        int y = 0;
        for (BufferedImage i : images) {
            byte[] src = ((DataBufferByte) i.getRaster().getDataBuffer()).getData();
            for (int row = 0; row < i.getHeight(); row++) System.arraycopy(src, row * i.getWidth(), dst, (y + row) * w, i.getWidth());
            y += i.getHeight();
        }
        return out;
    }

    static byte[] encode(BufferedImage img, String format, float quality) throws IOException {
        ImageWriter w = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(bytes)) {
            w.setOutput(ios);
            ImageWriteParam param = w.getDefaultWriteParam();
            if (quality > 0) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
            }
            w.write(null, new IIOImage(img, null, null), param);
        } finally {
            w.dispose();
        }
        return bytes.toByteArray();
    }

    /** A multi-page TIFF, LZW-compressed, one grey image per page. */
    private static byte[] tiff(List<BufferedImage> images) throws IOException {
        ImageWriter w = ImageIO.getImageWritersByFormatName("tiff").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(bytes)) {
            w.setOutput(ios);
            ImageWriteParam param = w.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("LZW");
            w.prepareWriteSequence(null);
            for (BufferedImage img : images) w.writeToSequence(new IIOImage(img, null, null), param);
            w.endWriteSequence();
        } finally {
            w.dispose();
        }
        return bytes.toByteArray();
    }
}
