package io.disclosurelake.job;

import io.disclosurelake.extract.ExtractionLimits;
import io.disclosurelake.extract.Extractor;

import java.io.Serializable;

/**
 * Builds the extractor on each executor (extractors are not serialised; the factory is). The job's default is
 * the real {@link Extractor}; tests inject a small fake.
 */
@FunctionalInterface
public interface ExtractorFactory extends Serializable {
    DocumentExtractor create(ExtractionLimits limits);

    static ExtractorFactory standard() {
        return limits -> new Extractor(limits)::extract;
    }
}
