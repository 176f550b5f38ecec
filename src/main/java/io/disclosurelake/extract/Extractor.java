package io.disclosurelake.extract;

import io.disclosurelake.model.Report;

/**
 * The seam between the pure core and Spark: bytes of one file in, one canonical {@link Report} out
 * (parsed, partial or quarantined). Never throws for bad input; enforces {@link ExtractionLimits}.
 * Thread-safe: one instance serves a whole partition or thread pool.
 */
public final class Extractor {
    private final ExtractionLimits limits;

    public Extractor(ExtractionLimits limits) { this.limits = limits; }

    public Extractor() { this(ExtractionLimits.defaults()); }

    public ExtractionLimits limits() { return limits; }

    public Report extract(String path, byte[] bytes) {
        throw new UnsupportedOperationException("built by the matcher work package");
    }
}
