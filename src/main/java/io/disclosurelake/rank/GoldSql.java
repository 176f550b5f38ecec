package io.disclosurelake.rank;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The gold layer's SQL, one file per statement under {@code sql/gold/} on the class path. Settings reach a
 * statement as the one-row view {@code dl_gold_settings} of typed values, never spliced into its text.
 */
final class GoldSql {
    private GoldSql() {}

    /**
     * The statement with each {@code ${name}} replaced by its identifier (a table's quoted Delta path: never a
     * value, never text from a document).
     */
    static String text(String name, java.util.Map<String, String> identifiers) {
        String sql = text(name);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{(\\w+)}").matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = identifiers.get(m.group(1));
            if (value == null) throw new IllegalStateException("sql/gold/" + name + ".sql: no value for ${" + m.group(1) + "}");
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    static String text(String name) {
        String resource = "sql/gold/" + name + ".sql";
        try (InputStream in = GoldSql.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
