package io.disclosurelake.generate;

import io.disclosurelake.spec.TemplateSpec.Version;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

/**
 * Draws a body's figures for one year so that every sum rule of docs/rules.md holds by construction and the
 * year follows the previous one: 上年结转 = last year's 结转下年度, 现行有效 carried forward.
 */
public final class FigureModel {
    private FigureModel() {}

    /** Expected new applications for a body of this size. */
    static int scale(Body b, SplittableRandom rnd) {
        return switch (b.size()) {
            case TINY -> rnd.nextInt(0, 3);
            case SMALL -> rnd.nextInt(2, 40);
            case MEDIUM -> rnd.nextInt(40, 400);
            case LARGE -> rnd.nextInt(1200, 3600);
        };
    }

    public static ReportFigures next(Body body, ReportFigures prev, int year, Version version, SplittableRandom rnd) {
        ReportFigures f = new ReportFigures();
        int C = ReportFigures.COLS, T = ReportFigures.TOTAL;
        int rNew = ReportFigures.row("new"), rCo = ReportFigures.row("carried_over");
        int rTotal = ReportFigures.row("total"), rCf = ReportFigures.row("carried_forward");
        int n = scale(body, rnd);
        // new applications by applicant: mostly natural persons
        double[] share = {0.78, 0.12, 0.01, 0.02, 0.04, 0.03};
        for (int c = 0; c < T; c++) {
            double mean = n * share[c] * (0.6 + 0.8 * rnd.nextDouble());
            f.app[rNew][c] = c == 0 ? Math.round(mean) : (mean < 1 ? (rnd.nextDouble() < mean ? 1 : 0) : Math.round(mean));
        }
        for (int c = 0; c < T; c++) {
            if (prev != null) f.app[rCo][c] = Math.max(0, prev.app[rCf][c]);
            else f.app[rCo][c] = body.size() == Body.Size.TINY ? 0 : Math.round(f.app[rNew][c] * 0.05 * rnd.nextDouble());
        }
        boolean v2019Rows = version == Version.V2019;
        String[] outcomes = ReportFigures.ROW_KEYS.stream().filter(k -> io.disclosurelake.spec.TemplateSpec.applicationRow(k).isOutcome())
                .filter(k -> !(v2019Rows && (k.equals("other.overdue_correction") || k.equals("other.overdue_fee"))))
                .toArray(String[]::new);
        double[] w = new double[outcomes.length];
        for (int i = 0; i < outcomes.length; i++) {
            String k = outcomes[i];
            double base = switch (k) {
                case "disclosed" -> 50;
                case "partially_disclosed" -> 8;
                case "unable_to_provide.not_held" -> 18;
                case "not_processed.petition_complaint" -> 5;
                case "not_processed.repeated" -> 3;
                case "other.other" -> 4;
                default -> 1;
            };
            w[i] = rnd.nextDouble() < 0.35 && base == 1 ? 0 : base * (0.5 + rnd.nextDouble());
        }
        for (int c = 0; c < T; c++) {
            long avail = f.app[rNew][c] + f.app[rCo][c];
            long cf = avail == 0 ? 0 : Math.round(avail * 0.08 * rnd.nextDouble());
            f.app[rCf][c] = cf;
            long closed = avail - cf;
            f.app[rTotal][c] = closed;
            distribute(f, outcomes, w, c, closed, rnd);
        }
        for (int r = 0; r < ReportFigures.ROWS; r++) f.fixRowTotal(r);

        // table 四: review and litigation
        int cases = switch (body.size()) {
            case TINY -> rnd.nextDouble() < 0.8 ? 0 : 1;
            case SMALL -> rnd.nextInt(0, 4);
            case MEDIUM -> rnd.nextInt(0, 30);
            case LARGE -> rnd.nextInt(150, 380);
        };
        for (int g = 0; g < 3; g++) {
            long total = g == 0 ? cases : Math.round(cases * (g == 1 ? 0.09 : 0.06) * (0.5 + rnd.nextDouble()));
            long corrected = Math.round(total * 0.2 * rnd.nextDouble());
            long pending = Math.round((total - corrected) * 0.15 * rnd.nextDouble());
            long other = Math.round((total - corrected - pending) * 0.1 * rnd.nextDouble());
            long upheld = total - corrected - pending - other;
            f.review[g * 5] = upheld; f.review[g * 5 + 1] = corrected; f.review[g * 5 + 2] = other;
            f.review[g * 5 + 3] = pending; f.review[g * 5 + 4] = total;
        }

        // table 二
        boolean repealAllowed = version != Version.V2019;
        long regIssued = 0, regRepealed = 0, regInForce = 0;
        if (body.canMakeRegulations()) {
            long prevInForce = prev != null ? prev.active("regulations_in_force") : rnd.nextInt(20, 180);
            regIssued = rnd.nextInt(0, 6);
            regRepealed = repealAllowed ? Math.min(prevInForce, rnd.nextInt(0, 3)) : 0;
            regInForce = prevInForce + regIssued - regRepealed;
        }
        f.setActive("regulations_issued", regIssued);
        f.setActive("regulations_repealed", regRepealed);
        f.setActive("regulations_in_force", regInForce);
        long prevDocs = prev != null ? prev.active("normative_docs_in_force")
                : (body.size() == Body.Size.TINY ? rnd.nextInt(0, 3) : rnd.nextInt(5, 300));
        long docsIssued = body.size() == Body.Size.TINY ? rnd.nextInt(0, 2) : rnd.nextInt(0, 40);
        long docsRepealed = repealAllowed ? Math.min(prevDocs, rnd.nextInt(0, 8)) : 0;
        f.setActive("normative_docs_issued", docsIssued);
        f.setActive("normative_docs_repealed", docsRepealed);
        f.setActive("normative_docs_in_force", prevDocs + docsIssued - docsRepealed);
        long dec = switch (body.size()) { case TINY -> 3; case SMALL -> 60; case MEDIUM -> 800; case LARGE -> 6000; };
        f.setActive("licensing_decisions", rnd.nextLong(0, dec + 1));
        f.setActive("punishment_decisions", rnd.nextLong(0, dec + 1));
        f.setActive("coercion_decisions", rnd.nextLong(0, dec / 10 + 2));
        f.fee = rnd.nextDouble() < 0.6 ? BigDecimal.ZERO
                : BigDecimal.valueOf(rnd.nextLong(1, body.size() == Body.Size.LARGE ? 400000 : 30000), 2).setScale(2, RoundingMode.UNNECESSARY);
        if (f.fee.signum() == 0) f.fee = BigDecimal.ZERO;

        // 2019-only cells: new = issued, published ≈ new, total = in force
        set19(f, "regulations_new", regIssued);
        set19(f, "regulations_published", regIssued);
        set19(f, "regulations_total", regInForce);
        set19(f, "normative_docs_new", docsIssued);
        set19(f, "normative_docs_published", docsIssued);
        set19(f, "normative_docs_total", f.active("normative_docs_in_force"));
        for (String k : new String[]{"licensing", "other_services", "punishment", "coercion", "fees"}) {
            long items = body.size() == Body.Size.TINY ? rnd.nextInt(0, 5) : rnd.nextInt(5, 400);
            set19(f, k + "_previous_items", items);
            set19(f, k + "_change", rnd.nextDouble() < 0.7 ? 0 : rnd.nextInt(0, 20));
        }
        set19(f, "licensing_decisions", f.active("licensing_decisions"));
        set19(f, "other_services_decisions", rnd.nextLong(0, dec + 1));
        set19(f, "punishment_decisions", f.active("punishment_decisions"));
        set19(f, "coercion_decisions", f.active("coercion_decisions"));
        long proc = body.size() == Body.Size.TINY ? rnd.nextInt(0, 3) : rnd.nextInt(1, 500);
        set19(f, "procurement_items", proc);
        f.procurementAmount = proc == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(rnd.nextLong(100, 90_000_000), 2);

        if (prev != null && f.sameTables(prev)) f.setActive("licensing_decisions", prev.active("licensing_decisions") + 1);
        if (prev != null) set19(f, "licensing_decisions", f.active("licensing_decisions"));
        f.narrativeApplications = f.app[rNew][T];
        return f;
    }

    private static void set19(ReportFigures f, String key, long v) {
        f.active2019[ReportFigures.active2019Index(key)] = v;
    }

    private static void distribute(ReportFigures f, String[] rows, double[] w, int c, long amount, SplittableRandom rnd) {
        double sum = 0;
        for (double x : w) sum += x;
        long left = amount;
        for (int i = 0; i < rows.length && left > 0; i++) {
            long share = i == rows.length - 1 ? left : Math.min(left, (long) Math.floor(amount * w[i] / sum * (0.8 + 0.4 * rnd.nextDouble())));
            f.app[ReportFigures.row(rows[i])][c] += share;
            left -= share;
        }
        if (left > 0) f.app[ReportFigures.row("disclosed")][c] += left;
    }
}
