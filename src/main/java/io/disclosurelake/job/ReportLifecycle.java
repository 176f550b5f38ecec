package io.disclosurelake.job;

import io.disclosurelake.lake.CurrentReports;
import io.disclosurelake.lake.JoinKeys;
import io.disclosurelake.lake.LakeSchema;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

import java.sql.Timestamp;
import java.util.Arrays;

import static io.disclosurelake.lake.LakeSchema.EDITED_AFTER_PUBLICATION;
import static io.disclosurelake.lake.LakeSchema.EDITED_AT;
import static io.disclosurelake.lake.LakeSchema.FIRST_PUBLISHED_AT;
import static io.disclosurelake.lake.LakeSchema.PATH;
import static io.disclosurelake.lake.LakeSchema.REPORT_ID;
import static io.disclosurelake.lake.LakeSchema.RETIRED_AT;
import static io.disclosurelake.lake.LakeSchema.RUN_ID;
import static io.disclosurelake.lake.LakeSchema.SHA256;
import static org.apache.spark.sql.functions.*;

/**
 * Steps: a report's life across nights (docs/job.md "A report's life") — files that vanished from the input,
 * other versions to read again, edits after publication, a report's path following its renamed file, and
 * retirement of a report no file yields any more. The rule behind every step: after a night, each current
 * report is the version a clean run over the same files would choose among the files present.
 */
public final class ReportLifecycle {
    private ReportLifecycle() {}

    private static final String FIRST_SEEN = "first_seen";

    /**
     * Paths whose {@code documents} row has no file any more: not listed tonight — neither as a file nor as a
     * listing problem, nor under a path the listing could not enter (an unreadable directory hides its files,
     * it does not delete them). An input that lists nothing at all vanishes nothing: an empty or unmounted
     * input directory is not taken for the deletion of every report.
     *
     * @param listed   the night's listing ({@link ExtractionRows#CANDIDATE})
     * @param problems listing problems (path, reason, message)
     * @param docsOld  the lake's {@code documents}
     * @return one column, path
     */
    public static Dataset<Row> vanished(Dataset<Row> listed, Dataset<Row> problems, Dataset<Row> docsOld) {
        Dataset<Row> gone = docsOld.select(PATH).join(listed.select(PATH), JoinKeys.of(PATH), "left_anti");
        Dataset<Row> hidden = problems.select(col(PATH).as("problem_path"));
        gone = gone.join(hidden, col(PATH).equalTo(col("problem_path"))
                .or(col(PATH).startsWith(concat(col("problem_path"), lit("/")))), "left_anti");
        if (listed.isEmpty() && problems.isEmpty()) return gone.limit(0);
        return gone;
    }

    /**
     * Files to read again although unchanged: the other versions (another path, other content) of a report whose
     * current document vanished or changed tonight. Their content is known, so they would not be extracted;
     * read again they compete for the report with the first_seen their documents row keeps, and the latest
     * first-seen still present wins — the version a clean run would keep. Usually none.
     *
     * @param listed      the night's listing ({@link ExtractionRows#CANDIDATE})
     * @param changed     the listed files to read ({@link ListedFiles#changed})
     * @param vanished    {@link #vanished}
     * @param docsOld     the lake's {@code documents}
     * @param lakeReports the lake's {@code reports}
     * @return candidate rows ({@link ExtractionRows#CANDIDATE}); their sha256 must not count as known content
     */
    public static Dataset<Row> rereads(Dataset<Row> listed, Dataset<Row> changed, Dataset<Row> vanished,
                                       Dataset<Row> docsOld, Dataset<Row> lakeReports) {
        Dataset<Row> leaving = vanished.select(PATH).union(changed.select(PATH));
        Dataset<Row> affected = CurrentReports.of(lakeReports).join(leaving, JoinKeys.of(PATH), "left_semi")
                .select(col(REPORT_ID), col(SHA256).as("current_sha256"));
        Dataset<Row> others = docsOld.where(col("status").isin("parsed", "partial"))
                .select(PATH, REPORT_ID, SHA256, FIRST_SEEN)
                .join(affected, JoinKeys.of(REPORT_ID)).where(col(SHA256).notEqual(col("current_sha256")))
                .join(leaving, JoinKeys.of(PATH), "left_anti")
                .select(col(PATH), col(SHA256).as("known_sha256"), col(FIRST_SEEN).as("kept_first_seen"));
        return listed.join(others, JoinKeys.of(PATH))
                .select(col(PATH), col("uri"), col("size"), col("modified_at"), col("kept_first_seen").as(FIRST_SEEN));
    }

    /** The sha256 of the files {@link #rereads} reads again (with their paths), from the lake's documents. */
    public static Dataset<Row> rereadContent(Dataset<Row> rereads, Dataset<Row> docsOld) {
        return docsOld.join(rereads.select(PATH), JoinKeys.of(PATH), "left_semi").select(SHA256).distinct();
    }

