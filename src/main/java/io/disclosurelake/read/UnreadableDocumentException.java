package io.disclosurelake.read;

import io.disclosurelake.spec.QuarantineReason;

/**
 * Thrown by a format reader when a file cannot be read for a reason the quarantine table should record.
 * The {@link io.disclosurelake.extract.Extractor} turns it into a quarantined report; it never escapes.
 */
public class UnreadableDocumentException extends Exception {
    private final QuarantineReason reason;

    public UnreadableDocumentException(QuarantineReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public UnreadableDocumentException(QuarantineReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public QuarantineReason reason() { return reason; }
}
