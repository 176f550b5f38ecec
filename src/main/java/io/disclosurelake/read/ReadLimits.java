package io.disclosurelake.read;

/**
 * Resource limits a reader enforces while it reads (a deadline is checked by the caller too):
 * maximum pages (PDF), maximum uncompressed bytes of a zip container (DOCX/XLSX), maximum characters of text.
 */
public record ReadLimits(int maxPages, long maxUncompressedBytes, long maxTextChars, long deadlineNanos) {
    public static ReadLimits defaults() {
        return new ReadLimits(300, 200L << 20, 20_000_000L, Long.MAX_VALUE);
    }

    public boolean pastDeadline() { return System.nanoTime() > deadlineNanos; }
}
