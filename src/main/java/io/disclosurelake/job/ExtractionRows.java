package io.disclosurelake.job;

import io.disclosurelake.model.ReportIdentity;
import io.disclosurelake.lake.LakeSchema;
import io.disclosurelake.model.Cell;
import io.disclosurelake.model.MetricValue;
import io.disclosurelake.model.Report;
import io.disclosurelake.model.Violation;
import io.disclosurelake.spec.TemplateSpec;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One row per document out of {@code mapPartitions}: the document, the report's identity and its tables as
 * nested structs whose fields are the lake tables' own columns (minus the keys), so each table is a projection.
 */
public final class ExtractionRows {
    private ExtractionRows() {}

    /** The candidate files handed to the executors. */
    public static final StructType CANDIDATE = new StructType()
            .add("path", DataTypes.StringType, false)
            .add("uri", DataTypes.StringType, false)
            .add("size", DataTypes.LongType, false)
            .add("modified_at", DataTypes.TimestampType, true)
            .add("first_seen", DataTypes.TimestampType, false);

    private static StructType without(String table, String... drop) {
        Set<String> d = Set.of(drop);
        StructType t = LakeSchema.table(table).schema();
        return new StructType(Arrays.stream(t.fields()).filter(f -> !d.contains(f.name())).toArray(StructField[]::new));
    }

    public static final StructType ACTIVE = without(LakeSchema.ACTIVE_DISCLOSURE, "report_id");
    public static final StructType APPLICATION_ROW = without(LakeSchema.APPLICATIONS, "report_id");
    public static final StructType REVIEW = without(LakeSchema.REVIEW_LITIGATION, "report_id");
    public static final StructType CELL = without(LakeSchema.CELLS, "report_id", "sha256");
    public static final StructType VIOLATION = without(LakeSchema.RULE_VIOLATIONS, "report_id");
    public static final StructType METRIC = without(LakeSchema.REPORT_METRICS, "report_id");

    public static final StructType SCHEMA = new StructType()
            .add("path", DataTypes.StringType, false)
            .add("size", DataTypes.LongType, false)
            .add("modified_at", DataTypes.TimestampType, true)
            .add("first_seen", DataTypes.TimestampType, false)
            .add("sha256", DataTypes.StringType, false)
            .add("extracted", DataTypes.BooleanType, false)
            .add("extract_ms", DataTypes.LongType, false)
            .add("format", DataTypes.StringType, true)
            .add("pages", DataTypes.IntegerType, true)
            .add("status", DataTypes.StringType, true)
            .add("reason", DataTypes.StringType, true)
            .add("message", DataTypes.StringType, true)
            .add("report_id", DataTypes.StringType, true)
            .add("org", DataTypes.StringType, true)
            .add("body_key", DataTypes.StringType, true)
            .add("province", DataTypes.StringType, true)
            .add("city", DataTypes.StringType, true)
            .add("county", DataTypes.StringType, true)
            .add("year", DataTypes.IntegerType, true)
            .add("template", DataTypes.StringType, true)
            .add("report_scope", DataTypes.StringType, true)
            .add("title", DataTypes.StringType, true)
            .add("warnings", DataTypes.createArrayType(DataTypes.StringType), true)
            .add("narrative_sha256", DataTypes.StringType, true)
            .add("tables_sha256", DataTypes.StringType, true)
            .add("active", ACTIVE, true)
            .add("applications", DataTypes.createArrayType(APPLICATION_ROW), true)
            .add("review", REVIEW, true)
            .add("cells", DataTypes.createArrayType(CELL), true)
            .add("violations", DataTypes.createArrayType(VIOLATION), true)
            .add("metrics", DataTypes.createArrayType(METRIC), true)
            .add(io.disclosurelake.lake.LakeSchema.NARRATIVE_TEXT, DataTypes.StringType, true);

    /**
     * Status of a file that vanished or changed between listing and reading: not a verdict on the document.
     * Such a row must reach no table (documents, quarantine, reports, …): the job keeps only {@link #settled()}
     * rows, so the file's {@code documents} row stays as it was and the next night reads the file again.
     */
    public static final String RETRY = "retry";

    /** The rows the job records: all but {@link #RETRY} ones (known-content rows have no status). */
    public static org.apache.spark.sql.Column settled() {
        return org.apache.spark.sql.functions.col("status").isNull()
                .or(org.apache.spark.sql.functions.col("status").notEqual(org.apache.spark.sql.functions.lit(RETRY)));
    }

    /** A file to read again next night; {@code message} says what moved. Extracted, no sha256, no reason. */
    public static Row retry(Row candidate, String message, long ms) {
        Object[] v = new Object[SCHEMA.size()];
        fillDocument(v, candidate, "", true, ms);
        v[9] = RETRY;
        v[11] = "retry next night: " + message;
        return RowFactory.create(v);
    }

    /** A document whose content was processed before: only what identifies it. */
    public static Row known(Row candidate, String sha256) {
        Object[] v = new Object[SCHEMA.size()];
        fillDocument(v, candidate, sha256, false, 0L);
        return RowFactory.create(v);
    }

