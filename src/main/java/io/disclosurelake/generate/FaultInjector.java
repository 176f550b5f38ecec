package io.disclosurelake.generate;

import io.disclosurelake.spec.TemplateSpec;
import io.disclosurelake.spec.TemplateSpec.Version;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Perturbs a year's figures so that exactly one rule breaks (a copied report may also break the continuity
 * rules it happens to break; those are recorded too). Each perturbation is designed so the other rules still hold.
 */
public final class FaultInjector {
    private FaultInjector() {}

    /** Context a fault needs: the previous year's printed figures if that report is in the corpus and readable. */
    public record Context(Body body, Version version, ReportFigures previousReadable, boolean lastOfSeries) {}

    public static boolean applicable(Fault f, ReportFigures fig, Context ctx) {
        return switch (f) {
            case APP_ROW_TOTAL -> donorCell(fig) != null;
            case FEE_UNIT -> ctx.version() != Version.V2019;
            case CARRY_OVER_CONTINUITY -> ctx.previousReadable() != null;
            // the 2019 template prints no 本年废止件数: the rule cannot be checked on such a report
            case IN_FORCE_CONTINUITY -> ctx.previousReadable() != null && ctx.version() != Version.V2019;
            case DUPLICATE_OF_PREVIOUS_YEAR -> ctx.previousReadable() != null;
            case REGULATIONS_BY_NON_LEGISLATOR -> !ctx.body().isGovernment() && ctx.lastOfSeries()
                    && ctx.version() != Version.V2019 && fig.active("regulations_in_force") == 0;
            default -> true;
        };
    }

    /**
     * Applies the fault; returns the figures as printed (a new object for a duplicate) and the rule ids broken.
     */
    public static ReportFigures inject(Fault f, ReportFigures fig, Context ctx, SplittableRandom rnd, List<String> faults) {
        int T = ReportFigures.TOTAL;
        int d = rnd.nextInt(1, 4);
        switch (f) {
            case APP_BALANCE -> {
                int c = rnd.nextInt(0, T);
                int r = ReportFigures.row("carried_forward");
                fig.app[r][c] += d;
                fig.fixRowTotal(r);
            }
            case APP_ROW_TOTAL -> {
                // move d between two outcome rows in one applicant column: column sums hold, two row totals break
                int[] donor = donorCell(fig);
                int c = donor[1];
                d = (int) Math.min(d, fig.app[donor[0]][c]);
                int receiver = ReportFigures.row(donor[0] == ReportFigures.row("disclosed") ? "partially_disclosed" : "disclosed");
                fig.app[donor[0]][c] -= d;
                fig.app[receiver][c] += d;
            }
            case APP_OUTCOME_SUM -> {
                int c = rnd.nextInt(0, T);
                int r = ReportFigures.row(rnd.nextBoolean() ? "disclosed" : "unable_to_provide.not_held");
                fig.app[r][c] += d;
                fig.fixRowTotal(r);
            }
            case REVIEW_TOTAL -> fig.review[4] += d;
            case LITIGATION_DIRECT_TOTAL -> fig.review[9] += d;
            case LITIGATION_AFTER_REVIEW_TOTAL -> fig.review[14] += d;
            case NON_NEGATIVE -> fig.setActive("coercion_decisions", -d);
            case FEE_UNIT -> {
                // the amount in 元 written where 万元 is asked: ≥ 10000 and sometimes with the unit in the cell
                long yuan = rnd.nextLong(10_000, 90_000);
                fig.fee = BigDecimal.valueOf(yuan);
                if (rnd.nextBoolean()) fig.feeText = yuan + "元";
            }
            case TEXT_TABLE_MISMATCH -> {
                long n = fig.app[ReportFigures.row("new")][T];
                long total = fig.app[ReportFigures.row("total")][T];
                long cf = fig.app[ReportFigures.row("carried_forward")][T];
                long co = fig.app[ReportFigures.row("carried_over")][T];
                long claim = n + d;
                while (claim == n || claim == total || claim == total - cf || claim == n + co || claim == total + cf) claim += 1;
                fig.narrativeApplications = claim;
            }
            case CARRY_OVER_CONTINUITY -> {
                // carried over differs from last year's carried forward; balance kept by carrying the difference on
                int c = rnd.nextInt(0, T);
                fig.app[ReportFigures.row("carried_over")][c] += d;
                fig.app[ReportFigures.row("carried_forward")][c] += d;
                fig.fixRowTotal(ReportFigures.row("carried_over"));
                fig.fixRowTotal(ReportFigures.row("carried_forward"));
            }
            case IN_FORCE_CONTINUITY -> fig.setActive("normative_docs_in_force", fig.active("normative_docs_in_force") + d);
            case REGULATIONS_BY_NON_LEGISLATOR -> {
                fig.setActive("regulations_issued", d);
                fig.setActive("regulations_in_force", d);
            }
            case DUPLICATE_OF_PREVIOUS_YEAR -> {
                ReportFigures copy = ctx.previousReadable().copy();
                faults.add(f.name());
                faults.addAll(continuityBreaks(ctx.previousReadable(), copy, ctx.version()));
                return copy;
            }
        }
        faults.add(f.name());
        return fig;
    }

    /** Continuity rules that {@code cur} breaks against {@code prev} (used for copied reports). */
    static List<String> continuityBreaks(ReportFigures prev, ReportFigures cur, Version version) {
        List<String> out = new ArrayList<>();
        int co = ReportFigures.row("carried_over"), cf = ReportFigures.row("carried_forward");
        for (int c = 0; c < ReportFigures.COLS; c++) {
            if (cur.app[co][c] != prev.app[cf][c]) { out.add(Fault.CARRY_OVER_CONTINUITY.name()); break; }
        }
        for (String k : version == Version.V2019 ? new String[0] : new String[]{"regulations", "normative_docs"}) {
            if (cur.active(k + "_in_force") != prev.active(k + "_in_force") + cur.active(k + "_issued") - cur.active(k + "_repealed")) {
                out.add(Fault.IN_FORCE_CONTINUITY.name());
                break;
            }
        }
        return out;
    }

    /** An outcome cell (row, applicant column) holding at least 1, to move counts away from. */
    private static int[] donorCell(ReportFigures fig) {
        for (int r = 0; r < ReportFigures.ROWS; r++) {
            if (!TemplateSpec.applicationRow(ReportFigures.ROW_KEYS.get(r)).isOutcome()) continue;
            for (int c = 0; c < ReportFigures.TOTAL; c++) if (fig.app[r][c] > 0) return new int[]{r, c};
        }
        return null;
    }
}
