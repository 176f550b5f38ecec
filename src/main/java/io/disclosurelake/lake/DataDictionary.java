package io.disclosurelake.lake;

import org.apache.spark.sql.types.StructField;

import java.util.Map;
import java.util.TreeMap;

/**
 * The data dictionary of the lake (docs/data-dictionary.md), generated from {@link LakeSchema} and
 * {@link LakeConstraints}; a test keeps the committed file equal to this output and the Delta tables a run
 * writes equal to the schemas, so the three cannot drift apart.
 */
public final class DataDictionary {
    private DataDictionary() {}

    public static String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Data dictionary of the lake\n\n");
        sb.append("Generated from `LakeSchema` and `LakeConstraints` (regenerate: `mvn -q -o test -Dtest=LakeTablesTest -Ddictionary.write=true`).\n");
        sb.append("Each table is a Delta table in the directory of its name under the lake (`--lake`).\n\n");
        Map<String, Map<String, String>> checks = LakeConstraints.all();
        for (LakeSchema.Table t : LakeSchema.tables()) {
            sb.append("## `").append(t.name()).append("`\n\n").append(t.comment()).append("\n\n");
            sb.append("Key: ").append(String.join(", ", t.key().stream().map(k -> "`" + k + "`").toList())).append("\n\n");
            sb.append("| column | type | null | meaning |\n|---|---|---|---|\n");
            for (StructField f : t.schema().fields()) {
                sb.append("| `").append(f.name()).append("` | ").append(f.dataType().sql().toLowerCase(java.util.Locale.ROOT))
                        .append(" | ").append(f.nullable() ? "yes" : "NOT NULL").append(" | ")
                        .append(f.getComment().getOrElse(() -> "").replace("|", "\\|")).append(" |\n");
            }
            Map<String, String> c = new TreeMap<>(checks.getOrDefault(t.name(), Map.of()));
            if (!c.isEmpty()) {
                sb.append("\nCHECK constraints:\n\n");
                c.forEach((k, v) -> sb.append("- `").append(k).append("`: `").append(v.replace("|", "\\|")).append("`\n"));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
