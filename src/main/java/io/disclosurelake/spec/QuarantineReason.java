package io.disclosurelake.spec;

/** Why a file could not be turned into a report. Ids are stored in the {@code quarantine} table. */
public enum QuarantineReason {
    ENCRYPTED("encrypted", "a password is needed to open the file"),
    CORRUPT("corrupt", "the file is damaged or not what its bytes claim"),
    EMPTY("empty", "the file has no content"),
    NO_TEXT_LAYER("no_text_layer", "scanned image without a text layer: needs OCR (OCR is switched off)"),
    NOT_A_REPORT("not_a_report", "not an annual report on government information disclosure"),
    LEGACY_TEMPLATE("legacy_template", "a pre-2019 report without the national statistical tables"),
    TOO_LARGE("too_large", "over the configured size, page or memory limit"),
    TIMEOUT("timeout", "extraction took longer than the configured time limit"),
    UNSUPPORTED_FORMAT("unsupported_format", "a file format the extractor does not read"),
    UNSAFE("unsafe", "the file asks for something refused for safety (e.g. an external entity)"),
    OCR_FAILED("ocr_failed", "scanned pages that OCR cannot read (no print recognised, or the OCR model failed)");

    public final String id;
    public final String description;

    QuarantineReason(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public static QuarantineReason of(String id) {
        for (QuarantineReason r : values()) if (r.id.equals(id)) return r;
        throw new IllegalArgumentException("unknown quarantine reason " + id);
    }
}
