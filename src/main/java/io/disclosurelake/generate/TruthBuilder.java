package io.disclosurelake.generate;

import io.disclosurelake.model.Cell;
import io.disclosurelake.model.DocumentInfo;
import io.disclosurelake.model.Report;
import io.disclosurelake.spec.TemplateSpec;
import io.disclosurelake.spec.TemplateSpec.Version;

import java.math.BigDecimal;
import java.util.Set;

/**
 * The truth of a generated report as a {@link Report}: what an ideal extractor reads from the printed
 * document. Zeros printed blank or as a dash are BLANK (null); cells a version does not print are
 * NOT_IN_TEMPLATE; cells whose glued digits admit several splits are UNREADABLE.
 */
public final class TruthBuilder {
    private TruthBuilder() {}

    public static Report build(ReportLayout.Spec s, DocumentInfo doc, Set<String> unreadable) {
        Report r = new Report(doc);
        Body b = s.body();
        r.setOrg(b.name());
        r.setRegion(b.region());
        r.setYear(s.year());
        r.setTemplate(s.version());
        r.setReportScope("body");
        r.setTitle(b.name() + s.year() + "年政府信息公开工作年度报告");
        ReportFigures f = s.fig();
        QuirkSet q = s.quirks();
        String AT = TemplateSpec.ACTIVE_TABLE, COL = TemplateSpec.ACTIVE_COLUMN_KEY;

        if (s.version() == Version.V2019) {
            for (TemplateSpec.ActiveField a : TemplateSpec.ACTIVE_FIELDS) {
                String src = switch (a.key()) {
                    case "regulations_issued" -> "regulations_new";
                    case "regulations_in_force" -> "regulations_total";
                    case "normative_docs_issued" -> "normative_docs_new";
                    case "normative_docs_in_force" -> "normative_docs_total";
                    case "licensing_decisions", "punishment_decisions", "coercion_decisions" -> a.key();
                    default -> null;
                };
                if (src == null) r.putActive(Cell.notInTemplate(AT, a.key(), COL));
                else r.putActive(cell(AT, a.key(), COL, BigDecimal.valueOf(f.active2019[ReportFigures.active2019Index(src)]),
                        "active_2019/" + src, unreadable));
            }
            for (TemplateSpec.Active2019Field a : TemplateSpec.ACTIVE_2019_FIELDS) put2019(r, a, f, unreadable);
        } else {
            for (TemplateSpec.ActiveField a : TemplateSpec.ACTIVE_FIELDS) {
                BigDecimal v = a.decimal() ? f.fee : BigDecimal.valueOf(f.active(a.key()));
                r.putActive(cell(AT, a.key(), COL, v, "active/" + a.key(), unreadable));
            }
            if (s.version() == Version.HYBRID)
                for (TemplateSpec.Active2019Field a : TemplateSpec.ACTIVE_2019_FIELDS)
                    if (a.key().startsWith("procurement")) put2019(r, a, f, unreadable);
        }

        boolean rows2019 = s.version() == Version.V2019;
        for (TemplateSpec.ApplicationRow row : TemplateSpec.APPLICATION_ROWS) {
            Cell[] cells = new Cell[7];
            int ri = ReportFigures.row(row.key());
            for (int c = 0; c < 7; c++) {
                String colKey = TemplateSpec.APPLICANT_COLUMNS.get(c).key();
                if (rows2019 && !row.in2019()) cells[c] = Cell.notInTemplate(TemplateSpec.APPLICATIONS_TABLE, row.key(), colKey);
                else cells[c] = countCell(TemplateSpec.APPLICATIONS_TABLE, row.key(), colKey, f.app[ri][c], q,
                        "applications/" + row.key() + "/" + c, unreadable);
            }
            r.putApplicationRow(row.key(), cells);
        }
        var reviewKeys = TemplateSpec.reviewColumnKeys();
        for (int i = 0; i < 15; i++)
            r.putReview(i, countCell(TemplateSpec.REVIEW_TABLE, TemplateSpec.REVIEW_ROW_KEY, reviewKeys.get(i), f.review[i], q,
                    "review/" + i, unreadable));
        boolean anyUnreadable = r.allCells().stream().anyMatch(c -> c.status() == io.disclosurelake.model.CellStatus.UNREADABLE);
        if (anyUnreadable) {
            r.setStatus(Report.PARTIAL);
            r.addWarning("glued digits: some table cells admit several splits and are unreadable");
        }
        return r;
    }

    private static void put2019(Report r, TemplateSpec.Active2019Field a, ReportFigures f, Set<String> unreadable) {
        BigDecimal v = a.decimal() ? f.procurementAmount : BigDecimal.valueOf(f.active2019[ReportFigures.active2019Index(a.key())]);
        r.putActive2019(cell(TemplateSpec.ACTIVE_2019_TABLE, a.key(), TemplateSpec.ACTIVE_COLUMN_KEY, v, "active_2019/" + a.key(), unreadable));
    }

    private static Cell cell(String table, String row, String col, BigDecimal v, String address, Set<String> unreadable) {
        if (unreadable.contains(address)) return Cell.unreadable(table, row, col, null, null);
        return Cell.value(table, row, col, v, null, null);
    }

    private static Cell countCell(String table, String row, String col, long v, QuirkSet q, String address, Set<String> unreadable) {
        if (unreadable.contains(address)) return Cell.unreadable(table, row, col, null, null);
        if (v == 0 && q.zerosMissing()) return Cell.blank(table, row, col, q.has(Quirk.BLANK_ZEROS) ? "" : q.dash, null);
        return Cell.value(table, row, col, BigDecimal.valueOf(v), null, null);
    }
}
