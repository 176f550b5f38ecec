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

    /**
     * Tables this instance created and has not written since: they hold no row (one night at a time, NightClaim),
     * so a write needs no read of them first ({@link #sync}, {@link #isFresh}).
     */
    private final java.util.Set<String> fresh = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Every table this instance created (unlike {@link #fresh}, kept after writes). */
    private final java.util.Set<String> created = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public String root() { return root; }

    /** The tables this instance created ({@link #ensure}): all their rows were written through it since. */
    public java.util.Set<String> created() { return java.util.Set.copyOf(created); }

    /** Whether the table was created by this instance and has had no write since: it is empty, no read needed. */
    public boolean isFresh(String table) { return fresh.contains(table); }

    /**
     * Ends the window in which {@link #isFresh} may be trusted: after the night's own writes, steps that write
     * through other instances (the gold layer, corrections) may fill a table this one created.
     */
    public void forgetFresh() { fresh.clear(); }

    public String path(String table) { return root + "/" + table; }

    /** Tables the job writes (rankings belong to the ranking step). */
    public static final List<String> JOB_TABLES = List.of(LakeSchema.DOCUMENTS, LakeSchema.REPORTS,
            LakeSchema.ACTIVE_DISCLOSURE, LakeSchema.APPLICATIONS, LakeSchema.REVIEW_LITIGATION, LakeSchema.CELLS,
            LakeSchema.QUARANTINE, LakeSchema.RULE_VIOLATIONS, LakeSchema.REPORT_METRICS, LakeSchema.RUNS);

    public boolean exists(String table) { return DeltaTable.isDeltaTable(spark, path(table)); }

    /**
     * Creates every missing table of the job, with column comments, NOT NULL, the table comment and CHECKs.
     * @return the tables created now (they are as {@link LakeSchema} says: {@link #addMissingColumns} skips them)
     */
    public java.util.Set<String> ensureTables() { return ensure(JOB_TABLES); }

    /** Creates the missing tables among {@code names} as {@link #ensureTables} does; returns those created now. */
    public java.util.Set<String> ensure(java.util.Collection<String> names) {
        Map<String, Map<String, String>> checks = LakeConstraints.all();
        java.util.Set<String> created = java.util.concurrent.ConcurrentHashMap.newKeySet();
        // Independent tables: created concurrently (each creation is one small Delta commit, mostly waiting).
        names.parallelStream().forEach(name -> {
            if (hasLog(name) && exists(name)) return;
            created.add(name);
            LakeSchema.Table t = LakeSchema.table(name);
            // Constraints go in with the creation (one commit per table): ALTER TABLE ADD CONSTRAINT is a commit each.
            var builder = DeltaTable.createIfNotExists(spark).location(path(name)).addColumns(t.schema()).comment(t.comment());
            for (Map.Entry<String, String> c : checks.getOrDefault(name, Map.of()).entrySet()) {
                builder = builder.property("delta.constraints." + c.getKey(), c.getValue());
            }
            builder.execute();
        });
        fresh.addAll(created);
        this.created.addAll(created);
        return created;
    }

    /** Adds columns that {@link LakeSchema} gained since the table was created (additive schema changes). */
    public void addMissingColumns() { addMissingColumns(java.util.Set.of()); }

    /**
     * As {@link #addMissingColumns()}, leaving out {@code current}: tables known to be as LakeSchema says (created
     * this night). Schema and constraints come from the table's Delta log (its metadata), not from a query.
     */
    public void addMissingColumns(java.util.Set<String> current) {
        for (String name : JOB_TABLES) {
            if (current.contains(name) || !hasLog(name) || !exists(name)) continue;
            org.apache.spark.sql.delta.actions.Metadata meta = metadata(name);
            List<String> have = Arrays.asList(meta.schema().fieldNames());
            List<String> add = new ArrayList<>();
            for (StructField f : LakeSchema.table(name).schema().fields()) {
                if (!have.contains(f.name())) {
                    add.add(f.name() + " " + f.dataType().sql() + " COMMENT '" + f.getComment().getOrElse(() -> "").replace("'", "\\'") + "'");
                }
            }
            if (!add.isEmpty()) spark.sql("ALTER TABLE delta.`" + path(name) + "` ADD COLUMNS (" + String.join(", ", add) + ")");
            upgradeConstraints(name, scala.jdk.javaapi.CollectionConverters.asJava(meta.configuration()));
        }
    }

    /** The latest metadata (schema, properties) of a table from its Delta log: no Spark job, unlike DESCRIBE DETAIL. */
    private org.apache.spark.sql.delta.actions.Metadata metadata(String table) {
        return org.apache.spark.sql.delta.DeltaLog.forTable(spark, path(table))
                .update(false, scala.Option.empty(), scala.Option.empty()).metadata();
    }

    /**
     * Brings the CHECK constraints of an existing table up to {@link LakeConstraints}: a quarantine reason or a
     * rule added since the table was created (e.g. {@code ocr_failed}) would otherwise be refused by the old
     * CHECK and stop the night. Only a constraint that differs is replaced (a commit each, once per upgrade).
     */
    void upgradeConstraints(String name) {
        upgradeConstraints(name, scala.jdk.javaapi.CollectionConverters.asJava(metadata(name).configuration()));
    }

    /** As {@link #upgradeConstraints(String)}, with the table's properties as {@code have}. */
    private void upgradeConstraints(String name, Map<String, String> have) {
        Map<String, String> want = LakeConstraints.all().getOrDefault(name, Map.of());
        if (want.isEmpty()) return;
        for (Map.Entry<String, String> c : want.entrySet()) {
            String current = have.get("delta.constraints." + c.getKey().toLowerCase(java.util.Locale.ROOT));
            // Delta keeps an added CHECK as its tokens spaced out: compare without whitespace.
            if (current != null && current.replaceAll("\\s+", "").equals(c.getValue().replaceAll("\\s+", ""))) continue;
            String table = "delta.`" + path(name) + "`";
            if (current != null) spark.sql("ALTER TABLE " + table + " DROP CONSTRAINT " + c.getKey());
            spark.sql("ALTER TABLE " + table + " ADD CONSTRAINT " + c.getKey() + " CHECK (" + c.getValue() + ")");
        }
    }

    public Dataset<Row> read(String table) { return spark.read().format("delta").load(path(table)); }

    /**
     * The table as this night found it: a table created tonight and not written since ({@link #isFresh}) holds no
     * row, so it is not read — no Delta snapshot to load, and the optimiser drops the joins with an empty relation
     * (a first night's every table). Otherwise {@link #read}.
     */
    public Dataset<Row> readAsFound(String table) {
        return isFresh(table) ? spark.createDataFrame(List.of(), LakeSchema.table(table).schema()) : read(table);
    }

    /**
     * Whether the table has a Delta log, told from the file system (any Hadoop URI) without reading the log:
     * cheaper than {@link #exists}, for derived tables that are rewritten whole.
     */
    public boolean hasLog(String table) {
        try {
            org.apache.hadoop.fs.Path log = new org.apache.hadoop.fs.Path(path(table), "_delta_log");
            return log.getFileSystem(spark.sparkContext().hadoopConfiguration()).isDirectory(log);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The rows with exactly the table's columns, in order, cast to its types, with its comments. */
    public static Dataset<Row> shape(Dataset<Row> rows, String table) {
        org.apache.spark.sql.types.StructType schema = LakeSchema.table(table).schema();
        Column[] cols = new Column[schema.fields().length];
        for (int i = 0; i < cols.length; i++) {
            StructField f = schema.fields()[i];
            cols[i] = rows.col(f.name()).cast(f.dataType()).as(f.name(), f.metadata());
        }
        return rows.select(cols);
    }

    /**
     * Overwrites a derived table: the rows are cast to the table's LakeSchema columns (names, order, types,
     * comments) and written as one commit; the previous versions stay in the Delta log.
     */
    public void overwrite(String table, Dataset<Row> rows) {
        LakeSchema.Table t = LakeSchema.table(table);
        // Delta keeps NOT NULL only from a table's definition (a DataFrame write makes every column nullable):
        // create the table from LakeSchema first, then overwrite its rows; mergeSchema adds columns LakeSchema gained.
        if (!hasLog(table)) DeltaTable.createIfNotExists(spark).location(path(table)).addColumns(t.schema()).comment(t.comment()).execute();
        fresh.remove(table);
        shape(rows, table).write().format("delta").mode("overwrite").option("mergeSchema", "true").save(path(table));
    }

    /**
     * Replaces the rows of the given years of a derived table with {@code rows} (which hold only those years) in
     * one commit: a Delta overwrite by the condition {@code year IN (…)}, given as a Column (values as literals of
     * the plan, never as SQL text). Rows of other years are not touched. A table without a log is created whole.
     */
    public void replaceYears(String table, Dataset<Row> rows, java.util.Collection<Integer> years) {
        if (!hasLog(table)) {
            overwrite(table, rows);
            return;
        }
        fresh.remove(table);
        try {
            shape(rows, table).writeTo(sqlName(table)).option("mergeSchema", "true")
                    .overwrite(col(LakeSchema.YEAR).isin(years.toArray()));
        } catch (org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code delta.`path`} for SQL that must name the table (a MERGE in SQL). */
    public String sqlName(String table) { return "delta.`" + path(table).replace("`", "``") + "`"; }

    /** The table, or no rows of its schema while it does not exist yet (the first night, before its creation). */
    public Dataset<Row> readOrEmpty(String table) {
        if (exists(table)) return read(table);
        return spark.createDataFrame(List.of(), LakeSchema.table(table).schema());
    }

    /** Latest version of a table (number of commits − 1). */
    public long version(String table) { return latestCommit(table).getAs("version"); }


    /** The latest commit's history row (read from the Delta log, no table scan). */
    private Row latestCommit(String table) { return DeltaTable.forPath(spark, path(table)).history(1).first(); }

    /**
     * Appends rows the table does not hold (the caller compared them with the rows of their scope). An append,
     * not an insert-only MERGE: the MERGE read the whole table to find rows to skip — a full scan of cells every
     * night, growing with the lake — and one night at a time ({@link NightClaim}) already keeps two nights from
     * adding a row twice; a rerun after a crash finds its rows in the scope and compares them instead
     * ({@link #sync}). Cast to the table's columns and types first ({@link #shape}).
     */
    private void append(String table, Dataset<Row> rows) {
        fresh.remove(table);
        shape(rows, table).write().format("delta").mode("append").save(path(table));
    }

    private static Column sameRow(String[] columns) {
        return Arrays.stream(columns).map(c -> col("t." + quoted(c)).eqNullSafe(col("s." + quoted(c)))).reduce(Column::and).orElseThrow();
    }

    private static Map<String, Column> insertAll(String[] columns) {
        Map<String, Column> insert = new LinkedHashMap<>();
        for (String c : columns) insert.put(quoted(c), col("s." + quoted(c)));
        return insert;
    }

    /** A column name as an identifier ({@code `name`}). */
    private static String quoted(String column) { return "`" + column.replace("`", "``") + "`"; }

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
        // A table created tonight holds nothing yet: it is not even read (a first night's every table).
        boolean empty = fresh.remove(table);
        Dataset<Row> targetScoped = empty ? null : read(table).join(scope.select(col(scopeColumn)).distinct(),
                scala.jdk.javaapi.CollectionConverters.asScala(List.of(scopeColumn)).toSeq(), "left_semi").select(cols);
        if (empty || targetScoped.isEmpty()) {
            // Nothing of the scope in the table yet (a first night, new reports): no row to compare or remove,
            // the source is inserted as it is — computed once (cached), counted, written; the count is the
            // number of rows the append inserts, so the commit's metrics need not be read back from the log.
            Dataset<Row> src = source.select(cols).distinct().persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
            try {
                long n = src.count();
                if (n == 0) return new SyncResult(table, 0, 0, "unchanged", (System.nanoTime() - t0) / 1e9);
                append(table, src);
                return new SyncResult(table, n, 0, "append", (System.nanoTime() - t0) / 1e9);
            } finally {
                src.unpersist();
            }
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
            append(table, toInsert);
            action = "append";
        } else {
            Object[] keys = removedKeys.stream().map(r -> r.get(0)).toArray();
            DeltaTable.forPath(spark, path(table)).as("t")
                    .merge(src.as("s"), sameRow(columns))
                    .whenNotMatched().insert(insertAll(columns))
                    .whenNotMatchedBySource(col("t." + quoted(scopeColumn)).isin(keys)).delete()
                    .execute();
            action = "merge";
        }
        src.unpersist();
        toInsert.unpersist();
        return new SyncResult(table, inserted, removed, action, (System.nanoTime() - t0) / 1e9);
    }
}
