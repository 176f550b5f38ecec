package io.disclosurelake.rank;

import io.disclosurelake.model.ReportIdentity;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;

import java.util.List;

/**
 * Bodies expected to have a report, read from a manifest CSV (the corpus generator's: path, body, province,
 * city, county, source_url, first_seen). Each row says "this body published a report for that year"; when
 * the lake has no such report (e.g. the file was quarantined) the body is listed in missing_reports.
 * The year is the {@code year} column, else the year folder of the path ({@code 2024/…}), else the year
 * before first_seen (reports are published the year after).
 */
public final class ExpectedBodies {
    private ExpectedBodies() {}

    /** Columns year, body_key, org, province, city, county, path (of the file); null when the manifest names no body. */
    public static Dataset<Row> fromManifest(SparkSession spark, String manifest) {
        Dataset<Row> m = spark.read().option("header", "true").option("encoding", "UTF-8").csv(manifest);
        List<String> cols = List.of(m.columns());
        String org = cols.contains("body") ? "body" : cols.contains("org") ? "org" : null;
        if (org == null) return null;
        spark.udf().register("manifest_body_key", (UDF1<String, String>) ReportIdentity::bodyKey, DataTypes.StringType);
        String year = cols.contains("year") ? "CAST(year AS INT)"
                : "COALESCE(" + (cols.contains("path") ? "CAST(NULLIF(REGEXP_EXTRACT(path, '(?:^|/)((?:19|20)[0-9]{2})/', 1), '') AS INT)" : "NULL")
                + (cols.contains("first_seen") ? ", YEAR(TRY_CAST(first_seen AS TIMESTAMP)) - 1" : "") + ")";
        String opt = "CAST(NULL AS STRING)";
        m.createOrReplaceTempView("dl_manifest");
        return spark.sql("SELECT DISTINCT " + year + " AS year, manifest_body_key(" + org + ") AS body_key, " + org + " AS org, "
                + (cols.contains("province") ? "NULLIF(province, '')" : opt) + " AS province, "
                + (cols.contains("city") ? "NULLIF(city, '')" : opt) + " AS city, "
                + (cols.contains("county") ? "NULLIF(county, '')" : opt) + " AS county, "
                + (cols.contains("path") ? "path" : opt) + " AS path FROM dl_manifest"
                + " WHERE " + org + " IS NOT NULL AND TRIM(" + org + ") <> ''")
                .where("year IS NOT NULL");
    }
}
