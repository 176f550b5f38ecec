package io.disclosurelake.rank;

/**
 * Whether a body is a government publishing its own (本级) report — deadline 31 March — or a department
 * of a government — deadline 31 January (条例 Art. 49, docs/template.md §1). Told from the org name: a
 * 人民政府 (or 行政公署), or its 办公室/办公厅 that publishes the government's report, is a government;
 * 局, 委, 办 and every other body is a department.
 */
public enum BodyKind {
    GOVERNMENT("government", 4), DEPARTMENT("department", 2);

    public final String id;
    /** Month (1 of the month, 00:00, next year) at which the deadline has passed. */
    public final int deadlineMonth;

    BodyKind(String id, int deadlineMonth) { this.id = id; this.deadlineMonth = deadlineMonth; }

    private static final String[] GOVERNMENT_ENDINGS = {"人民政府", "人民政府办公室", "人民政府办公厅", "行政公署", "政府办公室", "政府办公厅"};

    public static BodyKind of(String org) {
        if (org == null) return DEPARTMENT;
        String n = org.replaceAll("[\\s\\u3000]", "");
        // the government's own report is sometimes titled "…人民政府（本级）"
        n = n.replaceAll("[（(]本级[)）]$", "");
        for (String e : GOVERNMENT_ENDINGS) if (n.endsWith(e)) return GOVERNMENT;
        return DEPARTMENT;
    }

    /** The kind's id (government | department) for an org name; the Spark UDF {@code body_kind}. */
    public static String idOf(String org) { return of(org).id; }
}
