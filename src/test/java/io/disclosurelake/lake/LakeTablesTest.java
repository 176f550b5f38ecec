package io.disclosurelake.lake;

import io.disclosurelake.spark.SharedSpark;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

@ExtendWith(SharedSpark.class)
class LakeTablesTest {

    @Test
    void createdTablesHaveTheSchemaCommentsAndConstraints(SparkSession spark, @TempDir Path tmp) {
        LakeTables lake = new LakeTables(spark, tmp.toUri().toString());
        lake.ensureTables();
        for (String t : LakeTables.JOB_TABLES) {
            StructType want = LakeSchema.table(t).schema();
            StructType have = lake.read(t).schema();
            assertEquals(want.fieldNames().length, have.fieldNames().length, t);
            for (StructField f : want.fields()) {
                StructField h = have.apply(f.name());
                assertEquals(f.dataType(), h.dataType(), t + "." + f.name());
                assertEquals(f.getComment(), h.getComment(), t + "." + f.name());
            }
            Row detail = spark.sql("DESCRIBE DETAIL delta.`" + lake.path(t) + "`").first();
            assertEquals(LakeSchema.table(t).comment(), detail.getAs("description"), t);
            Map<String, String> props = scala.jdk.javaapi.CollectionConverters.asJava(detail.<scala.collection.Map<String, String>>getAs("properties"));
            for (String c : LakeConstraints.all().getOrDefault(t, Map.of()).keySet()) {
                assertTrue(props.containsKey("delta.constraints." + c.toLowerCase()), t + " lacks constraint " + c + ": " + props.keySet());
            }
        }
        // NOT NULL and CHECK are enforced by Delta on write: a negative size and a missing sha256 are refused.
        Timestamp now = new Timestamp(System.currentTimeMillis());
        Row bad = RowFactory.create("x.pdf", "abc", -1L, "pdf", now, now, "r1", "parsed", null, null, null);
        Exception e = assertThrows(Exception.class, () -> spark.createDataFrame(List.of(bad), LakeSchema.table(LakeSchema.DOCUMENTS).schema())
                .write().format("delta").mode("append").save(lake.path(LakeSchema.DOCUMENTS)));
        assertTrue(String.valueOf(e.getMessage()).contains("size_non_negative"), e.getMessage());
        assertEquals(0, lake.read(LakeSchema.DOCUMENTS).count());
    }

    /** A lake made before a quarantine reason existed takes rows with it after the upgrade, and a second upgrade commits nothing. */
    @Test
    void anOlderLakesConstraintsAreBroughtUpToDate(SparkSession spark, @TempDir Path tmp) {
        LakeTables lake = new LakeTables(spark, tmp.toUri().toString());
        lake.ensureTables();
        String table = "delta.`" + lake.path(LakeSchema.QUARANTINE) + "`";
        spark.sql("ALTER TABLE " + table + " DROP CONSTRAINT reason_known");
        spark.sql("ALTER TABLE " + table + " ADD CONSTRAINT reason_known CHECK (reason IN ('corrupt', 'encrypted'))");
        Timestamp now = new Timestamp(System.currentTimeMillis());
        StructType schema = LakeSchema.table(LakeSchema.QUARANTINE).schema();
        Object[] v = new Object[schema.size()];
        for (StructField f : schema.fields()) {
            int i = schema.fieldIndex(f.name());
            v[i] = switch (f.name()) {
                case "path" -> "scan.pdf";
                case "reason" -> "ocr_failed";
                default -> f.dataType().equals(org.apache.spark.sql.types.DataTypes.TimestampType) ? now
                        : f.dataType().equals(org.apache.spark.sql.types.DataTypes.StringType) && !f.nullable() ? "x" : null;
            };
        }
        var row = spark.createDataFrame(List.of(RowFactory.create(v)), schema);
        assertThrows(Exception.class, () -> row.write().format("delta").mode("append").save(lake.path(LakeSchema.QUARANTINE)));

        lake.upgradeConstraints(LakeSchema.QUARANTINE);
        long version = io.delta.tables.DeltaTable.forPath(spark, lake.path(LakeSchema.QUARANTINE)).history(1).first().getAs("version");
        lake.upgradeConstraints(LakeSchema.QUARANTINE);
        assertEquals(version, (long) io.delta.tables.DeltaTable.forPath(spark, lake.path(LakeSchema.QUARANTINE)).history(1).first().<Long>getAs("version"),
                "an up-to-date constraint is not written again");
        row.write().format("delta").mode("append").save(lake.path(LakeSchema.QUARANTINE));
        assertEquals(1, lake.read(LakeSchema.QUARANTINE).count());
    }
}
