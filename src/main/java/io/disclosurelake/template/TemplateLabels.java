package io.disclosurelake.template;

import io.disclosurelake.spec.TemplateSpec;
import io.disclosurelake.spec.TemplateSpec.ApplicationRow;

import java.util.List;
import java.util.Map;

/** Recognises printed labels as template rows, columns, groups and sections — all from {@link TemplateSpec}. */
public final class TemplateLabels {
    private TemplateLabels() {}

    private static final List<String> TOP_LEVEL = List.of("new", "carried_over", "disclosed", "partially_disclosed",
            "total", "carried_forward");

    /** The canonical table 二 row label (TemplateSpec.ACTIVE_ROW_LABELS) a printed label names, or null. */
    public static String activeRow(String printed) {
        String core = LabelNormalizer.core(printed);
        if (core.isEmpty()) return null;
        String best = null;
        int bestLen = 0;
        for (TemplateSpec.ActiveRowLabel l : TemplateSpec.ACTIVE_ROW_LABELS)
            for (String k : l.keywords()) {
                String nk = LabelNormalizer.keyword(k);
                if (core.contains(nk) && nk.length() > bestLen) { best = l.label(); bestLen = nk.length(); }
            }
        // a row label is short; a sentence that mentions 行政许可 is not one
        return best != null && core.length() <= 16 ? best : null;
    }

    /** The canonical table 二 column label a printed header names, or null. */
    public static String activeColumn(String printed) {
        String core = LabelNormalizer.core(printed);
        for (TemplateSpec.ActiveColumnLabel l : TemplateSpec.ACTIVE_COLUMN_LABELS)
            for (String k : l.keywords()) if (core.contains(LabelNormalizer.keyword(k))) return l.label();
        return null;
    }

    /** The outcome group whose heading the printed label is (（三）不予公开 …), or null. */
    public static String outcomeGroup(String printed) {
        String n = LabelNormalizer.normalize(printed);
        // a group heading set vertically may leave its number alone in a cell: （三）
        for (TemplateSpec.OutcomeGroup g : TemplateSpec.OUTCOME_GROUPS)
            if (n.equals(LabelNormalizer.keyword(g.number()))) return g.key();
        String core = LabelNormalizer.core(printed);
        if (core.length() > 8) return null;
        for (Map.Entry<String, List<String>> e : TemplateSpec.OUTCOME_GROUP_KEYWORDS.entrySet())
            for (String k : e.getValue()) if (core.startsWith(LabelNormalizer.keyword(k))) return e.getKey();
        return null;
    }

    /** A top-level row of table 三 (一、二、（一）（二）（七）四、) the label names, or null. */
    public static String topLevelRow(String printed) {
        String core = LabelNormalizer.core(printed);
        for (String key : TOP_LEVEL) {
            ApplicationRow r = TemplateSpec.applicationRow(key);
            for (String k : r.keywords()) {
                String nk = LabelNormalizer.keyword(k);
                boolean hit = key.equals("total") ? core.equals(nk) || (core.startsWith(nk) && core.length() <= 4)
                        : core.contains(nk);
                if (hit) return key;
            }
        }
        return null;
    }

    /**
     * A row of an outcome group the label names. With {@code group} known, only that group's rows are
     * candidates; without it, only keywords that name one row of the whole table (never the bare 其他).
     */
    public static String groupRow(String printed, String group) {
        String core = LabelNormalizer.core(printed);
        if (core.isEmpty()) return null;
        for (ApplicationRow r : TemplateSpec.APPLICATION_ROWS) {
            if (r.group() == null || (group != null && !group.equals(r.group()))) continue;
            for (String k : r.keywords()) {
                String nk = LabelNormalizer.keyword(k);
                if (nk.equals("其他")) {
                    if (group != null && core.startsWith(nk) && core.length() <= 4) return r.key();
                } else if (core.contains(nk)) return r.key();
            }
        }
        return null;
    }

    /** The applicant column (0–6) a header cell names exactly, or −1. */
    public static int applicantColumn(String printed) {
        String core = LabelNormalizer.core(printed);
        for (int i = 0; i < TemplateSpec.APPLICANT_COLUMNS.size(); i++)
            if (core.equals(LabelNormalizer.keyword(TemplateSpec.APPLICANT_COLUMNS.get(i).label()))) return i;
        return -1;
    }

    /** The section (a key of TemplateSpec.SECTION_HEADINGS) a heading line names, or null. */
    public static String section(String printed) {
        String core = LabelNormalizer.stripNumbering(LabelNormalizer.normalizeHeading(printed));
        if (core.length() > 40) return null;
        for (Map.Entry<String, List<String>> e : TemplateSpec.SECTION_HEADINGS.entrySet())
            for (String v : e.getValue()) {
                String nv = LabelNormalizer.keyword(v);
                if (core.startsWith(nv) || (core.contains(nv) && core.length() <= nv.length() + 8)) return e.getKey();
            }
        return null;
    }

    public static boolean containsAny(String printed, List<String> keywords) {
        String n = LabelNormalizer.normalize(printed);
        for (String k : keywords) if (n.contains(LabelNormalizer.keyword(k))) return true;
        return false;
    }
}
