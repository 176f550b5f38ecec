package io.disclosurelake.review;

import io.disclosurelake.model.Cell;
import io.disclosurelake.model.CellStatus;
import io.disclosurelake.model.Report;
import io.disclosurelake.model.Violation;
import io.disclosurelake.rules.ReportRules;
import io.disclosurelake.spec.RuleBook;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies corrections to one report's model (docs/review.md): a correction fits when it is for the report's
 * current document version (sha256) and the cell still holds what the reviewer saw (status and value); then the
 * cell takes the new value with source {@value #CORRECTED}, its page and box kept. One that no longer fits is
 * {@value #STALE} (never applied silently), one naming a cell the report does not have is {@value #REJECTED}.
 * A cell that already carries the correction is left as it is ({@value #APPLIED} again: idempotent).
 */
public final class CorrectionApply {
    private CorrectionApply() {}

    public static final String APPLIED = "applied";
    public static final String STALE = "stale";
    public static final String REJECTED = "rejected";
    /** Cell source of a value a reviewer corrected (beside {@link Cell#TEXT} and {@link Cell#OCR}). */
    public static final String CORRECTED = "corrected";

    /** What became of one correction; {@code changed} when it changed the model. */
    public record Outcome(Correction correction, String status, String reason, boolean changed) {}

    /** Applies {@code corrections} (all of this report) to {@code report}, whose document is {@code currentSha256}. */
    public static List<Outcome> apply(Report report, String currentSha256, List<Correction> corrections) {
        List<Outcome> out = new ArrayList<>();
        for (Correction c : corrections) out.add(applyOne(report, currentSha256, c));
        return out;
    }

    private static Outcome applyOne(Report report, String sha, Correction c) {
        if (c.sha256() != null && !c.sha256().equals(sha)) {
            return new Outcome(c, STALE, "the document changed: the correction is for version " + shortSha(c.sha256())
                    + ", the report now comes from " + shortSha(sha), false);
        }
        Cell cell = report.cell(c.table(), c.row(), c.column());
        if (cell == null) {
            return new Outcome(c, REJECTED, "report " + c.reportId() + " has no cell " + c.cellKey()
                    + " (its row was not found in the document)", false);
        }
        if (cell.status() == CellStatus.NOT_IN_TEMPLATE) {
            return new Outcome(c, REJECTED, "the report's template version has no cell " + c.cellKey(), false);
        }
        if (CORRECTED.equals(cell.source()) && cell.hasValue() && cell.value().compareTo(c.newValue()) == 0) {
            return new Outcome(c, APPLIED, null, false);
        }
        if (!stillReads(cell, c)) {
            return new Outcome(c, STALE, "the cell now reads " + show(cell) + ", not " + show(c.oldStatus(), c.oldValue())
                    + " as in the review sheet", false);
        }
        report.replaceCell(new Cell(cell.table(), cell.rowKey(), cell.columnKey(), c.newValue(), CellStatus.VALUE,
                cell.raw(), cell.page(), CORRECTED, cell.box(), cell.confidence(), null));
        return new Outcome(c, APPLIED, null, true);
    }

    /** Whether the cell holds what the reviewer saw: the same status (when the sheet gave one) and value. */
    static boolean stillReads(Cell cell, Correction c) {
        if (c.oldStatus() != null && !c.oldStatus().equalsIgnoreCase(cell.status().id())) return false;
        if (c.oldValue() == null) return cell.value() == null;
        return cell.value() != null && cell.value().compareTo(c.oldValue()) == 0;
    }

    private static String show(Cell cell) { return show(cell.status().id(), cell.value()); }

    private static String show(String status, BigDecimal v) {
        return v != null ? v.stripTrailingZeros().toPlainString() : status == null ? "no value" : status;
    }

    private static String shortSha(String sha) { return sha == null ? "unknown" : sha.substring(0, Math.min(12, sha.length())); }

    /**
     * Checks the report's rules and metrics again after corrections: the per-report rules of {@link ReportRules}
     * on the corrected cells, keeping {@code narrativeViolations} (TEXT_TABLE_MISMATCH: its narrative is not in
     * the lake, so its verdict stays the extraction's). The status becomes partial while a cell is unreadable or
     * the report was partial for another reason ({@code otherwisePartial}), else parsed.
     */
    public static void recheck(Report report, ReportRules rules, List<Violation> narrativeViolations, boolean otherwisePartial) {
        rules.apply(report);
        List<Violation> keep = new ArrayList<>();
        for (Violation v : report.violations()) if (!RuleBook.TEXT_TABLE_MISMATCH.equals(v.rule())) keep.add(v);
        keep.addAll(narrativeViolations);
        report.clearViolations();
        keep.forEach(report::addViolation);
        boolean unreadable = report.allCells().stream().anyMatch(x -> x.status() == CellStatus.UNREADABLE);
        report.setStatus(unreadable || otherwisePartial ? Report.PARTIAL : Report.PARSED);
    }
}
