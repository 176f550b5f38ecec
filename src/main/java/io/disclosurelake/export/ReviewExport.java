package io.disclosurelake.export;

import io.disclosurelake.lake.LakeSchema;
import io.disclosurelake.lake.LakeTables;
import io.disclosurelake.model.Box;
import io.disclosurelake.rank.GoldTables;
import io.disclosurelake.review.CorrectionApply;
import io.disclosurelake.review.ReviewItem;
import io.disclosurelake.spec.CellRef;
import io.disclosurelake.spec.RuleBook;
import io.disclosurelake.spec.SumRule;
import io.disclosurelake.spec.TemplateSpec;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.apache.spark.sql.functions.*;

/**
 * The review queue of one year (docs/review.md): every flagged or unreadable cell, every cell of a broken rule
 * (the rule's terms from {@code spec/RuleBook}; a rule that names no cell gives one row for the report), and
 * every published report that could not be read (coverage status unreadable, with its reason). Read from the
 * lake into {@link ReviewItem} records; {@link ReviewWriter} writes them as CSV and XLSX.
 */
public final class ReviewExport {
    private ReviewExport() {}

    /** Rules whose cells are already in the queue as flagged or blank ones (INCOMPLETE_TABLE lists them). */
    static final List<String> NOT_LISTED = List.of(RuleBook.INCOMPLETE_TABLE);

    private static final StructType RULE_CELLS = new StructType()
            .add("rule", DataTypes.StringType).add("scope", DataTypes.StringType)
            .add("table_name", DataTypes.StringType).add("row_key", DataTypes.StringType).add("column_key", DataTypes.StringType);

    /** The queue of {@code year}, restricted to {@code province} (name, short name, code or pinyin) when given. */
    public static List<ReviewItem> items(SparkSession spark, String lakePath, int year, String province) {
        return items(spark, lakePath, List.of(year), province).get(year);
    }

