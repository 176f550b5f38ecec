package io.disclosurelake.read;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.stream.ImageInputStream;

import io.disclosurelake.spec.QuarantineReason;

/**
 * A report sent as images (a photo or scan: JPEG, PNG, TIFF with one page per frame): every page is OCR'd
 * ({@link ScannedPages}). With OCR off the file is quarantined as {@code no_text_layer}. Large frames are
 * subsampled while decoding, and frames past the pixel limit are refused before any pixel is decoded. A frame
 * several A4 pages tall (pages stacked into one picture) is cut into its pages, each OCR'd at full resolution.
 */
public final class ImageReader implements FormatReader {
    /** Frames larger than this are not decoded (a decompression bomb, or far beyond any page scan). */
    static final long MAX_PIXELS = 120_000_000L;
    /** Frames are decoded subsampled to about this long side; OCR needs no more (~200 dpi on A4). */
    static final int TARGET_SIDE = 2400;

    @Override
    public Grid read(byte[] bytes, ReadLimits limits) throws UnreadableDocumentException {
        if (bytes.length == 0) throw new UnreadableDocumentException(QuarantineReason.EMPTY, "image file is empty");
        if (!limits.ocr().enabled())
            throw new UnreadableDocumentException(QuarantineReason.NO_TEXT_LAYER, "an image file has no text layer and OCR is switched off");
        List<Grid.Block> blocks = new ArrayList<>();
        long chars = 0;
        int frames;
        PageOcr ocr = new PageOcr(limits.ocr());
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<javax.imageio.ImageReader> it = in == null ? null : ImageIO.getImageReaders(in);
            if (it == null || !it.hasNext()) throw new UnreadableDocumentException(QuarantineReason.CORRUPT, "image format not readable");
            javax.imageio.ImageReader reader = it.next();
            try {
                reader.setInput(in, false, true);
                frames = reader.getNumImages(true);
                if (frames <= 0) throw new UnreadableDocumentException(QuarantineReason.CORRUPT, "image has no frames");
                if (frames > limits.maxPages())
                    throw new UnreadableDocumentException(QuarantineReason.TOO_LARGE, "image has " + frames + " pages, limit " + limits.maxPages());
                int page = 0;
                for (int i = 0; i < frames; i++) {
                    long w = reader.getWidth(i), h = reader.getHeight(i);
                    if (w * h > MAX_PIXELS)
                        throw new UnreadableDocumentException(QuarantineReason.TOO_LARGE, "image page " + (page + 1) + " is " + w + "×" + h + " pixels");
                    int stacked = stackedPages(w, h);
                    if (page + stacked > limits.maxPages())
                        throw new UnreadableDocumentException(QuarantineReason.TOO_LARGE, "image has " + (page + stacked) + "+ pages, limit " + limits.maxPages());
                    ImageReadParam param = reader.getDefaultReadParam();
                    // subsampled by one page's long side, not the frame's: a tall image of stacked pages keeps its resolution
                    int sub = (int) Math.max(1, Math.max(w, h / stacked) / TARGET_SIDE);
                    if (sub > 1) param.setSourceSubsampling(sub, sub, 0, 0);
                    BufferedImage img = reader.read(i, param);
                    for (BufferedImage one : splitPages(img, stacked)) {
                        page++;
                        ocr.startPage(page, limits);
                        ScannedPages.Page p = ocr.read(upscaled(one), null, page);
                        chars += p.characters();
                        for (PdfReader.Placed b : p.blocks()) blocks.add(b.block());
                    }
                }
                frames = page;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new UnreadableDocumentException(QuarantineReason.CORRUPT, "image cannot be decoded: " + e.getMessage(), e);
        }
        if (chars < 10L * frames) throw ocr.failed(chars, frames);
        return new Grid(blocks, frames);
    }

    /** A page whose long side is under this is scaled up to {@link #UPSCALED_SIDE} (A4 at 200 dpi). */
    static final int MIN_SIDE = 2000, UPSCALED_SIDE = 2339;

    /**
     * A small page (a 150-dpi scan or a photo) scaled up smoothly to ~200 dpi on A4, the resolution the line tests
     * and the recognizer's crops are tuned for (a noisy 150-dpi scan read 172 of 200 cells as it was, 196 scaled).
     */
    static BufferedImage upscaled(BufferedImage page) {
        int longSide = Math.max(page.getWidth(), page.getHeight());
        if (longSide >= MIN_SIDE) return page;
        double scale = Math.min(2.0, (double) UPSCALED_SIDE / longSide);
        int w = (int) Math.round(page.getWidth() * scale), h = (int) Math.round(page.getHeight() * scale);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = out.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(page, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /** An A4 page is √2 (1.414) times as tall as it is wide. */
    static final double A4_ASPECT = Math.sqrt(2);

    /**
     * How many pages a frame holds: a tall image (a 长图, pages posted stacked top to bottom as one picture) holds
     * as many A4 pages as its height allows, rounded; an image under 1.7 pages tall is one page.
     */
    static int stackedPages(long width, long height) {
        double pages = height / (width * A4_ASPECT);
        return pages < 1.7 ? 1 : (int) Math.round(pages);
    }

    /**
     * A frame of {@code n} stacked pages cut into its pages: each cut at the whitest row band within 4% of a page's
     * height of the even boundary, so that a page a little taller or shorter than A4 is not cut through its print.
     */
    static List<BufferedImage> splitPages(BufferedImage img, int n) {
        if (n <= 1) return List.of(img);
        int w = img.getWidth(), h = img.getHeight();
        double pageH = (double) h / n;
        int window = (int) Math.max(2, pageH * 0.04);
        List<BufferedImage> pages = new ArrayList<>();
        int top = 0;
        for (int k = 1; k <= n; k++) {
            int cut = h;
            if (k < n) {
                int nominal = (int) Math.round(k * pageH);
                long best = Long.MAX_VALUE;
                cut = nominal;
                for (int y = Math.max(top + 1, nominal - window); y <= Math.min(h - 1, nominal + window); y++) {
                    long ink = ink(img, y, w);
                    if (ink < best || (ink == best && Math.abs(y - nominal) < Math.abs(cut - nominal))) { best = ink; cut = y; }
                }
            }
            pages.add(img.getSubimage(0, top, w, cut - top));
            top = cut;
        }
        return pages;
    }

    /** Darkness of one pixel row (sum of 255 − grey, sampled every 2nd pixel). */
    private static long ink(BufferedImage img, int y, int w) {
        long sum = 0;
        for (int x = 0; x < w; x += 2) {
            int rgb = img.getRGB(x, y);
            int grey = (((rgb >> 16) & 0xFF) * 30 + ((rgb >> 8) & 0xFF) * 59 + (rgb & 0xFF) * 11) / 100;
            sum += 255 - grey;
        }
        return sum;
    }
}
