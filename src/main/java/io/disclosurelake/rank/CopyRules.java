package io.disclosurelake.rank;

import io.disclosurelake.lake.CurrentReports;
import io.disclosurelake.lake.JoinKeys;
import io.disclosurelake.lake.LakeSchema;
import io.disclosurelake.lake.LakeTables;
import io.disclosurelake.lake.ViolationCounts;
import io.disclosurelake.spec.RuleBook;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.*;

/**
 * The copy step of the gold layer: {@code similar_reports} from the lake's reports ({@link SimilarReports}),
 * and the rows of the lake-wide warnings {@link RuleBook#COPY_FROM_OTHER_BODY} and
 * {@link RuleBook#OTHER_BODY_NAME_LEFT} in {@code rule_violations} made equal to it (one commit each, none when
 * nothing changed), for the years a night touched. Runs before the ranking, which reads both (docs/rules.md, docs/metrics.md).
 */
public final class CopyRules {
    private CopyRules() {}

    /** Rebuilds similar_reports and the two warnings for every year; returns summary lines. */
    public static List<String> refresh(LakeTables lake, SimilarReports.Settings settings) {
        return refresh(lake, settings, null);
    }

    /**
     * Rebuilds similar_reports and the two warnings for the report years a night touched ({@code years}: the year
     * of every report it wrote and the year after; null, or a lake without similar_reports, is every year). A
     * year's pairs compare its current reports with each other and with the previous year's
     * ({@link SimilarReports}, common wording counted per year), so the reports of those years and the years before
     * them are read, and only the touched years' rows are replaced: the same rows as a whole rebuild. Retired
     * reports are left out (lake/CurrentReports). Returns summary lines.
     */
    public static List<String> refresh(LakeTables lake, SimilarReports.Settings settings, java.util.Collection<Integer> years) {
        long t0 = System.nanoTime();
        Dataset<Row> all = lake.read(LakeSchema.REPORTS);
        if (!List.of(all.columns()).contains(LakeSchema.NARRATIVE_TEXT)) return new ArrayList<>();
        Dataset<Row> reports = CurrentReports.of(all);
        boolean scoped = years != null && lake.hasLog(LakeSchema.SIMILAR_REPORTS);
        Dataset<Row> similar;
        Dataset<Row> rules = all.sparkSession()
                .createDataset(RuleBook.LAKE_WIDE_RULES, Encoders.STRING()).toDF(LakeSchema.RULE);
        Dataset<Row> warnings;
        SimilarReports.Years judged;
        if (!scoped) {
            judged = SimilarReports.years(reports, settings);
            if (judged.judged().isEmpty() && !lake.hasLog(LakeSchema.SIMILAR_REPORTS) && lake.created().contains(LakeSchema.RULE_VIOLATIONS)) {
                // Nothing to judge on a lake never judged (rule_violations made by this night: a first night): no
                // pair, and no copy warning to remove. The table is created empty (one commit) and rule_violations
                // and report_metrics are not touched. (A lake that lost similar_reports takes the full path, which
                // removes warnings it may still hold.)
                lake.ensure(List.of(LakeSchema.SIMILAR_REPORTS));
                return summary(0, null, "unchanged", "unchanged", judged, settings, t0);
            }
            similar = SimilarReports.find(reports, settings, judged);
            lake.overwrite(LakeSchema.SIMILAR_REPORTS, similar);
            warnings = violations(similar);
        } else {
            if (years.isEmpty()) return new ArrayList<>();
            java.util.Set<Integer> read = new java.util.TreeSet<>(years);
            for (int y : years) read.add(y - 1);
            Object[] touched = years.toArray();
            Dataset<Row> compared = reports.where(col(LakeSchema.YEAR).isin(read.toArray()));
            judged = SimilarReports.years(compared, settings);
            similar = SimilarReports.find(compared, settings, judged)
                    .where(col(LakeSchema.YEAR).isin(touched)).localCheckpoint(true);
            lake.replaceYears(LakeSchema.SIMILAR_REPORTS, similar, years);
            // The warnings sit on reports of the pair's year: those of other years stay as the lake has them.
            Dataset<Row> ofTouchedYears = all.where(col(LakeSchema.YEAR).isin(touched)).select(LakeSchema.REPORT_ID);
            Dataset<Row> kept = lake.read(LakeSchema.RULE_VIOLATIONS).where(col(LakeSchema.RULE).isin(RuleBook.LAKE_WIDE_RULES.toArray()))
                    .join(ofTouchedYears, JoinKeys.of(LakeSchema.REPORT_ID), "left_anti");
            warnings = kept.unionByName(violations(similar));
        }
        LakeTables.SyncResult r = lake.sync(LakeSchema.RULE_VIOLATIONS, warnings, LakeSchema.RULE, rules);
        LakeTables.SyncResult m = r.action().equals("unchanged") ? r
                : refreshCounts(lake, scoped ? reports.where(col(LakeSchema.YEAR).isin(years.toArray())) : reports);
        return summary(similar.count(), scoped ? years : null, r.action(), m.action(), judged, settings, t0);
    }

