package io.disclosurelake.job;

import io.disclosurelake.model.Report;

/** What the job needs of an extractor: bytes of one file in, one report out. The real one is {@code Extractor}. */
@FunctionalInterface
public interface DocumentExtractor {
    Report extract(String path, byte[] bytes);
}
