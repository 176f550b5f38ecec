package io.disclosurelake.generate;

import java.nio.file.Path;
import java.util.Set;

/** What {@code generate} was asked for. */
public record GeneratorOptions(Path out, int count, long seed, Set<String> formats, int yearFrom, int yearTo,
                               double violationRate, double badRate, double sofficeShare, int threads) {
    public static final Set<String> ALL_FORMATS = Set.of("pdf", "docx", "doc", "html", "xlsx", "txt");

    public GeneratorOptions {
        if (count < 0) throw new IllegalArgumentException("count must be ≥ 0");
        if (yearTo < yearFrom) throw new IllegalArgumentException("years: end before start");
        if (yearFrom < 2019) throw new IllegalArgumentException("years start at 2019 (the national template); legacy reports are made as bad files");
        for (String f : formats) if (!ALL_FORMATS.contains(f)) throw new IllegalArgumentException("unknown format " + f);
        if (formats.isEmpty()) throw new IllegalArgumentException("no formats");
    }
}
