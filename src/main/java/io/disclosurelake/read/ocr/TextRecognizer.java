package io.disclosurelake.read.ocr;

import java.awt.image.BufferedImage;

/**
 * Reads the text of one line of print in an image (a table cell's line, a title line). Implementations are
 * thread-safe; the algorithm behind this interface can be replaced without touching the page layout code.
 */
public interface TextRecognizer {

    /** The text read and the recognizer's confidence in it (0..1); empty text with confidence 0 when nothing is read. */
    record Recognition(String text, double confidence) {
        public static final Recognition NONE = new Recognition("", 0);
    }

    /** Reads {@code line}: a crop holding one line of print, dark on light, any size. */
    Recognition recognize(BufferedImage line);

    /** Reads several lines, in order; an implementation may run them together (one model run for many short lines). */
    default java.util.List<Recognition> recognizeAll(java.util.List<BufferedImage> lines) {
        java.util.List<Recognition> out = new java.util.ArrayList<>(lines.size());
        for (BufferedImage l : lines) out.add(recognize(l));
        return out;
    }
}