    /** The step's summary lines: pairs found ({@code years}: the years rebuilt, null for all), what was written, years not judged. */
    private static List<String> summary(long pairs, java.util.Collection<Integer> years, String warnings, String counts,
                                        SimilarReports.Years judged, SimilarReports.Settings settings, long t0) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("copies: %d similar pair(s) in similar_reports%s, warnings %s, counts %s, in %.1f s", pairs,
                years != null ? " of the years " + years : "", warnings, counts, (System.nanoTime() - t0) / 1e9));
        if (!judged.notJudged().isEmpty())
            lines.add(String.format("copies: not judged, fewer than %d narratives (copies.min_reports_per_year): %s",
                    settings.minReports(), judged.describeNotJudged()));
        return lines;
    }

    /**
     * The violation counts in report_metrics of {@code reports} (their warnings just changed) from their one
     * definition (lake/ViolationCounts), their other rows as they are: the counts the job wrote did not know the
     * copy warnings, and left different the gold layer would take the lake for one the job did not write and
     * rebuild every year. One commit, none when nothing differs.
     */
    static LakeTables.SyncResult refreshCounts(LakeTables lake, Dataset<Row> reports) {
        if (!lake.hasLog(LakeSchema.REPORT_METRICS)) return new LakeTables.SyncResult(LakeSchema.REPORT_METRICS, 0, 0, "unchanged", 0);
        Dataset<Row> ids = reports.select(LakeSchema.REPORT_ID).distinct().localCheckpoint(true);
        Dataset<Row> kept = lake.read(LakeSchema.REPORT_METRICS).join(ids, JoinKeys.of(LakeSchema.REPORT_ID), "left_semi")
                .where(not(ViolationCounts.isCount(col(LakeSchema.METRIC))));
        Dataset<Row> counts = ViolationCounts.metricRows(ViolationCounts.counts(ids,
                lake.read(LakeSchema.RULE_VIOLATIONS).join(ids, JoinKeys.of(LakeSchema.REPORT_ID), "left_semi"), ViolationCounts.metrics()));
        return lake.sync(LakeSchema.REPORT_METRICS, kept.unionByName(counts), LakeSchema.REPORT_ID, ids);
    }

    /** rule_violations rows of the two warnings: on the later report of each cross_body pair, and on the report holding the other's name. */
    public static Dataset<Row> violations(Dataset<Row> similar) {
        Dataset<Row> cross = similar.where(col("kind").equalTo(SimilarReports.CROSS_BODY));
        String amount = LakeSchema.AMOUNT.sql();
        Dataset<Row> copy = cross.select(col("report_id_b").as(LakeSchema.REPORT_ID),
                lit(RuleBook.COPY_FROM_OTHER_BODY).as(LakeSchema.RULE),
                concat(lit("narrative:"), col("report_id_a")).as("scope"),
                concat(lit("narrative "), format_number(col("similarity"), 2), lit(" similar to the report of "),
                        coalesce(col("body_a"), lit("?")), lit(" ("), col("report_id_a"), lit(")")).as("detail"));
        Dataset<Row> name = cross.where(col("other_body_name_left")).select(col("report_with_name").as(LakeSchema.REPORT_ID),
                lit(RuleBook.OTHER_BODY_NAME_LEFT).as(LakeSchema.RULE),
                concat(lit("narrative:"), when(col("report_with_name").equalTo(col("report_id_b")), col("report_id_a"))
                        .otherwise(col("report_id_b"))).as("scope"),
                concat(lit("narrative names "), col("name_left"), lit(", the body of the similar report "),
                        when(col("report_with_name").equalTo(col("report_id_b")), col("report_id_a")).otherwise(col("report_id_b"))).as("detail"));
        return copy.unionByName(name).select(col(LakeSchema.REPORT_ID), col(LakeSchema.RULE),
                lit(RuleBook.severity(RuleBook.COPY_FROM_OTHER_BODY)).as(LakeSchema.SEVERITY), col("scope"),
                lit(null).cast(amount).as("left_value"), lit(null).cast(amount).as("right_value"),
                lit(null).cast(amount).as("difference"), col("detail"));
    }
}
