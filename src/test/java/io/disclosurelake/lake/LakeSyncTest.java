package io.disclosurelake.lake;

import io.disclosurelake.spark.SharedSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@link LakeTables#sync} on a handful of quarantine rows (scope column {@code path}): new rows are appended, an
 * unchanged source commits nothing, a changed row replaces its old version by a MERGE, rows outside the scope are
 * never touched, and a rerun adds no row twice.
 */
@ExtendWith(SharedSpark.class)
class LakeSyncTest {
    /** The source as a job step makes it: size as an int (the table's is a long), columns in another order. */
    static final StructType SOURCE = new StructType().add("size", DataTypes.IntegerType).add("path", DataTypes.StringType)
            .add("sha256", DataTypes.StringType).add("reason", DataTypes.StringType).add("message", DataTypes.StringType)
            .add("format", DataTypes.StringType).add("run_id", DataTypes.StringType);

    static Row q(String path, String reason) { return RowFactory.create(10, path, "sha-" + path, reason, null, "pdf", "run-1"); }

    Dataset<Row> rows(SparkSession spark, Row... r) { return spark.createDataFrame(List.of(r), SOURCE); }

    Dataset<Row> scope(SparkSession spark, String... paths) {
        return spark.createDataset(List.of(paths), org.apache.spark.sql.Encoders.STRING()).toDF(LakeSchema.PATH);
    }

    Set<String> content(LakeTables lake) {
        Set<String> s = new TreeSet<>();
        for (Row r : lake.read(LakeSchema.QUARANTINE).select("path", "reason", "size").collectAsList()) {
            s.add(r.getString(0) + ":" + r.getString(1) + ":" + r.getLong(2));
        }
        return s;
    }

    @Test
    void appendsNewRowsReplacesChangedOnesAndLeavesTheRest(SparkSession spark, @TempDir Path tmp) {
        LakeTables lake = new LakeTables(spark, tmp.toUri().toString());
        lake.ensureTables();
        long created = lake.version(LakeSchema.QUARANTINE);

        LakeTables.SyncResult first = lake.sync(LakeSchema.QUARANTINE, rows(spark, q("a.pdf", "corrupt"), q("b.pdf", "empty")),
                LakeSchema.PATH, scope(spark, "a.pdf", "b.pdf"));
        assertEquals("append", first.action());
        assertEquals(2, first.inserted());
        assertEquals(Set.of("a.pdf:corrupt:10", "b.pdf:empty:10"), content(lake));
        assertEquals(created + 1, lake.version(LakeSchema.QUARANTINE), "one commit");

        LakeTables.SyncResult again = lake.sync(LakeSchema.QUARANTINE, rows(spark, q("a.pdf", "corrupt"), q("b.pdf", "empty")),
                LakeSchema.PATH, scope(spark, "a.pdf", "b.pdf"));
        assertEquals("unchanged", again.action(), "a rerun adds nothing");
        assertEquals(created + 1, lake.version(LakeSchema.QUARANTINE), "and commits nothing");

        // a.pdf changed, c.pdf new; b.pdf is outside the scope and stays
        LakeTables.SyncResult changed = lake.sync(LakeSchema.QUARANTINE, rows(spark, q("a.pdf", "encrypted"), q("c.pdf", "timeout")),
                LakeSchema.PATH, scope(spark, "a.pdf", "c.pdf"));
        assertEquals("merge", changed.action());
        assertEquals(2, changed.inserted());
        assertEquals(1, changed.removed());
        assertEquals(Set.of("a.pdf:encrypted:10", "b.pdf:empty:10", "c.pdf:timeout:10"), content(lake));

        // part of the scope already there (b.pdf as it is), d.pdf new: only d.pdf is added
        LakeTables.SyncResult partly = lake.sync(LakeSchema.QUARANTINE, rows(spark, q("b.pdf", "empty"), q("d.pdf", "unsafe")),
                LakeSchema.PATH, scope(spark, "b.pdf", "d.pdf"));
        assertEquals("append", partly.action());
        assertEquals(1, partly.inserted());
        assertEquals(Set.of("a.pdf:encrypted:10", "b.pdf:empty:10", "c.pdf:timeout:10", "d.pdf:unsafe:10"), content(lake));
        assertEquals(4, lake.read(LakeSchema.QUARANTINE).count(), "no row twice");

        // a scope whose rows all go: removed, nothing inserted
        LakeTables.SyncResult gone = lake.sync(LakeSchema.QUARANTINE, rows(spark).limit(0), LakeSchema.PATH, scope(spark, "c.pdf"));
        assertEquals("merge", gone.action());
        assertEquals(Set.of("a.pdf:encrypted:10", "b.pdf:empty:10", "d.pdf:unsafe:10"), content(lake));
    }

