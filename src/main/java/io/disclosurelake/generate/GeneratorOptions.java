package io.disclosurelake.generate;

import java.nio.file.Path;
import java.util.Set;

/** What {@code generate} was asked for. */
public record GeneratorOptions(Path out, int count, long seed, Set<String> formats, int yearFrom, int yearTo,
                               double violationRate, double badRate, double sofficeShare, int threads,
                               double copyRate) {
    /** Without planted copies (a corpus as before {@code --copies}). */
    public GeneratorOptions(Path out, int count, long seed, Set<String> formats, int yearFrom, int yearTo,
                            double violationRate, double badRate, double sofficeShare, int threads) {
        this(out, count, seed, formats, yearFrom, yearTo, violationRate, badRate, sofficeShare, threads, 0.0);
    }

    /** The text formats: what {@code generate} makes by default. */
    public static final Set<String> ALL_FORMATS = Set.of("pdf", "docx", "doc", "html", "xlsx", "txt");
    /**
     * Scanned variants, made only when asked for (a default corpus stays as it was): {@code scan} an image-only
     * PDF scanned clean, {@code scan-noisy} the same scanned noisy, {@code scan-tables} a PDF whose table pages
     * only are scanned, {@code png}/{@code jpg}/{@code tiff} image files, {@code scan-long} every page printed in
     * two parts on two pages and scanned noisy (a report of twice the pages; see {@link PageScanner}).
     */
    public static final Set<String> SCAN_FORMATS = Set.of("scan", "scan-noisy", "scan-tables", "png", "jpg", "tiff", "scan-long");

    public GeneratorOptions {
        if (count < 0) throw new IllegalArgumentException("count must be ≥ 0");
        if (yearTo < yearFrom) throw new IllegalArgumentException("years: end before start");
        if (yearFrom < 2019) throw new IllegalArgumentException("years start at 2019 (the national template); legacy reports are made as bad files");
        for (String f : formats) if (!ALL_FORMATS.contains(f) && !SCAN_FORMATS.contains(f)) throw new IllegalArgumentException("unknown format " + f);
        if (formats.isEmpty()) throw new IllegalArgumentException("no formats");
        if (!(copyRate >= 0 && copyRate <= 0.5)) throw new IllegalArgumentException("copies: a share between 0 and 0.5");
    }
}
