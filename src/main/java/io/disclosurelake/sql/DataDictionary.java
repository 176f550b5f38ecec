package io.disclosurelake.sql;

import io.disclosurelake.lake.LakeSchema;
import io.disclosurelake.spec.TemplateSpec;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the data dictionary (docs/tables.md) from the definitions themselves: every table and column of
 * {@link LakeSchema} with its type, nullability and meaning, the unit, and for columns holding template
 * values the row/column of the printed template from {@link TemplateSpec}; then the row keys of 表三, the keys
 * of the {@code cells} table and the named views. Generated, never edited: a test regenerates it and compares.
 * Run {@code disclosure-lake sql --dictionary > docs/tables.md} or this class's main with the output path.
 */
public final class DataDictionary {
    private DataDictionary() {}

    public static final String DOC_PATH = "docs/tables.md";

    /** One column as documented. */
    public record Column(String table, String name, String type, boolean nullable, String meaning, String unit,
                         String templateSource) {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : DOC_PATH);
        if (out.getParent() != null) Files.createDirectories(out.getParent());
        Files.writeString(out, markdown(), StandardCharsets.UTF_8);
        System.out.println("wrote " + out);
    }

    /** Every column of every table, in schema order. */
    public static List<Column> columns() {
        List<Column> out = new ArrayList<>();
        for (LakeSchema.Table t : LakeSchema.tables()) {
            for (StructField f : t.schema().fields()) {
                String comment = f.getComment().isDefined() ? f.getComment().get() : "";
                out.add(new Column(t.name(), f.name(), f.dataType().simpleString(), f.nullable(), comment,
                        unit(t.name(), f.name(), f.dataType()), templateSource(t.name(), f.name())));
            }
        }
        return out;
    }

    /** The unit of a column's values; "—" for names, ids and text. */
    static String unit(String table, String column, DataType type) {
        for (TemplateSpec.ActiveField a : TemplateSpec.ACTIVE_FIELDS) {
            if (table.equals(LakeSchema.ACTIVE_DISCLOSURE) && a.key().equals(column)) {
                return a.decimal() ? a.unit() + " (10,000 yuan)" : a.unit() + " (items)";
            }
        }
        if (table.equals(LakeSchema.APPLICATIONS) && TemplateSpec.applicantColumnKeys().contains(column)) return "件 (applications)";
        if (table.equals(LakeSchema.REVIEW_LITIGATION) && TemplateSpec.reviewColumnKeys().contains(column)) return "件 (cases)";
        String key = table + "." + column;
        Map<String, String> explicit = Map.ofEntries(
                Map.entry("documents.size", "bytes"),
                Map.entry("quarantine.size", "bytes"),
                Map.entry("reports.year", "calendar year"),
                Map.entry("reports.pages", "pages"),
                Map.entry("cells.page", "page number, from 1"),
                Map.entry("cells.value", "as the template cell: 件, or 万元 for fees_wan_yuan / procurement_amount"),
                Map.entry("applications.row_order", "position (1–25)"),
                Map.entry("rule_violations.left_value", "as the cells compared (件, or 万元)"),
                Map.entry("rule_violations.right_value", "as the cells compared (件, or 万元)"),
                Map.entry("rule_violations.difference", "as the cells compared (件, or 万元)"),
                Map.entry("report_metrics.value", "ratio 0–1 (not %)"),
                Map.entry("report_metrics.numerator", "件"),
                Map.entry("report_metrics.denominator", "件"),
                Map.entry("runs.stage_seconds", "seconds"),
                Map.entry("runs.docs_seen", "documents"),
                Map.entry("runs.docs_new", "documents"),
                Map.entry("runs.docs_parsed", "documents"),
                Map.entry("runs.docs_partial", "documents"),
                Map.entry("runs.docs_quarantined", "documents"));
        if (explicit.containsKey(key)) return explicit.get(key);
        if (type.equals(DataTypes.TimestampType)) return "timestamp (instant)";
        if (column.endsWith("_rate")) return "ratio 0–1 (not %)";
        return "—";
    }

    /** Where in the printed template the column's values come from; "—" for columns not read from a table. */
    static String templateSource(String table, String column) {
        if (table.equals(LakeSchema.ACTIVE_DISCLOSURE)) {
            for (TemplateSpec.ActiveField a : TemplateSpec.ACTIVE_FIELDS) {
                if (a.key().equals(column)) {
                    return "表二 " + a.article() + " · row " + a.rowLabel() + " · column " + a.columnLabel2021()
                            + (a.columnLabel2019() != null ? " (2019: " + a.columnLabel2019() + ")" : " (2019: none, null)");
                }
            }
        }
        if (table.equals(LakeSchema.APPLICATIONS)) {
            for (TemplateSpec.ApplicantColumn c : TemplateSpec.APPLICANT_COLUMNS) {
                if (c.key().equals(column)) {
                    boolean legalPerson = !c.key().equals("natural_person") && !c.key().equals("total");
                    return "表三 column " + (legalPerson ? "法人或其他组织 · " : "") + c.label();
                }
            }
            if (column.equals("row_key")) return "表三 row (see “Rows of applications”)";
        }
        if (table.equals(LakeSchema.REVIEW_LITIGATION)) {
            List<String> keys = TemplateSpec.reviewColumnKeys();
            int i = keys.indexOf(column);
            if (i >= 0) {
                return "表四 column " + TemplateSpec.REVIEW_GROUPS.get(i / 5).label() + " · "
                        + TemplateSpec.REVIEW_OUTCOME_LABELS.get(i % 5);
            }
        }
        if (table.equals(LakeSchema.CELLS)) {
            if (column.equals("row_key") || column.equals("column_key") || column.equals("table_name")) {
                return "see “Keys of cells”";
            }
        }
        return "—";
    }

    /** The whole document. */
    public static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Data dictionary: the Delta tables of the lake\n\n");
        md.append("Generated by `io.disclosurelake.sql.DataDictionary` from `LakeSchema` (columns, types, meanings) and ")
                .append("`TemplateSpec` (rows and columns of the printed template). Do not edit by hand: run ")
                .append("`bin/disclosure-lake sql --dictionary > docs/tables.md`. `DataDictionaryTest` fails when this file ")
                .append("differs from the definitions or from the schemas of a lake written by the job.\n\n");
        md.append("Each table is a directory of its name under the lake. `disclosure-lake sql --lake DIR` and the notebooks ")
                .append("register every table as a view of the same name, then the named views listed at the end. ")
                .append("A null count means blank, unreadable or not in that template version, never 0; the reason is ")
                .append("in `cells.status` and `reports.warnings`.\n\n");
        md.append("## Tables\n\n");
        md.append("| table | key | what a row is |\n|---|---|---|\n");
        for (LakeSchema.Table t : LakeSchema.tables()) {
            md.append("| [`").append(t.name()).append("`](#").append(t.name()).append(") | ")
                    .append(code(t.key())).append(" | ").append(cell(t.comment())).append(" |\n");
        }
        md.append('\n');
        List<Column> all = columns();
        for (LakeSchema.Table t : LakeSchema.tables()) {
            md.append("## ").append(t.name()).append("\n\n").append(t.comment()).append("\n\nKey: ")
                    .append(code(t.key())).append(".\n\n");
            md.append("| column | type | nullable | meaning | unit | template source |\n|---|---|---|---|---|---|\n");
            for (Column c : all) {
                if (!c.table().equals(t.name())) continue;
                md.append("| `").append(c.name()).append("` | ").append(c.type()).append(" | ")
                        .append(c.nullable() ? "yes" : "no").append(" | ").append(cell(c.meaning())).append(" | ")
                        .append(cell(c.unit())).append(" | ").append(cell(c.templateSource())).append(" |\n");
            }
            md.append('\n');
        }
        applicationRows(md);
        cellKeys(md);
        views(md);
        return md.toString();
    }

    private static void applicationRows(StringBuilder md) {
        md.append("## Rows of applications\n\n");
        md.append("`applications.row_key` (and `cells.row_key` where `table_name = 'applications'`) is the JSON path of a ")
                .append("row of 表三 收到和处理政府信息公开申请情况; `row_order` its position in the 2021 template.\n\n");
        md.append("| row_order | row_key | printed row (2021) | in 2019 | outcome (part of （七）总计) |\n|---|---|---|---|---|\n");
        int i = 1;
        for (TemplateSpec.ApplicationRow r : TemplateSpec.APPLICATION_ROWS) {
            String printed = (r.groupLabel() != null ? r.groupLabel() + " · " : "") + r.printedLabel();
            md.append("| ").append(i++).append(" | `").append(r.key()).append("` | ").append(cell(printed)).append(" | ")
                    .append(r.in2019() ? "yes" : "no").append(" | ").append(r.isOutcome() ? "yes" : "no").append(" |\n");
        }
        md.append("\nIn a 2019 report （六）其他处理 is a single row, stored as `other.other`; ")
                .append("`other.overdue_correction` and `other.overdue_fee` are null.\n\n");
    }

    private static void cellKeys(StringBuilder md) {
        md.append("## Keys of cells\n\n");
        md.append("`cells` holds every template value in long form; `(table_name, row_key, column_key)` names the cell.\n\n");
        md.append("| table_name | row_key | column_key | printed cell |\n|---|---|---|---|\n");
        for (TemplateSpec.ActiveField a : TemplateSpec.ACTIVE_FIELDS) {
            md.append("| `").append(TemplateSpec.ACTIVE_TABLE).append("` | `").append(a.key()).append("` | `")
                    .append(TemplateSpec.ACTIVE_COLUMN_KEY).append("` | ")
                    .append(cell("表二 " + a.article() + " · " + a.rowLabel() + " · " + a.columnLabel2021()))
                    .append(" |\n");
        }
        md.append("| `").append(TemplateSpec.APPLICATIONS_TABLE).append("` | a row key of “Rows of applications” | ")
                .append(code(TemplateSpec.applicantColumnKeys())).append(" | 表三 row × applicant column |\n");
        md.append("| `").append(TemplateSpec.REVIEW_TABLE).append("` | `").append(TemplateSpec.REVIEW_ROW_KEY).append("` | ")
                .append(code(TemplateSpec.reviewColumnKeys())).append(" | 表四, the columns of `review_litigation` |\n");
        for (TemplateSpec.Active2019Field a : TemplateSpec.ACTIVE_2019_FIELDS) {
            md.append("| `").append(TemplateSpec.ACTIVE_2019_TABLE).append("` | `").append(a.key()).append("` | `")
                    .append(TemplateSpec.ACTIVE_COLUMN_KEY).append("` | ")
                    .append(cell("2019 表二 " + a.article() + " · " + a.rowLabel() + " · " + a.columnLabel()))
                    .append(a.decimal() ? " (万元)" : "").append(" |\n");
        }
        md.append("\n`cells.page` is the 1-based page of a PDF (null for formats without pages); `cells.raw_text` the text ")
                .append("as printed; `cells.status` says why a value is null (`blank`, `unreadable`, `not_in_template`).\n\n");
    }

    private static void views(StringBuilder md) {
        md.append("## Named views\n\n");
        md.append("Defined once in `src/main/resources/sql/views/NAME.sql` (one SELECT a file, the view named after the ")
                .append("file), created as temporary views by the job, by `disclosure-lake sql` and by the notebooks.\n\n");
        md.append("| view | what it answers | columns |\n|---|---|---|\n");
        for (LakeViews.ViewFile v : LakeViews.viewFiles()) {
            md.append("| `").append(v.name()).append("` | ").append(cell(description(v.sql()))).append(" | ")
                    .append(code(SqlScript.expectedColumns(v.sql()))).append(" |\n");
        }
        md.append('\n');
    }

    /** The leading comment lines of a view file, other than the expect line. */
    static String description(String sql) {
        StringBuilder d = new StringBuilder();
        for (String line : sql.split("\n")) {
            String t = line.strip();
            if (!t.startsWith("--")) break;
            if (t.toLowerCase().startsWith(SqlScript.EXPECT_MARKER)) continue;
            if (d.length() > 0) d.append(' ');
            d.append(t.substring(2).strip());
        }
        return d.toString();
    }

    private static String code(List<String> names) {
        return String.join(", ", names.stream().map(n -> "`" + n + "`").toList());
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
