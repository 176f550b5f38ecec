package io.disclosurelake.read;

/** Tells a file's format from its bytes (magic numbers, zip entries), not its name. */
public final class FormatSniffer {
    private FormatSniffer() {}

    /** The format of {@code bytes}; {@code fileName} is only a tie-breaker for plain text vs HTML. */
    public static DocumentFormat sniff(byte[] bytes, String fileName) {
        return DocumentFormat.UNKNOWN; // built by the readers work package
    }
}
