package io.disclosurelake.generate;

import io.disclosurelake.spec.TemplateSpec;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * The numbers one report prints, before layout: table 三 as a 25×7 matrix in {@link TemplateSpec#APPLICATION_ROWS}
 * order, table 四 as 15 numbers, table 二 as the ten canonical fields plus the 2019-only cells. Mutable so a
 * fault can be injected; {@link #copy()} before changing a figure another year depends on.
 */
public final class ReportFigures {
    public static final List<String> ROW_KEYS = TemplateSpec.applicationRowKeys();
    public static final int ROWS = ROW_KEYS.size();
    public static final int COLS = TemplateSpec.APPLICANT_COLUMN_COUNT;
    public static final int TOTAL = TemplateSpec.TOTAL_COLUMN;

    public final long[][] app = new long[ROWS][COLS];
    public final long[] review = new long[15];
    /** Canonical active fields by {@link TemplateSpec#activeFieldKeys()} index (fee held separately). */
    public final long[] active = new long[9];
    public BigDecimal fee = BigDecimal.ZERO;
    /** Printed fee text when a FEE_UNIT fault writes 元 into the cell; null prints the number. */
    public String feeText;
    /** 2019-only cells by {@link TemplateSpec#ACTIVE_2019_FIELDS} index; the amount is {@link #procurementAmount}. */
    public final long[] active2019 = new long[TemplateSpec.ACTIVE_2019_FIELDS.size()];
    public BigDecimal procurementAmount = BigDecimal.ZERO;
    /** The number the narrative states for 共收到政府信息公开申请N件. */
    public long narrativeApplications;

    public static int row(String key) {
        int i = ROW_KEYS.indexOf(key);
        if (i < 0) throw new IllegalArgumentException(key);
        return i;
    }

    public static int activeIndex(String key) {
        return TemplateSpec.activeFieldKeys().indexOf(key);
    }

    public static int active2019Index(String key) {
        for (int i = 0; i < TemplateSpec.ACTIVE_2019_FIELDS.size(); i++)
            if (TemplateSpec.ACTIVE_2019_FIELDS.get(i).key().equals(key)) return i;
        throw new IllegalArgumentException(key);
    }

    public long active(String key) { return active[activeIndex(key)]; }
    public void setActive(String key, long v) { active[activeIndex(key)] = v; }

    public long[] row(int r) { return app[r]; }

    /** Recomputes the 总计 column of a row from the six applicant columns. */
    public void fixRowTotal(int r) {
        long s = 0;
        for (int c = 0; c < TOTAL; c++) s += app[r][c];
        app[r][TOTAL] = s;
    }

    /** Makes the 2019-format cells print what the canonical fields hold (after a fault changed them). */
    public void syncActive2019() {
        active2019[active2019Index("regulations_new")] = active("regulations_issued");
        active2019[active2019Index("regulations_total")] = active("regulations_in_force");
        active2019[active2019Index("normative_docs_new")] = active("normative_docs_issued");
        active2019[active2019Index("normative_docs_total")] = active("normative_docs_in_force");
        for (String k : new String[]{"licensing_decisions", "punishment_decisions", "coercion_decisions"})
            active2019[active2019Index(k)] = active(k);
    }

    public ReportFigures copy() {
        ReportFigures f = new ReportFigures();
        for (int r = 0; r < ROWS; r++) f.app[r] = app[r].clone();
        System.arraycopy(review, 0, f.review, 0, 15);
        System.arraycopy(active, 0, f.active, 0, active.length);
        System.arraycopy(active2019, 0, f.active2019, 0, active2019.length);
        f.fee = fee;
        f.feeText = feeText;
        f.procurementAmount = procurementAmount;
        f.narrativeApplications = narrativeApplications;
        return f;
    }

    /** Same printed tables (used to avoid accidental year-to-year copies). */
    public boolean sameTables(ReportFigures o) {
        // the fee is left out: a 2019-format year does not print it, so two years can look identical without it
        return Arrays.deepEquals(app, o.app) && Arrays.equals(review, o.review) && Arrays.equals(active, o.active);
    }
}
