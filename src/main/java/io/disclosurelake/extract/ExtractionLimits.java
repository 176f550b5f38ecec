package io.disclosurelake.extract;

import java.time.Duration;

/**
 * Per-document protection for the caller (template of the nightly job): files over {@code maxBytes} are not
 * read at all; extraction that runs past {@code timeout} is abandoned; readers stop at {@code maxPages}
 * and refuse zip containers that inflate past {@code maxUncompressedBytes}.
 */
public record ExtractionLimits(long maxBytes, Duration timeout, int maxPages, long maxUncompressedBytes,
                               int minDenominator) {
    public static ExtractionLimits defaults() {
        return new ExtractionLimits(50L << 20, Duration.ofSeconds(60), 300, 200L << 20, 30);
    }
}
