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
        for (java.util.Map.Entry<String, String> e : identifiers.entrySet()) sql = sql.replace("${" + e.getKey() + "}", e.getValue());
        if (sql.contains("${")) throw new IllegalStateException("sql/gold/" + name + ".sql: a placeholder left unfilled");
        return sql;
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
