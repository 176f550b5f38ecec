package io.disclosurelake.rank;

import io.disclosurelake.lake.LakeSchema;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

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

    /** The rows with exactly the table's columns, in order, cast to its types, with its comments. */
    public static Dataset<Row> shape(Dataset<Row> rows, String table) {
        StructType schema = LakeSchema.table(table).schema();
        Column[] cols = new Column[schema.fields().length];
        for (int i = 0; i < cols.length; i++) {
            StructField f = schema.fields()[i];
            cols[i] = rows.col(f.name()).cast(f.dataType()).as(f.name(), f.metadata());
        }
        return rows.select(cols);
    }

    /** {@code delta.`path`} for SQL. */
    public static String sqlName(String lake, String table) {
        return "delta.`" + tablePath(lake, table).replace("`", "``") + "`";
    }

    /**
     * Overwrites a derived table: the rows are cast to the table's LakeSchema columns (names, order, types,
     * comments) and written as one commit; the previous versions stay in the Delta log.
     */
    public static void overwrite(Dataset<Row> rows, String lake, String table) {
        SparkSession spark = rows.sparkSession();
        LakeSchema.Table t = LakeSchema.table(table);
        // Delta keeps NOT NULL only from a table's definition (a DataFrame write makes every column nullable):
        // create the table from LakeSchema first, then overwrite its rows; mergeSchema adds columns LakeSchema gained.
        if (!exists(lake, table)) io.delta.tables.DeltaTable.createIfNotExists(spark).location(tablePath(lake, table))
                .addColumns(t.schema()).comment(t.comment()).execute();
        shape(rows, table).write().format("delta").mode("overwrite").option("mergeSchema", "true")
                .save(tablePath(lake, table));
    }
}