    /**
     * The queues of {@code years} by year (every year a key, its list perhaps empty): each source is read once for
     * all the years and the rows grouped by year here, so a night costs one set of queries, not one per year.
     */
    public static Map<Integer, List<ReviewItem>> items(SparkSession spark, String lakePath, Collection<Integer> years, String province) {
        LakeTables lake = new LakeTables(spark, lakePath);
        Column inYears = col(LakeSchema.YEAR).isin(years.toArray());
        Dataset<Row> reports = lake.readOrEmpty(LakeSchema.REPORTS).where(inYears)
                .select(LakeSchema.REPORT_ID, "org", "province", LakeSchema.YEAR, LakeSchema.SHA256, LakeSchema.PATH);
        if (province != null) {
            List<String> names = new ArrayList<>();
            for (Row r : reports.select("province").distinct().collectAsList()) {
                if (RankingExport.matches(province, r.getString(0))) names.add(r.getString(0));
            }
            reports = reports.where(col("province").isin(names.toArray()));
        }
        Dataset<Row> cells = lake.readOrEmpty(LakeSchema.CELLS).drop(LakeSchema.SHA256);
        Dataset<Row> mine = cells.join(reports, io.disclosurelake.lake.JoinKeys.of(LakeSchema.REPORT_ID), "left_semi");

        List<ReviewItem> out = new ArrayList<>();
        // flagged: OCR flags and unreadable cells a reviewer has not corrected yet
        for (Row r : mine.where(col("flag").isNotNull().or(col("status").equalTo("unreadable")))
                .where(coalesce(col("source"), lit("")).notEqual(CorrectionApply.CORRECTED))
                .join(reports, io.disclosurelake.lake.JoinKeys.of(LakeSchema.REPORT_ID)).collectAsList()) {
            out.add(item(ReviewItem.FLAGGED, r, null, null));
        }
        // rule-breaking: each violation with the cells of its rule and scope
        Dataset<Row> violations = lake.readOrEmpty(LakeSchema.RULE_VIOLATIONS)
                .where(not(col(LakeSchema.RULE).isin(NOT_LISTED.toArray())))
                .join(reports, io.disclosurelake.lake.JoinKeys.of(LakeSchema.REPORT_ID));
        Dataset<Row> ruleCells = spark.createDataFrame(ruleCells(), RULE_CELLS);
        Dataset<Row> withCells = violations.join(ruleCells, io.disclosurelake.lake.JoinKeys.of(LakeSchema.RULE, "scope"), "left")
                .withColumn("parts", split(col("scope"), "/"))
                .withColumn("table_name", when(col(LakeSchema.RULE).equalTo(RuleBook.NON_NEGATIVE), element_at(col("parts"), 1)).otherwise(col("table_name")))
                .withColumn("row_key", when(col(LakeSchema.RULE).equalTo(RuleBook.NON_NEGATIVE), element_at(col("parts"), 2)).otherwise(col("row_key")))
                .withColumn("column_key", when(col(LakeSchema.RULE).equalTo(RuleBook.NON_NEGATIVE), element_at(col("parts"), 3)).otherwise(col("column_key")))
                .withColumn("table_name", when(col(LakeSchema.RULE).equalTo(RuleBook.FEE_UNIT), lit(TemplateSpec.ACTIVE_TABLE)).otherwise(col("table_name")))
                .withColumn("row_key", when(col(LakeSchema.RULE).equalTo(RuleBook.FEE_UNIT), lit("fees_wan_yuan")).otherwise(col("row_key")))
                .withColumn("column_key", when(col(LakeSchema.RULE).equalTo(RuleBook.FEE_UNIT), lit(TemplateSpec.ACTIVE_COLUMN_KEY)).otherwise(col("column_key")))
                .drop("parts");
        Dataset<Row> ruleRows = withCells.join(cells, io.disclosurelake.lake.JoinKeys.of(LakeSchema.REPORT_ID, "table_name", "row_key", "column_key"), "left");
        for (Row r : ruleRows.collectAsList()) {
            String rule = r.getAs(LakeSchema.RULE);
            String detail = r.getAs("detail");
            if (detail == null && r.getAs("difference") != null) {
                detail = r.getAs("scope") + ": " + plain(r.getAs("left_value")) + " ≠ " + plain(r.getAs("right_value"));
            }
            out.add(item(ReviewItem.RULE, r, rule, detail));
        }
        // published but unreadable: one row per report, with the reason
        if (GoldTables.exists(lakePath, LakeSchema.COVERAGE)) {
            Dataset<Row> cov = GoldTables.read(spark, lakePath, LakeSchema.COVERAGE);
            if (List.of(cov.columns()).contains("status")) {
                for (Row r : cov.where(inYears.and(col("status").equalTo("unreadable"))).collectAsList()) {
                    String p = r.getAs("province");
                    if (province != null && !RankingExport.matches(province, p)) continue;
                    out.add(new ReviewItem(ReviewItem.UNREADABLE_REPORT, r.getAs(LakeSchema.YEAR), p, r.getAs("org"), r.getAs(LakeSchema.REPORT_ID), null,
                            r.getAs("unreadable_path"), null, null, null, null, null, null, null, null, null, null, null, null,
                            null, r.getAs("unreadable_reason")));
                }
            }
        }
        Map<Integer, List<ReviewItem>> byYear = new LinkedHashMap<>();
        for (int y : years) byYear.put(y, new ArrayList<>());
        for (ReviewItem i : out) byYear.get(i.year()).add(i);
        for (List<ReviewItem> l : byYear.values()) l.sort(ORDER);
        return byYear;
    }

