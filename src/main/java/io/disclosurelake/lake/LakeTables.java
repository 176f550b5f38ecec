package io.disclosurelake.lake;

import io.delta.tables.DeltaTable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.col;

/**
 * The lake on disk: one path-based Delta table per {@link LakeSchema} table under one directory (any Hadoop
 * URI). Creates missing tables with their comments and constraints, and writes each table with at most one
 * commit per run ({@link #sync}).
 */
public final class LakeTables {
    private final SparkSession spark;
    private final String root;

    public LakeTables(SparkSession spark, String root) {
        this.spark = spark;
        // Hadoop's form (file:/x, not file:///x): Delta compares locations as strings.
        String r = new org.apache.hadoop.fs.Path(root).toString();
        this.root = r.endsWith("/") ? r.substring(0, r.length() - 1) : r;
    }

    public String root() { return root; }
    public String path(String table) { return root + "/" + table; }

    /** Tables the job writes (rankings belong to the ranking step). */
    public static final List<String> JOB_TABLES = List.of(LakeSchema.DOCUMENTS, LakeSchema.REPORTS,
            LakeSchema.ACTIVE_DISCLOSURE, LakeSchema.APPLICATIONS, LakeSchema.REVIEW_LITIGATION, LakeSchema.CELLS,
            LakeSchema.QUARANTINE, LakeSchema.RULE_VIOLATIONS, LakeSchema.REPORT_METRICS, LakeSchema.RUNS);

    public boolean exists(String table) { return DeltaTable.isDeltaTable(spark, path(table)); }

    /** Creates every missing table of the job, with column comments, NOT NULL, the table comment and CHECKs. */
    public void ensureTables() {
        Map<String, Map<String, String>> checks = LakeConstraints.all();
        // Independent tables: created concurrently (each creation is one small Delta commit, mostly waiting).
        JOB_TABLES.parallelStream().forEach(name -> {
            if (exists(name)) return;
            LakeSchema.Table t = LakeSchema.table(name);
            // Constraints go in with the creation (one commit per table): ALTER TABLE ADD CONSTRAINT is a commit each.
            var builder = DeltaTable.createIfNotExists(spark).location(path(name)).addColumns(t.schema()).comment(t.comment());
            for (Map.Entry<String, String> c : checks.getOrDefault(name, Map.of()).entrySet()) {
                builder = builder.property("delta.constraints." + c.getKey(), c.getValue());
            }
            builder.execute();
        });
    }

    /** Adds columns that {@link LakeSchema} gained since the table was created (additive schema changes). */
    public void addMissingColumns() {
        for (String name : JOB_TABLES) {
            if (!exists(name)) continue;
            List<String> have = Arrays.asList(read(name).columns());
            List<String> add = new ArrayList<>();
            for (StructField f : LakeSchema.table(name).schema().fields()) {
                if (!have.contains(f.name())) {
                    add.add(f.name() + " " + f.dataType().sql() + " COMMENT '" + f.getComment().getOrElse(() -> "").replace("'", "\\'") + "'");
                }
            }
            if (!add.isEmpty()) spark.sql("ALTER TABLE delta.`" + path(name) + "` ADD COLUMNS (" + String.join(", ", add) + ")");
        }
    }

    public Dataset<Row> read(String table) { return spark.read().format("delta").load(path(table)); }

    /** The table, or no rows of its schema while it does not exist yet (the first night, before its creation). */
    public Dataset<Row> readOrEmpty(String table) {
        if (exists(table)) return read(table);
        return spark.createDataFrame(List.of(), LakeSchema.table(table).schema());
    }

    /** Latest version of a table (number of commits − 1). */
    public long version(String table) { return latestCommit(table).getAs("version"); }

    /** Rows the table's latest commit wrote (Delta's operation metrics). */
    long lastCommitOutputRows(String table) {
        scala.collection.Map<String, String> m = latestCommit(table).getAs("operationMetrics");
        return m == null || m.get("numOutputRows").isEmpty() ? -1 : Long.parseLong(m.get("numOutputRows").get());
    }

    /** The latest commit's history row (read from the Delta log, no table scan). */
    private Row latestCommit(String table) { return DeltaTable.forPath(spark, path(table)).history(1).first(); }

    /** What {@link #sync} did to a table. */
    public record SyncResult(String table, long inserted, long removed, String action, double seconds) {}

    /**
     * Makes the rows of {@code table} whose {@code scopeColumn} is among the source's scope equal to
     * {@code source} — in one commit, or none when they already are. Rows are compared whole: a changed row
     * is removed and its new version inserted (history stays in Delta's time travel). Re-running after a crash
     * is safe: rows already present are not inserted twice.
     *
     * @param scope the scope values (one column named {@code scopeColumn}) whose rows the source replaces;
     *              rows of the table outside it are never touched
     */
    public SyncResult sync(String table, Dataset<Row> source, String scopeColumn, Dataset<Row> scope) {
        long t0 = System.nanoTime();
        String[] columns = LakeSchema.table(table).schema().fieldNames();
        Column[] cols = Arrays.stream(columns).map(c -> col(c)).toArray(Column[]::new);
        Dataset<Row> targetScoped = read(table).join(scope.select(col(scopeColumn)).distinct(),
                scala.jdk.javaapi.CollectionConverters.asScala(List.of(scopeColumn)).toSeq(), "left_semi").select(cols);
        if (targetScoped.isEmpty()) {
            // Nothing of the scope in the table yet (a first night, new reports): no row to compare or remove,
            // the source is appended as it is — one scan of the source instead of three and two of the table.
            Dataset<Row> src = source.select(cols).distinct();
            if (src.isEmpty()) return new SyncResult(table, 0, 0, "unchanged", (System.nanoTime() - t0) / 1e9);
            src.write().format("delta").mode("append").save(path(table));
            return new SyncResult(table, lastCommitOutputRows(table), 0, "append", (System.nanoTime() - t0) / 1e9);
        }
        Dataset<Row> src = source.select(cols).distinct().cache();
        Dataset<Row> toInsert = src.except(targetScoped).cache();
        long inserted = toInsert.count();
        List<Row> removedKeys = targetScoped.except(src).select(scopeColumn).distinct().collectAsList();
        long removed = removedKeys.size();
        String action;
        if (inserted == 0 && removed == 0) {
            action = "unchanged";
        } else if (removed == 0) {
            toInsert.write().format("delta").mode("append").save(path(table));
            action = "append";
        } else {
            String on = Arrays.stream(columns).map(c -> "t.`" + c + "` <=> s.`" + c + "`").collect(Collectors.joining(" AND "));
            String keys = removedKeys.stream().map(r -> "'" + r.get(0).toString().replace("'", "''") + "'")
                    .collect(Collectors.joining(", "));
            Map<String, Column> insert = new LinkedHashMap<>();
            for (String c : columns) insert.put("`" + c + "`", col("s.`" + c + "`"));
            DeltaTable.forPath(spark, path(table)).as("t")
                    .merge(src.as("s"), on)
                    .whenNotMatched().insert(insert)
                    .whenNotMatchedBySource("t.`" + scopeColumn + "` IN (" + keys + ")").delete()
                    .execute();
            action = "merge";
        }
        src.unpersist();
        toInsert.unpersist();
        return new SyncResult(table, inserted, removed, action, (System.nanoTime() - t0) / 1e9);
    }
}
