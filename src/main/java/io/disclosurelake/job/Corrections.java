package io.disclosurelake.job;

import io.disclosurelake.model.ReportIdentity;
import io.delta.tables.DeltaTable;
import io.disclosurelake.lake.JoinKeys;
import io.disclosurelake.lake.LakeSchema;
import io.disclosurelake.lake.LakeTables;
import io.disclosurelake.model.Report;
import io.disclosurelake.model.Violation;
import io.disclosurelake.read.SheetRows;
import io.disclosurelake.review.Correction;
import io.disclosurelake.review.CorrectionApply;
import io.disclosurelake.review.CorrectionFile;
import io.disclosurelake.rules.ReportRules;
import io.disclosurelake.spec.RuleBook;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static io.disclosurelake.lake.LakeSchema.REPORT_ID;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * Step: applies reviewers' corrections to the lake (docs/review.md). The reports a correction touches are read
 * back into the model, corrected and judged again by the Spark-free rules ({@link CorrectionApply},
 * {@code rules/ReportRules}); their rows then go the night's own way — {@link CrossYearRules}, {@link ChildRows}
 * (violation counts from {@code lake/ViolationCounts}) and {@link LakeTables#sync} — so each fact keeps one
 * definition. Every correction, applied, stale or rejected, is a row of {@code corrections}; a correction
 * recorded before with the same status is not written again, so applying a file twice changes nothing.
 * Rankings, gold tables and exports are the caller's to rebuild ({@link Result#touchedReportIds()}).
 */
public final class Corrections {
    private final SparkSession spark;
    private final LakeTables lake;
    private final ReportRules rules;
    private final String runId;

    public Corrections(SparkSession spark, LakeTables lake, int minDenominator, String runId) {
        this.spark = spark;
        this.lake = lake;
        this.rules = new ReportRules(ReportRules.DEFAULT_MAX_FEE_WAN_YUAN, minDenominator);
        this.runId = runId;
    }

    /** What an application did: every outcome, the file's bad rows, the reports rewritten, correction rows written. */
    public record Result(List<CorrectionApply.Outcome> outcomes, List<CorrectionFile.RowError> errors,
                         List<String> touchedReportIds, long rowsWritten) {
        public long count(String status) { return outcomes.stream().filter(o -> o.status().equals(status)).count() ; }

        public long changedCells() { return outcomes.stream().filter(CorrectionApply.Outcome::changed).count(); }

        /** Lines for a person: the counts, then one line per bad row and per stale or rejected correction. */
        public List<String> lines(String what) {
            List<String> l = new ArrayList<>();
            l.add(String.format("corrections: %s: %d applied (%d cells changed), %d stale, %d rejected, %d bad rows; %d reports rechecked",
                    what, count(CorrectionApply.APPLIED), changedCells(), count(CorrectionApply.STALE),
                    count(CorrectionApply.REJECTED), errors.size(), touchedReportIds.size()));
            for (CorrectionFile.RowError e : errors) l.add("corrections: " + e);
            for (CorrectionApply.Outcome o : outcomes) {
                if (o.status().equals(CorrectionApply.APPLIED)) continue;
                Correction c = o.correction();
                l.add("corrections: " + c.file() + " row " + c.fileRow() + ": " + o.status() + ": " + c.reportId() + " "
                        + c.cellKey() + ": " + o.reason());
            }
            return l;
        }
    }

    /** Reads a filled review sheet (CSV or XLSX) and applies it. */
    public Result applyFile(String fileName, byte[] bytes, String defaultReviewer) {
        String fileSha = ReportIdentity.sha256Hex(bytes);
        CorrectionFile.Parsed parsed;
        try {
            parsed = CorrectionFile.parse(fileName, SheetRows.read(fileName, bytes), defaultReviewer);
        } catch (Exception | LinkageError e) {
            parsed = new CorrectionFile.Parsed(List.of(), List.of(new CorrectionFile.RowError(fileName, 1, null,
                    "cannot read the file as CSV or XLSX: " + e.getMessage())), 0);
        }
        return apply(parsed.corrections(), parsed.errors(), c -> fileSha, fileSha);
    }

    /** Whether a file with these bytes was applied before (a file dropped into corrections/ is applied once). */
    public boolean fileApplied(byte[] bytes) {
        if (!lake.exists(LakeSchema.CORRECTIONS)) return false;
        return !lake.read(LakeSchema.CORRECTIONS)
                .where(col(LakeSchema.CORRECTION_FILE_SHA256).equalTo(ReportIdentity.sha256Hex(bytes))).isEmpty();
    }

    /**
     * Applies the stored (applied) corrections of these reports again — after the night re-extracted them: the
     * same document version gets its corrections back; a changed document makes them stale, said in the summary.
     */
    public Result reapply(Collection<String> reportIds) {
        if (reportIds.isEmpty() || !lake.exists(LakeSchema.CORRECTIONS)) return new Result(List.of(), List.of(), List.of(), 0);
        List<Row> stored = lake.read(LakeSchema.CORRECTIONS)
                .where(col(LakeSchema.CORRECTION_STATUS).equalTo(CorrectionApply.APPLIED).and(col(REPORT_ID).isin(reportIds.toArray())))
                .orderBy("applied_at", LakeSchema.CORRECTION_ID).collectAsList();
        List<Correction> cs = new ArrayList<>();
        Map<String, String> fileSha = new HashMap<>();
        for (Row r : stored) {
            Correction c = new Correction(r.getAs("file"), r.<Integer>getAs("file_row") == null ? 0 : r.<Integer>getAs("file_row"),
                    r.getAs(REPORT_ID), r.getAs("sha256"), r.getAs("table_name"), r.getAs("row_key"), r.getAs("column_key"),
                    r.getAs("old_status"), strip(r.getAs("old_value")), strip(r.getAs("new_value")), r.getAs("note"), r.getAs("reviewer"));
            cs.add(c);
            fileSha.put(c.id(), r.getAs(LakeSchema.CORRECTION_FILE_SHA256));
        }
        return apply(cs, List.of(), c -> fileSha.get(c.id()), null);
    }

    private static BigDecimal strip(BigDecimal b) { return b == null ? null : b.stripTrailingZeros(); }

    Result apply(List<Correction> cs, List<CorrectionFile.RowError> errors, Function<Correction, String> fileSha, String errorsFileSha) {
        Map<String, List<Correction>> byReport = new LinkedHashMap<>();
        for (Correction c : cs) byReport.computeIfAbsent(c.reportId(), k -> new ArrayList<>()).add(c);
        Object[] ids = byReport.keySet().toArray();
        Map<String, Row> reports = new HashMap<>();
        Map<String, List<Row>> cells = new HashMap<>();
        Map<String, List<Violation>> narrative = new HashMap<>();
        if (ids.length > 0) {
            for (Row r : lake.read(LakeSchema.REPORTS).where(col(REPORT_ID).isin(ids)).collectAsList()) reports.put(r.getAs(REPORT_ID), r);
            for (Row r : lake.read(LakeSchema.CELLS).where(col(REPORT_ID).isin(ids)).collectAsList()) {
                cells.computeIfAbsent(r.getAs(REPORT_ID), k -> new ArrayList<>()).add(r);
            }
            for (Row r : lake.read(LakeSchema.RULE_VIOLATIONS).where(col(REPORT_ID).isin(ids)
                    .and(col(LakeSchema.RULE).equalTo(RuleBook.TEXT_TABLE_MISMATCH))).collectAsList()) {
                narrative.computeIfAbsent(r.getAs(REPORT_ID), k -> new ArrayList<>()).add(LakeReportModel.violation(r));
            }
        }
        List<CorrectionApply.Outcome> outcomes = new ArrayList<>();
        List<Row> winners = new ArrayList<>();
        for (Map.Entry<String, List<Correction>> e : byReport.entrySet()) {
            Row rep = reports.get(e.getKey());
            if (rep == null) {
                for (Correction c : e.getValue()) {
                    outcomes.add(new CorrectionApply.Outcome(c, CorrectionApply.REJECTED, "unknown report " + c.reportId(), false));
                }
                continue;
            }
            Report model = LakeReportModel.of(rep, cells.getOrDefault(e.getKey(), List.of()));
            List<CorrectionApply.Outcome> os = CorrectionApply.apply(model, rep.getAs(LakeSchema.SHA256), e.getValue());
            outcomes.addAll(os);
            if (os.stream().anyMatch(CorrectionApply.Outcome::changed)) {
                boolean otherwisePartial = Report.PARTIAL.equals(rep.getAs("status")) && (model.org() == null
                        || model.warnings().stream().anyMatch(w -> w.endsWith(" not found")));
                CorrectionApply.recheck(model, rules, narrative.getOrDefault(e.getKey(), List.of()), otherwisePartial);
                winners.add(winnerRow(rep, model));
            }
        }
        List<String> touched = new ArrayList<>();
        for (Row w : winners) touched.add(w.getString(WINNER.fieldIndex(REPORT_ID)));
        if (!winners.isEmpty()) writeReports(winners);
        long written = writeCorrections(outcomes, errors, fileSha, errorsFileSha);
        return new Result(outcomes, errors, touched, written);
    }

    // ---------------------------------------------------------------- the reports, the night's way

    /** The columns of a winner of {@link ReportVersions#choose}: reports' (without run_id) and the nested ones. */
    static final StructType WINNER;
    static {
        List<StructField> f = new ArrayList<>();
        for (StructField x : LakeSchema.table(LakeSchema.REPORTS).schema().fields()) if (!x.name().equals(LakeSchema.RUN_ID)) f.add(x);
        for (String n : ReportVersions.NESTED) f.add(ExtractionRows.SCHEMA.apply(n));
        WINNER = new StructType(f.toArray(new StructField[0]));
    }

    static Row winnerRow(Row rep, Report model) {
        Timestamp seen = rep.getAs("first_seen");
        Row candidate = RowFactory.create(rep.<String>getAs("path"), rep.<String>getAs("path"), 0L, null,
                seen == null ? new Timestamp(0) : seen);
        Row x = ExtractionRows.of(candidate, rep.getAs(LakeSchema.SHA256), model, 0L);
        Object[] v = new Object[WINNER.size()];
        for (int i = 0; i < v.length; i++) {
            String n = WINNER.fields()[i].name();
            v[i] = switch (n) {
                case "status" -> model.status();
                // x has no schema (RowFactory): its fields by ExtractionRows.SCHEMA's index
                case "warnings", "tables_sha256" -> x.get(ExtractionRows.SCHEMA.fieldIndex(n));
                default -> ReportVersions.NESTED.contains(n) ? x.get(ExtractionRows.SCHEMA.fieldIndex(n)) : rep.getAs(n);
            };
        }
        return RowFactory.create(v);
    }

    private void writeReports(List<Row> rows) {
        Dataset<Row> winners = NightlyJob.materialize(spark.createDataFrame(rows, WINNER));
        Dataset<Row> winnerIds = winners.select(REPORT_ID);
        Dataset<Row> bodyReports = NightlyJob.materialize(CrossYearRules.bodyReports(winners, lake.read(LakeSchema.REPORTS)));
        Dataset<Row> scopeIds = NightlyJob.materialize(CrossYearRules.scope(winners, bodyReports));
        Dataset<Row> keptIds = scopeIds.join(winnerIds, JoinKeys.of(REPORT_ID), "left_anti");
        Dataset<Row> crossYear = NightlyJob.materialize(
                CrossYearRules.violations(winners, keptIds, bodyReports, lake.read(LakeSchema.CELLS)));
        Dataset<Row> violations = NightlyJob.materialize(
                ChildRows.violations(winners, lake.read(LakeSchema.RULE_VIOLATIONS), keptIds, crossYear));
        Dataset<Row> metrics = NightlyJob.materialize(
                ChildRows.metrics(winners, lake.read(LakeSchema.REPORT_METRICS), keptIds, scopeIds, violations));
        lake.sync(LakeSchema.CELLS, ChildRows.cells(winners), REPORT_ID, winnerIds);
        lake.sync(LakeSchema.APPLICATIONS, ChildRows.applications(winners), REPORT_ID, winnerIds);
        lake.sync(LakeSchema.ACTIVE_DISCLOSURE, ChildRows.activeDisclosure(winners), REPORT_ID, winnerIds);
        lake.sync(LakeSchema.REVIEW_LITIGATION, ChildRows.reviewLitigation(winners), REPORT_ID, winnerIds);
        lake.sync(LakeSchema.RULE_VIOLATIONS, violations, REPORT_ID, scopeIds);
        lake.sync(LakeSchema.REPORT_METRICS, metrics, REPORT_ID, scopeIds);
        lake.sync(LakeSchema.REPORTS, winners.withColumn(LakeSchema.RUN_ID, lit(runId)), REPORT_ID, winnerIds);
    }

    // ---------------------------------------------------------------- the corrections table

    /**
     * Creates {@code corrections} (LakeSchema's columns, NOT NULL and comments) when the lake has none yet.
     * @return whether it was created now (then it holds no correction)
     */
    public boolean ensureTable() {
        if (lake.hasLog(LakeSchema.CORRECTIONS)) return false;
        LakeSchema.Table t = LakeSchema.table(LakeSchema.CORRECTIONS);
        DeltaTable.createIfNotExists(spark).location(lake.path(t.name())).addColumns(t.schema()).comment(t.comment()).execute();
        return true;
    }

    private long writeCorrections(List<CorrectionApply.Outcome> outcomes, List<CorrectionFile.RowError> errors,
                                  Function<Correction, String> fileSha, String errorsFileSha) {
        Timestamp now = Timestamp.from(Instant.now());
        Map<String, Row> rows = new LinkedHashMap<>();
        for (CorrectionApply.Outcome o : outcomes) {
            Correction c = o.correction();
            rows.put(c.id(), RowFactory.create(c.id(), c.reportId(), c.sha256(), c.table(), c.row(), c.column(), c.oldStatus(),
                    c.oldValue(), c.newValue(), c.note(), c.reviewer(), now, c.file(), c.fileRow(), fileSha.apply(c),
                    o.status(), o.reason(), runId));
        }
        for (CorrectionFile.RowError e : errors) {
            String id = Correction.hash("rejected", e.file(), errorsFileSha, Integer.toString(e.row()));
            rows.put(id, RowFactory.create(id, e.reportId(), null, null, null, null, null, null, null, null, null, now,
                    e.file(), e.row(), errorsFileSha, CorrectionApply.REJECTED, e.why(), runId));
        }
        if (rows.isEmpty()) return 0;
        StructType schema = LakeSchema.table(LakeSchema.CORRECTIONS).schema();
        ensureTable();
        // a correction recorded before with the same status and reason is not written again (idempotent)
        Set<String> same = new LinkedHashSet<>();
        for (Row r : lake.read(LakeSchema.CORRECTIONS).where(col(LakeSchema.CORRECTION_ID).isin(rows.keySet().toArray()))
                .select(LakeSchema.CORRECTION_ID, LakeSchema.CORRECTION_STATUS, "reason").collectAsList()) {
            Row mine = rows.get(r.getString(0));
            if (mine != null && mine.getAs(15).equals(r.getString(1)) && java.util.Objects.equals(mine.getAs(16), r.getString(2))) {
                same.add(r.getString(0));
            }
        }
        List<Row> fresh = new ArrayList<>();
        for (Map.Entry<String, Row> e : rows.entrySet()) if (!same.contains(e.getKey())) fresh.add(e.getValue());
        if (fresh.isEmpty()) return 0;
        Dataset<Row> df = spark.createDataFrame(fresh, schema);
        lake.sync(LakeSchema.CORRECTIONS, df, LakeSchema.CORRECTION_ID, df.select(LakeSchema.CORRECTION_ID));
        return fresh.size();
    }
}