    /**
     * {@code documents} as it will be after the night (path, sha256, report_id, first_seen): the lake's rows
     * minus the vanished paths, with the night's rows ({@link DocumentRows#of}) in place of theirs.
     */
    public static Dataset<Row> documentsAfter(Dataset<Row> docsOld, Dataset<Row> vanished, Dataset<Row> nightDocs) {
        Column[] c = {col(PATH), col(SHA256), col(REPORT_ID), col(FIRST_SEEN)};
        return docsOld.select(c).join(vanished.select(PATH), JoinKeys.of(PATH), "left_anti")
                .join(nightDocs.select(PATH), JoinKeys.of(PATH), "left_anti")
                .unionByName(nightDocs.select(c));
    }

    /** The current reports whose version is still in the input: (path, sha256) among {@link #documentsAfter}. */
    public static Dataset<Row> present(Dataset<Row> lakeReports, Dataset<Row> documentsAfter) {
        return CurrentReports.of(lakeReports).join(documentsAfter.select(PATH, SHA256), JoinKeys.of(PATH, SHA256), "left_semi");
    }

    /**
     * Reports edited after publication tonight: a path whose documents row yielded the report now holds other
     * content that yields the same report (same body and year). A new path is a re-publication, not an edit.
     *
     * @param nightDocs the night's documents rows ({@link DocumentRows#of}: known content carries its report)
     * @return one column, report_id
     */
    public static Dataset<Row> edited(Dataset<Row> nightDocs, Dataset<Row> docsOld) {
        return nightDocs.as("n").join(docsOld.as("o"), col("n.path").equalTo(col("o.path"))
                        .and(col("o.sha256").notEqual(col("n.sha256"))).and(col("o.sha256").notEqual(lit("")))
                        .and(col("o.report_id").equalTo(col("n.report_id"))))
                .select(col("n.report_id").as(REPORT_ID)).distinct();
    }

    /**
     * The night's {@code reports} rows.
     *
     * @param rows       every row to write, with all columns of {@code reports}
     * @param ids        the report_ids whose rows {@code rows} replace (one column, report_id)
     * @param retired    reports retired tonight (report_id, body_key): their child rows go, their bodies' cross-year
     *                   rules are checked again
     */
    public record Outcome(Dataset<Row> rows, Dataset<Row> ids, Dataset<Row> retired) {}

