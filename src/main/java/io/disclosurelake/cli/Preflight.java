package io.disclosurelake.cli;

import io.disclosurelake.job.JobSettings;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a night needs, checked before any Spark session, extraction or table exists: the arguments, the
 * settings (type and range, naming the key) and that the lake (and the exports directory) can be written.
 * Each problem is one {@link Problem} whose message is the one line the command prints (exit 2).
 */
final class Preflight {
    private Preflight() {}

    /** A problem a night cannot run with: the one line to print. */
    static final class Problem extends Exception {
        Problem(String message) { super(message, null, false, false); }
    }

    /** A whole-number setting and the least value it may take. */
    private record Range(long min, String meaning) {}

    private static final Map<String, Range> NUMBERS = Map.ofEntries(
            Map.entry("limits.max_bytes", new Range(1, "bytes")),
            Map.entry("limits.timeout_seconds", new Range(1, "seconds")),
            Map.entry("limits.max_pages", new Range(1, "pages")),
            Map.entry("limits.max_uncompressed_bytes", new Range(1, "bytes")),
            Map.entry("metrics.min_denominator", new Range(0, "cases")),
            Map.entry("job.partitions", new Range(0, "partitions; 0 = automatic")),
            Map.entry("job.claim_wait_seconds", new Range(0, "seconds")),
            Map.entry("job.compiled_code_from_documents", new Range(0, "documents; 0 = never")),
            Map.entry("ocr.max_pages", new Range(1, "pages")),
            Map.entry("ocr.timeout_seconds", new Range(1, "seconds")),
            Map.entry("ocr.threads", new Range(0, "threads; 0 = automatic")),
            Map.entry("ocr.dpi", new Range(1, "dots per inch")),
            Map.entry("copies.shingle_size", new Range(1, "characters")),
            Map.entry("copies.hash_tables", new Range(1, "hash tables")),
            Map.entry("copies.common_min", new Range(1, "reports")),
            Map.entry("copies.min_shared", new Range(0, "shingles")),
            Map.entry("copies.passage_max", new Range(1, "characters")),
            Map.entry("copies.min_reports_per_year", new Range(1, "narratives")));
    /** Settings read as int (the others as long). */
    private static final java.util.Set<String> INTS = java.util.Set.of("limits.max_pages", "metrics.min_denominator",
            "job.partitions", "ocr.max_pages", "ocr.threads", "ocr.dpi", "copies.shingle_size", "copies.hash_tables",
            "copies.common_min", "copies.min_shared", "copies.passage_max", "copies.min_reports_per_year");
    /** Settings that are shares: a number above 0 and at most 1. */
    private static final java.util.List<String> SHARES = java.util.List.of("copies.threshold", "copies.common_share");
    /** Settings that are true or false (Boolean.parseBoolean would take "yes" for false). */
    private static final java.util.List<String> FLAGS = java.util.List.of("ocr.enabled", "input.follow_links_outside");

    /** Every whole-number setting parses and lies in its range. */
    static void checkSettings(JobSettings s) throws Problem {
        for (Map.Entry<String, Range> e : NUMBERS.entrySet()) {
            String v = s.asMap().get(e.getKey());
            if (v == null) continue;
            long n;
            try {
                n = Long.parseLong(v.strip());
            } catch (NumberFormatException x) {
                throw new Problem("setting " + e.getKey() + "=" + v + " is not a whole number (" + e.getValue().meaning() + ")");
            }
            if (n < e.getValue().min()) {
                throw new Problem("setting " + e.getKey() + "=" + v + " must be at least " + e.getValue().min() + " (" + e.getValue().meaning() + ")");
            }
            if (n > Integer.MAX_VALUE && INTS.contains(e.getKey())) {
                throw new Problem("setting " + e.getKey() + "=" + v + " is too large");
            }
        }
        for (String key : FLAGS) {
            String v = s.asMap().get(key);
            if (v != null && !v.strip().equalsIgnoreCase("true") && !v.strip().equalsIgnoreCase("false")) {
                throw new Problem("setting " + key + "=" + v + " is not true or false");
            }
        }
        String confidence = s.asMap().get("ocr.min_confidence");
        if (confidence != null) {
            double c;
            try {
                c = Double.parseDouble(confidence.strip());
            } catch (NumberFormatException x) {
                throw new Problem("setting ocr.min_confidence=" + confidence + " is not a number (0 to 1)");
            }
            if (!(c >= 0 && c <= 1)) throw new Problem("setting ocr.min_confidence=" + confidence + " must lie between 0 and 1");
        }
        for (String key : SHARES) {
            String v = s.asMap().get(key);
            if (v == null) continue;
            double c;
            try {
                c = Double.parseDouble(v.strip());
            } catch (NumberFormatException x) {
                throw new Problem("setting " + key + "=" + v + " is not a number (above 0, at most 1)");
            }
            if (!(c > 0 && c <= 1)) throw new Problem("setting " + key + "=" + v + " must be above 0 and at most 1");
        }
    }

