package io.disclosurelake.template;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GluedDigitsTest {
    private static List<List<String>> cuts(String run, int columns, boolean[] decimal) {
        return GluedDigits.cut(GluedDigits.chunks(run), columns, decimal, 1000).solutions().stream()
                .map(s -> s.stream().map(GluedDigits.Piece::text).toList()).toList();
    }

    @Test
    void asManyDigitsAsColumnsIsUnique() {
        assertEquals(List.of(List.of("7", "0", "0", "0", "0", "0", "7")), cuts("7000007", 7, null));
        assertEquals(List.of(List.of("0", "0", "0")), cuts("000", 3, null));
    }

    @Test
    void zerosNeverLeadSoZeroRunsAreForced() {
        assertEquals(List.of(List.of("0", "0", "0", "0", "0", "0", "0")), cuts("0 0 00 00 0", 7, null));
    }

    @Test
    void whitespaceIsASureBoundary() {
        List<List<String>> c = cuts("230 000023", 7, null);
        assertTrue(c.contains(List.of("23", "0", "0", "0", "0", "0", "23")));
        assertTrue(c.stream().allMatch(s -> !String.join("", s).contains(" ")));
        // 230 | 0 0 0 0 2 3 is a cut too: the row-total rule, not the splitter, rejects it
        assertTrue(c.contains(List.of("230", "0", "0", "0", "0", "2", "3")));
    }

    @Test
    void ambiguousRunsListEveryCut() {
        List<List<String>> c = cuts("3960181", 3, null);
        assertTrue(c.contains(List.of("396", "0", "181")));
        assertTrue(c.contains(List.of("3", "960", "181")));
        assertTrue(c.size() > 1);
        assertEquals(2, cuts("350", 2, null).size()); // 3|50 and 35|0
    }

    @Test
    void decimalPointOnlyInDecimalColumns() {
        assertTrue(cuts("0.35", 1, new boolean[]{false}).isEmpty());
        assertEquals(List.of(List.of("0.35")), cuts("0.35", 1, new boolean[]{true}));
    }

    @Test
    void dashesAndSlashesAreBlankCells() {
        List<List<GluedDigits.Piece>> s = GluedDigits.cut(GluedDigits.chunks("5-/"), 3, null, 10).solutions();
        assertEquals(1, s.size());
        assertTrue(s.get(0).get(1).blank());
        assertTrue(s.get(0).get(2).blank());
    }

    @Test
    void tooFewOrTooManyDigitsHaveNoCut() {
        assertTrue(cuts("12", 3, null).isEmpty());
        assertTrue(cuts("0 0 0 0", 3, null).isEmpty());
    }

    private static List<List<String>> signedCuts(String run, int columns, boolean[] signed) {
        return GluedDigits.cutSigned(run, columns, null, signed, 1000).solutions().stream()
                .map(s -> s.stream().map(GluedDigits.Piece::text).toList()).toList();
    }

    @Test
    void aDashGluedBetweenDigitsIsReadAsBlankAndAsMinus() {
        // 2019 table 二 行政处罚2648-18538: 上一年 2648, 增/减 −18, 决定 538 as printed; the text alone allows five cuts
        List<List<String>> c = signedCuts("2648-18538", 3, new boolean[]{false, true, false});
        assertTrue(c.contains(List.of("2648", "-", "18538")));
        assertTrue(c.contains(List.of("2648", "-18", "538")));
        assertTrue(c.contains(List.of("2648", "-1", "8538")));
        assertEquals(5, c.size(), c.toString());
    }

    @Test
    void aMinusOnlyWhereTheTemplateAllowsOne() {
        // 12-3: the minus reading puts −3 in 处理决定数量, which NON_NEGATIVE forbids; the blank reading is left alone
        assertEquals(List.of(List.of("12", "-", "3")), signedCuts("12-3", 3, new boolean[]{false, true, false}));
        // with no signed column a glued dash is a blank cell, as before
        assertEquals(List.of(List.of("5", "-", "7")), signedCuts("5-7", 3, null));
    }
}
