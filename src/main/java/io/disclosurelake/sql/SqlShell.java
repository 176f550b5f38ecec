package io.disclosurelake.sql;

import io.disclosurelake.lake.LakeSession;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a SQL script over a lake's views and prints each result as an aligned table, CSV or JSON lines — the
 * engine of {@code disclosure-lake sql}. Query errors (a wrong table or column name, bad syntax) propagate as
 * Spark's exceptions; {@link SqlErrors} turns them into one line for the person at the terminal.
 */
public final class SqlShell {
    public enum Format { TABLE, CSV, JSON }

    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private final SparkSession spark;
    private final Format format;
    private final int maxRows;
    private final PrintWriter out;

    public SqlShell(SparkSession spark, Format format, int maxRows, PrintWriter out) {
        this.spark = spark;
        this.format = format;
        this.maxRows = maxRows;
        this.out = out;
    }

    /**
     * The session of {@code sql}: the project's one session builder ({@link LakeSession}) with the settings every
     * command reads (conf/spark-defaults.conf, spark.* system properties) and its interactive profile. Call
     * {@link #quietLogging()} first for a command that should print nothing but errors.
     */
    public static SparkSession localSession(String appName) {
        // Inside a JVM that already has a session (tests, the job), use it as it is.
        if (SparkSession.getDefaultSession().isDefined()) return SparkSession.getDefaultSession().get();
        SparkSession spark;
        try {
            spark = LakeSession.create(LakeSession.Profile.INTERACTIVE, LakeSession.sparkDefaults(),
                    List.of("spark.app.name=" + appName), null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read conf/spark-defaults.conf: " + e.getMessage(), e);
        }
        spark.sparkContext().setLogLevel("ERROR");
        return spark;
    }

    /**
     * Log4j set to errors only, called before any Spark class is touched: Spark then keeps it (it installs its
     * own INFO profile only over log4j's built-in default) and prints no "Using Spark's default log4j profile".
     */
    public static void quietLogging() {
        if (System.getProperty("log4j2.configurationFile") != null) return; // the user chose a configuration
        if (LogManager.getContext(false) instanceof LoggerContext ctx && ctx.isStarted()
                && !(ctx.getConfiguration() instanceof DefaultConfiguration)) {
            // log4j already configured (inside a test or the job): only turn it down
            Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, Level.ERROR);
            return;
        }
        System.setProperty("log4j2.configurationFile", "sql/log4j2-quiet.properties");
        Configurator.reconfigure();
    }

    /** Runs every statement of the script in order; prints the result of each that has columns. */
    public void run(String script) {
        List<String> statements = SqlScript.statements(script);
        if (statements.isEmpty()) throw new IllegalArgumentException("no SQL statement given");
        boolean first = true;
        for (String sql : statements) {
            Dataset<Row> df = spark.sql(sql);
            if (df.schema().isEmpty()) continue;
            if (!first && format == Format.TABLE) out.println();
            print(df);
            first = false;
        }
        out.flush();
    }

    public void print(Dataset<Row> df) {
        switch (format) {
            case TABLE -> printTable(df);
            case CSV -> printCsv(df);
            case JSON -> printJson(df);
        }
    }

    private void printTable(Dataset<Row> df) {
        StructType schema = df.schema();
        List<String> names = new ArrayList<>();
        List<Boolean> numeric = new ArrayList<>();
        for (StructField f : schema.fields()) {
            names.add(f.name());
            numeric.add(f.dataType() instanceof NumericType);
        }
        ResultTable table = new ResultTable(names, numeric);
        List<Row> rows = df.limit(maxRows + 1).collectAsList();
        for (int r = 0; r < Math.min(rows.size(), maxRows); r++) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) cells.add(text(rows.get(r), i, schema.fields()[i].dataType(), true));
            table.add(cells);
        }
        out.print(table.render(rows.size() > maxRows));
    }

    private void printCsv(Dataset<Row> df) {
        StructType schema = df.schema();
        try {
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(schema.fieldNames()).get());
            for (Iterator<Row> it = df.toLocalIterator(); it.hasNext(); ) {
                Row row = it.next();
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < schema.size(); i++) {
                    cells.add(row.isNullAt(i) ? null : text(row, i, schema.fields()[i].dataType(), false));
                }
                csv.printRecord(cells);
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void printJson(Dataset<Row> df) {
        StructType schema = df.schema();
        try {
            for (Iterator<Row> it = df.toLocalIterator(); it.hasNext(); ) {
                Row row = it.next();
                Map<String, Object> obj = new LinkedHashMap<>();
                for (int i = 0; i < schema.size(); i++) obj.put(schema.fields()[i].name(), value(row.get(i), schema.fields()[i].dataType()));
                out.println(JSON.writeValueAsString(obj));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cell as text: NULL spelled out in tables; decimals without padding zeros; rates to 4 places in tables. */
    static String text(Row row, int i, DataType type, boolean forTable) {
        if (row.isNullAt(i)) return forTable ? "NULL" : "";
        Object v = value(row.get(i), type);
        if (forTable && v instanceof Double d && !d.isNaN() && !d.isInfinite() && Math.abs(d) < 1e15) {
            return BigDecimal.valueOf(d).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        }
        if (v instanceof BigDecimal b) return b.toPlainString();
        if (v instanceof Double d) return String.valueOf(d);
        if (v instanceof List<?> || v instanceof Map<?, ?>) {
            try {
                return JSON.writeValueAsString(v);
            } catch (IOException e) {
                return String.valueOf(v);
            }
        }
        return String.valueOf(v);
    }

    /** Spark's value as plain Java: lists and maps for arrays and maps, exact decimals, ISO times. */
    static Object value(Object v, DataType type) {
        if (v == null) return null;
        if (type instanceof DecimalType && v instanceof BigDecimal b) {
            BigDecimal s = b.stripTrailingZeros();
            return s.scale() < 0 ? s.setScale(0) : s;
        }
        if (type instanceof DoubleType || type instanceof FloatType) return ((Number) v).doubleValue();
        if (type instanceof ArrayType a && v instanceof scala.collection.Seq<?> seq) {
            List<Object> out = new ArrayList<>();
            scala.collection.Iterator<?> it = seq.iterator();
            while (it.hasNext()) out.add(value(it.next(), a.elementType()));
            return out;
        }
        if (type instanceof MapType m && v instanceof scala.collection.Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            scala.collection.Iterator<? extends scala.Tuple2<?, ?>> it = map.iterator();
            while (it.hasNext()) {
                scala.Tuple2<?, ?> e = it.next();
                out.put(String.valueOf(e._1()), value(e._2(), m.valueType()));
            }
            return out;
        }
        if (type instanceof StructType st && v instanceof Row r) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (int i = 0; i < st.size(); i++) out.put(st.fields()[i].name(), value(r.get(i), st.fields()[i].dataType()));
            return out;
        }
        if (v instanceof java.sql.Timestamp t) return t.toInstant().toString();
        if (v instanceof java.sql.Date d) return d.toLocalDate().toString();
        if (v instanceof byte[] bytes) return "0x" + java.util.HexFormat.of().formatHex(bytes).toUpperCase(Locale.ROOT);
        return v;
    }
}
