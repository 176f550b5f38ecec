package io.disclosurelake.generate;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks truth files against docs/rules.md with its own loops over the JSON — deliberately not RuleBook,
 * SumRuleCheck or any generator code, so a mistake in either shows up as a disagreement.
 * A rule that needs an unknown (unreadable) number is "undecided" and reported separately.
 */
final class TruthChecker {
    static final List<String> APP_ROWS = List.of("new", "carried_over", "disclosed", "partially_disclosed",
            "withheld.state_secret", "withheld.prohibited_by_law", "withheld.three_safeties_one_stability",
            "withheld.third_party_rights", "withheld.internal_affairs", "withheld.process_info",
            "withheld.law_enforcement_files", "withheld.administrative_query",
            "unable_to_provide.not_held", "unable_to_provide.needs_new_production", "unable_to_provide.unclear_after_correction",
            "not_processed.petition_complaint", "not_processed.repeated", "not_processed.publications",
            "not_processed.massive_repeated", "not_processed.confirm_or_reissue",
            "other.overdue_correction", "other.overdue_fee", "other.other", "total", "carried_forward");
    static final List<String> OUTCOME_ROWS = APP_ROWS.subList(2, 23);

    record Result(Set<String> broken, Set<String> undecided) {}

    /** Unknown marker distinct from every real count. */
    static final Double UNKNOWN = null;

    /** null cell: 0 when the document printed zeros blank/dash (or the version lacks the row), unknown under glued digits. */
    static Double num(JsonNode n, boolean nullIsUnknown) {
        if (n == null || n.isNull()) {
            if (nullIsUnknown) return UNKNOWN;
            return 0.0;
        }
        return n.asDouble();
    }

    static boolean glued(JsonNode t) {
        for (JsonNode q : t.get("quirks")) if (q.asText().equals("glued_digits")) return true;
        return false;
    }

    static Double app(JsonNode t, String row, int col) {
        JsonNode apps = t.get("applications");
        int dot = row.indexOf('.');
        JsonNode r = dot < 0 ? apps.get(row) : apps.get(row.substring(0, dot)).get(row.substring(dot + 1));
        if (r == null || r.isNull()) return 0.0; // a row the version does not print
        return num(r.get(col), glued(t));
    }

    static Double review(JsonNode t, int i) { return num(t.get("review_litigation").get(i), glued(t)); }

    static Double active(JsonNode t, String key) { return num(t.get("active").get(key), glued(t)); }

    /** Sums; null if any part is unknown. */
    static Double sum(List<Double> xs) {
        double s = 0;
        for (Double x : xs) { if (x == null) return null; s += x; }
        return s;
    }

    private static void judge(String rule, Double left, Double right, Set<String> broken, Set<String> undecided) {
        if (left == null || right == null) undecided.add(rule);
        else if (Math.abs(left - right) > 1e-9) broken.add(rule);
    }

    static Result withinReport(JsonNode t) {
        Set<String> broken = new TreeSet<>(), undecided = new TreeSet<>();
        for (int c = 0; c < 7; c++) {
            judge("APP_BALANCE", sum(java.util.Arrays.asList(app(t, "new", c), app(t, "carried_over", c))),
                    sum(java.util.Arrays.asList(app(t, "total", c), app(t, "carried_forward", c))), broken, undecided);
            List<Double> outcomes = new ArrayList<>();
            for (String r : OUTCOME_ROWS) outcomes.add(app(t, r, c));
            judge("APP_OUTCOME_SUM", app(t, "total", c), sum(outcomes), broken, undecided);
        }
        for (String r : APP_ROWS) {
            List<Double> parts = new ArrayList<>();
            for (int c = 0; c < 6; c++) parts.add(app(t, r, c));
            judge("APP_ROW_TOTAL", app(t, r, 6), sum(parts), broken, undecided);
        }
        String[] groups = {"REVIEW_TOTAL", "LITIGATION_DIRECT_TOTAL", "LITIGATION_AFTER_REVIEW_TOTAL"};
        for (int g = 0; g < 3; g++) {
            List<Double> parts = new ArrayList<>();
            for (int i = 0; i < 4; i++) parts.add(review(t, g * 5 + i));
            judge(groups[g], review(t, g * 5 + 4), sum(parts), broken, undecided);
        }
        // NON_NEGATIVE: every printed number
        List<Double> all = new ArrayList<>();
        for (String r : APP_ROWS) for (int c = 0; c < 7; c++) all.add(app(t, r, c));
        for (int i = 0; i < 15; i++) all.add(review(t, i));
        t.get("active").fields().forEachRemaining(e -> all.add(num(e.getValue(), true)));
        for (Double x : all) if (x != null && x < 0) broken.add("NON_NEGATIVE");
        JsonNode fee = t.get("active").get("fees_wan_yuan");
        if (fee != null && !fee.isNull() && fee.asDouble() >= 5000) broken.add("FEE_UNIT");
        boolean legislator = t.get("generator").get("can_make_regulations").asBoolean();
        for (String k : List.of("regulations_issued", "regulations_repealed", "regulations_in_force")) {
            JsonNode v = t.get("active").get(k);
            if (!legislator && v != null && !v.isNull() && v.asDouble() != 0) broken.add("REGULATIONS_BY_NON_LEGISLATOR");
        }
        Double newTotal = app(t, "new", 6);
        long claim = t.get("generator").get("narrative_applications").asLong();
        if (newTotal == null) undecided.add("TEXT_TABLE_MISMATCH");
        else if (claim != newTotal.longValue()) broken.add("TEXT_TABLE_MISMATCH");
        return new Result(broken, undecided);
    }

    /** Cross-year rules of {@code cur} against the same body's report for the year before. */
    static Result crossYear(JsonNode prev, JsonNode cur) {
        Set<String> broken = new TreeSet<>(), undecided = new TreeSet<>();
        for (int c = 0; c < 7; c++)
            judge("CARRY_OVER_CONTINUITY", app(cur, "carried_over", c), app(prev, "carried_forward", c), broken, undecided);
        for (String k : List.of("regulations", "normative_docs")) {
            Double repealed = active(cur, k + "_repealed");
            judge("IN_FORCE_CONTINUITY", active(cur, k + "_in_force"),
                    sum(java.util.Arrays.asList(active(prev, k + "_in_force"), active(cur, k + "_issued"), repealed == null ? null : -repealed)),
                    broken, undecided);
        }
        // identical tables; an unreadable cell leaves the question open unless a readable one already differs
        List<Double[]> pairs = new ArrayList<>();
        for (String r : APP_ROWS) for (int c = 0; c < 7; c++) pairs.add(new Double[]{app(prev, r, c), app(cur, r, c)});
        for (int i = 0; i < 15; i++) pairs.add(new Double[]{review(prev, i), review(cur, i)});
        for (var it = cur.get("active").fieldNames(); it.hasNext(); ) {
            String k = it.next();
            pairs.add(new Double[]{active(prev, k), active(cur, k)});
        }
        boolean differs = false, unknown = false;
        for (Double[] p : pairs) {
            if (p[0] == null || p[1] == null) unknown = true;
            else if (!p[0].equals(p[1])) differs = true;
        }
        if (!differs && unknown) undecided.add("DUPLICATE_OF_PREVIOUS_YEAR");
        else if (!differs) broken.add("DUPLICATE_OF_PREVIOUS_YEAR");
        return new Result(broken, undecided);
    }

}
