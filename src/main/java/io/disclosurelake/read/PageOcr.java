package io.disclosurelake.read;

import java.awt.image.BufferedImage;

import io.disclosurelake.spec.QuarantineReason;
import io.disclosurelake.read.ocr.OcrSettings;
import io.disclosurelake.read.ocr.OnnxTextRecognizer;
import io.disclosurelake.read.ocr.TextRecognizer;

/**
 * OCR of one document's scanned pages within its {@link OcrSettings}: at most {@code maxPages} pages and
 * {@code timeLimit} of OCR, the shared recognizer loaded on first use. The time spent on OCR (from
 * {@link #startPage} to the end of {@link #read}, the page's rendering included) is the OCR budget's, not the
 * reading deadline's: {@link #deadline} moves the reader's deadline by it (docs/ocr.md, ExtractionLimits.documentBudget).
 * Not thread-safe: one per document read.
 */
final class PageOcr {
    private final OcrSettings settings;
    private long spentNanos;
    private long pageStarted;
    private int pages;
    private TextRecognizer recognizer;

    PageOcr(OcrSettings settings) { this.settings = settings; }

    /** Counts a page about to be OCR'd; throws when it is over the page or time limit. */
    void startPage(int pageNo, ReadLimits limits) throws UnreadableDocumentException {
        pages++;
        if (pages > settings.maxPages())
            throw new UnreadableDocumentException(QuarantineReason.TOO_LARGE,
                    "more than " + settings.maxPages() + " scanned pages to OCR (page " + pageNo + ")");
        if (spentNanos > settings.timeLimit().toNanos())
            throw new UnreadableDocumentException(QuarantineReason.TIMEOUT,
                    "OCR took longer than " + settings.timeLimit() + " (at page " + pageNo + ")");
        if (deadline(limits).pastDeadline())
            throw new UnreadableDocumentException(QuarantineReason.TIMEOUT, "read past deadline at scanned page " + pageNo);
        pageStarted = System.nanoTime();
    }

    /** The reader's limits with the deadline moved by the time spent on OCR so far. */
    ReadLimits deadline(ReadLimits limits) { return limits.extendedBy(spentNanos); }

    ScannedPages.Page read(BufferedImage image, int pageNo) throws UnreadableDocumentException {
        return read(image, null, pageNo);
    }

    ScannedPages.Page read(BufferedImage image, Double dpi, int pageNo) throws UnreadableDocumentException {
        try {
            if (recognizer == null) recognizer = OnnxTextRecognizer.shared(settings.threads());
            return ScannedPages.read(image, dpi, pageNo, recognizer);
        } catch (IllegalStateException | IllegalArgumentException | ArithmeticException | IndexOutOfBoundsException e) {
            throw new UnreadableDocumentException(QuarantineReason.OCR_FAILED, "OCR of page " + pageNo + " failed: " + e.getMessage(), e);
        } finally {
            spentNanos += System.nanoTime() - pageStarted;
        }
    }

    int pages() { return pages; }

    /** The reason for a document whose scanned pages gave (almost) no text. */
    UnreadableDocumentException failed(long chars, int docPages) {
        return new UnreadableDocumentException(QuarantineReason.OCR_FAILED,
                "OCR read " + chars + " characters on " + docPages + " pages (" + pages + " scanned): no readable print");
    }
}