    public static Row of(Row candidate, String sha256, Report r, long extractMs) {
        Object[] v = new Object[SCHEMA.size()];
        fillDocument(v, candidate, sha256, true, extractMs);
        v[7] = r.document() == null ? null : r.document().format();
        v[8] = r.document() == null ? null : r.document().pages();
        v[9] = r.status();
        v[10] = r.reason() == null ? null : r.reason().id;
        v[11] = r.message();
        if (r.isQuarantined()) return RowFactory.create(v);

        List<String> warnings = new ArrayList<>(r.warnings());
        ReportIdentity.Identity id = ReportIdentity.of(r, sha256);
        warnings.addAll(id.warnings());
        v[12] = id.reportId();
        v[13] = r.org();
        v[14] = id.bodyKey();
        v[15] = r.region().province();
        v[16] = r.region().city();
        v[17] = r.region().county();
        v[18] = id.year();
        v[19] = r.template().id;
        v[20] = r.reportScope();
        v[21] = r.title();
        v[23] = id.narrativeSha256();
        v[24] = id.tablesSha256();
        v[25] = active(r, warnings);
        v[26] = seq(applications(r, warnings));
        v[27] = review(r, warnings);
        List<Row> cells = new ArrayList<>();
        for (Cell c : r.allCells()) {
            cells.add(RowFactory.create(c.table(), c.rowKey(), c.columnKey(), amount(c.value(), warnings), c.status().id(),
                    c.raw(), c.page(), c.source(), c.box() == null ? null
                            : RowFactory.create(c.box().x(), c.box().y(), c.box().width(), c.box().height()),
                    c.confidence(), c.flag()));
        }
        v[28] = seq(cells);
        List<Row> viol = new ArrayList<>();
        for (Violation x : r.violations()) {
            viol.add(RowFactory.create(x.rule(), x.severity(), x.scope(), amount(x.left(), warnings),
                    amount(x.right(), warnings), amount(x.difference(), warnings), x.detail()));
        }
        v[29] = seq(viol);
        List<Row> metrics = new ArrayList<>();
        for (MetricValue m : r.metrics().values()) {
            metrics.add(RowFactory.create(m.metric(), m.value(), amount(m.numerator(), warnings),
                    amount(m.denominator(), warnings), m.smallSample(), m.convention()));
        }
        v[30] = seq(metrics);
        v[31] = io.disclosurelake.extract.NarrativeText.of(r.narrative());
        v[22] = seq(warnings);
        return RowFactory.create(v);
    }

    private static void fillDocument(Object[] v, Row c, String sha256, boolean extracted, long ms) {
        v[0] = c.getString(0);
        v[1] = c.getLong(2);
        v[2] = c.isNullAt(3) ? null : c.getTimestamp(3);
        v[3] = c.getTimestamp(4);
        v[4] = sha256;
        v[5] = extracted;
        v[6] = ms;
    }

    private static Row active(Report r, List<String> warnings) {
        if (r.active().isEmpty()) return null;
        Object[] v = new Object[TemplateSpec.ACTIVE_FIELDS.size()];
        for (int i = 0; i < v.length; i++) {
            TemplateSpec.ActiveField f = TemplateSpec.ACTIVE_FIELDS.get(i);
            BigDecimal x = r.activeValue(f.key());
            v[i] = f.decimal() ? amount(x, warnings) : count(x, f.key(), warnings);
        }
        return RowFactory.create(v);
    }

    private static List<Row> applications(Report r, List<String> warnings) {
        List<Row> rows = new ArrayList<>();
        List<String> order = TemplateSpec.applicationRowKeys();
        for (var e : r.applications().entrySet()) {
            Object[] v = new Object[2 + TemplateSpec.APPLICANT_COLUMN_COUNT];
            v[0] = e.getKey();
            v[1] = order.indexOf(e.getKey()) + 1;
            for (int c = 0; c < TemplateSpec.APPLICANT_COLUMN_COUNT; c++) {
                Cell cell = e.getValue()[c];
                v[2 + c] = cell == null ? null : count(cell.value(), e.getKey(), warnings);
            }
            rows.add(RowFactory.create(v));
        }
        return rows;
    }

    private static Row review(Report r, List<String> warnings) {
        Cell[] cells = r.reviewLitigation();
        boolean any = false;
        Object[] v = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] != null) any = true;
            v[i] = cells[i] == null ? null : count(cells[i].value(), "review_litigation", warnings);
        }
        return any ? RowFactory.create(v) : null;
    }

    /** A count as printed; a fractional count cannot be a count column (it stays exact in cells). */
    private static Long count(BigDecimal x, String where, List<String> warnings) {
        if (x == null) return null;
        try {
            return x.longValueExact();
        } catch (ArithmeticException e) {
            String w = "non-integer count " + x.toPlainString() + " in " + where + " kept in cells only";
            if (!warnings.contains(w)) warnings.add(w);
            return null;
        }
    }

    /** Amounts hold 4 decimals (万元 to the yuan); more are rounded with a warning. */
    private static BigDecimal amount(BigDecimal x, List<String> warnings) {
        if (x == null || x.scale() <= 4) return x;
        String w = "value " + x.toPlainString() + " rounded to 4 decimals";
        if (!warnings.contains(w)) warnings.add(w);
        return x.setScale(4, RoundingMode.HALF_UP);
    }

    static Timestamp ts(long millis) { return new Timestamp(millis); }

    /** Rows hold arrays as Scala sequences. */
    static scala.collection.immutable.Seq<Object> seq(List<?> list) {
        return scala.jdk.javaapi.CollectionConverters.asScala(new ArrayList<Object>(list)).toList();
    }
}
