package io.disclosurelake.hardening;

import io.disclosurelake.lake.LakeSchema;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.TimestampType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.apache.spark.sql.functions.col;

/**
 * The content of a lake as sorted JSON lines per table, without what differs between two runs over the same
 * files by design: the {@code runs} table, {@code run_id} and every timestamp (run start, first/last seen,
 * modification times). Two lakes that hold the same reports compare equal; a lost or duplicated row does not.
 */
final class LakeSnapshot {
    private LakeSnapshot() {}

    // days_late counts whole days from the deadline to first_seen, which is the run's clock when no manifest
    // gives it: two lakes built on either side of a day boundary differ there and nowhere else — and in the
    // same count printed in rankings.reasons (「迟报 674 天」 against 「迟报 675 天」, seen 2026-12-06 when two
    // nights minutes apart straddled 16:00 UTC, the deadline's time of day).
    static final Set<String> BOOKKEEPING = Set.of("run_id", "days_late");
    static final String REASONS = "reasons";

    /** Tables of the lake that the job writes, except {@code runs}, in schema order. */
    static List<String> tables() {
        List<String> names = new ArrayList<>();
        for (LakeSchema.Table t : LakeSchema.tables()) if (!t.name().equals(LakeSchema.RUNS)) names.add(t.name());
        return names;
    }

    static Dataset<Row> table(SparkSession spark, Path lake, String table) {
        return spark.read().format("delta").load(lake.resolve(table).toString());
    }

    /** Drops bookkeeping and timestamp columns. */
    static Dataset<Row> comparable(Dataset<Row> df) {
        List<Column> keep = new ArrayList<>();
        for (StructField f : df.schema().fields()) {
            if (BOOKKEEPING.contains(f.name()) || f.dataType() instanceof TimestampType) continue;
            keep.add(f.name().equals(REASONS)
                    ? org.apache.spark.sql.functions.regexp_replace(col(REASONS), "迟报 [0-9]+ 天", "迟报 N 天").as(REASONS)
                    : col(f.name()));
        }
        return df.select(keep.toArray(new Column[0]));
    }

    static List<String> rows(Dataset<Row> df) {
        List<String> rows = new ArrayList<>(comparable(df).toJSON().collectAsList());
        rows.sort(null);
        return rows;
    }

    /** Every job table (that exists) as sorted JSON rows. */
    static Map<String, List<String>> of(SparkSession spark, Path lake) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String t : tables()) {
            if (Files.isDirectory(lake.resolve(t).resolve("_delta_log"))) out.put(t, rows(table(spark, lake, t)));
        }
        return out;
    }

    /**
     * The rows that belong to the given reports (tables with {@code report_id}) or files (tables keyed by
     * {@code path}: documents, quarantine).
     */
    static Map<String, List<String>> of(SparkSession spark, Path lake, Collection<String> reportIds, Collection<String> paths) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String t : tables()) {
            if (!Files.isDirectory(lake.resolve(t).resolve("_delta_log"))) continue;
            Dataset<Row> df = table(spark, lake, t);
            List<String> cols = List.of(df.columns());
            if (cols.contains("report_id") && !t.equals(LakeSchema.DOCUMENTS)) {
                df = df.where(col("report_id").isin(reportIds.toArray()));
            } else if (cols.contains("path")) {
                df = df.where(col("path").isin(paths.toArray()));
            }
            out.put(t, rows(df));
        }
        return out;
    }

    /** Every string value of every table, as JSON: for "this text appears nowhere in the lake". */
    static boolean anyTableContains(SparkSession spark, Path lake, String needle) {
        for (String t : LakeSchema.tables().stream().map(LakeSchema.Table::name).toList()) {
            if (!Files.isDirectory(lake.resolve(t).resolve("_delta_log"))) continue;
            for (String json : table(spark, lake, t).toJSON().collectAsList()) if (json.contains(needle)) return true;
        }
        return false;
    }
}
