package io.disclosurelake.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.disclosurelake.json.ReportJson;
import io.disclosurelake.model.Report;

import java.util.Iterator;
import java.util.Map;

/** Cells of a report against its golden JSON: right, null where a number was expected, wrong. */
public record OcrAccuracy(int right, int nulls, int wrong, java.util.List<String> wrongCells) {

    static final java.util.List<String> TABLES = java.util.List.of("active", "applications", "review_litigation");

    public static OcrAccuracy of(JsonNode expected, Report actual) {
        JsonNode act = ReportJson.toNode(actual);
        int[] n = new int[3];
        java.util.List<String> wrong = new java.util.ArrayList<>();
        for (String t : TABLES) walk(t, expected.get(t), act.get(t), n, wrong);
        return new OcrAccuracy(n[0], n[1], n[2], wrong);
    }

    public int cells() { return right + nulls + wrong; }

    public OcrAccuracy plus(OcrAccuracy o) {
        java.util.List<String> w = new java.util.ArrayList<>(wrongCells);
        w.addAll(o.wrongCells);
        return new OcrAccuracy(right + o.right, nulls + o.nulls, wrong + o.wrong, w);
    }

    private static void walk(String path, JsonNode exp, JsonNode act, int[] n, java.util.List<String> wrong) {
        if (exp == null) return;
        if (exp.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = exp.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(path + "/" + e.getKey(), e.getValue(), act == null || act.isNull() ? null : act.get(e.getKey()), n, wrong);
            }
        } else if (exp.isArray()) {
            for (int i = 0; i < exp.size(); i++)
                walk(path + "[" + i + "]", exp.get(i), act == null || !act.isArray() || act.size() <= i ? null : act.get(i), n, wrong);
        } else {
            boolean actNull = act == null || act.isNull();
            if (exp.isNull()) {
                if (actNull) n[0]++;
                else { n[2]++; wrong.add(path + ": expected null, was " + act); }
            } else if (actNull) n[1]++;
            else if (act.isNumber() && exp.isNumber() && exp.decimalValue().compareTo(act.decimalValue()) == 0) n[0]++;
            else { n[2]++; wrong.add(path + ": expected " + exp + ", was " + act); }
        }
    }
}
