package io.disclosurelake.review;

import io.disclosurelake.model.Box;
import io.disclosurelake.model.Cell;
import io.disclosurelake.model.CellStatus;
import io.disclosurelake.model.DocumentInfo;
import io.disclosurelake.model.Region;
import io.disclosurelake.model.Report;
import io.disclosurelake.model.Violation;
import io.disclosurelake.rules.ReportRules;
import io.disclosurelake.spec.RuleBook;
import io.disclosurelake.spec.TemplateSpec;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Applying corrections to one report's model and judging it again, without Spark. */
public class CorrectionApplyTest {
    static final String SHA = "sha-of-the-document";

    /** A 2021 report: 5 new applications by natural persons, all disclosed; 一、新收 总计 unreadable by OCR. */
    public static Report report() {
        Report r = new Report(new DocumentInfo("a.pdf", SHA, "pdf", 3, 100));
        r.setTemplate(TemplateSpec.Version.V2021);
        r.setOrg("某市某局");
        r.setYear(2024);
        r.setRegion(new Region("江苏省", "南京市", null));
        for (TemplateSpec.ActiveField f : TemplateSpec.ACTIVE_FIELDS) {
            r.putActive(Cell.value(TemplateSpec.ACTIVE_TABLE, f.key(), TemplateSpec.ACTIVE_COLUMN_KEY, BigDecimal.ZERO, "0", 1));
        }
        for (TemplateSpec.ApplicationRow row : TemplateSpec.APPLICATION_ROWS) {
            boolean five = List.of("new", "disclosed", "total").contains(row.key());
            Cell[] cells = new Cell[7];
            for (int i = 0; i < 7; i++) {
                BigDecimal v = five && (i == 0 || i == 6) ? BigDecimal.valueOf(5) : BigDecimal.ZERO;
                cells[i] = Cell.value(TemplateSpec.APPLICATIONS_TABLE, row.key(), TemplateSpec.applicantColumnKeys().get(i), v, v.toPlainString(), 2);
            }
            r.putApplicationRow(row.key(), cells);
        }
        for (int i = 0; i < 15; i++) {
            r.putReview(i, Cell.value(TemplateSpec.REVIEW_TABLE, TemplateSpec.REVIEW_ROW_KEY, TemplateSpec.reviewColumnKeys().get(i), BigDecimal.ZERO, "0", 3));
        }
        Cell c = r.cell(TemplateSpec.APPLICATIONS_TABLE, "new", "total");
        r.replaceCell(c.withProvenance(Cell.OCR, new Box(1, 2, 3, 4), 0.3).unreadableBecause(Cell.FLAG_LOW_CONFIDENCE));
        new ReportRules().apply(r);
        r.setStatus(Report.PARTIAL);
        return r;
    }

    static Correction fix(String value) {
        return new Correction("f.csv", 2, "r1", SHA, TemplateSpec.APPLICATIONS_TABLE, "new", "total", "unreadable",
                null, new BigDecimal(value), "read from the scan", "王");
    }

    @Test
    void aFittingCorrectionSetsTheCellAndTheRulesJudgeIt() {
        Report r = report();
        assertNull(r.metrics().get("carry_forward_rate").value(), "unknown while a term is unreadable");
        List<CorrectionApply.Outcome> o = CorrectionApply.apply(r, SHA, List.of(fix("5")));
        assertEquals(CorrectionApply.APPLIED, o.get(0).status());
        assertTrue(o.get(0).changed());
        Cell c = r.cell(TemplateSpec.APPLICATIONS_TABLE, "new", "total");
        assertEquals(CellStatus.VALUE, c.status());
        assertEquals(new BigDecimal("5"), c.value());
        assertEquals(CorrectionApply.CORRECTED, c.source());
        assertEquals(new Box(1, 2, 3, 4), c.box(), "where it was printed is kept");
        assertNull(c.flag());
        CorrectionApply.recheck(r, new ReportRules(), List.of(), false);
        assertEquals(Report.PARSED, r.status());
        assertTrue(r.violations().isEmpty(), r.violations().toString());
        assertEquals(0.0, r.metrics().get("carry_forward_rate").value());
    }

    @Test
    void aWrongCorrectionBreaksTheRulesItTakesPartIn() {
        Report r = report();
        CorrectionApply.apply(r, SHA, List.of(fix("4")));
        Violation narrative = new Violation(RuleBook.TEXT_TABLE_MISMATCH, "warning", "受理", BigDecimal.ONE, BigDecimal.TEN, null, "kept");
        CorrectionApply.recheck(r, new ReportRules(), List.of(narrative), false);
        List<String> rules = r.violations().stream().map(v -> v.rule() + ":" + v.scope()).toList();
        assertTrue(rules.stream().anyMatch(x -> x.startsWith(RuleBook.APP_ROW_TOTAL)), rules.toString());
        assertTrue(rules.stream().anyMatch(x -> x.startsWith(RuleBook.APP_BALANCE)), rules.toString());
        assertTrue(rules.contains(RuleBook.TEXT_TABLE_MISMATCH + ":受理"), "the narrative's verdict is kept: " + rules);
    }

    @Test
    void aChangedDocumentOrCellMakesItStaleAndAMissingCellRejected() {
        Report r = report();
        Correction otherVersion = new Correction("f.csv", 3, "r1", "another-sha", TemplateSpec.APPLICATIONS_TABLE, "new",
                "total", "unreadable", null, BigDecimal.ONE, null, null);
        Correction otherValue = new Correction("f.csv", 4, "r1", SHA, TemplateSpec.APPLICATIONS_TABLE, "total", "total", "value",
                new BigDecimal("7"), new BigDecimal("6"), null, null);
        Correction noRow = new Correction("f.csv", 5, "r1", SHA, TemplateSpec.ACTIVE_2019_TABLE, "regulations_new", "value", null,
                null, BigDecimal.ONE, null, null);
        List<CorrectionApply.Outcome> o = CorrectionApply.apply(r, SHA, List.of(otherVersion, otherValue, noRow));
        assertEquals(List.of(CorrectionApply.STALE, CorrectionApply.STALE, CorrectionApply.REJECTED),
                o.stream().map(CorrectionApply.Outcome::status).toList());
        assertTrue(o.get(0).reason().startsWith("the document changed"), o.get(0).reason());
        assertEquals("the cell now reads 5, not 7 as in the review sheet", o.get(1).reason());
        assertTrue(o.stream().noneMatch(CorrectionApply.Outcome::changed));
        assertEquals(CellStatus.UNREADABLE, r.cell(TemplateSpec.APPLICATIONS_TABLE, "new", "total").status(), "nothing applied silently");
    }

    @Test
    void applyingTwiceChangesNothing() {
        Report r = report();
        CorrectionApply.apply(r, SHA, List.of(fix("5")));
        List<CorrectionApply.Outcome> again = CorrectionApply.apply(r, SHA, List.of(fix("5")));
        assertEquals(CorrectionApply.APPLIED, again.get(0).status());
        assertFalse(again.get(0).changed());
    }
}
