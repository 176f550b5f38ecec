package io.disclosurelake.read.ocr;

import java.time.Duration;

/**
 * How scanned pages are read: whether at all ({@code enabled}; off, a PDF without a text layer is quarantined
 * as {@code no_text_layer}), at most {@code maxPages} OCR'd pages per document, at most {@code timeLimit} of OCR
 * per document (within the document's own time limit), ONNX intra-op {@code threads} (the first document of
 * a JVM fixes them), {@code minConfidence} under which a recognised number is null, and the {@code dpi} pages
 * are rendered at. Keys {@code ocr.*} in conf/disclosure-lake.properties.
 */
public record OcrSettings(boolean enabled, int maxPages, Duration timeLimit, int threads, double minConfidence, int dpi) {
    /** OCR switched off: the behaviour before OCR existed. */
    public static final OcrSettings OFF = new OcrSettings(false, 0, Duration.ZERO, 1, 1.0, 200);

    public static OcrSettings defaults() {
        return new OcrSettings(true, 20, Duration.ofSeconds(180), 1, 0.80, 200);
    }

    public OcrSettings withThreads(int n) { return new OcrSettings(enabled, maxPages, timeLimit, n, minConfidence, dpi); }

    public OcrSettings withTimeLimit(Duration t) { return new OcrSettings(enabled, maxPages, t, threads, minConfidence, dpi); }

    public OcrSettings withDpi(int d) { return new OcrSettings(enabled, maxPages, timeLimit, threads, minConfidence, d); }
}
