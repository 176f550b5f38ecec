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
}
