package io.disclosurelake.job;

import io.disclosurelake.model.ReportIdentity;
import io.disclosurelake.lake.CurrentReports;
import io.disclosurelake.lake.LakeSchema;
import io.disclosurelake.model.Report;
import io.disclosurelake.spark.SharedSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;

import static io.disclosurelake.job.NightStepsTest.STARTED;
import static io.disclosurelake.job.NightStepsTest.T1;
import static io.disclosurelake.job.NightStepsTest.T2;
import static io.disclosurelake.job.NightStepsTest.candidate;
import static io.disclosurelake.job.NightStepsTest.empty;
import static io.disclosurelake.job.NightStepsTest.ex;
import static io.disclosurelake.job.NightStepsTest.extracted;
import static io.disclosurelake.job.NightStepsTest.report;
import static io.disclosurelake.job.NightStepsTest.strings;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The lifecycle steps of the night (job/ReportLifecycle: vanished files, rereads, renames, edits after
 * publication, retirement) on a handful of in-memory rows, no Delta table.
 */
@ExtendWith(SharedSpark.class)
class ReportLifecycleStepsTest {
    static final Report A2023 = report("甲市民政局", 2023, NightlyJobTest.balanced(3, 0, 0));
    static final Report A2023_EDITED = report("甲市民政局", 2023, NightlyJobTest.balanced(4, 0, 0));
    static final Report A2024 = report("甲市民政局", 2024, NightlyJobTest.balanced(4, 0, 0));

    /** Rows computed once, as a table would hand them over (plans built on plans grow without end). */
    static Dataset<Row> local(Dataset<Row> d) {
        return d.sparkSession().createDataFrame(d.collectAsList(), d.schema());
    }

    /** The lake's reports after a night that chose these versions (lifecycle columns as the job writes them). */
    static Dataset<Row> lakeReports(SparkSession spark, Row... extracted) {
        Dataset<Row> w = local(ReportVersions.choose(ex(spark, extracted), empty(spark, LakeSchema.REPORTS)));
        return local(ReportLifecycle.reports(w, empty(spark, LakeSchema.REPORTS), ReportLifecycle.documentsAfter(
                        empty(spark, LakeSchema.DOCUMENTS), empty(spark, LakeSchema.DOCUMENTS).select("path"),
                        DocumentRows.of(ex(spark, extracted), empty(spark, LakeSchema.DOCUMENTS), problems(spark), T1, "r0")),
                ids(spark), T1, "r0").rows());
    }

    static Dataset<Row> docs(SparkSession spark, Object[]... rows) {
        return spark.createDataFrame(Arrays.stream(rows).map(RowFactory::create).toList(), LakeSchema.table(LakeSchema.DOCUMENTS).schema());
    }

    static Object[] doc(String path, String sha, String reportId, Timestamp seen) {
        return new Object[]{path, sha, 10L, "txt", seen, seen, "r0", "parsed", reportId, seen, null};
    }

    static Dataset<Row> problems(SparkSession spark, Row... rows) { return spark.createDataFrame(List.of(rows), NightlyJob.PROBLEM); }

    static Dataset<Row> ids(SparkSession spark, String... ids) {
        return spark.createDataFrame(Arrays.stream(ids).map(i -> RowFactory.create(i)).toList(),
                new org.apache.spark.sql.types.StructType().add(LakeSchema.REPORT_ID, "string"));
    }

    static Dataset<Row> listed(SparkSession spark, String... paths) {
        return spark.createDataFrame(Arrays.stream(paths).map(p -> candidate(p, T2)).toList(), ExtractionRows.CANDIDATE);
    }

    static String id(Report r) {
        return ReportIdentity.reportId(ReportIdentity.bodyKey(r.org()), r.year(), "x");
    }

    /** One night's outcome over the given extraction rows and listing against the lake. */
    static ReportLifecycle.Outcome night(SparkSession spark, Dataset<Row> ex, Dataset<Row> listed, Dataset<Row> docsOld, Dataset<Row> lake) {
        Dataset<Row> vanished = ReportLifecycle.vanished(listed, problems(spark), docsOld);
        Dataset<Row> documents = DocumentRows.of(ex, docsOld, problems(spark), STARTED, "r1");
        Dataset<Row> after = ReportLifecycle.documentsAfter(docsOld, vanished, documents);
        Dataset<Row> winners = local(ReportVersions.choose(ex, ReportLifecycle.present(lake, after)));
        ReportLifecycle.Outcome o = ReportLifecycle.reports(winners, lake, local(after), ReportLifecycle.edited(documents, docsOld), STARTED, "r1");
        return new ReportLifecycle.Outcome(local(o.rows()), local(o.ids()), local(o.retired()));
    }

