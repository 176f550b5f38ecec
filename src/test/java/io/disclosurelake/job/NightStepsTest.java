package io.disclosurelake.job;

import io.disclosurelake.lake.LakeSchema;
import io.disclosurelake.model.Report;
import io.disclosurelake.spark.SharedSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Each named step of the night on a handful of in-memory rows (extraction rows made by the fake extractor and
 * {@link ExtractionRows}, no Delta table): seconds, not a whole night.
 */
@ExtendWith(SharedSpark.class)
class NightStepsTest {
    static final Timestamp T1 = Timestamp.valueOf("2024-03-01 00:00:00");
    static final Timestamp T2 = Timestamp.valueOf("2024-04-01 00:00:00");
    static final Timestamp STARTED = Timestamp.valueOf("2024-05-01 00:00:00");

    static Report report(String org, int year, Map<String, String> lines) {
        return new FakeExtractor().extract("x", FakeExtractor.text(org, year, lines).getBytes(StandardCharsets.UTF_8));
    }

    static Row candidate(String path, Timestamp seen) {
        return RowFactory.create(path, "file:/in/" + path, 10L, seen, seen);
    }

    static Row extracted(String path, Timestamp seen, Report r) {
        return ExtractionRows.of(candidate(path, seen), "sha-" + path, r, 5L);
    }

    static Dataset<Row> ex(SparkSession spark, Row... rows) {
        return spark.createDataFrame(List.of(rows), ExtractionRows.SCHEMA);
    }

    static Dataset<Row> empty(SparkSession spark, String table) {
        return spark.createDataFrame(List.of(), LakeSchema.table(table).schema());
    }

