package io.disclosurelake.rank;

import io.disclosurelake.lake.LakeSchema;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Files;
import java.nio.file.Path;

/** Reading the lake's tables and overwriting a gold table in one Delta commit, with its LakeSchema schema. */
public final class GoldTables {
    private GoldTables() {}

    public static String tablePath(String lake, String table) {
        return lake.endsWith("/") ? lake + table : lake + "/" + table;
    }

    public static boolean exists(String lake, String table) {
        if (lake.contains("://") && !lake.startsWith("file:")) return true; // remote store: let the read fail loudly
        Path p = Path.of(lake.replaceFirst("^file:(//)?", ""), table, "_delta_log");
        return Files.isDirectory(p);
    }

    public static Dataset<Row> read(SparkSession spark, String lake, String table) {
        return spark.read().format("delta").load(tablePath(lake, table));
    }

    /**
     * Overwrites a derived table: the rows are cast to the table's LakeSchema columns (names, order, types,
     * comments) and written as one commit; the previous versions stay in the Delta log.
     */
    public static void overwrite(Dataset<Row> rows, String lake, String table) {
        Dataset<Row> shaped = rows.to(LakeSchema.table(table).schema());
        shaped.write().format("delta").mode("overwrite").option("overwriteSchema", "true")
                .save(tablePath(lake, table));
    }
}