    /**
     * A table this instance created is known empty until its first write: sync appends without reading it. The
     * knowledge is used once and not trusted after {@link LakeTables#forgetFresh} (other writers may then fill it),
     * and another instance (another night) never has it.
     */
    @Test
    void aTableCreatedTonightIsWrittenWithoutReadingItAndOnlyOnce(SparkSession spark, @TempDir Path tmp) {
        LakeTables lake = new LakeTables(spark, tmp.toUri().toString());
        Set<String> created = lake.ensureTables();
        assertTrue(created.contains(LakeSchema.QUARANTINE));
        assertTrue(lake.isFresh(LakeSchema.QUARANTINE) && lake.isFresh(LakeSchema.RUNS));
        assertTrue(lake.ensureTables().isEmpty(), "nothing created twice");
        assertFalse(new LakeTables(spark, tmp.toUri().toString()).isFresh(LakeSchema.QUARANTINE), "another night's instance");

        LakeTables.SyncResult first = lake.sync(LakeSchema.QUARANTINE, rows(spark, q("a.pdf", "corrupt")), LakeSchema.PATH, scope(spark, "a.pdf"));
        assertEquals("append", first.action());
        assertFalse(lake.isFresh(LakeSchema.QUARANTINE), "written: no longer known empty");
        LakeTables.SyncResult again = lake.sync(LakeSchema.QUARANTINE, rows(spark, q("a.pdf", "corrupt")), LakeSchema.PATH, scope(spark, "a.pdf"));
        assertEquals("unchanged", again.action(), "the second sync reads the table and finds the row");
        assertEquals(1, lake.read(LakeSchema.QUARANTINE).count());

        lake.forgetFresh();
        assertFalse(lake.isFresh(LakeSchema.RUNS), "after the night's writes nothing is taken for empty");
        assertEquals(Set.copyOf(LakeTables.JOB_TABLES), lake.created(), "what it created is remembered past the writes");
    }

    /**
     * {@link LakeTables#readAsFound}: a table created tonight and not yet written is an empty relation of its schema
     * (no Delta scan in the plan); once written, the table itself.
     */
    @Test
    void readAsFoundIsAnEmptyRelationUntilTheFirstWrite(SparkSession spark, @TempDir Path tmp) {
        LakeTables lake = new LakeTables(spark, tmp.toUri().toString());
        lake.ensureTables();
        Dataset<Row> before = lake.readAsFound(LakeSchema.QUARANTINE);
        assertEquals(LakeSchema.table(LakeSchema.QUARANTINE).schema(), before.schema());
        assertTrue(before.queryExecution().analyzed() instanceof org.apache.spark.sql.catalyst.plans.logical.LocalRelation,
                before.queryExecution().analyzed().toString());
        assertEquals(0, before.count());

        lake.sync(LakeSchema.QUARANTINE, rows(spark, q("a.pdf", "corrupt")), LakeSchema.PATH, scope(spark, "a.pdf"));
        assertEquals(1, lake.readAsFound(LakeSchema.QUARANTINE).count(), "written: read from the lake");
        assertEquals(1, new LakeTables(spark, tmp.toUri().toString()).readAsFound(LakeSchema.QUARANTINE).count(), "another night's instance reads it");
    }
}