    /**
     * Rows of {@code reports} for the night:
     * <ul>
     * <li>a winner ({@link ReportVersions#choose}) keeps the lake row's first publication (the earliest first_seen of
     *     every version) and its edit mark; an edit tonight sets {@code edited_after_publication} and {@code edited_at};
     *     a retired report that wins again is current again;</li>
     * <li>a current report whose version is gone but whose content is still present under another path (a rename)
     *     follows it: {@code path} and {@code first_seen} of that document, values unchanged;</li>
     * <li>a current report no file yields any more is retired: {@code retired_at} = the night's start, the row stays;</li>
     * <li>a current report edited tonight whose version stays (the edit lost to a later version elsewhere) gets
     *     the edit mark.</li>
     * </ul>
     *
     * @param winners        the night's winning versions ({@link ReportVersions#choose})
     * @param lakeReports    the lake's {@code reports}, retired rows included
     * @param documentsAfter {@link #documentsAfter}
     * @param edited         {@link #edited}
     */
    public static Outcome reports(Dataset<Row> winners, Dataset<Row> lakeReports, Dataset<Row> documentsAfter,
                                  Dataset<Row> edited, Timestamp started, String runId) {
        Dataset<Row> all = CurrentReports.withLifecycle(lakeReports);
        Dataset<Row> current = all.where(col(RETIRED_AT).isNull());
        Dataset<Row> editedFlag = edited.select(col(REPORT_ID), lit(true).as("is_edited"));
        Dataset<Row> winnerIds = winners.select(REPORT_ID);

        Dataset<Row> before = all.select(col(REPORT_ID), col(FIRST_PUBLISHED_AT).as("l_first_published"),
                col(FIRST_SEEN).as("l_first_seen"), col(EDITED_AFTER_PUBLICATION).as("l_edited"), col(EDITED_AT).as("l_edited_at"));
        Dataset<Row> won = winners.join(before, JoinKeys.of(REPORT_ID), "left")
                .withColumn(FIRST_PUBLISHED_AT, least(col(FIRST_SEEN), coalesce(col("l_first_published"), col("l_first_seen"))))
                .withColumn(RETIRED_AT, lit(null).cast("timestamp"));

        // A version gone: its (path, sha256) is no longer among the files (vanished, or other content now).
        Dataset<Row> stale = current.join(winnerIds, JoinKeys.of(REPORT_ID), "left_anti")
                .join(documentsAfter.select(PATH, SHA256), JoinKeys.of(PATH, SHA256), "left_anti");
        Dataset<Row> moveTo = documentsAfter.join(stale.select(REPORT_ID, SHA256), JoinKeys.of(REPORT_ID, SHA256), "left_semi")
                .withColumn("n", row_number().over(Window.partitionBy(REPORT_ID).orderBy(col(FIRST_SEEN).desc(), col(PATH).desc())))
                .where(col("n").equalTo(1)).select(col(REPORT_ID), col(PATH).as("to_path"), col(FIRST_SEEN).as("to_first_seen"));
        Dataset<Row> moved = stale.join(moveTo, JoinKeys.of(REPORT_ID))
                .withColumn(FIRST_PUBLISHED_AT, least(col("to_first_seen"), coalesce(col(FIRST_PUBLISHED_AT), col(FIRST_SEEN))))
                .withColumn(PATH, col("to_path")).withColumn(FIRST_SEEN, col("to_first_seen"));
        Dataset<Row> retired = stale.join(moveTo, JoinKeys.of(REPORT_ID), "left_anti")
                .withColumn(FIRST_PUBLISHED_AT, coalesce(col(FIRST_PUBLISHED_AT), col(FIRST_SEEN)))
                .withColumn(RETIRED_AT, lit(started));
        Dataset<Row> flagged = current.join(editedFlag, JoinKeys.of(REPORT_ID), "left_semi")
                .join(winnerIds, JoinKeys.of(REPORT_ID), "left_anti")
                .join(stale.select(REPORT_ID), JoinKeys.of(REPORT_ID), "left_anti")
                .withColumn(FIRST_PUBLISHED_AT, coalesce(col(FIRST_PUBLISHED_AT), col(FIRST_SEEN)));
        String[] columns = LakeSchema.table(LakeSchema.REPORTS).schema().fieldNames();
        Dataset<Row> kept = moved.select(cols(columns)).unionByName(retired.select(cols(columns))).unionByName(flagged.select(cols(columns)))
                .withColumnRenamed(EDITED_AFTER_PUBLICATION, "l_edited").withColumnRenamed(EDITED_AT, "l_edited_at");

        Column isEdited = coalesce(col("is_edited"), lit(false));
        Column[] out = Arrays.stream(columns).map(c -> switch (c) {
            case RUN_ID -> lit(runId).as(c);
            case EDITED_AFTER_PUBLICATION -> coalesce(col("l_edited"), lit(false)).or(isEdited).as(c);
            case EDITED_AT -> when(isEdited, lit(started)).otherwise(col("l_edited_at")).as(c);
            default -> col(c);
        }).toArray(Column[]::new);
        Dataset<Row> rows = won.select(cols(withoutEditColumns(columns, "l_edited", "l_edited_at")))
                .unionByName(kept.select(cols(withoutEditColumns(columns, "l_edited", "l_edited_at"))))
                .join(editedFlag, JoinKeys.of(REPORT_ID), "left").select(out);
        return new Outcome(rows, rows.select(REPORT_ID), retired.select(REPORT_ID, LakeSchema.BODY_KEY));
    }

    /**
     * The summary's line on the night's lifecycle changes, e.g. "2 file(s) gone from the input; reports: 1 moved
     * to its renamed file, 1 edited after publication, 1 retired (no file yields it any more)"; null when none.
     */
    public static String note(Dataset<Row> reportRows, Dataset<Row> retired, Dataset<Row> winnerIds, long vanished, Timestamp started) {
        long nRetired = retired.count();
        long nEdited = reportRows.where(col(EDITED_AT).equalTo(lit(started))).count();
        long nMoved = reportRows.join(winnerIds, JoinKeys.of(REPORT_ID), "left_anti")
                .where(col(RETIRED_AT).isNull().and(not(coalesce(col(EDITED_AT).equalTo(lit(started)), lit(false))))).count();
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (nMoved > 0) parts.add(nMoved + " moved to its renamed file");
        if (nEdited > 0) parts.add(nEdited + " edited after publication");
        if (nRetired > 0) parts.add(nRetired + " retired (no file yields it any more)");
        if (vanished == 0 && parts.isEmpty()) return null;
        String files = vanished > 0 ? vanished + " file(s) gone from the input" : "";
        return files + (parts.isEmpty() ? "" : (files.isEmpty() ? "" : "; ") + "reports: " + String.join(", ", parts));
    }

    /** The columns of reports but the two edit columns and run_id, then the lake row's edit columns. */
    private static String[] withoutEditColumns(String[] columns, String edited, String editedAt) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String c : columns) {
            if (!c.equals(EDITED_AFTER_PUBLICATION) && !c.equals(EDITED_AT) && !c.equals(RUN_ID)) out.add(c);
        }
        out.add(edited);
        out.add(editedAt);
        return out.toArray(new String[0]);
    }

    private static Column[] cols(String... names) {
        return Arrays.stream(names).map(n -> col(n)).toArray(Column[]::new);
    }
}
