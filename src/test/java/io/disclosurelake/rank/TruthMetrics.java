package io.disclosurelake.rank;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * docs/metrics.md §1's rates computed straight from a truth file (docs/report-json.md shape), written for the test
 * without the production formula code: the expected side of the accuracy test.
 */
final class TruthMetrics {
    private TruthMetrics() {}

    /** A rate's parts; value null when the denominator is 0. */
    record Rate(long numerator, long denominator) {
        Double value() { return denominator == 0 ? null : (double) numerator / denominator; }
    }

    private static final int TOTAL = 6;

    /** The 总计 column of an applications row given by its JSON path ("total", "withheld.state_secret"); blank = 0. */
    static long total(JsonNode apps, String path) {
        JsonNode n = apps;
        for (String part : path.split("\\.")) n = n == null ? null : n.get(part);
        if (n == null || n.isNull()) return 0;
        JsonNode v = n.get(TOTAL);
        return v == null || v.isNull() ? 0 : v.asLong();
    }

    /** Sum of the 总计 column over every row of an outcome group object (withheld, unable_to_provide, …). */
    static long group(JsonNode apps, String group) {
        long s = 0;
        JsonNode g = apps.get(group);
        if (g == null || g.isNull()) return 0;
        for (var it = g.fields(); it.hasNext(); ) {
            JsonNode row = it.next().getValue();
            if (row != null && !row.isNull() && row.get(TOTAL) != null && !row.get(TOTAL).isNull()) s += row.get(TOTAL).asLong();
        }
        return s;
    }

    static long review(JsonNode rl, int i) {
        if (rl == null || rl.isNull() || rl.get(i) == null || rl.get(i).isNull()) return 0;
        return rl.get(i).asLong();
    }

    static Map<String, Rate> rates(JsonNode truth) {
        JsonNode a = truth.get("applications");
        JsonNode rl = truth.get("review_litigation");
        long closed = total(a, "total");
        long withheld = group(a, "withheld");
        Map<String, Rate> m = new LinkedHashMap<>();
        m.put("disclosure_rate", new Rate(total(a, "disclosed") + total(a, "partially_disclosed"), closed));
        m.put("non_disclosure_rate", new Rate(withheld, closed));
        long notObtained = 0;
        for (String g : List.of("withheld", "unable_to_provide", "not_processed", "other")) notObtained += group(a, g);
        m.put("not_obtained_rate", new Rate(notObtained, closed));
        m.put("carry_forward_rate", new Rate(total(a, "carried_forward"), total(a, "new") + total(a, "carried_over")));
        // 行政复议 (维持, 纠正, 其他, 尚未审结, 总计) · 直接起诉 (5–9) · 复议后起诉 (10–14)
        m.put("review_correction_rate", new Rate(review(rl, 1), review(rl, 4) - review(rl, 3)));
        m.put("litigation_correction_rate", new Rate(review(rl, 6) + review(rl, 11),
                (review(rl, 9) - review(rl, 8)) + (review(rl, 14) - review(rl, 13))));
        return m;
    }
}
