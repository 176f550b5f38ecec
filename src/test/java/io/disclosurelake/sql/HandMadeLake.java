package io.disclosurelake.sql;

import io.disclosurelake.lake.LakeSchema;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small lake written by hand with the {@link LakeSchema} schemas: two provinces, a body over two years with a
 * carry-over break, a region aggregate, a partial report, two quarantined files, cells with PDF pages. Stands
 * in for a lake built by the job from a generated corpus until the job and the generator are in main.
 */
final class HandMadeLake {
    private HandMadeLake() {}

    private static final Timestamp T0 = Timestamp.valueOf("2025-02-01 02:00:00");
    private static final String RUN = "run-1";

    /** report_id → (org, body_key, province, city, county, year, status, scope, path, new, carried_over, closed, carried_forward). */
    private record Rep(String id, String org, String body, String province, String city, String county, int year,
                       String status, String scope, String path, long new_, long carriedOver, long disclosed,
                       long withheld, long total, long carriedForward) {}

    private static final List<Rep> REPORTS = List.of(
            new Rep("nanguan-mz-2023", "南关区民政局", "南关区民政局", "吉林省", "长春市", "南关区", 2023, "parsed", "body",
                    "吉林/南关区民政局2023.pdf", 12, 3, 9, 2, 13, 2),
            new Rep("nanguan-mz-2024", "南关区民政局", "南关区民政局", "吉林省", "长春市", "南关区", 2024, "parsed", "body",
                    "吉林/南关区民政局2024.pdf", 40, 1, 30, 5, 41, 0),
            new Rep("changchun-gov-2024", "长春市人民政府", "长春市人民政府", "吉林省", "长春市", null, 2024, "parsed",
                    "region_aggregate", "吉林/长春市人民政府2024.docx", 900, 40, 600, 90, 910, 30),
            new Rep("chaoyang-gt-2024", "朝阳区自然资源局", "朝阳区自然资源局", "吉林省", "长春市", "朝阳区", 2024, "partial",
                    "body", "吉林/朝阳区自然资源局2024.html", 8, 0, 5, 1, 7, 1),
            new Rep("huaian-gov-2024", "淮安市人民政府", "淮安市人民政府", "江苏省", "淮安市", null, 2024, "parsed", "body",
                    "江苏/淮安市人民政府2024.pdf", 2990, 110, 1800, 178, 3050, 50));

