package io.disclosurelake.rank;

import io.disclosurelake.rules.MetricCalculator;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Weights of the compliance score and the thresholds of the rankings, from {@code conf/scoring.properties}
 * over defaults embedded here (so a missing file still gives a documented score).
 */
public record ScoringConfig(Map<String, Double> weights, double warningsCap, int minDenominator,
                            int minCasesNonDisclosure, int minCasesReviewCorrection, String deadlineZone,
                            String exportsDir) {

    public static final String FILE_NAME = "scoring.properties";
    /** System property that overrides exports.dir (set by {@code run --exports DIR}). */
    public static final String EXPORTS_PROPERTY = "disclosurelake.exports.dir";

    public ScoringConfig {
        weights = Map.copyOf(weights);
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            if (w.getValue() < 0 || w.getValue().isNaN()) throw new IllegalArgumentException("negative weight " + w);
        }
        if (warningsCap <= 0) throw new IllegalArgumentException("warnings.cap must be positive");
    }

    public double weight(String component) {
        Double w = weights.get(component);
        if (w == null) throw new IllegalArgumentException("no weight for component " + component);
        return w;
    }

    /** The same with the job's minimum denominator (its settings own report_metrics' small_sample). */
    public ScoringConfig withMinDenominator(int min) {
        return new ScoringConfig(weights, warningsCap, min, minCasesNonDisclosure, minCasesReviewCorrection, deadlineZone, exportsDir);
    }

    /**
     * Where the nightly job's ranking step writes its exports: {@code exports.dir}, else {@code exports} beside
     * a local lake; null (no exports, gold tables only) for a lake on a remote store without exports.dir.
     */
    public java.nio.file.Path exportsDir(String lake) {
        if (!exportsDir.isEmpty()) return java.nio.file.Path.of(exportsDir);
        if (lake.contains("://") && !lake.startsWith("file:")) return null;
        java.nio.file.Path p = java.nio.file.Path.of(lake.replaceFirst("^file:(//)?", "")).toAbsolutePath().normalize();
        return p.getParent() == null ? p.resolve("exports") : p.getParent().resolve("exports");
    }

    public static ScoringConfig defaults() { return from(new Properties()); }

    /** Defaults overridden by the given properties (keys as in conf/scoring.properties). */
    public static ScoringConfig from(Properties p) {
        Map<String, Double> w = new LinkedHashMap<>();
        for (ComplianceScore.Component c : ComplianceScore.COMPONENTS) {
            w.put(c.column(), number(p, "weight." + c.column(), c.defaultWeight()));
        }
        for (Object k : p.keySet()) {
            String key = k.toString();
            if (key.startsWith("weight.") && !w.containsKey(key.substring(7))) {
                throw new IllegalArgumentException("unknown score component in configuration: " + key);
            }
        }
        return new ScoringConfig(w, number(p, "warnings.cap", 5),
                (int) number(p, "metrics.min_denominator", MetricCalculator.DEFAULT_MIN_DENOMINATOR),
                (int) number(p, "rank.min_cases.non_disclosure_rate", 30),
                (int) number(p, "rank.min_cases.review_correction_rate", 10),
                p.getProperty("deadline.zone", "Asia/Shanghai").trim(), p.getProperty("exports.dir", "").trim());
    }

    public static ScoringConfig load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) { p.load(r); }
        return from(p);
    }

    /**
     * The configuration the CLI and the job use: {@code $DISCLOSURE_LAKE_HOME/conf/scoring.properties},
     * else {@code conf/scoring.properties} under the working directory, else the defaults.
     */
    public static ScoringConfig standard() {
        ScoringConfig c = standardFile();
        String override = System.getProperty(EXPORTS_PROPERTY);
        if (override == null || override.isBlank()) return c;
        return new ScoringConfig(c.weights, c.warningsCap, c.minDenominator, c.minCasesNonDisclosure, c.minCasesReviewCorrection,
                c.deadlineZone, override.strip());
    }

    private static ScoringConfig standardFile() {
        try {
            String home = System.getenv("DISCLOSURE_LAKE_HOME");
            if (home != null && Files.isRegularFile(Path.of(home, "conf", FILE_NAME))) return load(Path.of(home, "conf", FILE_NAME));
            if (Files.isRegularFile(Path.of("conf", FILE_NAME))) return load(Path.of("conf", FILE_NAME));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + FILE_NAME + ": " + e.getMessage(), e);
        }
        return defaults();
    }

    private static double number(Properties p, String key, double dflt) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) return dflt;
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is not a number: " + v);
        }
    }
}
