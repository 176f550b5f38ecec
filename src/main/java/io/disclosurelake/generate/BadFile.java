package io.disclosurelake.generate;

import io.disclosurelake.spec.QuarantineReason;

/** A deliberately unusable document and the quarantine reason the extractor must give it. */
public enum BadFile {
    TRUNCATED_PDF("pdf", QuarantineReason.CORRUPT),
    TRUNCATED_DOCX("docx", QuarantineReason.CORRUPT),
    ENCRYPTED_PDF("pdf", QuarantineReason.ENCRYPTED),
    EMPTY_FILE("pdf", QuarantineReason.EMPTY),
    /** Bars and an empty grid as an image, no print: OCR (on by default) finds nothing to read. */
    IMAGE_ONLY_PDF("pdf", QuarantineReason.OCR_FAILED),
    ZIP_BOMB_DOCX("docx", QuarantineReason.TOO_LARGE),
    XXE_DOCX("docx", QuarantineReason.UNSAFE),
    NOT_A_REPORT("docx", QuarantineReason.NOT_A_REPORT),
    LEGACY_REPORT("html", QuarantineReason.LEGACY_TEMPLATE);

    public final String extension;
    public final QuarantineReason reason;

    BadFile(String extension, QuarantineReason reason) {
        this.extension = extension;
        this.reason = reason;
    }
}