    static Path build(SparkSession spark, Path dir) {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        for (LakeSchema.Table t : LakeSchema.tables()) rows.put(t.name(), new ArrayList<>());
        rows.putIfAbsent(LakeSchema.RANKINGS, new ArrayList<>());
        for (Rep r : REPORTS) {
            String sha = "sha-" + r.id();
            rows.get("documents").add(map("path", r.path(), "sha256", sha, "size", 120_000L, "format", format(r.path()),
                    "first_seen", T0, "last_seen", T0, "run_id", RUN, "status", r.status(), "report_id", r.id()));
            rows.get("reports").add(map("report_id", r.id(), "sha256", sha, "path", r.path(), "org", r.org(),
                    "body_key", r.body(), "province", r.province(), "city", r.city(), "county", r.county(),
                    "year", r.year(), "template", "2021", "status", r.status(), "report_scope", r.scope(),
                    "format", format(r.path()), "pages", r.path().endsWith(".pdf") ? 6 : null,
                    "title", r.org() + r.year() + "年政府信息公开工作年度报告",
                    "warnings", r.status().equals("partial") ? List.of("表四 unreadable: cell 3 of 15 empty") : List.of(),
                    "first_seen", T0, "run_id", RUN));
            rows.get("active_disclosure").add(map("report_id", r.id(), "regulations_issued", 0L, "normative_docs_issued", 2L,
                    "normative_docs_in_force", 11L, "licensing_decisions", 120L, "fees_wan_yuan", new BigDecimal("0.35")));
            long[] app = {r.new_(), r.carriedOver(), r.disclosed(), r.withheld(), r.total(), r.carriedForward()};
            String[] keys = {"new", "carried_over", "disclosed", "withheld.state_secret", "total", "carried_forward"};
            int[] order = {1, 2, 3, 5, 24, 25};
            for (int i = 0; i < keys.length; i++) {
                rows.get("applications").add(map("report_id", r.id(), "row_key", keys[i], "row_order", order[i],
                        "natural_person", app[i], "total", app[i]));
                rows.get("cells").add(map("report_id", r.id(), "sha256", sha, "table_name", "applications",
                        "row_key", keys[i], "column_key", "total", "value", BigDecimal.valueOf(app[i]), "status", "value",
                        "raw_text", String.valueOf(app[i]), "page", r.path().endsWith(".pdf") ? 3 : null));
            }
            rows.get("cells").add(map("report_id", r.id(), "sha256", sha, "table_name", "review_litigation",
                    "row_key", "review_litigation", "column_key", "review_pending", "value", null, "status",
                    r.status().equals("partial") ? "unreadable" : "blank", "raw_text", "", "page", null));
            long reviewTotal = r.total() / 10, corrected = reviewTotal / 5;
            rows.get("review_litigation").add(map("report_id", r.id(), "review_upheld", reviewTotal - corrected,
                    "review_corrected", corrected, "review_other", 0L, "review_pending", 0L, "review_total", reviewTotal,
                    "direct_upheld", 1L, "direct_corrected", 1L, "direct_other", 0L, "direct_pending", 0L, "direct_total", 2L));
            metric(rows, r.id(), "disclosure_rate", r.disclosed(), r.total());
            metric(rows, r.id(), "non_disclosure_rate", r.withheld(), r.total());
            metric(rows, r.id(), "not_obtained_rate", r.withheld(), r.total());
            metric(rows, r.id(), "carry_forward_rate", r.carriedForward(), r.new_() + r.carriedOver());
            metric(rows, r.id(), "review_correction_rate", corrected, reviewTotal);
            metric(rows, r.id(), "litigation_correction_rate", 1, 2);
            rows.get("rankings").add(map("year", r.year(), "province", r.province(), "city", r.city(), "report_id", r.id(),
                    "org", r.org(), "score", 100.0 - r.withheld(), "rank", 0));
        }
        rows.get("rule_violations").add(map("report_id", "nanguan-mz-2023", "rule", "APP_BALANCE", "severity", "error",
                "scope", "总计", "left_value", new BigDecimal(15), "right_value", new BigDecimal(15 - 0), "difference",
                BigDecimal.ZERO, "detail", "一 + 二 = （七）总计 + 四"));
        rows.get("rule_violations").add(map("report_id", "nanguan-mz-2024", "rule", "CARRY_OVER_CONTINUITY", "severity",
                "warning", "scope", "总计", "left_value", new BigDecimal(1), "right_value", new BigDecimal(2), "difference",
                new BigDecimal(-1), "detail", "上年结转 1 ≠ 2023 结转下年度 2"));
        rows.get("rule_violations").add(map("report_id", "chaoyang-gt-2024", "rule", "APP_BALANCE", "severity", "error",
                "scope", "自然人", "left_value", new BigDecimal(8), "right_value", new BigDecimal(8), "difference",
                BigDecimal.ZERO, "detail", "一 + 二 ≠ （七）总计 + 四"));
        rows.get("quarantine").add(map("path", "吉林/加密报告.pdf", "sha256", "sha-enc", "reason", "encrypted",
                "message", "the PDF is encrypted with an owner password", "format", "pdf", "size", 30_000L, "run_id", RUN));
        rows.get("quarantine").add(map("path", "江苏/扫描件.pdf", "sha256", "sha-scan", "reason", "no_text_layer",
                "message", "6 pages without text: a scan", "format", "pdf", "size", 900_000L, "run_id", RUN));
        rows.get("runs").add(map("run_id", RUN, "started_at", T0, "finished_at", T0, "docs_seen", 7L, "docs_new", 7L,
                "docs_parsed", 4L, "docs_partial", 1L, "docs_quarantined", 2L, "stage_seconds", Map.of("extract", 1.5),
                "status", "succeeded"));
        // rankings: numbered within province × year by score
        List<Map<String, Object>> ranks = rows.get("rankings");
        for (Map<String, Object> a : ranks) {
            int rank = 1;
            for (Map<String, Object> b : ranks) {
                if (a.get("province").equals(b.get("province")) && a.get("year").equals(b.get("year"))
                        && (Double) b.get("score") > (Double) a.get("score")) rank++;
            }
            a.put("rank", rank);
        }
        for (Map.Entry<String, List<Map<String, Object>>> e : rows.entrySet()) {
            StructType schema = schema(e.getKey());
            List<Row> data = new ArrayList<>();
            for (Map<String, Object> m : e.getValue()) data.add(row(schema, m));
            String path = dir.resolve(e.getKey()).toString();
            // Created from the schema first, so that NOT NULL columns stay NOT NULL as in the job's tables.
            // (SQL DDL: the DeltaTable builder class does not load against Spark 4.1.3.)
            spark.sql("CREATE TABLE IF NOT EXISTS delta.`" + path + "` (" + schema.toDDL() + ") USING delta");
            spark.createDataFrame(data, schema).coalesce(1).write().format("delta").mode("append").save(path);
        }
        return dir;
    }

