package io.disclosurelake.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A Spark SQL script cut into statements at semicolons that are outside quotes, back-quoted names and
 * comments; and the {@code -- expect: col_a, col_b} line by which a statement declares its result columns
 * (the notebook test holds every statement to it).
 */
public final class SqlScript {
    private SqlScript() {}

    public static final String EXPECT_MARKER = "-- expect:";

    /** The statements of a script, comments kept, empty ones (only whitespace or comments) dropped. */
    public static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int n = script.length();
        for (int i = 0; i < n; i++) {
            char c = script.charAt(i);
            if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                int end = script.indexOf('\n', i);
                if (end < 0) end = n;
                cur.append(script, i, end);
                i = end - 1;
            } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int end = script.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                cur.append(script, i, end);
                i = end - 1;
            } else if (c == '\'' || c == '"' || c == '`') {
                int j = i + 1;
                while (j < n && script.charAt(j) != c) {
                    if (script.charAt(j) == '\\' && c != '`') j++;
                    j++;
                }
                int end = Math.min(j + 1, n);
                cur.append(script, i, end);
                i = end - 1;
            } else if (c == ';') {
                add(out, cur);
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        add(out, cur);
        return out;
    }

    private static void add(List<String> out, StringBuilder stmt) {
        String s = stmt.toString().strip();
        if (!stripComments(s).isBlank()) out.add(s);
    }

    /** The statement without its {@code --} line comments and block comments (quotes respected roughly). */
    public static String stripComments(String sql) {
        return sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)--.*$", "");
    }

    /** The columns a statement declares with {@code -- expect:}, lower-cased; empty when it declares none. */
    public static List<String> expectedColumns(String statement) {
        for (String line : statement.split("\n")) {
            String t = line.strip();
            if (t.toLowerCase(Locale.ROOT).startsWith(EXPECT_MARKER)) {
                return Arrays.stream(t.substring(EXPECT_MARKER.length()).split(","))
                        .map(String::strip).filter(s -> !s.isEmpty())
                        .map(s -> s.toLowerCase(Locale.ROOT)).toList();
            }
        }
        return List.of();
    }
}
