package io.disclosurelake.job;

import io.disclosurelake.lake.JoinKeys;
import io.disclosurelake.lake.LakeSchema;
import io.disclosurelake.spec.CellRef;
import io.disclosurelake.spec.RuleBook;
import io.disclosurelake.rules.RuleSql;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static io.disclosurelake.lake.LakeSchema.BODY_KEY;
import static io.disclosurelake.lake.LakeSchema.REPORT_ID;
import static io.disclosurelake.lake.LakeSchema.YEAR;
import static org.apache.spark.sql.functions.*;

/**
 * Step: the rules that compare a report with the same body's previous year — the cross-year sums of
 * {@link RuleSql#crossYearViolations} over paired cells, and {@link RuleBook#DUPLICATE_OF_PREVIOUS_YEAR} —
 * for every report of the bodies the night touched.
 */
public final class CrossYearRules {
    private CrossYearRules() {}

    /** Temporary view the rule SQL reads (one per session; the job runs one night at a time per session). */
    static final String PAIRED_CELLS_VIEW = "disclosure_lake_paired_cells";
    private static final String[] REPORT_KEYS = {REPORT_ID, BODY_KEY, YEAR, "narrative_sha256", "tables_sha256"};

    /**
     * Every report of the bodies the night touched, as the lake will hold them: the winners and the lake's
     * other reports of those bodies (report_id, body_key, year and the two fingerprints).
     */
    public static Dataset<Row> bodyReports(Dataset<Row> winners, Dataset<Row> lakeReports) {
        return bodyReports(winners, lakeReports, winners.select(BODY_KEY).limit(0));
    }

    /**
     * As {@link #bodyReports(Dataset, Dataset)}, the bodies of {@code alsoTouched} (one column body_key: those of
     * reports retired tonight, whose neighbours' rules change) counting as touched too; {@code lakeReports} are
     * the reports the lake keeps current.
     */
    public static Dataset<Row> bodyReports(Dataset<Row> winners, Dataset<Row> lakeReports, Dataset<Row> alsoTouched) {
        Dataset<Row> effReports = winners.select(cols(REPORT_KEYS))
                .unionByName(lakeReports.join(winners.select(REPORT_ID), JoinKeys.of(REPORT_ID), "left_anti").select(cols(REPORT_KEYS)));
        Dataset<Row> touchedBodies = winners.select(BODY_KEY).union(alsoTouched.select(BODY_KEY))
                .where(col(BODY_KEY).isNotNull()).distinct();
        return effReports.join(touchedBodies, JoinKeys.of(BODY_KEY), "left_semi");
    }

    /** The reports whose violations and counts the night rewrites: the winners and {@code bodyReports} (one column report_id). */
    public static Dataset<Row> scope(Dataset<Row> winners, Dataset<Row> bodyReports) {
        return bodyReports.select(REPORT_ID).union(winners.select(REPORT_ID)).distinct();
    }

    /**
     * @param winners     the night's winning versions ({@link ReportVersions#choose})
     * @param keptIds     reports in scope that stay as the lake has them (their cells come from {@code lakeCells})
     * @param bodyReports {@link #bodyReports}
     * @param lakeCells   the lake's {@code cells}
     * @return rule_violations rows (all columns) of the cross-year rules
     */
    public static Dataset<Row> violations(Dataset<Row> winners, Dataset<Row> keptIds, Dataset<Row> bodyReports, Dataset<Row> lakeCells) {
        Column needed = lit(false);
        for (CellRef r : RuleSql.crossYearRefs()) {
            needed = needed.or(col("table_name").equalTo(r.table()).and(col("row_key").equalTo(r.rowKey()))
                    .and(col("column_key").equalTo(r.columnKey())));
        }
        String[] cellCols = {REPORT_ID, "table_name", "row_key", "column_key", "value", "status"};
        Dataset<Row> effCells = winners.select(col(REPORT_ID), explode(col("cells")).as("c")).select(REPORT_ID, "c.*")
                .select(cols(cellCols)).where(needed)
                .unionByName(lakeCells.join(keptIds, JoinKeys.of(REPORT_ID), "left_semi").select(cols(cellCols)).where(needed));
        Dataset<Row> br = bodyReports.select(REPORT_ID, BODY_KEY, YEAR);
        Dataset<Row> prevOf = br.as("r").join(br.as("p"), col("r.body_key").equalTo(col("p.body_key"))
                        .and(col("p.year").equalTo(col("r.year").minus(1))))
                .select(col("r.report_id").as(REPORT_ID), col("p.report_id").as("prev_id"));
        Dataset<Row> own = effCells.join(br.select(REPORT_ID), JoinKeys.of(REPORT_ID), "left_semi").withColumn("year_offset", lit(0));
        Dataset<Row> prev = effCells.withColumnRenamed(REPORT_ID, "prev_id").join(prevOf, JoinKeys.of("prev_id"))
                .drop("prev_id").withColumn("year_offset", lit(-1));
        NightlyJob.materialize(own.unionByName(prev)).createOrReplaceTempView(PAIRED_CELLS_VIEW);
        Dataset<Row> sums = winners.sparkSession().sql(RuleSql.crossYearViolations(PAIRED_CELLS_VIEW))
                .withColumn("detail", lit(null).cast("string"));

        Dataset<Row> hashes = bodyReports.select(cols(REPORT_KEYS));
        Dataset<Row> pairs = hashes.as("r").join(hashes.as("p"), col("r.body_key").equalTo(col("p.body_key"))
                .and(col("p.year").equalTo(col("r.year").minus(1))));
        Dataset<Row> dup = pairs.where(col("r.narrative_sha256").equalTo(col("p.narrative_sha256")))
                .select(col("r.report_id").as(REPORT_ID), lit("narrative").as("scope"),
                        concat(lit("narrative identical to the "), col("p.year").cast("string"), lit(" report "), col("p.report_id")).as("detail"))
                .unionByName(pairs.where(col("r.tables_sha256").equalTo(col("p.tables_sha256")))
                        .select(col("r.report_id").as(REPORT_ID), lit("tables").as("scope"),
                                concat(lit("all table values identical to the "), col("p.year").cast("string"), lit(" report "), col("p.report_id")).as("detail")))
                .select(col(REPORT_ID), lit(RuleBook.DUPLICATE_OF_PREVIOUS_YEAR).as("rule"),
                        lit(RuleBook.severity(RuleBook.DUPLICATE_OF_PREVIOUS_YEAR)).as("severity"), col("scope"),
                        lit(null).cast(LakeSchema.AMOUNT).as("left_value"), lit(null).cast(LakeSchema.AMOUNT).as("right_value"),
                        lit(null).cast(LakeSchema.AMOUNT).as("difference"), col("detail"));
        return sums.select(col(REPORT_ID), col("rule"), col("severity"), col("scope"),
                        col("left_value").cast(LakeSchema.AMOUNT).as("left_value"), col("right_value").cast(LakeSchema.AMOUNT).as("right_value"),
                        col("difference").cast(LakeSchema.AMOUNT).as("difference"), col("detail"))
                .unionByName(dup);
    }

    static Column[] cols(String... names) {
        Column[] c = new Column[names.length];
        for (int i = 0; i < names.length; i++) c[i] = col(names[i]);
        return c;
    }
}