    /**
     * LakeSchema's schema; for rankings only the contract columns of docs/report-json.md (the hand-made lake does
     * not compute scores — the job-built lake in {@link JobBuiltLake} has the full rankings table).
     */
    static StructType schema(String table) {
        if (table.equals(LakeSchema.RANKINGS)) {
            return new StructType().add("year", DataTypes.IntegerType).add("province", DataTypes.StringType)
                    .add("city", DataTypes.StringType).add("report_id", DataTypes.StringType)
                    .add("org", DataTypes.StringType).add("score", DataTypes.DoubleType).add("rank", DataTypes.IntegerType);
        }
        return LakeSchema.table(table).schema();
    }

    private static void metric(Map<String, List<Map<String, Object>>> rows, String id, String metric, long num, long den) {
        rows.get("report_metrics").add(map("report_id", id, "metric", metric,
                "value", den == 0 ? null : (double) num / den, "numerator", BigDecimal.valueOf(num),
                "denominator", BigDecimal.valueOf(den), "small_sample", den < 30,
                "convention", metric.contains("correction") ? "concluded" : "total_closed"));
    }

    private static String format(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    /** A row of the schema: values converted to the column types, missing non-null columns given a filler. */
    private static Row row(StructType schema, Map<String, Object> values) {
        Object[] out = new Object[schema.size()];
        for (int i = 0; i < schema.size(); i++) {
            StructField f = schema.fields()[i];
            Object v = values.get(f.name());
            if (v == null && !f.nullable()) v = filler(f.dataType());
            out[i] = convert(v, f.dataType());
        }
        return RowFactory.create(out);
    }

    private static Object filler(DataType t) {
        if (t.equals(DataTypes.StringType)) return "x";
        if (t.equals(DataTypes.TimestampType)) return T0;
        if (t instanceof ArrayType) return List.of();
        if (t instanceof MapType) return Map.of();
        if (t.equals(DataTypes.BooleanType)) return false;
        return 0;
    }

    private static Object convert(Object v, DataType t) {
        if (v == null) return null;
        if (t.equals(DataTypes.LongType)) return ((Number) v).longValue();
        if (t.equals(DataTypes.IntegerType)) return ((Number) v).intValue();
        if (t.equals(DataTypes.DoubleType)) return ((Number) v).doubleValue();
        if (t instanceof DecimalType d && v instanceof Number n) return new BigDecimal(n.toString()).setScale(d.scale());
        return v;
    }
}
