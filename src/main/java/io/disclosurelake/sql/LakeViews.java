package io.disclosurelake.sql;

import io.disclosurelake.lake.LakeSchema;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Makes a lake queryable by name in a session without a metastore: each Delta table of {@link LakeSchema}
 * present under the lake becomes a temporary view of its own name ({@code reports}, {@code applications}, …),
 * then every view file {@code sql/views/NAME.sql} on the class path becomes the temporary view {@code NAME}.
 * The job calls it after its writes, {@code disclosure-lake sql} before a query, the notebooks do the same in
 * Python. A table missing from the lake (rankings before the first ranking) is skipped with the views that
 * need it, never an error.
 */
public final class LakeViews {
    private LakeViews() {}

    private static final Logger LOG = LoggerFactory.getLogger(LakeViews.class);
    public static final String VIEWS_RESOURCE_DIR = "sql/views";

    /** A view defined by a file: its name (the file's name without .sql) and its one SELECT statement. */
    public record ViewFile(String name, String resource, String sql) {}

    /** What {@link #registerAll} did: tables and views registered, views skipped with the reason. */
    public record Registration(List<String> tables, List<String> views, Map<String, String> skipped) {
        public List<String> names() {
            List<String> all = new ArrayList<>(tables);
            all.addAll(views);
            return all;
        }
    }

    /** Registers the lake's tables and the named views; returns every name registered (tables first). */
    public static List<String> register(SparkSession spark, String lakePath) {
        return registerAll(spark, lakePath).names();
    }

    public static Registration registerAll(SparkSession spark, String lakePath) {
        List<String> tables = registerTables(spark, lakePath);
        Map<String, String> skipped = new LinkedHashMap<>();
        List<String> views = registerViews(spark, viewFiles(), skipped);
        for (Map.Entry<String, String> e : skipped.entrySet()) {
            LOG.warn("view {} not created: {}", e.getKey(), e.getValue());
        }
        return new Registration(tables, views, skipped);
    }

    /**
     * Registers only what a query needs: the tables and views whose names it mentions, and the tables and views
     * those views read — each table costs a Delta snapshot load, so a one-table query starts faster.
     */
    public static Registration registerFor(SparkSession spark, String lakePath, String sql) {
        List<String> present = tablesIn(spark, lakePath);
        List<ViewFile> files = viewFiles();
        Set<String> needed = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(words(sql));
        while (!todo.isEmpty()) {
            String w = todo.pop();
            if (!needed.add(w)) continue;
            for (ViewFile v : files) if (v.name().equals(w)) todo.addAll(words(v.sql()));
        }
        List<String> tables = new ArrayList<>();
        for (String t : present) {
            if (needed.contains(t.toLowerCase(Locale.ROOT))) {
                table(spark, lakePath, t).createOrReplaceTempView(t);
                tables.add(t);
            }
        }
        dropLacking(spark, present, needed);
        Map<String, String> skipped = new LinkedHashMap<>();
        List<ViewFile> wanted = files.stream().filter(v -> needed.contains(v.name().toLowerCase(Locale.ROOT))).toList();
        List<String> views = registerViews(spark, wanted, skipped);
        return new Registration(tables, views, skipped);
    }

    /** Every identifier-like word of a SQL text, lower-cased (a superset of the names it reads). */
    static Set<String> words(String sql) {
        Set<String> out = new HashSet<>();
        Matcher m = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*").matcher(sql);
        while (m.find()) out.add(m.group().toLowerCase(Locale.ROOT));
        return out;
    }

    /**
     * Tables present in the lake (a directory of the table's name with a Delta log): those of {@link LakeSchema}
     * in its order, then any other Delta table under the lake (gold tables of a later package) by name.
     */
    public static List<String> tablesIn(SparkSession spark, String lakePath) {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<String> present = new ArrayList<>();
        try {
            Path root = new Path(lakePath);
            FileSystem fs = root.getFileSystem(conf);
            for (LakeSchema.Table t : LakeSchema.tables()) {
                if (fs.exists(new Path(tablePath(lakePath, t.name()), "_delta_log"))) present.add(t.name());
            }
            if (!fs.exists(root)) return present;
            TreeSet<String> others = new TreeSet<>();
            for (FileStatus st : fs.listStatus(root)) {
                String name = st.getPath().getName();
                if (st.isDirectory() && !present.contains(name) && name.matches("[A-Za-z_][A-Za-z0-9_]*")
                        && fs.exists(new Path(st.getPath(), "_delta_log"))) others.add(name);
            }
            present.addAll(others);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the lake at " + lakePath, e);
        }
        return present;
    }

    public static String tablePath(String lakePath, String table) {
        return new Path(lakePath, table).toString();
    }

