package io.disclosurelake.lake;

import io.disclosurelake.spark.SharedSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.*;

/** doctor on a lake of a few planted rows (written with Delta, no night run): it finds each, repairs, then sees none. */
@ExtendWith(SharedSpark.class)
@org.junit.jupiter.api.Tag("slow") // many small Delta commits: the full lane
class LakeDoctorTest {
    static final Timestamp T = Timestamp.valueOf("2026-01-01 00:00:00");

    /** A row of the table's schema from the given columns, null elsewhere. */
    static Row row(String table, Object... kv) {
        StructType s = LakeSchema.table(table).schema();
        Object[] v = new Object[s.size()];
        for (int i = 0; i < kv.length; i += 2) v[s.fieldIndex((String) kv[i])] = kv[i + 1];
        return RowFactory.create(v);
    }

    static void append(SparkSession spark, LakeTables lake, String table, Row... rows) {
        spark.createDataFrame(List.of(rows), LakeSchema.table(table).schema()).write().format("delta").mode("append").save(lake.path(table));
    }

    static Row doc(String path, String sha, String status, String reportId, String run, Timestamp modified, String reason) {
        return row(LakeSchema.DOCUMENTS, "path", path, "sha256", sha, "size", 10L, "format", "pdf", "first_seen", T, "last_seen", T,
                "run_id", run, "status", status, "report_id", reportId, "modified_at", modified, "reason", reason);
    }

    static Row report(String id, String run, String title) {
        return row(LakeSchema.REPORTS, "report_id", id, "sha256", "s-" + id, "path", id + ".pdf", "template", "2021",
                "status", "parsed", "title", title, "run_id", run);
    }

    static Row cell(String id, String rowKey, int value) {
        return row(LakeSchema.CELLS, "report_id", id, "sha256", "s-" + id, "table_name", "applications", "row_key", rowKey,
                "column_key", "natural_person", "value", new BigDecimal(value), "status", "value");
    }

    @Test
    void findsPlantedDuplicatesAndOrphansRepairsThemAndThenSeesNone(SparkSession spark, @TempDir Path tmp) throws Exception {
        LakeTables lake = new LakeTables(spark, tmp.toUri().toString());
        lake.ensureTables();
        append(spark, lake, LakeSchema.DOCUMENTS,
                doc("a.pdf", "s-R1", "parsed", "R1", "20260101T000000Z-a", T, null),
                doc("a.pdf", "s-R1", "parsed", "R1", "20251201T000000Z-z", T, null),      // an older night's row of the same path
                doc("b.pdf", "s-R2", "parsed", "R2", "20260101T000000Z-a", T, null),
                doc("c.pdf", "", "quarantined", null, "20260101T000000Z-a", T, "corrupt"), // blocks c.pdf for good
                doc("gone.pdf", "", "quarantined", null, "20260101T000000Z-a", null, "unsafe")); // a listing problem: fine
        append(spark, lake, LakeSchema.REPORTS,
                report("R1", "20260101T000000Z-a", "一"), report("R2", "20260101T000000Z-a", "二"),
                report("R2", "20251201T000000Z-z", "二（旧）"));
        append(spark, lake, LakeSchema.CELLS,
                cell("R1", "new", 1), cell("R1", "total", 2), cell("R1", "total", 2), // an exact copy
                cell("R2", "new", 3), cell("R2", "new", 4),                           // one key, two values
                cell("R9", "new", 5));                                                // no report R9
        append(spark, lake, LakeSchema.QUARANTINE, row(LakeSchema.QUARANTINE, "path", "b.pdf", "sha256", "", "reason", "corrupt",
                "run_id", "20251201T000000Z-z"));
        append(spark, lake, LakeSchema.RUNS,
                row(LakeSchema.RUNS, "run_id", "20260101T000000Z-a", "started_at", T, "status", "succeeded"),
                row(LakeSchema.RUNS, "run_id", "20260102T000000Z-b", "started_at", T, "status", "running"));

        LakeDoctor doctor = new LakeDoctor(spark, lake.root());
        LakeDoctor.Examination x = doctor.examine();
        assertTrue(x.damaged().isEmpty(), x.damaged().toString());
        Map<String, Long> found = x.findings().stream().collect(Collectors.toMap(f -> f.table() + "/" + f.kind(), LakeDoctor.Finding::rows));
        assertEquals(Map.of("documents/key", 2L, "documents/blocking", 1L, "reports/key", 2L, "cells/exact", 1L, "cells/key", 2L,
                "cells/orphan", 1L, "quarantine/parsed", 1L, "runs/stuck", 1L), found, x.findings().toString());

        Map<String, Long> versions = new HashMap<>();
        for (String t : LakeTables.JOB_TABLES) versions.put(t, lake.version(t));
        LakeDoctor.Repair r = doctor.repair(List.of());
        assertEquals(List.of("reports", "cells", "quarantine", "documents", "runs"), r.committed());
        for (String t : LakeTables.JOB_TABLES) {
            assertEquals(versions.get(t) + (r.committed().contains(t) ? 1 : 0), lake.version(t), "one commit per repaired table: " + t);
        }
        LakeDoctor.Examination after = doctor.examine();
        assertTrue(after.healthy(), after.findings().toString());

        // what is kept: the later night's rows, R1's cells once, R2's cells gone and b.pdf read again next night
        assertEquals(List.of("R1|一", "R2|二"), strings(lake.read(LakeSchema.REPORTS).orderBy("report_id"), "report_id", "title"));
        assertEquals(List.of("R1|new", "R1|total"), strings(lake.read(LakeSchema.CELLS).orderBy("row_key"), "report_id", "row_key"));
        assertEquals(List.of("a.pdf|s-R1|true", "b.pdf||false", "c.pdf||false", "gone.pdf||false"),
                strings(lake.read(LakeSchema.DOCUMENTS).orderBy("path").selectExpr("path", "sha256", "modified_at IS NOT NULL AS m"), "path", "sha256", "m"));
        assertEquals("20260101T000000Z-a", lake.read(LakeSchema.DOCUMENTS).where(col("path").equalTo("a.pdf")).first().getAs("run_id"));
        assertEquals(0, lake.read(LakeSchema.QUARANTINE).count());
        assertEquals("failed", lake.read(LakeSchema.RUNS).where(col("run_id").equalTo("20260102T000000Z-b")).first().getAs("status"));
        assertTrue(lake.read(LakeSchema.DOCUMENTS).where(col("path").equalTo("b.pdf")).first().getAs("first_seen") != null);
    }