    @Test
    void firstNightRowsCarryTheLifecycleColumns(SparkSession spark) {
        Dataset<Row> lake = lakeReports(spark, extracted("a.txt", T1, A2023));
        assertArrayEquals(LakeSchema.table(LakeSchema.REPORTS).schema().fieldNames(), lake.columns());
        assertEquals(List.of("a.txt|false|" + T1 + "|null|null|r0"),
                strings(lake, "path", "edited_after_publication", "first_published_at", "edited_at", "retired_at", "run_id"));
    }

    @Test
    void vanishedAreUnlistedPathsButNotThoseAListingProblemHides(SparkSession spark) {
        Dataset<Row> docsOld = docs(spark, doc("a.txt", "s1", "r", T1), doc("b.txt", "s2", "r", T1),
                doc("locked/x.txt", "s3", "r", T1), doc("locked2.txt", "s4", "r", T1));
        Dataset<Row> problems = problems(spark, RowFactory.create("locked", "corrupt", "permission denied"));
        assertEquals(List.of("b.txt", "locked2.txt"), strings(ReportLifecycle.vanished(listed(spark, "a.txt", "new.txt"), problems, docsOld), "path"));
        assertEquals(List.of(), strings(ReportLifecycle.vanished(listed(spark), problems(spark), docsOld), "path"),
                "an empty input vanishes nothing");
    }

    @Test
    void aRenamedFileKeepsTheReportAndMovesItsPath(SparkSession spark) {
        Dataset<Row> lake = lakeReports(spark, extracted("a.txt", T1, A2023));
        String rid = lake.first().getAs(LakeSchema.REPORT_ID);
        Dataset<Row> docsOld = docs(spark, doc("a.txt", "sha-a.txt", rid, T1));
        // a.txt is gone; b.txt holds the same bytes (known content, not extracted again)
        Dataset<Row> ex = ex(spark, ExtractionRows.known(candidate("b.txt", T2), "sha-a.txt"));
        Dataset<Row> listed = listed(spark, "b.txt");
        assertEquals(List.of(), strings(ReportLifecycle.rereads(listed, listed, ReportLifecycle.vanished(listed, problems(spark), docsOld),
                docsOld, lake), "path"), "same content elsewhere: nothing to read again");
        ReportLifecycle.Outcome o = night(spark, ex, listed, docsOld, lake);
        assertEquals(List.of(rid + "|b.txt|sha-a.txt|false|null|r1"),
                strings(o.rows(), "report_id", "path", "sha256", "edited_after_publication", "retired_at", "run_id"));
        assertEquals(T1, o.rows().first().getAs(LakeSchema.FIRST_PUBLISHED_AT), "first publication stays");
        assertEquals(0, o.retired().count());
        assertArrayEquals(LakeSchema.table(LakeSchema.REPORTS).schema().fieldNames(), o.rows().columns());
    }

    @Test
    void anEditAtTheSameAddressIsMarkedWithBothDates(SparkSession spark) {
        Dataset<Row> lake = lakeReports(spark, extracted("a.txt", T1, A2023));
        String rid = lake.first().getAs(LakeSchema.REPORT_ID);
        Dataset<Row> docsOld = docs(spark, doc("a.txt", "sha-a.txt", rid, T1));
        // the manifest gives the address one first-seen time: the edit ties with the old version on it, and wins
        Row edit = ExtractionRows.of(candidate("a.txt", T1), "sha-edited", A2023_EDITED, 5L);
        Dataset<Row> ex = ex(spark, edit);
        assertEquals(List.of(rid), strings(ReportLifecycle.edited(DocumentRows.of(ex, docsOld, problems(spark), STARTED, "r1"), docsOld), "report_id"));
        ReportLifecycle.Outcome o = night(spark, ex, listed(spark, "a.txt"), docsOld, lake);
        assertEquals(List.of(rid + "|a.txt|sha-edited|true|" + T1 + "|" + STARTED + "|null"),
                strings(o.rows(), "report_id", "path", "sha256", "edited_after_publication", "first_published_at", "edited_at", "retired_at"));

        // A later night that changes nothing about it keeps the mark; a re-publication under a new path is no edit.
        Dataset<Row> lake2 = o.rows();
        Dataset<Row> docs2 = docs(spark, doc("a.txt", "sha-edited", rid, T1));
        Row repub = ExtractionRows.of(candidate("a-v2.txt", T2), "sha-v2", A2023, 5L);
        ReportLifecycle.Outcome o2 = night(spark, ex(spark, repub), listed(spark, "a.txt", "a-v2.txt"), docs2, lake2);
        assertEquals(List.of(rid + "|a-v2.txt|true|" + T1 + "|" + STARTED), strings(o2.rows(), "report_id", "path",
                "edited_after_publication", "first_published_at", "edited_at"), "the first publication and the edit stay");
    }

