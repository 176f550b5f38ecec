package io.disclosurelake.extract;

import io.disclosurelake.read.ocr.OcrSettings;

import java.time.Duration;

/**
 * Per-document protection for the caller (template of the nightly job): files over {@code maxBytes} are not
 * read at all; extraction that runs past {@code timeout} is abandoned; readers stop at {@code maxPages}
 * and refuse zip containers that inflate past {@code maxUncompressedBytes}; scanned pages are OCR'd as
 * {@code ocr} says (OCR time counts against {@code timeout}).
 */
public record ExtractionLimits(long maxBytes, Duration timeout, int maxPages, long maxUncompressedBytes,
                               int minDenominator, OcrSettings ocr) {
    public ExtractionLimits {
        if (ocr == null) ocr = OcrSettings.OFF;
    }

    /** Limits without OCR (scanned PDFs are quarantined as no_text_layer), as before OCR existed. */
    public ExtractionLimits(long maxBytes, Duration timeout, int maxPages, long maxUncompressedBytes, int minDenominator) {
        this(maxBytes, timeout, maxPages, maxUncompressedBytes, minDenominator, OcrSettings.OFF);
    }

    /** The defaults, OCR on. */
    public static ExtractionLimits defaults() {
        return new ExtractionLimits(50L << 20, Duration.ofSeconds(60), 300, 200L << 20, 30, OcrSettings.defaults());
    }

    /**
     * The time one document may take: {@code timeout} to read it, plus the OCR budget when OCR is on — a scanned
     * report of many pages needs far longer than any text document, and must not be lost as {@code timeout} on a
     * busy executor while a hostile text file is still stopped after {@code timeout} (its readers watch that).
     */
    public Duration documentBudget() {
        return ocr.enabled() ? timeout.plus(ocr.timeLimit()) : timeout;
    }

    public ExtractionLimits withTimeout(Duration t) {
        return new ExtractionLimits(maxBytes, t, maxPages, maxUncompressedBytes, minDenominator, ocr);
    }

    public ExtractionLimits withOcr(OcrSettings settings) {
        return new ExtractionLimits(maxBytes, timeout, maxPages, maxUncompressedBytes, minDenominator, settings);
    }
}
