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

    private static final Map<String, Range> NUMBERS = Map.of(
            "limits.max_bytes", new Range(1, "bytes"),
            "limits.timeout_seconds", new Range(1, "seconds"),
            "limits.max_pages", new Range(1, "pages"),
            "limits.max_uncompressed_bytes", new Range(1, "bytes"),
            "metrics.min_denominator", new Range(0, "cases"),
            "job.partitions", new Range(0, "partitions; 0 = automatic"));

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
            if (n > Integer.MAX_VALUE && (e.getKey().equals("limits.max_pages") || e.getKey().equals("metrics.min_denominator")
                    || e.getKey().equals("job.partitions"))) {
                throw new Problem("setting " + e.getKey() + "=" + v + " is too large");
            }
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
                    + ": " + e.getClass().getSimpleName());
        }
    }
}