    static final Comparator<ReviewItem> ORDER = Comparator
            .comparing(ReviewItem::province, Comparator.nullsLast(RankingExport::compareText))
            .thenComparing(ReviewItem::org, Comparator.nullsLast(RankingExport::compareText))
            .thenComparing(ReviewItem::reportId, Comparator.nullsLast(RankingExport::compareText))
            .thenComparing(ReviewItem::kind)
            .thenComparing(i -> Objects.toString(i.rule(), ""))
            .thenComparing(i -> Objects.toString(i.table(), ""))
            .thenComparing(i -> Objects.toString(i.row(), ""))
            .thenComparing(i -> Objects.toString(i.column(), ""));

    private static ReviewItem item(String kind, Row r, String rule, String detail) {
        Row b = r.getAs("box");
        Box box = b == null || b.isNullAt(0) ? null : new Box(b.getDouble(0), b.getDouble(1), b.getDouble(2), b.getDouble(3));
        java.math.BigDecimal v = r.getAs("value");
        return new ReviewItem(kind, r.getAs(LakeSchema.YEAR), r.getAs("province"), r.getAs("org"), r.getAs(LakeSchema.REPORT_ID),
                r.getAs(LakeSchema.SHA256), r.getAs(LakeSchema.PATH), r.getAs("table_name"), r.getAs("row_key"), r.getAs("column_key"),
                r.getAs("status"), v == null ? null : v.stripTrailingZeros(), r.getAs("raw_text"), r.getAs("page"), r.getAs("source"),
                box, r.getAs("confidence"), r.getAs("flag"), rule, rule == null ? null : RuleBook.rule(rule).description(), detail);
    }

    private static String plain(Object o) {
        return o == null ? "?" : ((java.math.BigDecimal) o).stripTrailingZeros().toPlainString();
    }

    /** (rule, scope) → its cells of the report's own year, from the rule book's sums. */
    static List<Row> ruleCells() {
        List<Row> rows = new ArrayList<>();
        List<SumRule> all = new ArrayList<>(RuleBook.SUM_RULES);
        all.addAll(RuleBook.CROSS_YEAR_RULES);
        for (SumRule s : all) {
            java.util.Set<CellRef> refs = new java.util.LinkedHashSet<>(s.left().refs());
            refs.addAll(s.right().refs());
            for (CellRef c : refs) {
                if (c.yearOffset() == 0) rows.add(RowFactory.create(s.id(), s.scope(), c.table(), c.rowKey(), c.columnKey()));
            }
        }
        return rows;
    }

    /** Writes the queue of {@code year} as CSV and XLSX to {@code outDir}; returns the files written. */
    public static List<RankingExport.Written> export(SparkSession spark, String lakePath, int year, String province, Path outDir)
            throws IOException {
        return export(spark, lakePath, List.of(year), province, outDir);
    }

    /** Writes the queue of each of {@code years} (read at once: {@link #items(SparkSession, String, Collection, String)}). */
    public static List<RankingExport.Written> export(SparkSession spark, String lakePath, Collection<Integer> years, String province,
                                                     Path outDir) throws IOException {
        List<RankingExport.Written> out = new ArrayList<>();
        if (years.isEmpty()) return out;
        for (Map.Entry<Integer, List<ReviewItem>> e : items(spark, lakePath, years, province).entrySet()) {
            out.addAll(ReviewWriter.write(e.getValue(), outDir, stem(e.getKey(), province)));
        }
        return out;
    }

    /** The files' name without extension: {@code review-YEAR} or {@code review-YEAR-PROVINCE}. */
    static String stem(int year, String province) {
        return "review-" + year + (province == null ? "" : "-" + ProvinceCodes.fileStem(province, 1));
    }

    /** Whether the year's whole queue (every province, CSV and XLSX) is in {@code outDir}. */
    public static boolean filesPresent(Path outDir, int year) {
        String stem = stem(year, null);
        return java.nio.file.Files.isRegularFile(outDir.resolve(stem + ".csv"))
                && java.nio.file.Files.isRegularFile(outDir.resolve(stem + ".xlsx"));
    }
}
