package io.disclosurelake.job;

import io.disclosurelake.extract.ExtractionLimits;
import io.disclosurelake.read.ocr.OcrSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The job's own settings (not Spark's): embedded defaults, then a properties file, then key=value overrides.
 * Keys are listed in conf/disclosure-lake.properties; an unknown key is refused so a typo cannot pass silently.
 */
public final class JobSettings implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String DEFAULTS_RESOURCE = "/io/disclosurelake/job/disclosure-lake.properties";

    private final TreeMap<String, String> values;

    private JobSettings(Map<String, String> values) { this.values = new TreeMap<>(values); }

    public static JobSettings defaults() {
        Properties p = new Properties();
        try (InputStream in = JobSettings.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing " + DEFAULTS_RESOURCE);
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> m = new TreeMap<>();
        for (String k : p.stringPropertyNames()) m.put(k, p.getProperty(k).trim());
        return new JobSettings(m);
    }

    /** These settings overridden by a properties file. */
    public JobSettings withFile(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) { p.load(r); }
        JobSettings s = this;
        for (String k : p.stringPropertyNames()) s = s.with(k, p.getProperty(k).trim());
        return s;
    }

    /** These settings with one key changed; the key must exist in the defaults. */
    public JobSettings with(String key, String value) {
        if (!values.containsKey(key)) throw new IllegalArgumentException("unknown setting " + key + " (known: " + values.keySet() + ")");
        Map<String, String> m = new TreeMap<>(values);
        m.put(key, value == null ? "" : value.trim());
        return new JobSettings(m);
    }

    /** Applies "key=value". */
    public JobSettings withAssignment(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) throw new IllegalArgumentException("expected key=value, got " + assignment);
        return with(assignment.substring(0, eq).trim(), assignment.substring(eq + 1));
    }

    public String get(String key) {
        String v = values.get(key);
        if (v == null) throw new IllegalArgumentException("unknown setting " + key);
        return v;
    }

    public long getLong(String key) { return Long.parseLong(get(key)); }
    public int getInt(String key) { return Integer.parseInt(get(key)); }
    public Map<String, String> asMap() { return java.util.Collections.unmodifiableMap(values); }

    public String lake() { return get("job.lake"); }
    public String input() { return get("job.input"); }
    public String manifest() { String m = get("job.manifest"); return m.isEmpty() ? null : m; }
    public int partitions() { return getInt("job.partitions"); }
    public int minDenominator() { return getInt("metrics.min_denominator"); }
    /** input.follow_links_outside: read symbolic links whose target is outside the input (default false). */
    public boolean followLinksOutside() { return Boolean.parseBoolean(get("input.follow_links_outside")); }
    /** job.claim_wait_seconds: how long a night waits for another night on the same lake (lake/NightClaim). */
    public Duration claimWait() { return Duration.ofSeconds(getLong("job.claim_wait_seconds")); }
    /** job.compiled_code_from_documents: a night reading at least this many documents compiles its queries (0: never; lake/CodeGeneration). */
    public long compiledCodeFrom() { return getLong("job.compiled_code_from_documents"); }

    public ExtractionLimits limits() {
        return new ExtractionLimits(getLong("limits.max_bytes"), Duration.ofSeconds(getLong("limits.timeout_seconds")),
                getInt("limits.max_pages"), getLong("limits.max_uncompressed_bytes"), minDenominator(), ocr());
    }

    /** OCR of scanned pages: the {@code ocr.*} keys. */
    public OcrSettings ocr() {
        return new OcrSettings(Boolean.parseBoolean(get("ocr.enabled").trim()), getInt("ocr.max_pages"),
                Duration.ofSeconds(getLong("ocr.timeout_seconds")), getInt("ocr.threads"),
                Double.parseDouble(get("ocr.min_confidence").trim()), getInt("ocr.dpi"));
    }
}
