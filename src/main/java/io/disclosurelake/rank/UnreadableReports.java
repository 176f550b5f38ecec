package io.disclosurelake.rank;

import io.disclosurelake.lake.LakeSchema;
import io.disclosurelake.lake.LakeTables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

/**
 * Coverage's three cases: a body's report for a year is <em>read</em> (in {@code reports}), <em>published but
 * unreadable</em> (a quarantined file stands for that body and year), or <em>not published</em> (nothing found).
 * The second is our failure, not the body's: such bodies are not ranked and never scored 0; the exports list
 * them apart with the reason.
 *
 * <p>A quarantined file stands for a body and year when the manifest lists its path with the body (the
 * manifest's year rule, {@link ExpectedBodies}), else when its path names a body known from the lake or the
 * manifest and a year ({@code 2023/…} folder or {@code 2023年}). The step registers view
 * {@code dl_unreadable(year, body_key, unreadable_reason, unreadable_path)} (sql/gold/unreadable.sql), which sql/gold/coverage.sql joins to tell the three cases apart.
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
            spark.createDataFrame(List.of(), new StructType().add("year", DataTypes.IntegerType)
                    .add("body_key", DataTypes.StringType).add("path", DataTypes.StringType))
                    .createOrReplaceTempView("dl_expected_paths");
        }
        List<Row> words = new ArrayList<>();
        for (String[] w : REASON_WORDS) words.add(RowFactory.create(w[0], w[1]));
        spark.createDataFrame(words, new StructType().add("reason", DataTypes.StringType, false).add("words", DataTypes.StringType, false))
                .createOrReplaceTempView("dl_reason_words");
        spark.sql(GoldSql.text("unreadable")).createOrReplaceTempView("dl_unreadable");
    }
}
