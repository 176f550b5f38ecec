package io.disclosurelake.extract;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Compares an expected JSON against the canonical report JSON leaf by leaf (nulls included). */
final class GoldenJson {
    private GoldenJson() {}

    /** Keys of expected files that describe the fixture and are not report fields. */
    static final List<String> COMMENT_KEYS = List.of("notes");

    static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> out = new ArrayList<>();
        walk("", expected, actual, out);
        return out;
    }

    static int leafCount(JsonNode expected) {
        if (expected.isContainerNode()) {
            int n = 0;
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!COMMENT_KEYS.contains(e.getKey())) n += leafCount(e.getValue());
            }
            if (expected.isArray()) for (JsonNode c : expected) n += leafCount(c);
            return n;
        }
        return 1;
    }

    private static void walk(String path, JsonNode exp, JsonNode act, List<String> out) {
        if (exp.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = exp.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (path.isEmpty() && COMMENT_KEYS.contains(e.getKey())) continue;
                JsonNode a = act == null || act.isNull() ? null : act.get(e.getKey());
                walk(path + "/" + e.getKey(), e.getValue(), a, out);
            }
        } else if (exp.isArray()) {
            if (act == null || !act.isArray() || act.size() != exp.size()) {
                out.add(path + ": expected " + exp + " but was " + act);
                return;
            }
            for (int i = 0; i < exp.size(); i++) walk(path + "[" + i + "]", exp.get(i), act.get(i), out);
        } else if (exp.isNull()) {
            if (act != null && !act.isNull()) out.add(path + ": expected null but was " + act);
        } else if (exp.isNumber()) {
            if (act == null || !act.isNumber() || exp.decimalValue().compareTo(act.decimalValue()) != 0)
                out.add(path + ": expected " + exp + " but was " + act);
        } else if (!exp.equals(act)) {
            out.add(path + ": expected " + exp + " but was " + act);
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = GoldenJson.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalArgumentException("no test resource " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