    @Test
    void theChecksAreSmallFunctionsOverRows(SparkSession spark) {
        Dataset<Row> cells = spark.createDataFrame(List.of(cell("R1", "new", 1), cell("R1", "new", 1), cell("R1", "new", 2), cell("R2", "new", 1)),
                LakeSchema.table(LakeSchema.CELLS).schema());
        assertEquals(1, LakeDoctor.exactDuplicates(cells));
        assertEquals(List.of("R1|2"), strings(LakeDoctor.keyDuplicates(cells, LakeSchema.table(LakeSchema.CELLS).key()), "report_id", "_rows"));
        assertEquals(3, LakeDoctor.keepOne(cells, List.of()).count());
        Dataset<Row> reports = spark.createDataFrame(List.of(report("R1", "r", "x")), LakeSchema.table(LakeSchema.REPORTS).schema());
        assertEquals(List.of("R2"), strings(LakeDoctor.orphans(cells, reports), "report_id"));
        Dataset<Row> runs = spark.createDataFrame(List.of(row(LakeSchema.RUNS, "run_id", "n1", "started_at", T, "status", "running")),
                LakeSchema.table(LakeSchema.RUNS).schema());
        assertEquals(1, runs.where(LakeDoctor.stuck(Optional.empty())).count());
        assertEquals(0, runs.where(LakeDoctor.stuck(Optional.of("n1"))).count(), "the night holding the lake is not stuck");
    }

    @Test
    void aMissingDataFileIsNamedWithItsTable(SparkSession spark, @TempDir Path tmp) throws Exception {
        LakeTables lake = new LakeTables(spark, tmp.toUri().toString());
        lake.ensureTables();
        append(spark, lake, LakeSchema.REPORTS, report("R1", "r", "x"));
        Path parquet;
        try (var files = Files.list(tmp.resolve(LakeSchema.REPORTS))) {
            parquet = files.filter(f -> f.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        Files.delete(parquet);
        List<LakeDamage.Damage> d = LakeHealth.check(spark, lake.root(), false);
        assertEquals(1, d.size(), d.toString());
        assertEquals("reports", d.get(0).table());
        assertEquals("data file " + parquet.getFileName() + " is missing", d.get(0).what());
        LakeDamage.DamagedTableException e = assertThrows(LakeDamage.DamagedTableException.class, () -> LakeHealth.requireIntact(spark, lake.root()));
        assertEquals("damaged lake: table reports: data file " + parquet.getFileName() + " is missing; see docs/job.md \"A damaged lake\"", e.getMessage());
        // the same error met by a query (sql, rank) is told apart from others, table and file named
        Exception q = assertThrows(Exception.class, () -> spark.read().format("delta").load(lake.path(LakeSchema.REPORTS)).collectAsList());
        assertEquals(Optional.of(new LakeDamage.Damage("reports", "data file " + parquet.getFileName() + " is missing")), LakeDamage.of(q));
        assertEquals(Optional.empty(), LakeDamage.of(new IllegalStateException("something else")));
        // doctor's examination names it (and checks nothing more of it)
        assertEquals(List.of("reports"), new LakeDoctor(spark, lake.root()).examine().damaged().stream().map(LakeDamage.Damage::table).toList());
    }

    @Test
    void aCutShortLogFileIsNamedWithItsTable(SparkSession spark, @TempDir Path tmp) throws Exception {
        LakeTables lake = new LakeTables(spark, tmp.toUri().toString());
        lake.ensureTables();
        append(spark, lake, LakeSchema.CELLS, cell("R1", "new", 1));
        Path log = tmp.resolve("cells/_delta_log/00000000000000000001.json");
        byte[] b = Files.readAllBytes(log);
        Files.write(log, java.util.Arrays.copyOf(b, b.length / 2));
        List<LakeDamage.Damage> d = LakeHealth.check(spark, lake.root(), false);
        assertEquals(List.of("cells"), d.stream().map(LakeDamage.Damage::table).toList(), d.toString());
        assertTrue(d.get(0).what().contains("_delta_log/00000000000000000001.json"), d.get(0).what());
    }

    static List<String> strings(Dataset<Row> df, String... cols) {
        List<String> out = new ArrayList<>();
        for (Row r : df.collectAsList()) {
            List<String> v = new ArrayList<>();
            for (String c : cols) v.add(r.isNullAt(r.fieldIndex(c)) ? "" : String.valueOf(r.<Object>getAs(c)));
            out.add(String.join("|", v));
        }
        return out;
    }
}
