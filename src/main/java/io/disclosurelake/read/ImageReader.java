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
 * subsampled while decoding, and frames past the pixel limit are refused before any pixel is decoded.
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
                for (int i = 0; i < frames; i++) {
                    int page = i + 1;
                    ocr.startPage(page, limits);
                    long w = reader.getWidth(i), h = reader.getHeight(i);
                    if (w * h > MAX_PIXELS)
                        throw new UnreadableDocumentException(QuarantineReason.TOO_LARGE, "image page " + page + " is " + w + "×" + h + " pixels");
                    ImageReadParam param = reader.getDefaultReadParam();
                    int sub = (int) Math.max(1, Math.max(w, h) / TARGET_SIDE);
                    if (sub > 1) param.setSourceSubsampling(sub, sub, 0, 0);
                    BufferedImage img = reader.read(i, param);
                    ScannedPages.Page p = ocr.read(img, null, page);
                    chars += p.characters();
                    for (PdfReader.Placed b : p.blocks()) blocks.add(b.block());
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new UnreadableDocumentException(QuarantineReason.CORRUPT, "image cannot be decoded: " + e.getMessage(), e);
        }
        if (chars < 10L * frames) throw ocr.failed(chars, frames);
        return new Grid(blocks, frames);
    }
}
