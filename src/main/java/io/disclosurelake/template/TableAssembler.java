package io.disclosurelake.template;

import io.disclosurelake.spec.TemplateSpec;
import io.disclosurelake.model.Cell;
import io.disclosurelake.model.Report;
import io.disclosurelake.spec.TemplateSpec.Version;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts located tables into a report's canonical fields for the detected template version, including the
 * 2019 mapping of docs/report-json.md: {@code *_issued} ← 本年新制作数量, {@code *_in_force} ← 对外公开总数量,
 * {@code *_repealed} and the fee not in the template; decisions ← 处理决定数量; the single （六）其他处理 row
 * → {@code other.other} with {@code other.overdue_*} not in the template; every 2019 cell also in
 * {@code active_2019}. A row or cell the document lacks is left absent (never 0).
 */
public final class TableAssembler {
    private TableAssembler() {}

    /** Fills the report and returns the missing parts (for warnings and INCOMPLETE_TABLE). */
    public static List<String> assemble(MatchedTables m, Version version, Report report) {
        List<String> missing = new ArrayList<>();
        boolean v2019 = version == Version.V2019;
        boolean any2019Column = m.active.keySet().stream().anyMatch(k -> is2019Column(k.substring(k.indexOf('|') + 1)));
        boolean layout2019 = v2019 || (version != Version.V2021 && any2019Column);

        if (m.hasActive()) {
            for (TemplateSpec.ActiveField f : TemplateSpec.ACTIVE_FIELDS) {
                Cell c = null;
                if (!v2019) c = m.active.get(MatchedTables.activeKey(f.rowLabel(), canonicalColumn(f.columnLabel2021())));
                if (c == null && layout2019 && f.columnLabel2019() != null)
                    c = m.active.get(MatchedTables.activeKey(canonicalRow(f.rowLabel()), canonicalColumn(f.columnLabel2019())));
                if (c != null) report.putActive(rekey(c, TemplateSpec.ACTIVE_TABLE, f.key(), TemplateSpec.ACTIVE_COLUMN_KEY));
                else if (layout2019 && f.columnLabel2019() == null && (v2019 || !m.active.containsKey(
                        MatchedTables.activeKey(f.rowLabel(), canonicalColumn(f.columnLabel2021())))))
                    report.putActive(Cell.notInTemplate(TemplateSpec.ACTIVE_TABLE, f.key(), TemplateSpec.ACTIVE_COLUMN_KEY));
                else missing.add("table 二 " + f.key());
            }
            if (layout2019) {
                for (TemplateSpec.Active2019Field f : TemplateSpec.ACTIVE_2019_FIELDS) {
                    Cell c = m.active.get(MatchedTables.activeKey(canonicalRow(f.rowLabel()), canonicalColumn(f.columnLabel())));
                    if (c != null) report.putActive2019(rekey(c, TemplateSpec.ACTIVE_2019_TABLE, f.key(), TemplateSpec.ACTIVE_COLUMN_KEY));
                }
            }
        } else {
            missing.add("table 二");
        }

        if (m.hasApplications()) {
            boolean singleOther = v2019 || m.singleOtherRow;
            for (TemplateSpec.ApplicationRow r : TemplateSpec.APPLICATION_ROWS) {
                Cell[] cells = m.applications.get(r.key());
                if (cells == null && singleOther && !r.in2019()) {
                    cells = new Cell[7];
                    for (int i = 0; i < 7; i++)
                        cells[i] = Cell.notInTemplate(TemplateSpec.APPLICATIONS_TABLE, r.key(), TemplateSpec.applicantColumnKeys().get(i));
                }
                if (cells == null) { missing.add("table 三 " + r.key()); continue; }
                Cell[] keyed = new Cell[7];
                for (int i = 0; i < 7; i++)
                    keyed[i] = rekey(cells[i], TemplateSpec.APPLICATIONS_TABLE, r.key(), TemplateSpec.applicantColumnKeys().get(i));
                report.putApplicationRow(r.key(), keyed);
            }
        } else {
            missing.add("table 三");
        }

        if (m.hasReview()) {
            for (int i = 0; i < 15; i++) report.putReview(i, m.review[i]);
        } else {
            missing.add("table 四");
        }
        return missing;
    }

    static Cell rekey(Cell c, String table, String row, String col) {
        return c.rekeyed(table, row, col);
    }

    static String canonicalRow(String label) {
        String r = TemplateLabels.activeRow(label);
        return r == null ? label : r;
    }

    static String canonicalColumn(String label) {
        String c = TemplateLabels.activeColumn(label);
        return c == null ? label : c;
    }

    /** A column only the 2019 table prints (处理决定数量 is in both and decides nothing). */
    private static boolean is2019Column(String canonical) {
        for (TemplateSpec.Active2019Field f : TemplateSpec.ACTIVE_2019_FIELDS)
            if (canonicalColumn(f.columnLabel()).equals(canonical) && !canonical.equals(canonicalColumn("处理决定数量"))) return true;
        return false;
    }
}
