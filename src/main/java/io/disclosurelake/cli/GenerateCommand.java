package io.disclosurelake.cli;

import io.disclosurelake.generate.CorpusGenerator;
import io.disclosurelake.generate.GeneratorOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generates a realistic corpus of annual reports (PDF, DOCX, DOC, HTML, XLSX, text) with the truth of every number.")
public final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, description = "output directory (docs/, truth/, manifest.csv)")
    Path out;

    @Option(names = "--count", defaultValue = "200", description = "number of documents (default ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--seed", defaultValue = "1", description = "random seed; the same seed gives the same corpus")
    long seed;

    @Option(names = "--formats", defaultValue = "pdf,docx,doc,html,xlsx,txt", split = ",", description = "formats to produce; scanned variants on request: scan, scan-noisy, scan-tables, png, jpg, tiff, scan-long")
    Set<String> formats = new LinkedHashSet<>();

    @Option(names = "--years", defaultValue = "2019-2025", description = "report years, e.g. 2019-2025")
    String years;

    @Option(names = "--copies", defaultValue = "0", description = "share of reports planted as narrative copies (another body's text of the year with the name swapped, a name left in or lightly edited, or last year's text); every narrative is then the body's own words; 0 = none (the default corpus)")
    double copyRate;

    @Option(names = "--violation-rate", defaultValue = "0.1", description = "share of reports with an injected rule fault")
    double violationRate;

    @Option(names = "--bad-rate", defaultValue = "0.02", description = "share of bad files (corrupt, encrypted, scanned, …)")
    double badRate;

    @Option(names = "--soffice-share", defaultValue = "0.3", description = "share of PDF/HTML made through LibreOffice")
    double sofficeShare;

    @Option(names = "--threads", defaultValue = "0", description = "rendering threads (0 = number of cores)")
    int threads;

    @Option(names = "--force", description = "write into a directory that already holds a corpus (its manifest.csv is replaced)")
    boolean force;

    @Override public Integer call() throws Exception {
        // A corpus's manifest.csv is the truth of its first-seen times: another generation must not replace it unasked.
        if (!force && java.nio.file.Files.exists(out.resolve("manifest.csv"))) {
            System.err.println("generate: " + out + " already holds a corpus (manifest.csv): choose a new --out, or add --force to replace it");
            return 2;
        }
        String[] y = years.split("-");
        int from = Integer.parseInt(y[0].trim()), to = Integer.parseInt(y[y.length - 1].trim());
        Set<String> fmts = new LinkedHashSet<>();
        for (String f : formats) fmts.add(f.trim().toLowerCase(Locale.ROOT));
        int t = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        GeneratorOptions o = new GeneratorOptions(out, count, seed, fmts, from, to, violationRate, badRate, sofficeShare, t, copyRate);
        CorpusGenerator.Summary s = new CorpusGenerator(o, System.err).run();
        System.out.printf(Locale.ROOT, "generated %d documents (%d bad, %d with rule faults, %d through LibreOffice) in %.1f s: %.1f docs/s%n",
                s.documents(), s.bad(), s.faulted(), s.viaSoffice(), s.seconds(), s.rate());
        return 0;
    }
}
