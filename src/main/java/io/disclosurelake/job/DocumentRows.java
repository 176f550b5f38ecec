package io.disclosurelake.job;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.sql.Timestamp;

import static org.apache.spark.sql.functions.*;

/**
 * Step: one {@code documents} row per file handled in the night, keeping first_seen, and last_seen unless the
 * content changed. A file whose content the lake already knows (not extracted again) takes the verdict of the
 * known content.
 */
public final class DocumentRows {
    private DocumentRows() {}

    /**
     * @param extracted extraction rows of the night ({@link ExtractionRows#SCHEMA})
     * @param docsOld   the lake's {@code documents}
     * @param problems  files the listing could not hand over (path, reason, message), not yet recorded so
     * @param started   the night's start
     * @param runId     the night's id
     */
    public static Dataset<Row> of(Dataset<Row> extracted, Dataset<Row> docsOld, Dataset<Row> problems, Timestamp started, String runId) {
        Column run = lit(runId);
        Dataset<Row> bySha = docsOld.where(col("sha256").notEqual("")).groupBy("sha256")
                .agg(min(struct(col("path"), col("status"), col("report_id"), col("reason"), col("format"))).as("k"))
                .select(col("sha256").as("k_sha256"), col("k.status").as("k_status"), col("k.report_id").as("k_report_id"),
                        col("k.reason").as("k_reason"), col("k.format").as("k_format"));
        Dataset<Row> j = extracted.as("e").join(docsOld.as("o"), col("e.path").equalTo(col("o.path")), "left")
                .join(bySha, col("e.sha256").equalTo(col("k_sha256")), "left");
        Column wasExtracted = col("e.extracted");
        Column sameContent = col("o.path").isNotNull().and(col("o.sha256").equalTo(col("e.sha256")));
        Column firstSeen = coalesce(col("o.first_seen"), col("e.first_seen"));
        Column status = when(wasExtracted, col("e.status")).otherwise(col("k_status"));
        Dataset<Row> files = j.select(
                col("e.path").as("path"), col("e.sha256").as("sha256"), col("e.size").as("size"),
                when(wasExtracted, coalesce(col("e.format"), lit("unknown"))).otherwise(col("k_format")).as("format"),
                firstSeen.as("first_seen"),
                when(sameContent, col("o.last_seen")).otherwise(greatest(lit(started), firstSeen)).as("last_seen"),
                run.as("run_id"), status.as("status"),
                when(wasExtracted, when(col("e.status").equalTo("quarantined"), lit(null)).otherwise(col("e.report_id")))
                        .otherwise(col("k_report_id")).as("report_id"),
                col("e.modified_at").as("modified_at"),
                when(wasExtracted, col("e.reason")).otherwise(col("k_reason")).as("reason"));
        Dataset<Row> bad = problems.as("p").join(docsOld.as("o"), col("p.path").equalTo(col("o.path")), "left").select(
                col("p.path").as("path"), lit("").as("sha256"), lit(0L).as("size"), lit("unknown").as("format"),
                coalesce(col("o.first_seen"), lit(started)).as("first_seen"), lit(started).as("last_seen"), run.as("run_id"),
                lit("quarantined").as("status"), lit(null).cast("string").as("report_id"),
                lit(null).cast("timestamp").as("modified_at"), col("p.reason").as("reason"));
        return files.unionByName(bad);
    }

    /** Files whose path and content the lake both knows (only touched): their documents row gets the new mtime, nothing else changes. */
    public static Dataset<Row> touchedOnly(Dataset<Row> extracted, Dataset<Row> docsOld) {
        return extracted.as("e").join(docsOld.as("o"), col("e.path").equalTo(col("o.path")).and(col("e.sha256").equalTo(col("o.sha256"))),
                "left_semi").select("path");
    }
}
