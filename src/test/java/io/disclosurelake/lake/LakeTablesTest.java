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
    void dataDictionaryIsGeneratedFromTheSchemas() throws Exception {
        Path file = Path.of("docs/data-dictionary.md");
        String expected = DataDictionary.markdown();
        if (Boolean.getBoolean("dictionary.write")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, expected, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(file), "docs/data-dictionary.md missing: run with -Ddictionary.write=true");
        assertEquals(expected, Files.readString(file, StandardCharsets.UTF_8),
                "docs/data-dictionary.md is stale: regenerate with -Ddictionary.write=true");
    }

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
}
