package io.disclosurelake.rank;

import io.disclosurelake.lake.LakeSchema;
import io.disclosurelake.lake.LakeTables;
import io.disclosurelake.model.Region;
import io.disclosurelake.spec.RuleBook;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The copy step of a lake with no year to judge: on a first night similar_reports is created empty and
 * rule_violations is not touched; on a later night the full path runs and old copy warnings are removed.
 */
class CopyRulesTest {
    static final SimilarReports.Settings SETTINGS = new SimilarReports.Settings(6, 0.5, 5, 0.5, 100, 10, 40, 3);

    /** Two reports of 2024 (too few narratives to judge); {@code made}: the job's tables made first by the instance it gets. */
    static String lake(SparkSession spark, LakeTables[] made) throws Exception {
        Region huaian = new Region("江苏省", "淮安市", null);
        String dir = Files.createTempDirectory("copy-rules").toString();
        if (made != null) {
            made[0] = new LakeTables(spark, dir);
            made[0].ensureTables();
        }
        new TestLake()
                .add(SampleReports.simple("淮安市民政局", huaian, 2024, 100, 10, SampleReports.review(0, 0)), "淮安市民政局", "body", "2025-01-20T00:00:00Z", "n-A")
                .add(SampleReports.simple("淮安市财政局", huaian, 2024, 60, 6, SampleReports.review(0, 0)), "淮安市财政局", "body", "2025-01-20T00:00:00Z", "n-B")
                .write(spark, dir);
        // each report has a narrative: 2024 counts two, under the three SETTINGS needs to judge a year
        spark.sql("UPDATE delta.`" + new LakeTables(spark, dir).path(LakeSchema.REPORTS) + "` SET "
                + LakeSchema.NARRATIVE_TEXT + " = concat(org, '：本年度政府信息公开工作总体情况')");
        return dir;
    }

    @Test
    void aFirstNightWithNothingToJudgeMakesAnEmptySimilarReportsAndNoOtherCommit() throws Exception {
        SparkSession spark = RankTestSpark.session();
        LakeTables[] made = new LakeTables[1];
        lake(spark, made);
        LakeTables lake = made[0]; // the night's instance: it created rule_violations
        long violations = lake.version(LakeSchema.RULE_VIOLATIONS);

        List<String> lines = CopyRules.refresh(lake, SETTINGS, null);

        assertTrue(lake.hasLog(LakeSchema.SIMILAR_REPORTS));
        assertEquals(0, lake.version(LakeSchema.SIMILAR_REPORTS), "created, no second commit");
        assertEquals(0, lake.read(LakeSchema.SIMILAR_REPORTS).count());
        assertEquals(List.of(LakeSchema.table(LakeSchema.SIMILAR_REPORTS).schema().fieldNames()),
                List.of(lake.read(LakeSchema.SIMILAR_REPORTS).columns()));
        assertEquals(violations, lake.version(LakeSchema.RULE_VIOLATIONS), "no warning to remove: no commit");
        assertTrue(lines.get(0).startsWith("copies: 0 similar pair(s) in similar_reports, warnings unchanged"), lines.get(0));
        assertTrue(lines.get(1).startsWith("copies: not judged") && lines.get(1).endsWith("2024 (2)"), lines.get(1));
    }

    @Test
    void aLakeJudgedBeforeLosesItsOldCopyWarnings() throws Exception {
        SparkSession spark = RankTestSpark.session();
        LakeTables lake = new LakeTables(spark, lake(spark, null)); // a later night's instance: it created nothing
        CopyRules.refresh(lake, SETTINGS, null);
        // a warning left by an earlier judgement (when the year still had enough narratives)
        spark.createDataFrame(List.of(RowFactory.create("淮安市财政局#2024", RuleBook.COPY_FROM_OTHER_BODY,
                        RuleBook.severity(RuleBook.COPY_FROM_OTHER_BODY), "narrative:淮安市民政局#2024", null, null, null, "old")),
                LakeSchema.table(LakeSchema.RULE_VIOLATIONS).schema()).write().format("delta").mode("append")
                .save(lake.path(LakeSchema.RULE_VIOLATIONS));

        long others = lake.read(LakeSchema.RULE_VIOLATIONS).where(org.apache.spark.sql.functions.not(col(LakeSchema.RULE).isin(RuleBook.LAKE_WIDE_RULES.toArray()))).count();

        CopyRules.refresh(lake, SETTINGS, null);

        assertEquals(0, lake.read(LakeSchema.RULE_VIOLATIONS).where(col(LakeSchema.RULE).isin(RuleBook.LAKE_WIDE_RULES.toArray())).count());
        assertEquals(others, lake.read(LakeSchema.RULE_VIOLATIONS).count(), "the other violations stay");
    }
}
