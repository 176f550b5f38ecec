package io.disclosurelake.rules;

import io.disclosurelake.extract.Extractor;
import io.disclosurelake.model.Box;
import io.disclosurelake.model.Cell;
import io.disclosurelake.model.CellStatus;
import io.disclosurelake.model.Report;
import io.disclosurelake.spec.RuleBook;
import io.disclosurelake.spec.TemplateSpec;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The confidence check on a real report whose cells are marked as OCR'd, one of them misread. */
class OcrCellCheckTest {

    static Report golden() throws Exception {
        try (InputStream in = OcrCellCheckTest.class.getResourceAsStream("/golden/pdf/libreoffice-blank-zeros-subtotal-rows.pdf")) {
            Report r = new Extractor().extract("g.pdf", in.readAllBytes());
            assertTrue(r.violations().stream().noneMatch(v -> v.rule().equals(RuleBook.APP_ROW_TOTAL) || v.rule().equals(RuleBook.APP_BALANCE)));
            return r;
        }
    }

    /** Every cell of the report as if OCR had read it with {@code confidence}. */
    static void markOcr(Report r, double confidence) {
        for (Cell c : r.allCells()) r.replaceCell(c.withProvenance(Cell.OCR, new Box(1, 2, 3, 4), confidence));
    }

    @Test
    void aMisreadNumberAtTheCrossingOfTwoBrokenRulesIsNull() throws Exception {
        Report r = golden();
        markOcr(r, 0.999);
        Cell natural = r.applicationCell("new", 0); // 14 natural persons: in its row total and its column balance
        assertEquals(0, natural.value().compareTo(new BigDecimal(14)));
        r.replaceCell(new Cell(natural.table(), natural.rowKey(), natural.columnKey(), new BigDecimal(74), CellStatus.VALUE,
                "74", natural.page(), Cell.OCR, natural.box(), 0.999, null));
        OcrCellCheck.apply(r, 0.9);
        Cell after = r.applicationCell("new", 0);
        assertEquals(CellStatus.UNREADABLE, after.status());
        assertNull(after.value());
        assertEquals(Cell.FLAG_BREAKS_RULE, after.flag());
        assertEquals(Cell.OCR, after.source());
        assertEquals(0.999, after.confidence());
        // everything else stays
        assertEquals(0, r.applicationCell("new", 6).value().compareTo(new BigDecimal(20)));
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("breaks the table's sums")), r.warnings().toString());
    }

    @Test
    void aLowConfidenceNumberIsNullEvenWhenTheSumsHold() throws Exception {
        Report r = golden();
        markOcr(r, 0.999);
        Cell c = r.applicationCell("new", 1);
        r.replaceCell(c.withProvenance(Cell.OCR, c.box(), 0.5));
        OcrCellCheck.apply(r, 0.9);
        assertEquals(CellStatus.UNREADABLE, r.applicationCell("new", 1).status());
        assertEquals(Cell.FLAG_LOW_CONFIDENCE, r.applicationCell("new", 1).flag());
        assertEquals(CellStatus.VALUE, r.applicationCell("new", 0).status());
    }

    @Test
    void anUnsureReadingIsGivenBackWhenItIsTheOneDoubtfulCellOfASumThatHoldsWithIt() throws Exception {
        Report r = golden();
        markOcr(r, 0.999);
        Cell c = r.applicationCell("new", 1);
        r.replaceCell(c.withProvenance(Cell.OCR, c.box(), 0.7));
        OcrCellCheck.apply(r, 0.9);
        assertEquals(CellStatus.VALUE, r.applicationCell("new", 1).status());
        assertEquals(0, r.applicationCell("new", 1).value().compareTo(c.value()));
        assertTrue(r.warnings().stream().noneMatch(w -> w.contains("under 0.9")), r.warnings().toString());
    }

    @Test
    void anUnsureMisreadingStaysNullAsNoSumHoldsWithIt() throws Exception {
        Report r = golden();
        markOcr(r, 0.999);
        Cell c = r.applicationCell("new", 0);
        r.replaceCell(new Cell(c.table(), c.rowKey(), c.columnKey(), c.value().add(BigDecimal.TEN), CellStatus.VALUE,
                c.value().add(BigDecimal.TEN).toPlainString(), c.page(), Cell.OCR, c.box(), 0.7, null));
        OcrCellCheck.apply(r, 0.9);
        assertEquals(CellStatus.UNREADABLE, r.applicationCell("new", 0).status());
        assertEquals(Cell.FLAG_LOW_CONFIDENCE, r.applicationCell("new", 0).flag());
        assertEquals(CellStatus.VALUE, r.applicationCell("new", 6).status());
    }

    @Test
    void aReadingUnderTheConfirmableConfidenceStaysNullEvenWhenTheSumsHold() throws Exception {
        Report r = golden();
        markOcr(r, 0.999);
        Cell c = r.applicationCell("new", 1);
        r.replaceCell(c.withProvenance(Cell.OCR, c.box(), OcrCellCheck.CONFIRMABLE_CONFIDENCE - 0.01));
        OcrCellCheck.apply(r, 0.9);
        assertEquals(CellStatus.UNREADABLE, r.applicationCell("new", 1).status());
    }

    @Test
    void aBreakNoOcrCellExplainsIsLeftToTheRules() throws Exception {
        Report r = golden();
        // text-layer cells: the same misprint stays a value and the rules report the violation
        Cell natural = r.applicationCell("new", 0);
        r.replaceCell(new Cell(natural.table(), natural.rowKey(), natural.columnKey(), new BigDecimal(74), CellStatus.VALUE, "74", natural.page()));
        OcrCellCheck.apply(r, 0.9);
        assertEquals(0, r.applicationCell("new", 0).value().compareTo(new BigDecimal(74)));
        assertEquals(Cell.TEXT, r.applicationCell("new", 0).source());
        assertNull(r.applicationCell("new", 0).box());
    }

    @Test
    void oldFactoriesGiveTextCells() {
        Cell c = Cell.value(TemplateSpec.ACTIVE_TABLE, "regulations_issued", "value", BigDecimal.ONE, "1", 2);
        assertEquals(Cell.TEXT, c.source());
        assertNull(c.box());
        assertNull(c.confidence());
        assertNull(c.flag());
        assertEquals(c, new Cell(c.table(), c.rowKey(), c.columnKey(), c.value(), c.status(), c.raw(), c.page()));
    }
}
