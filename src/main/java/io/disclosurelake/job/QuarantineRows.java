package io.disclosurelake.job;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static org.apache.spark.sql.functions.*;

/**
 * Step: the night's {@code quarantine} rows — files the extractor quarantined, files whose content the lake
 * already holds in quarantine (under another path: same verdict), and files the listing could not hand over.
 */
public final class QuarantineRows {
    private QuarantineRows() {}

    /**
     * @param extracted     extraction rows of the night
     * @param problems      listing problems (path, reason, message)
     * @param lakeQuarantine the lake's {@code quarantine}
     */
    public static Dataset<Row> of(Dataset<Row> extracted, Dataset<Row> problems, Dataset<Row> lakeQuarantine, String runId) {
        Column run = lit(runId);
        Dataset<Row> quarantined = extracted.where(col("extracted").and(col("status").equalTo("quarantined")))
                .select(col("path"), col("sha256"), col("reason"), col("message"), col("format"), col("size"), run.as("run_id"));
        Dataset<Row> lakeQ = lakeQuarantine.where(col("sha256").notEqual("")).groupBy("sha256")
                .agg(min(struct(col("path"), col("reason"), col("message"), col("format"))).as("q"));
        Dataset<Row> knownBad = extracted.where(not(col("extracted"))).join(lakeQ, io.disclosurelake.lake.JoinKeys.of("sha256"))
                .select(col("path"), col("sha256"), col("q.reason").as("reason"), col("q.message").as("message"),
                        col("q.format").as("format"), col("size"), run.as("run_id"));
        Dataset<Row> listingBad = problems.select(col("path"), lit("").as("sha256"), col("reason"), col("message"),
                lit("unknown").as("format"), lit(null).cast("long").as("size"), run.as("run_id"));
        return quarantined.unionByName(knownBad).unionByName(listingBad);
    }
}
