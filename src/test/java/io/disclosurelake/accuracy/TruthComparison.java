package io.disclosurelake.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import io.disclosurelake.json.ReportJson;
import io.disclosurelake.model.Report;
import io.disclosurelake.model.Violation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares one extracted report with its truth file, leaf by leaf, independently of how either was made:
 * identity, status/reason, every table value (nulls included) and the set of rule ids found against the
 * faults the generator injected. Cross-year rules are judged by the lake, not per document.
 */
final class TruthComparison {
    static final Set<String> CROSS_YEAR = Set.of("CARRY_OVER_CONTINUITY", "IN_FORCE_CONTINUITY", "DUPLICATE_OF_PREVIOUS_YEAR");

    int cellsCompared;
    int cellsRight;
    /** Cells not right, split: came back null (unreadable or missing) — flagged — or as another number — wrong. */
    int cellsNull;
    int cellsWrong;
    /** Of the cells, those where the truth is a printed number (not a blank zero or a row the version lacks). */
    int numbersCompared;
    int numbersRight;
    final List<String> mismatches = new ArrayList<>();
    final List<String> wrongCells = new ArrayList<>();

    void compare(String doc, JsonNode truth, Report report) {
        JsonNode got = ReportJson.toNode(report);
        String status = truth.path("status").asText();
        check(doc, "status", truth.path("status"), got.path("status"));
        if ("quarantined".equals(status)) {
            check(doc, "reason", truth.path("reason"), got.path("reason"));
            return;
        }
        for (String f : List.of("org", "year", "template")) check(doc, f, truth.path(f), got.path(f));
        for (String f : List.of("province", "city", "county")) {
            check(doc, "region." + f, truth.path("region").path(f), got.path("region").path(f));
        }
        for (String table : List.of("active", "applications", "review_litigation", "active_2019")) {
            if (truth.has(table)) compareCells(doc, table, truth.get(table), got.path(table));
        }
        Set<String> expected = new TreeSet<>();
        truth.path("faults").forEach(f -> { if (!CROSS_YEAR.contains(f.asText())) expected.add(f.asText()); });
        Set<String> found = new TreeSet<>();
        for (Violation v : report.violations()) if (!CROSS_YEAR.contains(v.rule())) found.add(v.rule());
        // Blank cells are missing values: INCOMPLETE_TABLE is expected exactly when the truth has blanks.
        if (hasNullCell(truth)) expected.add("INCOMPLETE_TABLE");
        if (!expected.equals(found)) mismatches.add(doc + ": rules expected " + expected + " found " + found
                + " " + report.violations());
    }

    /**
     * Only the table values, whatever the report's status: a quarantined report counts every printed cell as
     * null (for corpora where being read at all is what is measured, e.g. scanned reports).
     */
    void compareCellsOnly(String doc, JsonNode truth, Report report) {
        JsonNode got = ReportJson.toNode(report);
        for (String table : List.of("active", "applications", "review_litigation", "active_2019")) {
            if (truth.has(table)) compareCells(doc, table, truth.get(table), got.path(table));
        }
    }

    private static boolean hasNullCell(JsonNode truth) {
        if ("2019".equals(truth.path("template").asText()) || "hybrid".equals(truth.path("template").asText())) {
            // 2019 leaves fields the template lacks as null: count only the cells it prints.
            for (JsonNode row : List.of(truth.path("applications"))) if (containsNull(row, true)) return true;
            return containsNull(truth.path("review_litigation"), false) || containsNull(truth.path("active_2019"), false);
        }
        return containsNull(truth.path("active"), false) || containsNull(truth.path("applications"), false)
                || containsNull(truth.path("review_litigation"), false);
    }

    private static boolean containsNull(JsonNode n, boolean skipWholeNullRows) {
        if (n.isMissingNode()) return false;
        if (n.isNull()) return !skipWholeNullRows;
        if (n.isArray()) { for (JsonNode c : n) if (c.isNull()) return true; return false; }
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                JsonNode c = it.next().getValue();
                if (c.isNull() && skipWholeNullRows) continue;
                if (containsNull(c, skipWholeNullRows)) return true;
            }
        }
        return false;
    }

    private void compareCells(String doc, String path, JsonNode want, JsonNode got) {
        if (want.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = want.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                compareCells(doc, path + "." + e.getKey(), e.getValue(), got.path(e.getKey()));
            }
        } else if (want.isArray()) {
            for (int i = 0; i < want.size(); i++) compareCells(doc, path + "[" + i + "]", want.get(i), got.path(i));
        } else {
            cellsCompared++;
            boolean right = sameNumber(want, got);
            if (want.isNumber()) {
                numbersCompared++;
                if (right) numbersRight++;
            }
            if (right) cellsRight++;
            else {
                mismatches.add(doc + ": " + path + " expected " + want + " got " + got);
                if (got.isNull() || got.isMissingNode()) cellsNull++;
                else {
                    cellsWrong++;
                    wrongCells.add(doc + ": " + path + " expected " + want + " got " + got);
                }
            }
        }
    }

    private void check(String doc, String field, JsonNode want, JsonNode got) {
        boolean same = want.isNull() || want.isMissingNode() ? (got.isNull() || got.isMissingNode())
                : want.isNumber() ? sameNumber(want, got) : want.asText().equals(got.asText());
        if (!same) mismatches.add(doc + ": " + field + " expected " + want + " got " + got);
    }

    private static boolean sameNumber(JsonNode want, JsonNode got) {
        if (want.isNull() || want.isMissingNode()) return got.isNull() || got.isMissingNode();
        if (!got.isNumber()) return false;
        return want.decimalValue().compareTo(got.decimalValue()) == 0;
    }
}