    static List<String> strings(Dataset<Row> d, String... cols) {
        List<String> out = new ArrayList<>();
        for (Row r : d.selectExpr(cols).collectAsList()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.size(); i++) sb.append(i == 0 ? "" : "|").append(r.get(i));
            out.add(sb.toString());
        }
        out.sort(null);
        return out;
    }

    static Map<String, String> prevYear() {
        Map<String, String> m = new HashMap<>(NightlyJobTest.balanced(10, 2, 3));
        m.put("active.regulations_in_force", "5");
        m.put("active.normative_docs_in_force", "7");
        return m;
    }

    static Map<String, String> curYear() {
        Map<String, String> m = new HashMap<>(NightlyJobTest.balanced(5, 4, 0));
        m.put("active.regulations_in_force", "6");
        m.put("active.regulations_issued", "1");
        m.put("active.normative_docs_in_force", "9"); // 7 + 0 − 0 ≠ 9
        return m;
    }

    @Test
    void reportVersionsKeepsTheLatestFirstSeenAmongNightAndLake(SparkSession spark) {
        Report a = report("甲市民政局", 2023, NightlyJobTest.balanced(3, 0, 0));
        Report b = report("乙县教育局", 2023, NightlyJobTest.balanced(4, 0, 0));
        Row a1 = extracted("a1.txt", T1, a), a2 = extracted("a2.txt", T2, a), b1 = extracted("b1.txt", T1, b);
        Row bad = ExtractionRows.of(candidate("bad.txt", T2), "sha-bad",
                new FakeExtractor().extract("bad.txt", "quarantine: not_a_report\n".getBytes(StandardCharsets.UTF_8)), 1L);
        Dataset<Row> winners = ReportVersions.choose(ex(spark, a1, a2, b1, bad), empty(spark, LakeSchema.REPORTS));
        assertEquals(List.of("a2.txt", "b1.txt"), strings(winners, "path"));

        // The lake holds a version of b first seen later than tonight's: b's version in the lake stays.
        Dataset<Row> lakeReports = ReportVersions.choose(ex(spark, extracted("b0.txt", T2, b)), empty(spark, LakeSchema.REPORTS))
                .withColumn(LakeSchema.RUN_ID, lit("earlier"));
        assertEquals(List.of("a2.txt"), strings(ReportVersions.choose(ex(spark, a1, a2, b1), lakeReports), "path"));
    }

    @Test
    void crossYearRulesPairTonightsReportWithTheLakesPreviousYear(SparkSession spark) {
        Report prev = report("甲市民政局", 2022, prevYear());
        Report cur = report("甲市民政局", 2023, curYear());
        Report other = report("乙县教育局", 2023, NightlyJobTest.balanced(1, 0, 0));
        Dataset<Row> lakeWinners = ReportVersions.choose(ex(spark, extracted("prev.txt", T1, prev), extracted("o.txt", T1, other)),
                empty(spark, LakeSchema.REPORTS));
        Dataset<Row> lakeReports = lakeWinners.withColumn(LakeSchema.RUN_ID, lit("earlier"));
        Dataset<Row> lakeCells = ChildRows.cells(lakeWinners);

        Dataset<Row> winners = ReportVersions.choose(ex(spark, extracted("cur.txt", T2, cur)), lakeReports);
        Dataset<Row> bodyReports = CrossYearRules.bodyReports(winners, lakeReports);
        assertEquals(List.of("2022", "2023"), strings(bodyReports, "year"), "the other body is not in scope");
        Dataset<Row> scope = CrossYearRules.scope(winners, bodyReports);
        Dataset<Row> kept = scope.join(winners.select(LakeSchema.REPORT_ID), io.disclosurelake.lake.JoinKeys.of(LakeSchema.REPORT_ID), "left_anti");
        assertEquals(1, kept.count());

        String curId = winners.first().getAs(LakeSchema.REPORT_ID);
        Dataset<Row> v = CrossYearRules.violations(winners, kept, bodyReports, lakeCells);
        // The fake extractor writes no narrative: the two years' (empty) narratives are identical.
        assertEquals(List.of(curId + "|CARRY_OVER_CONTINUITY|总计|4.0000|3.0000", curId + "|CARRY_OVER_CONTINUITY|自然人|4.0000|3.0000",
                curId + "|DUPLICATE_OF_PREVIOUS_YEAR|narrative|null|null", curId + "|IN_FORCE_CONTINUITY|行政规范性文件|9.0000|7.0000"),
                strings(v, "report_id", "rule", "scope", "left_value", "right_value"));
        assertArrayEquals(LakeSchema.table(LakeSchema.RULE_VIOLATIONS).schema().fieldNames(), v.columns());
    }

    @Test
    void crossYearRulesFlagTablesCopiedFromThePreviousYear(SparkSession spark) {
        Report prev = report("甲市民政局", 2022, NightlyJobTest.balanced(3, 0, 0));
        Report cur = report("甲市民政局", 2023, NightlyJobTest.balanced(3, 0, 0));
        Dataset<Row> winners = ReportVersions.choose(ex(spark, extracted("p.txt", T1, prev), extracted("c.txt", T1, cur)),
                empty(spark, LakeSchema.REPORTS));
        Dataset<Row> bodyReports = CrossYearRules.bodyReports(winners, empty(spark, LakeSchema.REPORTS));
        Dataset<Row> v = CrossYearRules.violations(winners, winners.select(LakeSchema.REPORT_ID).limit(0), bodyReports,
                empty(spark, LakeSchema.CELLS));
        String curId = winners.where(col(LakeSchema.YEAR).equalTo(2023)).first().getAs(LakeSchema.REPORT_ID);
        assertEquals(List.of(curId + "|DUPLICATE_OF_PREVIOUS_YEAR|narrative", curId + "|DUPLICATE_OF_PREVIOUS_YEAR|tables"), strings(v, "report_id", "rule", "scope"));
    }

    @Test
    void childRowsProjectTheWinnersAndCountViolationsOfEveryReportInScope(SparkSession spark) {
        Report cur = report("甲市民政局", 2023, curYear());
        Dataset<Row> winners = ReportVersions.choose(ex(spark, extracted("cur.txt", T2, cur)), empty(spark, LakeSchema.REPORTS));
        String id = winners.first().getAs(LakeSchema.REPORT_ID);
        assertEquals(cur.allCells().size(), ChildRows.cells(winners).count());
        assertArrayEquals(LakeSchema.table(LakeSchema.CELLS).schema().fieldNames(), ChildRows.cells(winners).columns());
        assertArrayEquals(LakeSchema.table(LakeSchema.APPLICATIONS).schema().fieldNames(), ChildRows.applications(winners).columns());
        assertEquals(1, ChildRows.activeDisclosure(winners).count());

        // A kept report ("k") with one lake violation of each kind: its single-year one stays, its cross-year one
        // and its old counts are replaced by tonight's.
        Dataset<Row> lakeViolations = spark.createDataFrame(List.of(
                RowFactory.create("k", "APP_BALANCE", "error", "s", null, null, null, null),
                RowFactory.create("k", "CARRY_OVER_CONTINUITY", "warning", "s", null, null, null, null)),
                LakeSchema.table(LakeSchema.RULE_VIOLATIONS).schema());
        Dataset<Row> kept = spark.createDataFrame(List.of(RowFactory.create("k")), new org.apache.spark.sql.types.StructType().add("report_id", "string"));
        Dataset<Row> crossYear = spark.createDataFrame(List.of(RowFactory.create(id, "IN_FORCE_CONTINUITY", "warning", "s", null, null, null, null)),
                LakeSchema.table(LakeSchema.RULE_VIOLATIONS).schema());
        Dataset<Row> violations = ChildRows.violations(winners, lakeViolations, kept, crossYear);
        assertEquals(List.of(id + "|IN_FORCE_CONTINUITY", "k|APP_BALANCE"), strings(violations, "report_id", "rule"));

        Dataset<Row> lakeMetrics = spark.createDataFrame(List.of(
                RowFactory.create("k", "error_violations", 7.0, null, null, null, "count"),
                RowFactory.create("k", "violations.APP_BALANCE", 9.0, null, null, null, "count"),
                RowFactory.create("k", "non_disclosure_rate", 0.5, null, null, false, "share")),
                LakeSchema.table(LakeSchema.REPORT_METRICS).schema());
        Dataset<Row> scope = kept.union(winners.select(LakeSchema.REPORT_ID));
        Dataset<Row> metrics = ChildRows.metrics(winners, lakeMetrics, kept, scope, violations);
        List<String> counts = strings(metrics.where(col("metric").endsWith("_violations")), "report_id", "metric", "value", "numerator");
        assertEquals(List.of(id + "|error_violations|0.0|0.0000", id + "|warning_violations|1.0|1.0000",
                "k|error_violations|1.0|1.0000", "k|warning_violations|0.0|0.0000"), counts);
        assertEquals(List.of(id + "|violations.IN_FORCE_CONTINUITY|1.0", "k|violations.APP_BALANCE|1.0"),
                strings(metrics.where(col("metric").startsWith("violations.").and(col("value").gt(0))), "report_id", "metric", "value"));
        assertEquals(2L * io.disclosurelake.lake.ViolationCounts.metrics().size(), metrics.where(col("convention").equalTo("count")).count());
        assertEquals(List.of("k|non_disclosure_rate"), strings(metrics.where(col("report_id").equalTo("k")
                .and(col("convention").notEqual("count"))), "report_id", "metric"));
        assertArrayEquals(LakeSchema.table(LakeSchema.REPORT_METRICS).schema().fieldNames(), metrics.columns());
    }

    @Test
    void documentRowsKeepFirstSeenAndTakeTheVerdictOfKnownContent(SparkSession spark) {
        Report a = report("甲市民政局", 2023, NightlyJobTest.balanced(3, 0, 0));
        String aId = ReportVersions.choose(ex(spark, extracted("a.txt", T1, a)), empty(spark, LakeSchema.REPORTS)).first().getAs(LakeSchema.REPORT_ID);
        Dataset<Row> docsOld = spark.createDataFrame(List.of(
                RowFactory.create("a.txt", "sha-a.txt", 10L, "txt", T1, T1, "r0", "parsed", aId, T1, null)),
                LakeSchema.table(LakeSchema.DOCUMENTS).schema());
        Row changed = ExtractionRows.of(candidate("a.txt", T2), "sha-changed",
                report("甲市民政局", 2023, NightlyJobTest.balanced(4, 0, 0)), 5L);                                  // new content, same path
        Row copy = ExtractionRows.known(candidate("copy.txt", T2), "sha-a.txt");                                   // known content, new path
        Dataset<Row> problems = spark.createDataFrame(List.<Row>of(RowFactory.create("gone.txt", "corrupt", "vanished")), NightlyJob.PROBLEM);
        Dataset<Row> docs = DocumentRows.of(ex(spark, changed, copy), docsOld, problems, STARTED, "r1");
        assertArrayEquals(LakeSchema.table(LakeSchema.DOCUMENTS).schema().fieldNames(), docs.columns());
        assertEquals(List.of("a.txt", "copy.txt", "gone.txt"), strings(docs, "path"));
        Row a2 = docs.where(col("path").equalTo("a.txt")).first();
        assertEquals(T1, a2.getAs("first_seen"), "first_seen stays");
        assertEquals(STARTED, a2.getAs("last_seen"), "new content: last_seen moves");
        Row c = docs.where(col("path").equalTo("copy.txt")).first();
        assertEquals("parsed", c.getAs("status"));
        assertEquals(aId, c.getAs("report_id"), "a copy of known content points to its report");
        assertEquals("txt", c.getAs("format"));
        Row g = docs.where(col("path").equalTo("gone.txt")).first();
        assertEquals("quarantined", g.getAs("status"));
        assertEquals("corrupt", g.getAs("reason"));
        assertEquals("", g.getAs("sha256"));

        assertEquals(List.of(), strings(DocumentRows.touchedOnly(ex(spark, changed, copy), docsOld), "path"));
        Row touched = ExtractionRows.known(candidate("a.txt", T2), "sha-a.txt");
        assertEquals(List.of("a.txt"), strings(DocumentRows.touchedOnly(ex(spark, touched), docsOld), "path"));
    }

    @Test
    void quarantineRowsCoverExtractedKnownAndListingProblems(SparkSession spark) {
        Row bad = ExtractionRows.of(candidate("bad.txt", T2), "sha-bad",
                new FakeExtractor().extract("bad.txt", "quarantine: not_a_report\n".getBytes(StandardCharsets.UTF_8)), 1L);
        Row badCopy = ExtractionRows.known(candidate("bad-copy.txt", T2), "sha-old");
        Dataset<Row> lakeQ = spark.createDataFrame(List.of(RowFactory.create("old.txt", "sha-old", "encrypted", "m", "pdf", 3L, "r0")),
                LakeSchema.table(LakeSchema.QUARANTINE).schema());
        Dataset<Row> problems = spark.createDataFrame(List.<Row>of(RowFactory.create("gone.txt", "corrupt", "vanished")), NightlyJob.PROBLEM);
        Dataset<Row> q = QuarantineRows.of(ex(spark, bad, badCopy), problems, lakeQ, "r1");
        assertEquals(List.of("bad-copy.txt|sha-old|encrypted|r1", "bad.txt|sha-bad|not_a_report|r1", "gone.txt||corrupt|r1"),
                strings(q, "path", "sha256", "reason", "run_id"));
    }

    @Test
    void listedFilesAreThoseTheLakeDoesNotHaveAsListed(SparkSession spark) {
        Dataset<Row> docsOld = spark.createDataFrame(List.of(
                RowFactory.create("same.txt", "s1", 10L, "txt", T1, T1, "r0", "parsed", "id", T1, null),
                RowFactory.create("touched.txt", "s2", 10L, "txt", T1, T1, "r0", "parsed", "id2", T1, null),
                RowFactory.create("gone.txt", "", 0L, "unknown", T1, T1, "r0", "quarantined", null, null, "corrupt")),
                LakeSchema.table(LakeSchema.DOCUMENTS).schema());
        Dataset<Row> listed = spark.createDataFrame(List.of(candidate("same.txt", T1), candidate("touched.txt", T2), candidate("new.txt", T2)),
                ExtractionRows.CANDIDATE);
        assertEquals(List.of("new.txt", "touched.txt"), strings(ListedFiles.changed(listed, docsOld), "path"));
        Dataset<Row> problems = spark.createDataFrame(List.<Row>of(RowFactory.create("gone.txt", "corrupt", "x"),
                RowFactory.create("gone.txt", "unreadable", "x")), NightlyJob.PROBLEM);
        assertEquals(List.of("gone.txt|unreadable"), strings(ListedFiles.newProblems(problems, docsOld), "path", "reason"));
    }
}
