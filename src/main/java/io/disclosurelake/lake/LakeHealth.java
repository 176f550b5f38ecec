package io.disclosurelake.lake;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.apache.spark.sql.functions.*;

/**
 * Whether every table of a lake can be read (docs/job.md "A damaged lake"). The quick check ({@code run},
 * {@code rank}) loads each table's Delta log and looks for every data file the latest version lists — metadata
 * and one directory listing per table, no data read. The full check ({@code doctor}) also reads every column of
 * every row, which finds a data file that is there but unreadable.
 */
public final class LakeHealth {
    private LakeHealth() {}

    /** Tables present under the lake: the directories holding a {@code _delta_log}, LakeSchema's order first. */
    public static List<String> tablesIn(SparkSession spark, String lake) {
        List<String> out = new ArrayList<>();
        try {
            Path root = new Path(lake);
            FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(root)) return out;
            for (LakeSchema.Table t : LakeSchema.tables()) if (fs.exists(new Path(new Path(root, t.name()), "_delta_log"))) out.add(t.name());
            TreeSet<String> others = new TreeSet<>();
            for (var st : fs.listStatus(root)) {
                String n = st.getPath().getName();
                if (st.isDirectory() && !out.contains(n) && !n.startsWith("_") && fs.exists(new Path(st.getPath(), "_delta_log"))) others.add(n);
            }
            out.addAll(others);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot list the lake at " + lake, e);
        }
        return out;
    }

    /** Every damaged table of the lake (empty when all are whole). {@code fullScan} reads every row too. */
    public static List<LakeDamage.Damage> check(SparkSession spark, String lake, boolean fullScan) {
        forgetSnapshots();
        return checkFromScratch(spark, lake, fullScan);
    }

    /**
     * Drops every table snapshot this JVM has cached: one cached before the damage (or before a repair) would hide
     * it. {@link #check} does it first; a night does it before its first read, then checks beside its start.
     */
    public static void forgetSnapshots() {
        org.apache.spark.sql.delta.DeltaLog.clearCache();
    }

    /** {@link #check} without {@link #forgetSnapshots()}: for a caller that has just done it. */
    private static List<LakeDamage.Damage> checkFromScratch(SparkSession spark, String lake, boolean fullScan) {
        List<String> tables = tablesIn(spark, lake);
        // Each table's check is mostly its snapshot's small Spark job and a listing: several at once keep the
        // cores busy (serially, ~1 s a table made the check a third of a small night). Results in table order.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, Math.min(4, tables.size())));
        try {
            List<java.util.concurrent.Future<LakeDamage.Damage>> checks = new ArrayList<>();
            for (String t : tables) checks.add(pool.submit(() -> check(spark, new Path(lake, t).toString(), t, fullScan)));
            List<LakeDamage.Damage> found = new ArrayList<>();
            for (java.util.concurrent.Future<LakeDamage.Damage> f : checks) {
                LakeDamage.Damage d = Futures.await(f);
                if (d != null) found.add(d);
            }
            return found;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Stops with the first damaged table: one line for the operator ({@link LakeDamage.DamagedTableException}). */
    public static void requireIntact(SparkSession spark, String lake) {
        forgetSnapshots();
        requireIntactFromScratch(spark, lake);
    }

    /** {@link #requireIntact} for a caller that has just called {@link #forgetSnapshots()} (the night). */
    public static void requireIntactFromScratch(SparkSession spark, String lake) {
        List<LakeDamage.Damage> found = checkFromScratch(spark, lake, false);
        if (!found.isEmpty()) {
            LakeDamage.Damage first = found.get(0);
            String more = found.size() == 1 ? "" : " (and " + (found.size() - 1) + " more damaged table" + (found.size() == 2 ? "" : "s")
                    + ": " + String.join(", ", found.subList(1, found.size()).stream().map(LakeDamage.Damage::table).toList()) + ")";
            throw new LakeDamage.DamagedTableException(new LakeDamage.Damage(first.table(), first.what() + more), null);
        }
    }

    /** The damage of one table, or null. */
    static LakeDamage.Damage check(SparkSession spark, String path, String table, boolean fullScan) {
        Dataset<Row> df;
        String[] files;
        try {
            df = spark.read().format("delta").load(path);
            files = df.inputFiles();
        } catch (Exception e) { // Spark's own exceptions are checked ones thrown undeclared
            return asDamage(e, table, "its Delta log cannot be read");
        }
        try {
            List<String> missing = missing(spark, path, files);
            if (!missing.isEmpty()) {
                return new LakeDamage.Damage(table, "data file " + missing.get(0) + " is missing"
                        + (missing.size() > 1 ? " (and " + (missing.size() - 1) + " more)" : ""));
            }
        } catch (IOException e) {
            return new LakeDamage.Damage(table, "its files cannot be listed: " + e.getMessage());
        }
        if (!fullScan) return null;
        try {
            fullScan(df);
        } catch (Exception e) {
            return asDamage(e, table, "its rows cannot be read");
        }
        return null;
    }

    /**
     * Reads every column of every row: the length of each row as JSON summed (a plain count is answered from the
     * log's statistics and reads no file). Returns the rows read.
     */
    public static long fullScan(Dataset<Row> df) {
        Column[] cols = java.util.Arrays.stream(df.columns()).map(c -> col("`" + c.replace("`", "``") + "`")).toArray(Column[]::new);
        Row r = df.select(length(to_json(struct(cols))).as("n")).agg(count(lit(1)), sum(col("n"))).first();
        return r.getLong(0);
    }

    private static LakeDamage.Damage asDamage(Exception e, String table, String fallback) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = e; c != null; c = c.getCause()) all.append(c.getClass().getSimpleName()).append(": ").append(c.getMessage()).append('\n');
        LakeDamage.Damage d = LakeDamage.of(e).isPresent() ? LakeDamage.describe(all.toString(), table) : null;
        if (d != null) return d;
        String m = String.valueOf(e.getMessage()).strip().lines().findFirst().orElse("").replaceAll("\\s*SQLSTATE: \\w+;?", "");
        return new LakeDamage.Damage(table, fallback + ": " + m);
    }

    /** Data files of the snapshot that are not on the file system (names relative to the table). */
    static List<String> missing(SparkSession spark, String path, String[] files) throws IOException {
        Path dir = new Path(path);
        FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
        String base = fs.makeQualified(dir).toUri().getPath();
        Set<String> present = new HashSet<>();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
        while (it.hasNext()) present.add(it.next().getPath().toUri().getPath());
        List<String> missing = new ArrayList<>();
        for (String f : files) {
            String p = new Path(f).toUri().getPath();
            if (!present.contains(p)) missing.add(p.startsWith(base + "/") ? p.substring(base.length() + 1) : p);
        }
        missing.sort(null);
        return missing;
    }
}
