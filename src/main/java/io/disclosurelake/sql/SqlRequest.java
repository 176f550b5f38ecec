package io.disclosurelake.sql;

import org.apache.spark.sql.SparkSession;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code disclosure-lake sql} call once its arguments are checked: which lake, what SQL, how to print. The
 * same object runs in the caller's JVM and in a {@link ResidentSqlSession}, so both print byte for byte the same
 * answer and exit status (0 ok, 2 a query's fault).
 *
 * @param lakePath absolute path (or URI) of the lake
 * @param sql      the script, or null with {@code list}
 */
public record SqlRequest(String lakePath, String sql, SqlShell.Format format, int maxRows, boolean list, boolean timing) {

    /** Registers what the SQL needs, runs it and prints the answers; returns the exit status. */
    public int execute(SparkSession spark, PrintWriter out, PrintWriter err) {
        long t1 = System.nanoTime();
        try {
            List<String> present = LakeViews.tablesIn(spark, lakePath);
            if (present.isEmpty()) {
                err.println("sql: no Delta tables under " + lakePath);
                return 2;
            }
            LakeViews.Registration reg = list || sql == null ? LakeViews.registerAll(spark, lakePath)
                    : LakeViews.registerFor(spark, lakePath, sql);
            long t2 = System.nanoTime();
            if (list) printList(reg, out);
            if (sql == null) return 0;
            try {
                new SqlShell(spark, format, maxRows, out).run(sql);
                if (timing) {
                    err.printf(Locale.ROOT, "sql: lake %.1f s (%d tables, %d views), query %.1f s%n",
                            (t2 - t1) / 1e9, reg.tables().size(), reg.views().size(), (System.nanoTime() - t2) / 1e9);
                }
                return 0;
            } catch (Exception e) {
                if (io.disclosurelake.lake.LakeDamage.of(e).isPresent()) throw e; // a damaged table, not the query's fault
                if (!SqlErrors.isQueryError(e) && !(e instanceof IllegalArgumentException)) throw e;
                err.println("sql: " + SqlErrors.oneLine(e));
                if ("TABLE_OR_VIEW_NOT_FOUND".equals(SqlErrors.condition(e))) {
                    List<String> names = new ArrayList<>(present);
                    for (LakeViews.ViewFile v : LakeViews.viewFiles()) names.add(v.name());
                    err.println("sql: tables and views of this lake: " + String.join(", ", names));
                }
                return 2;
            }
        } catch (Exception e) { // Spark's SparkException is a checked exception thrown undeclared
            // A damaged table (docs/job.md "A damaged lake"): one line naming it, exit 3.
            var damage = damage(e);
            if (damage.isEmpty()) throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
            err.println("sql: " + damage.get().line());
            return io.disclosurelake.lake.LakeDamage.EXIT;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * The damage an error tells of; a table Delta calls missing although its {@code _delta_log} is there (its log
     * is unreadable) counts too.
     */
    private java.util.Optional<io.disclosurelake.lake.LakeDamage.Damage> damage(Exception e) {
        var d = io.disclosurelake.lake.LakeDamage.of(e);
        if (d.isPresent() || !"DELTA_TABLE_NOT_FOUND".equals(SqlErrors.condition(e))) return d;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("`([^`]+)`").matcher(String.valueOf(e.getMessage()));
        if (!m.find()) return d;
        String table = new org.apache.hadoop.fs.Path(m.group(1)).getName();
        if (!LakeViews.tablesIn(SparkSession.active(), lakePath).contains(table)) return d;
        return java.util.Optional.of(new io.disclosurelake.lake.LakeDamage.Damage(table,
                "its transaction log (_delta_log) cannot be read: " + SqlErrors.oneLine(e)));
    }

    private static void printList(LakeViews.Registration reg, PrintWriter out) {
        out.println("tables: " + String.join(", ", reg.tables()));
        out.println("views:  " + String.join(", ", reg.views()));
        for (Map.Entry<String, String> e : reg.skipped().entrySet()) {
            out.println("skipped view " + e.getKey() + ": " + e.getValue());
        }
    }

    void writeTo(DataOutputStream out) throws IOException {
        writeText(out, lakePath);
        out.writeBoolean(sql != null);
        if (sql != null) writeText(out, sql);
        out.writeUTF(format.name());
        out.writeInt(maxRows);
        out.writeBoolean(list);
        out.writeBoolean(timing);
    }

    static SqlRequest readFrom(DataInputStream in) throws IOException {
        String lake = readText(in);
        String sql = in.readBoolean() ? readText(in) : null;
        return new SqlRequest(lake, sql, SqlShell.Format.valueOf(in.readUTF()), in.readInt(), in.readBoolean(), in.readBoolean());
    }

    /** Text of any length (writeUTF stops at 64 KB; a script file may be longer). */
    static void writeText(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readText(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 64 << 20) throw new IOException("bad text length " + n);
        byte[] b = in.readNBytes(n);
        if (b.length != n) throw new java.io.EOFException("text cut short");
        return new String(b, StandardCharsets.UTF_8);
    }
}
