package io.disclosurelake.rank;

import io.disclosurelake.lake.LakeTables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The gold layer's way into the lake, by lake path: a thin front of {@link LakeTables}, the one gateway (kept
 * for its callers in rank/ and export/).
 */
public final class GoldTables {
    private GoldTables() {}

    public static String tablePath(String lake, String table) {
        return lake.endsWith("/") ? lake + table : lake + "/" + table;
    }

    public static boolean exists(String lake, String table) {
        return new LakeTables(active(), lake).hasLog(table);
    }

    public static Dataset<Row> read(SparkSession spark, String lake, String table) {
        return new LakeTables(spark, lake).read(table);
    }

    /** The rows with exactly the table's columns, in order, cast to its types, with its comments. */
    public static Dataset<Row> shape(Dataset<Row> rows, String table) { return LakeTables.shape(rows, table); }

    /** {@code delta.`path`} for SQL. */
    public static String sqlName(String lake, String table) {
        return "delta.`" + tablePath(lake, table).replace("`", "``") + "`";
    }

    /** Overwrites a derived table in one commit ({@link LakeTables#overwrite}). */
    public static void overwrite(Dataset<Row> rows, String lake, String table) {
        new LakeTables(rows.sparkSession(), lake).overwrite(table, rows);
    }

    private static SparkSession active() {
        return SparkSession.getActiveSession().getOrElse(() -> SparkSession.getDefaultSession().getOrElse(() -> {
            throw new IllegalStateException("no Spark session");
        }));
    }
}
