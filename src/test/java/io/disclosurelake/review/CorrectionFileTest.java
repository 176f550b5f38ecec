package io.disclosurelake.review;

import io.disclosurelake.export.ReviewWriter;
import io.disclosurelake.model.Box;
import io.disclosurelake.read.SheetRows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Reading a filled review sheet (docs/review.md): good rows become corrections, each bad row one error. */
class CorrectionFileTest {
    static final List<String> HEADER = ReviewSheet.COLUMNS;

    /** A sheet line with the given keys set (the rest empty). */
    static List<String> line(String... kv) {
        List<String> l = new ArrayList<>();
        for (int i = 0; i < HEADER.size(); i++) l.add("");
        for (int i = 0; i < kv.length; i += 2) l.set(HEADER.indexOf(kv[i]), kv[i + 1]);
        return l;
    }

    static List<String> cell(String report, String row, String column, String value, String corrected) {
        return line("report_id", report, "sha256", "abc", "table_name", "applications", "row_key", row, "column_key", column,
                "status", value.isEmpty() ? "unreadable" : "value", "value", value, "corrected_value", corrected);
    }

    @Test
    void goodRowsBecomeCorrectionsAndUnreviewedRowsAreSkipped() {
        List<List<String>> rows = List.of(HEADER,
                cell("r1", "new", "natural_person", "", "12"),
                cell("r1", "total", "total", "8", ""),                       // not reviewed
                cell("r2", "withheld.state_secret", "other_org", "", "１,２３４"), // full-width digits, separator
                cell("r2", "disclosed", "total", "3", "'4"));               // apostrophe of the formula guard
        CorrectionFile.Parsed p = CorrectionFile.parse("f.csv", rows, "王审核");
        assertEquals(List.of(), p.errors());
        assertEquals(1, p.skipped());
        assertEquals(3, p.corrections().size());
        Correction a = p.corrections().get(0);
        assertEquals("f.csv", a.file());
        assertEquals(2, a.fileRow());
        assertEquals(new BigDecimal("12"), a.newValue());
        assertNull(a.oldValue());
        assertEquals("unreadable", a.oldStatus());
        assertEquals("王审核", a.reviewer());
        assertEquals(new BigDecimal("1234"), p.corrections().get(1).newValue());
        assertEquals(new BigDecimal("3"), p.corrections().get(2).oldValue());
        assertEquals(new BigDecimal("4"), p.corrections().get(2).newValue());
    }

    @Test
    void eachBadRowIsOneErrorWithFileRowAndWhy() {
        List<List<String>> rows = List.of(HEADER,
                cell("r1", "new", "natural_person", "", "十二"),
                cell("r1", "new", "martians", "", "3"),
                line("report_id", "r1", "table_name", "applications", "row_key", "new", "column_key", "total", "reviewer_note", "looks wrong"),
                cell("", "new", "total", "", "3"),
                cell("r1", "total", "total", "", "5"),
                cell("r1", "total", "total", "", "6"),
                cell("r1", "new", "other_org", "", "2"));
        CorrectionFile.Parsed p = CorrectionFile.parse("bad.xlsx", rows, null);
        List<String> errors = p.errors().stream().map(Object::toString).toList();
        assertEquals(List.of(
                "bad.xlsx row 2: corrected_value '十二' is not a number",
                "bad.xlsx row 3: unknown cell applications/new/martians (table_name/row_key/column_key of docs/template.md §7)",
                "bad.xlsx row 4: corrected_value is empty (a note alone corrects nothing)",
                "bad.xlsx row 5: no report_id",
                "bad.xlsx row 7: the same cell as row 6 (one correction per cell and file)"), errors);
        assertEquals(2, p.corrections().size(), "the good rows still apply");
    }

    @Test
    void aSheetWithoutTheHeaderIsOneError() {
        CorrectionFile.Parsed p = CorrectionFile.parse("notes.csv", List.of(List.of("a", "b"), List.of("1", "2")), null);
        assertEquals(1, p.errors().size());
        assertTrue(p.errors().get(0).toString().startsWith("notes.csv row 1: no header line"));
        assertTrue(p.corrections().isEmpty());
    }

    @Test
    void theSameCorrectionHasTheSameIdFromAnyFile() {
        Correction a = new Correction("a.csv", 2, "r", "s", "applications", "new", "total", "unreadable", null, new BigDecimal("5"), "x", "p");
        Correction b = new Correction("b.xlsx", 9, "r", "s", "applications", "new", "total", "unreadable", null, new BigDecimal("5.0000"), "y", "q");
        Correction c = new Correction("a.csv", 2, "r", "s", "applications", "new", "total", "unreadable", null, new BigDecimal("6"), "x", "p");
        assertEquals(a.id(), b.id());
        assertNotEquals(a.id(), c.id());
    }

    @Test
    void theExportedSheetReadsBackInBothFormats(@TempDir Path tmp) throws Exception {
        ReviewItem i = new ReviewItem(ReviewItem.FLAGGED, 2024, "江苏省", "=HYPERLINK(\"x\")局", "r1", "abc", "2024/a.pdf",
                "applications", "new", "natural_person", "unreadable", null, "1?", 3, "ocr", new Box(10, 20, 30, 12), 0.41,
                "ocr_low_confidence", null, null, null);
        ReviewWriter.write(List.of(i), tmp, "review-2024");
        for (String f : List.of("review-2024.csv", "review-2024.xlsx")) {
            List<List<String>> rows = new ArrayList<>(SheetRows.read(f, Files.readAllBytes(tmp.resolve(f))));
            assertEquals(HEADER, rows.get(0), f);
            List<String> filled = new ArrayList<>(rows.get(1));
            while (filled.size() < HEADER.size()) filled.add("");
            assertEquals("'=HYPERLINK(\"x\")局".substring(f.endsWith(".csv") ? 0 : 1), filled.get(HEADER.indexOf("org")), f);
            assertEquals("10.0,20.0,30.0,12.0", filled.get(HEADER.indexOf("box")), f);
            filled.set(HEADER.indexOf(ReviewSheet.CORRECTED_VALUE), "17");
            rows.set(1, filled);
            CorrectionFile.Parsed p = CorrectionFile.parse(f, rows, "me");
            assertEquals(List.of(), p.errors(), f);
            assertEquals(new BigDecimal("17"), p.corrections().get(0).newValue(), f);
            assertEquals("abc", p.corrections().get(0).sha256(), f);
        }
        assertFalse(Files.list(tmp).anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        assertTrue(new String(Files.readAllBytes(tmp.resolve("review-2024.csv")), StandardCharsets.UTF_8).startsWith("\uFEFFkind,"));
    }
}