    /** A local path for a plain path or a file: URI; null for another store (hdfs:, s3a:, …: checked by Spark). */
    static Path local(String location) {
        if (location == null || location.isEmpty()) return null;
        if (location.startsWith("file:")) return Path.of(URI.create(location).getPath());
        if (location.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*")) return null;
        return Path.of(location);
    }

    /** The input: given, a directory (not a file), readable. */
    static void checkInput(String input) throws Problem {
        if (input == null || input.isEmpty()) throw new Problem("--input DIR is required (the directory that holds the reports)");
        Path p = local(input);
        if (p == null) return;
        if (!Files.exists(p)) throw new Problem("input " + input + " does not exist");
        if (!Files.isDirectory(p)) throw new Problem("input " + input + " is a file, not a directory: give the directory that holds the reports");
        if (!Files.isReadable(p) || !Files.isExecutable(p)) throw new Problem("input " + input + " cannot be read (permissions)");
        try (var list = Files.list(p)) {
            list.findFirst();
        } catch (IOException e) {
            throw new Problem("input " + input + " cannot be listed: " + e.getMessage());
        }
    }

    /** Spark's master URL forms (local, local[N], local[N,F], local[*], local-cluster[…], spark://, yarn, k8s://, mesos://). */
    private static final java.util.regex.Pattern MASTER = java.util.regex.Pattern.compile(
            "local|local\\[(\\*|\\d+)(,\\d+)?]|local-cluster\\[\\d+,\\d+,\\d+]|yarn|(spark|k8s|mesos)://.+");

    /** --master, when given: a form Spark knows (Spark itself says so only after starting, with a stack trace). */
    static void checkMaster(String master) throws Problem {
        if (master != null && !MASTER.matcher(master.strip()).matches()) {
            throw new Problem("--master " + master + " is not a Spark master URL (local[*], local[N], spark://HOST:PORT, yarn, k8s://URL)");
        }
    }

    /** A settings file (--conf): a readable file. */
    static void checkSettingsFile(Path conf) throws Problem {
        if (!Files.isRegularFile(conf)) throw new Problem("settings file " + conf + " (--conf) is not a file");
        if (!Files.isReadable(conf)) throw new Problem("settings file " + conf + " (--conf) cannot be read (permissions)");
    }

    /** An explicit manifest: a readable file. */
    static void checkManifest(String manifest) throws Problem {
        Path p = local(manifest);
        if (p == null) return;
        if (!Files.isRegularFile(p)) throw new Problem("manifest " + manifest + " is not a file");
        if (!Files.isReadable(p)) throw new Problem("manifest " + manifest + " cannot be read (permissions)");
    }

    /**
     * A directory the night will write ({@code what}: "lake", "exports"): it is a writable directory, or it
     * can be created (its nearest existing ancestor is a writable directory). Nothing is created here.
     */
    static void checkWritable(String what, String location) throws Problem {
        Path p = local(location);
        if (p == null) return;
        p = p.toAbsolutePath().normalize();
        Path existing = p;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) throw new Problem(what + " " + location + " cannot be created");
        if (!Files.isDirectory(existing)) {
            throw new Problem(what + " " + location + (existing.equals(p) ? " is a file, not a directory" : ": " + existing + " is a file"));
        }
        // Permission bits say little (root, read-only mounts, /proc): a file is made and removed there for real.
        try {
            Files.delete(Files.createTempFile(existing, ".disclosure-lake-write-check", ""));
        } catch (IOException | SecurityException e) {
            throw new Problem(what + " " + location + " cannot be written" + (existing.equals(p) ? "" : " (" + existing + " is not writable)")
                    + ": " + (e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason() : e.getClass().getSimpleName()));
        }
    }
}
