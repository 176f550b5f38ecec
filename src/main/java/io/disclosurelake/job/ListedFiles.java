package io.disclosurelake.job;

import io.disclosurelake.lake.JoinKeys;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static org.apache.spark.sql.functions.col;

/** Step: what of the night's listing the lake does not already have. */
public final class ListedFiles {
    private ListedFiles() {}

    /**
     * Files to read: listed ({@link ExtractionRows#CANDIDATE}) and not in {@code documents} with the same path,
     * size and modification time.
     */
    public static Dataset<Row> changed(Dataset<Row> listed, Dataset<Row> docsOld) {
        return listed.as("l").join(docsOld.as("d"), col("l.path").equalTo(col("d.path")).and(col("l.size").equalTo(col("d.size")))
                .and(col("l.modified_at").eqNullSafe(col("d.modified_at"))), "left_anti");
    }

    /** Listing problems (path, reason, message) not already recorded in {@code documents} with that reason. */
    public static Dataset<Row> newProblems(Dataset<Row> problems, Dataset<Row> docsOld) {
        return problems.join(docsOld.where(col("sha256").equalTo("")).select("path", "reason"), JoinKeys.of("path", "reason"), "left_anti");
    }
}
