package io.disclosurelake.export;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FormulaGuardTest {
    @Test
    void textStartingWithAFormulaCharacterIsPrefixed() {
        for (String s : new String[]{"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "＝HYPERLINK()"}) {
            assertEquals("'" + s, FormulaGuard.text(s), s);
        }
        assertEquals("淮安市民政局", FormulaGuard.text("淮安市民政局"));
        assertEquals("a=b", FormulaGuard.text("a=b"));
        assertNull(FormulaGuard.text(null));
    }

    @Test
    void csvCellsKeepNumbersAsNumbers() {
        RankingColumns.Column score = RankingColumns.COLUMNS.get(RankingColumns.keys().indexOf("score"));
        RankingColumns.Column rate = RankingColumns.COLUMNS.get(RankingColumns.keys().indexOf("non_disclosure_rate"));
        RankingColumns.Column org = RankingColumns.COLUMNS.get(RankingColumns.keys().indexOf("org"));
        assertEquals("95.5", CsvRankingWriter.cell(score, 95.5));
        assertEquals("5.84", CsvRankingWriter.cell(rate, 178.0 / 3050));
        assertEquals("-1", CsvRankingWriter.cell(RankingColumns.COLUMNS.get(0), -1L), "a negative number is not text");
        assertEquals("'-局", CsvRankingWriter.cell(org, "-局"));
        assertEquals("", CsvRankingWriter.cell(org, null));
    }

    @Test
    void provinceFileStemsAreFixedWords() {
        assertEquals("320000-jiangsu", ProvinceCodes.fileStem("江苏省", 0));
        assertEquals("320000-jiangsu", ProvinceCodes.fileStem("江苏", 0));
        assertEquals("110000-beijing", ProvinceCodes.fileStem("北京市", 0));
        assertEquals("450000-guangxi", ProvinceCodes.fileStem("广西壮族自治区", 0));
        assertEquals("other-3", ProvinceCodes.fileStem("../../etc/passwd", 3), "unknown text never reaches a path");
        assertEquals("unknown", ProvinceCodes.fileStem(null, 0));
        assertEquals(34, ProvinceCodes.all().size());
        assertThrows(IllegalArgumentException.class, () -> RankingExport.Format.parse(" , "));
        assertEquals(java.util.EnumSet.of(RankingExport.Format.CSV, RankingExport.Format.HTML), RankingExport.Format.parse("csv, HTML"));
    }

    @Test
    void provinceFilterAcceptsNameCodeAndPinyin() {
        for (String f : new String[]{"江苏省", "江苏", "320000", "jiangsu"}) assertEquals(true, RankingExport.matches(f, "江苏省"), f);
        assertEquals(false, RankingExport.matches("吉林", "江苏省"));
        assertEquals(true, RankingExport.matches("某某省", "某某省"), "a name outside the table matches itself");
    }

    @Test
    void htmlEscapesEverything() {
        assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;", HtmlReport.esc("<script>alert('x')</script> & \""));
    }
}