    @Test
    void aReportNoFileYieldsIsRetiredAndItsYearsNewReportWins(SparkSession spark) {
        Dataset<Row> lake = lakeReports(spark, extracted("a.txt", T1, A2023), extracted("gone.txt", T1, A2024));
        String r2023 = lake.where(col("year").equalTo(2023)).first().getAs(LakeSchema.REPORT_ID);
        String r2024 = lake.where(col("year").equalTo(2024)).first().getAs(LakeSchema.REPORT_ID);
        Dataset<Row> docsOld = docs(spark, doc("a.txt", "sha-a.txt", r2023, T1), doc("gone.txt", "sha-gone.txt", r2024, T1));
        // gone.txt deleted; a.txt now holds the 2024 report: 2023 has no file any more
        Row changed = ExtractionRows.of(candidate("a.txt", T2), "sha-a-2024", A2024, 5L);
        ReportLifecycle.Outcome o = night(spark, ex(spark, changed), listed(spark, "a.txt"), docsOld, lake);
        assertEquals(NightlyJobTest.sorted(r2023 + "|a.txt|sha-a.txt|" + STARTED + "|false", r2024 + "|a.txt|sha-a-2024|null|false"),
                strings(o.rows(), "report_id", "path", "sha256", "retired_at", "edited_after_publication"));
        assertEquals(List.of(r2023 + "|甲市民政局"), strings(o.retired(), "report_id", "body_key"));
        assertEquals(List.of(r2024), strings(CurrentReports.of(o.rows()), "report_id"));

        // The file back with the 2023 report: the retired report is current again, its first publication kept.
        Row back = ExtractionRows.of(candidate("a-2023.txt", T2), "sha-a.txt", A2023, 5L);
        Dataset<Row> docs2 = docs(spark, doc("a.txt", "sha-a-2024", r2024, T2));
        ReportLifecycle.Outcome o2 = night(spark, ex(spark, back), listed(spark, "a.txt", "a-2023.txt"), docs2,
                o.rows().unionByName(lake.where(col(LakeSchema.REPORT_ID).notEqual(r2023).and(col(LakeSchema.REPORT_ID).notEqual(r2024)))));
        assertEquals(List.of(r2023 + "|a-2023.txt|null|" + T1), strings(o2.rows(), "report_id", "path", "retired_at", "first_published_at"));
    }

    @Test
    void anotherVersionIsReadAgainWhenTheCurrentOnesFileGoes(SparkSession spark) {
        Row old = extracted("old.txt", T1, A2023), newer = extracted("new.txt", T2, A2023_EDITED);
        Dataset<Row> lake = lakeReports(spark, old, newer);
        String rid = lake.first().getAs(LakeSchema.REPORT_ID);
        assertEquals("new.txt", lake.first().getAs("path"));
        Dataset<Row> docsOld = docs(spark, doc("old.txt", "sha-old.txt", rid, T1), doc("new.txt", "sha-new.txt", rid, T2),
                doc("other.txt", "sha-other.txt", "zz", T1));
        Dataset<Row> listed = listed(spark, "old.txt", "other.txt");
        Dataset<Row> vanished = ReportLifecycle.vanished(listed, problems(spark), docsOld);
        Dataset<Row> rereads = ReportLifecycle.rereads(listed, listed.limit(0), vanished, docsOld, lake);
        assertEquals(List.of("old.txt|" + T1), strings(rereads, "path", "first_seen"), "read again with its own first-seen time");
        assertEquals(List.of("sha-old.txt"), strings(ReportLifecycle.rereadContent(rereads, docsOld), "sha256"));
        // read again, it wins the report back (the current version's file is gone)
        Row again = ExtractionRows.of(rereads.first(), "sha-old.txt", A2023, 5L);
        ReportLifecycle.Outcome o = night(spark, ex(spark, again), listed, docsOld, lake);
        assertEquals(List.of(rid + "|old.txt|sha-old.txt|null|" + T1), strings(o.rows(), "report_id", "path", "sha256", "retired_at", "first_published_at"));
    }

    @Test
    void crossYearScopeTakesTheBodiesOfRetiredReports(SparkSession spark) {
        Dataset<Row> lake = lakeReports(spark, extracted("a.txt", T1, A2023), extracted("b.txt", T1, A2024));
        Dataset<Row> retired = lake.where(col("year").equalTo(2023)).select(LakeSchema.REPORT_ID, LakeSchema.BODY_KEY);
        Dataset<Row> noWinners = ReportVersions.choose(ex(spark), empty(spark, LakeSchema.REPORTS));
        Dataset<Row> kept = lake.join(retired.select(LakeSchema.REPORT_ID), io.disclosurelake.lake.JoinKeys.of(LakeSchema.REPORT_ID), "left_anti");
        assertEquals(List.of("2024"), strings(CrossYearRules.bodyReports(noWinners, kept, retired), "year"),
                "the 2024 report loses its previous year: its cross-year rules are checked again");
        assertEquals(0, CrossYearRules.bodyReports(noWinners, kept).count());
    }
}