    /** Registers each table present as a temporary view of its name over the path-based Delta table. */
    public static List<String> registerTables(SparkSession spark, String lakePath) {
        List<String> present = tablesIn(spark, lakePath);
        for (String name : present) {
            table(spark, lakePath, name).createOrReplaceTempView(name);
        }
        dropLacking(spark, present, null);
        return present;
    }

    /**
     * Drops the session's view of each table of {@link LakeSchema} (among {@code names}; null: all) that the lake
     * lacks: such a table must not be read from an earlier registration's view of another lake.
     */
    private static void dropLacking(SparkSession spark, List<String> present, Set<String> names) {
        for (LakeSchema.Table t : LakeSchema.tables()) {
            if ((names == null || names.contains(t.name())) && !present.contains(t.name())) spark.catalog().dropTempView(t.name());
        }
    }

    /**
     * A table as its view shows it: {@code reports} without the retired reports (lake/CurrentReports, docs/job.md
     * "A report's life"), so views and queries see what a clean run over the same files holds; the retired rows
     * stay in the table ({@code delta.`LAKE/reports`}).
     */
    static org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> table(SparkSession spark, String lakePath, String name) {
        org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> df = spark.read().format("delta").load(tablePath(lakePath, name));
        return name.equals(LakeSchema.REPORTS) ? io.disclosurelake.lake.CurrentReports.only(df) : df;
    }

    /**
     * Creates the views in dependency order: a view that needs another view is retried once that one exists;
     * a view whose table or view stays missing, or that fails to analyse, is skipped with the reason.
     */
    static List<String> registerViews(SparkSession spark, List<ViewFile> files, Map<String, String> skipped) {
        // A view of the same name left in the session (an earlier registration, maybe of another lake) would let a
        // view that reads it be created against it: dropped first, so what is created, and in what order, depends
        // on this lake only.
        for (ViewFile v : files) spark.catalog().dropTempView(v.name());
        List<String> created = new ArrayList<>();
        List<ViewFile> pending = new ArrayList<>(files);
        boolean progress = true;
        Map<String, String> lastError = new LinkedHashMap<>();
        while (!pending.isEmpty() && progress) {
            progress = false;
            List<ViewFile> next = new ArrayList<>();
            for (ViewFile v : pending) {
                try {
                    spark.sql(createStatement(v));
                    created.add(v.name());
                    progress = true;
                } catch (Exception e) {
                    // Scala throws AnalysisException undeclared; anything else is not the view's fault.
                    if (!(e instanceof AnalysisException)) throw e;
                    lastError.put(v.name(), SqlErrors.oneLine(e));
                    next.add(v);
                }
            }
            pending = next;
        }
        for (ViewFile v : pending) skipped.put(v.name(), lastError.get(v.name()));
        return created;
    }

    /** The DDL that makes a view file a temporary view of its name. */
    public static String createStatement(ViewFile v) {
        return "CREATE OR REPLACE TEMPORARY VIEW `" + v.name() + "` AS\n" + v.sql();
    }

    /** Every view file on the class path, by name. Each must hold exactly one statement. */
    public static List<ViewFile> viewFiles() {
        List<ViewFile> out = new ArrayList<>();
        for (String resource : viewResources()) {
            String file = resource.substring(resource.lastIndexOf('/') + 1);
            String name = file.substring(0, file.length() - ".sql".length());
            String text = read(resource);
            List<String> statements = SqlScript.statements(text);
            if (statements.size() != 1) {
                throw new IllegalStateException(resource + " must hold exactly one SELECT, found " + statements.size() + " statements");
            }
            out.add(new ViewFile(name, resource, statements.get(0)));
        }
        return out;
    }

    private static String read(String resource) {
        try (InputStream in = LakeViews.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resource names of sql/views/*.sql, sorted, from a directory (tests, IDE) or from the jar. */
    static List<String> viewResources() {
        TreeSet<String> names = new TreeSet<>();
        try {
            Enumeration<URL> roots = LakeViews.class.getClassLoader().getResources(VIEWS_RESOURCE_DIR);
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                if (url.getProtocol().equals("file")) {
                    try (Stream<java.nio.file.Path> s = Files.list(java.nio.file.Path.of(url.toURI()))) {
                        s.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".sql"))
                                .forEach(f -> names.add(VIEWS_RESOURCE_DIR + "/" + f));
                    }
                } else if (url.getProtocol().equals("jar")) {
                    JarURLConnection c = (JarURLConnection) url.openConnection();
                    c.setUseCaches(false);
                    try (JarFile jar = c.getJarFile()) {
                        Enumeration<JarEntry> entries = jar.entries();
                        while (entries.hasMoreElements()) {
                            String n = entries.nextElement().getName();
                            if (n.startsWith(VIEWS_RESOURCE_DIR + "/") && n.endsWith(".sql")
                                    && n.indexOf('/', VIEWS_RESOURCE_DIR.length() + 1) < 0) names.add(n);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return List.copyOf(names);
    }
}
