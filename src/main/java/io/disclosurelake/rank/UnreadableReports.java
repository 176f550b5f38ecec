package io.disclosurelake.rank;

import io.disclosurelake.lake.LakeSchema;
import io.disclosurelake.lake.LakeTables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.List;
import java.util.StringJoiner;

/**
 * Coverage's three cases: a body's report for a year is <em>read</em> (in {@code reports}), <em>published but
 * unreadable</em> (a quarantined file stands for that body and year), or <em>not published</em> (nothing found).
 * The second is our failure, not the body's: such bodies are not ranked and never scored 0; the exports list
 * them apart with the reason.
 *
 * <p>A quarantined file stands for a body and year when the manifest lists its path with the body (the
 * manifest's year rule, {@link ExpectedBodies}), else when its path names a body known from the lake or the
 * manifest and a year ({@code 2023/…} folder or {@code 2023年}). The step registers view
 * {@code dl_unreadable(year, body_key, unreadable_reason, unreadable_path)} which sql/gold/coverage.sql joins to tell the three cases apart.
 */
public final class UnreadableReports {
    private UnreadableReports() {}

    /** Quarantine reasons in words a reader knows (docs/ranking.md). */
    static final List<String[]> REASON_WORDS = List.of(
            new String[]{"encrypted", "文件加密，无法打开"}, new String[]{"corrupt", "文件损坏"}, new String[]{"empty", "文件为空"},
            new String[]{"no_text_layer", "扫描件，无文字层"}, new String[]{"not_a_report", "无法识别为年度报告"},
            new String[]{"legacy_template", "2019 年以前的旧格式"}, new String[]{"too_large", "文件超出大小或页数上限"},
            new String[]{"timeout", "读取超时"}, new String[]{"unsupported_format", "文件格式无法读取"},
            new String[]{"unsafe", "文件含不安全内容（已拒绝）"});

    /** Registers {@code dl_unreadable}; needs GoldLayer's {@code dl_reports} and {@code dl_expected} views. */
    public static void register(SparkSession spark, String lake, Dataset<Row> expectedBodies) {
        new LakeTables(spark, lake).readOrEmpty(LakeSchema.QUARANTINE).createOrReplaceTempView("dl_quarantine");
        boolean withPaths = expectedBodies != null && List.of(expectedBodies.columns()).contains("path");
        if (withPaths) {
            expectedBodies.selectExpr("CAST(year AS INT) AS year", "COALESCE(body_key, org) AS body_key", "path")
                    .createOrReplaceTempView("dl_expected_paths");
        } else {
            spark.sql("SELECT CAST(NULL AS INT) AS year, CAST(NULL AS STRING) AS body_key, CAST(NULL AS STRING) AS path WHERE FALSE")
                    .createOrReplaceTempView("dl_expected_paths");
        }
        StringJoiner words = new StringJoiner(" ");
        for (String[] w : REASON_WORDS) words.add("WHEN '" + w[0] + "' THEN '" + w[1] + "'");
        spark.sql("WITH by_manifest AS (SELECT e.year, e.body_key, q.reason, q.path FROM dl_quarantine q"
                + "  JOIN dl_expected_paths e ON e.path = q.path OR e.path = 'docs/' || q.path),\n"
                + " names AS (SELECT DISTINCT body_key, org FROM dl_reports WHERE org IS NOT NULL AND LENGTH(org) >= 4"
                + "  UNION SELECT DISTINCT body_key, org FROM dl_expected WHERE org IS NOT NULL AND LENGTH(org) >= 4),\n"
                + " by_name AS (SELECT CAST(COALESCE(NULLIF(REGEXP_EXTRACT(q.path, '(?:^|/)((?:19|20)[0-9]{2})/', 1), ''),"
                + "   NULLIF(REGEXP_EXTRACT(q.path, '((?:19|20)[0-9]{2})年', 1), '')) AS INT) AS year, n.body_key, q.reason, q.path"
                + "  FROM dl_quarantine q JOIN names n ON INSTR(q.path, n.org) > 0"
                + "  LEFT ANTI JOIN by_manifest m ON m.path = q.path),\n"
                + " found AS (SELECT * FROM by_manifest UNION ALL SELECT * FROM by_name WHERE year IS NOT NULL)\n"
                + "SELECT year, body_key, MIN_BY(CASE reason " + words + " ELSE reason END || '（' || reason || '）', path) AS unreadable_reason,"
                + " MIN(path) AS unreadable_path FROM found GROUP BY year, body_key")
                .createOrReplaceTempView("dl_unreadable");
    }
}
