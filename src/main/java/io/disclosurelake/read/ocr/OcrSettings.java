package io.disclosurelake.read.ocr;

import java.time.Duration;

/**
 * How scanned pages are read: whether at all ({@code enabled}; off, a PDF without a text layer is quarantined
 * as {@code no_text_layer}), at most {@code maxPages} OCR'd pages per document, at most {@code timeLimit} of OCR
 * per document (within the document's own time limit), ONNX intra-op {@code threads} (0: automatic — the
 * job gives a document the cores no other document of the night can use, see {@link #threadsFor}),
 * {@code minConfidence} under which a recognised number is null, and the {@code dpi} pages are rendered at. Keys {@code ocr.*} in conf/disclosure-lake.properties.
 */
public record OcrSettings(boolean enabled, int maxPages, Duration timeLimit, int threads, double minConfidence, int dpi) {
    /** OCR switched off: the behaviour before OCR existed. */
    public static final OcrSettings OFF = new OcrSettings(false, 0, Duration.ZERO, 1, 1.0, 200);

    public static OcrSettings defaults() {
        return new OcrSettings(true, 20, Duration.ofSeconds(180), 0, 0.80, 200);
    }

    /**
     * The intra-op threads for a document when {@code threads} is 0 (automatic): the cores of its executor shared
     * among the documents read on it at once — a night of one scanned report reads it on every core, a night of
     * many gives each one thread (they already run side by side). A set number is kept as it is.
     */
    public int threadsFor(int executorCores, int documentsAtOnce) {
        if (threads > 0) return threads;
        return Math.max(1, executorCores / Math.max(1, Math.min(documentsAtOnce, executorCores)));
    }

    public OcrSettings withThreads(int n) { return new OcrSettings(enabled, maxPages, timeLimit, n, minConfidence, dpi); }

    public OcrSettings withTimeLimit(Duration t) { return new OcrSettings(enabled, maxPages, t, threads, minConfidence, dpi); }

    public OcrSettings withDpi(int d) { return new OcrSettings(enabled, maxPages, timeLimit, threads, minConfidence, d); }
}
