package io.disclosurelake.rank;

import io.disclosurelake.model.ReportIdentity;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;

import java.util.List;

import static org.apache.spark.sql.functions.*;

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
        String orgColumn = cols.contains("body") ? "body" : cols.contains("org") ? "org" : null;
        if (orgColumn == null) return null;
        Column org = col(orgColumn);
        Column none = lit(null).cast(DataTypes.StringType);
        Column reportYear = cols.contains("year") ? col("year").cast(DataTypes.IntegerType)
                : coalesce(cols.contains("path") ? nullif(regexp_extract(col("path"), "(?:^|/)((?:19|20)[0-9]{2})/", 1), lit("")).cast(DataTypes.IntegerType)
                                : lit(null).cast(DataTypes.IntegerType),
                        cols.contains("first_seen") ? year(col("first_seen").try_cast(DataTypes.TimestampType)).minus(1) : lit(null).cast(DataTypes.IntegerType));
        Column bodyKey = udf((UDF1<String, String>) ReportIdentity::bodyKey, DataTypes.StringType).apply(org);
        return m.where(org.isNotNull().and(trim(org).notEqual("")))
                .select(reportYear.as("year"), bodyKey.as("body_key"), org.as("org"),
                        cols.contains("province") ? nullif(col("province"), lit("")).as("province") : none.as("province"),
                        cols.contains("city") ? nullif(col("city"), lit("")).as("city") : none.as("city"),
                        cols.contains("county") ? nullif(col("county"), lit("")).as("county") : none.as("county"),
                        cols.contains("path") ? col("path").as("path") : none.as("path"))
                .distinct()
                .where(col("year").isNotNull());
    }
}
