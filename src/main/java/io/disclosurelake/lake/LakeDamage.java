package io.disclosurelake.lake;

import org.apache.spark.SparkThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A damaged table told from an error, in one place for every command (docs/job.md "A damaged lake"): a data file
 * the Delta log lists but the disk lacks, a commit file of {@code _delta_log} that is cut short or unparsable,
 * a missing checkpoint or a gap in the log's versions. {@code run}, {@code rank}, {@code sql} and {@code doctor}
 * stop with {@link Damage#line()} and exit {@link #EXIT}; the stack trace only with {@code --verbose}.
 */
public final class LakeDamage {
    private LakeDamage() {}

    /** Exit status of a command that met a damaged table (2 is a wrong argument or query, 1 any other failure). */
    public static final int EXIT = 3;
    public static final String ADVICE = "see docs/job.md \"A damaged lake\"";

    /** What is damaged, where. {@code table} is the table's directory name; {@code what} says what is wrong. */
    public record Damage(String table, String what) {
        public String line() {
            return "damaged lake: table " + table + ": " + what + "; " + ADVICE;
        }
    }

    /** Thrown by {@link LakeHealth} (and anyone who knows the table) when a table cannot be read whole. */
    public static final class DamagedTableException extends RuntimeException {
        public final transient Damage damage;

        public DamagedTableException(Damage damage, Throwable cause) {
            super(damage.line(), cause);
            this.damage = damage;
        }
    }

    /** Conditions of Spark and Delta that mean the files on disk do not match the table's log. */
    private static final Set<String> DAMAGE_CONDITIONS = Set.of("FAILED_READ_FILE.FILE_NOT_EXIST", "FAILED_READ_FILE.NO_HINT",
            "FAILED_READ_FILE.CANNOT_READ_FILE_FOOTER", "FAILED_READ_FILE.PARQUET_COLUMN_DATA_TYPE_MISMATCH",
            "DELTA_FILE_NOT_FOUND", "DELTA_FILE_OR_DIR_NOT_FOUND", "DELTA_FILE_NOT_FOUND_DETAILED", "DELTA_MISSING_PART_FILES",
            "DELTA_VERSIONS_NOT_CONTIGUOUS", "DELTA_LOG_FILE_NOT_FOUND", "DELTA_TRUNCATED_TRANSACTION_LOG",
            "DELTA_TXN_LOG_FAILED_INTEGRITY", "DELTA_CHECKPOINT_SNAPSHOT_MISMATCH", "DELTA_UNRECOGNIZED_LOGFILE",
            "DELTA_STATE_RECOVER_ERROR", "DELTA_STATE_RECOVER_ERRORS");

    /** A path inside a table: {@code …/<table>/_delta_log/<file>} or {@code …/<table>/<data file>}. */
    private static final Pattern LOG_FILE = Pattern.compile("([^/\\s`'\"]+)/_delta_log/([^/\\s`'\"]*[^/\\s`'\".,;])");
    private static final Pattern DATA_FILE = Pattern.compile("([^/\\s`'\"]+)/((?:[^/\\s`'\"=]+=[^/\\s`'\"]*/)*part-[^/\\s`'\"]+?\\.parquet)");
    private static final Pattern CHECKPOINT = Pattern.compile("(?i)checkpoint (?:file to load )?version:? (\\d+)");

    /** The damage an error tells of, or empty when it is some other failure. */
    public static Optional<Damage> of(Throwable error) {
        List<Throwable> chain = chain(error);
        for (Throwable t : chain) if (t instanceof DamagedTableException d) return Optional.of(d.damage);
        boolean damage = false;
        for (Throwable t : chain) {
            String cond = t instanceof SparkThrowable s ? s.getCondition() : null;
            String m = String.valueOf(t.getMessage());
            if (cond != null && (DAMAGE_CONDITIONS.contains(cond) || cond.startsWith("FAILED_READ_FILE"))) damage = true;
            else if (t instanceof java.io.FileNotFoundException || t instanceof org.apache.hadoop.fs.ChecksumException
                    || t instanceof com.fasterxml.jackson.core.JsonProcessingException) damage = damage || mentionsTableFile(m);
            else if (m.contains("Did not get the first delta file version") || m.contains("to compute Snapshot")) damage = true;
        }
        if (!damage) return Optional.empty();
        StringBuilder all = new StringBuilder();
        for (Throwable t : chain) all.append(t.getMessage()).append('\n');
        return Optional.of(describe(all.toString(), null));
    }

    private static boolean mentionsTableFile(String message) {
        return LOG_FILE.matcher(message).find() || DATA_FILE.matcher(message).find();
    }

    /**
     * The damage an error names, for a table known to the caller ({@code table} may be null: then the table is
     * taken from the path in the message).
     */
    public static Damage describe(String messages, String table) {
        Matcher cp = CHECKPOINT.matcher(messages);
        Matcher data = DATA_FILE.matcher(messages);
        Matcher log = LOG_FILE.matcher(messages);
        String name = table;
        String what;
        if (data.find()) {
            if (name == null) name = data.group(1);
            what = "data file " + data.group(2) + (messages.contains("ChecksumException") || messages.contains("Checksum error")
                    ? " is damaged (checksum error)" : messages.toLowerCase(java.util.Locale.ROOT).contains("not exist")
                    || messages.contains("FileNotFound") || messages.contains("FILE_NOT_EXIST") || messages.contains("not found")
                    ? " is missing" : " cannot be read");
        } else if (cp.find()) {
            if (name == null && log.find()) name = log.group(1);
            what = "checkpoint of version " + cp.group(1) + " in _delta_log is missing or unreadable";
        } else if (log.find()) {
            if (name == null) name = log.group(1);
            what = "transaction log file _delta_log/" + log.group(2) + " is cut short or unreadable";
        } else if (messages.contains("not contiguous") || messages.contains("first delta file version")) {
            what = "the transaction log (_delta_log) misses versions: " + firstLine(messages);
        } else {
            what = "cannot be read: " + firstLine(messages);
        }
        return new Damage(name == null ? "(unknown)" : name, what);
    }

    private static String firstLine(String m) {
        String s = m.strip();
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).replaceAll("\\s*SQLSTATE: \\w+;?", "").strip();
    }

    private static List<Throwable> chain(Throwable t) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable c = t; c != null && !chain.contains(c); c = c.getCause()) {
            chain.add(c);
            for (Throwable s : c.getSuppressed()) if (!chain.contains(s)) chain.add(s);
        }
        return chain;
    }
}
