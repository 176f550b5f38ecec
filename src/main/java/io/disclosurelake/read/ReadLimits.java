package io.disclosurelake.read;

import io.disclosurelake.read.ocr.OcrSettings;

/**
 * Resource limits a reader enforces while it reads (a deadline is checked by the caller too):
 * maximum pages (PDF), maximum uncompressed bytes of a zip container (DOCX/XLSX), maximum characters of text,
 * and how scanned pages are OCR'd ({@link OcrSettings}).
 */
public record ReadLimits(int maxPages, long maxUncompressedBytes, long maxTextChars, long deadlineNanos, OcrSettings ocr) {
    public ReadLimits {
        if (ocr == null) ocr = OcrSettings.OFF;
    }

    /** Limits without OCR (a page without a text layer is quarantined as no_text_layer), as before OCR existed. */
    public ReadLimits(int maxPages, long maxUncompressedBytes, long maxTextChars, long deadlineNanos) {
        this(maxPages, maxUncompressedBytes, maxTextChars, deadlineNanos, OcrSettings.OFF);
    }

    /** The defaults, OCR on. */
    public static ReadLimits defaults() {
        return new ReadLimits(300, 200L << 20, 20_000_000L, Long.MAX_VALUE, OcrSettings.defaults());
    }

    public ReadLimits withOcr(OcrSettings settings) {
        return new ReadLimits(maxPages, maxUncompressedBytes, maxTextChars, deadlineNanos, settings);
    }

    /** The same limits with the deadline {@code nanos} later (time spent on OCR, which has its own budget). */
    public ReadLimits extendedBy(long nanos) {
        return nanos == 0 ? this : new ReadLimits(maxPages, maxUncompressedBytes, maxTextChars, deadlineNanos + nanos, ocr);
    }

    public boolean pastDeadline() { return System.nanoTime() > deadlineNanos; }
}
