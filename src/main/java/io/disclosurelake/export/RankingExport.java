package io.disclosurelake.export;

import io.disclosurelake.lake.LakeSchema;
import io.disclosurelake.rank.GoldTables;
import io.disclosurelake.rank.ScoringConfig;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

/**
 * Exports one year's rankings from the lake as CSV (a national file and one per province), XLSX (a sheet per
 * province) and a self-contained HTML report. A year's rankings (one row per body) are read once and every
 * file is written from them — the night's years all at once, each source one query for all of them; file names
 * are built from fixed words, the year and {@link ProvinceCodes} only.
 */
public final class RankingExport {
    private RankingExport() {}

    public enum Format {
        CSV, XLSX, HTML;

        public static Set<Format> parse(String list) {
            Set<Format> s = EnumSet.noneOf(Format.class);
            for (String p : list.split(",")) if (!p.isBlank()) s.add(Format.valueOf(p.strip().toUpperCase(Locale.ROOT)));
            if (s.isEmpty()) throw new IllegalArgumentException("no format in '" + list + "'");
            return s;
        }
    }

    /** A file written, its size and the seconds it took. */
    public record Written(Path file, long bytes, double seconds) {}

    /**
     * Null when {@code dir} holds whole exports made from the tables at {@code versions}, else why not
     * (docs/job.md "Exports written whole"; {@link ExportManifest}).
     */
    public static String stale(Path dir, Map<String, Long> versions) throws IOException { return ExportManifest.stale(dir, versions); }

    /** Before a night's exports: their manifest removed, temporary files of a killed night too. */
    public static void begin(Path dir) throws IOException {
        AtomicFiles.removeLeftovers(dir);
        ExportManifest.invalidate(dir);
    }

    /** After a night's exports, last: the manifest of the files written and the table versions they come from. */
    public static void finish(Path dir, Map<String, Long> versions, java.util.Collection<Path> files) throws IOException {
        ExportManifest.write(dir, versions, files);
    }

    /** Rows shown per province in the HTML report (the CSV and XLSX carry all). */
    public static final int HTML_ROWS_PER_PROVINCE = 300;

    /** Every ranking export's name starts so ({@code rankings-YEAR…}). */
    public static final String FILE_PREFIX = "rankings-";

    /** Whether {@code file} is a ranking export (a file this class writes). */
    public static boolean isRankingFile(Path file) {
        return file.getFileName().toString().startsWith(FILE_PREFIX) && Files.isRegularFile(file);
    }

    /** Whether the year's national files of every format (all provinces, no --province) are in {@code outDir}. */
    public static boolean filesPresent(Path outDir, int year, Set<Format> formats) {
        for (Format f : formats) {
            String name = switch (f) {
                case CSV -> FILE_PREFIX + year + "-national.csv";
                case XLSX -> FILE_PREFIX + year + ".xlsx";
                case HTML -> FILE_PREFIX + year + ".html";
            };
            if (!Files.isRegularFile(outDir.resolve(name))) return false;
        }
        return true;
    }

    public static List<Written> export(SparkSession spark, String lake, int year, String provinceFilter, Path outDir,
                                       Set<Format> formats, ScoringConfig conf) throws IOException {
        return export(spark, lake, List.of(year), provinceFilter, outDir, formats, conf);
    }

    /**
     * The exports of {@code years}, in that order: each source (rankings, coverage, and for the HTML report the
     * violation counts and the trend) is read once for all of them and grouped by year here, so a night costs one
     * set of queries, not one per year (a query costs about half a second, whatever its size). The files are those
     * of one call per year.
     */
    public static List<Written> export(SparkSession spark, String lake, java.util.Collection<Integer> years, String provinceFilter,
                                       Path outDir, Set<Format> formats, ScoringConfig conf) throws IOException {
        if (years.isEmpty()) return List.of();
        Files.createDirectories(outDir);
        Sources src = Sources.read(spark, lake, years, formats.contains(Format.HTML));
        List<Written> out = new ArrayList<>();
        for (int year : years) out.addAll(export(src, year, provinceFilter, outDir, formats, conf));
        return out;
    }

    /**
     * The rows the exports of some years are made from, by year: rankings (one row per body, as read), coverage
     * rows of status unreadable (by province, then body), and for the HTML report the violation counts per
     * province and rule of the ranked reports and the province trend of the non-disclosure rate (up to the last
     * year; each file keeps the years up to its own).
     */
    private record Sources(Map<Integer, List<Row>> rankings, Map<Integer, List<Row>> unreadable,
                           Map<Integer, List<Row>> violations, List<Row> trend) {
        static Sources read(SparkSession spark, String lake, java.util.Collection<Integer> years, boolean html) {
            Column inYears = col(LakeSchema.YEAR).isin(years.toArray());
            Map<Integer, List<Row>> rankings = byYear(GoldTables.read(spark, lake, LakeSchema.RANKINGS).where(inYears).collectAsList());
            Map<Integer, List<Row>> unreadable = new HashMap<>();
            if (GoldTables.exists(lake, LakeSchema.COVERAGE)) {
                Dataset<Row> cov = GoldTables.read(spark, lake, LakeSchema.COVERAGE);
                if (List.of(cov.columns()).contains("status")) {
                    unreadable = byYear(cov.where(inYears.and(col("status").equalTo("unreadable")))
                            .orderBy("province", "org").collectAsList());
                }
            }
            Map<Integer, List<Row>> violations = new HashMap<>();
            List<Row> trend = List.of();
            if (html) {
                // violations.RULE counts of report_metrics, of the ranked reports, summed per year, province and rule
                Dataset<Row> metrics = GoldTables.read(spark, lake, LakeSchema.REPORT_METRICS)
                        .where(col("metric").like("violations.%")).select(LakeSchema.REPORT_ID, "metric", "value");
                Dataset<Row> ranked = GoldTables.read(spark, lake, LakeSchema.RANKINGS).where(inYears)
                        .select(LakeSchema.REPORT_ID, LakeSchema.YEAR, "province");
                violations = byYear(metrics.join(ranked, io.disclosurelake.lake.JoinKeys.of(LakeSchema.REPORT_ID))
                        .groupBy(col(LakeSchema.YEAR), col("province"), col("metric").substr(12, Integer.MAX_VALUE).as("rule"))
                        .agg(sum("value")).collectAsList());
                // the trend up to the report's year: a year's report does not change with later years' data
                trend = GoldTables.read(spark, lake, LakeSchema.REGION_METRICS)
                        .where("level = 'province' AND report_scope = 'body' AND metric = 'non_disclosure_rate'")
                        .where(col(LakeSchema.YEAR).leq(java.util.Collections.max(years)))
                        .select("province", "year", "value").collectAsList();
            }
            return new Sources(rankings, unreadable, violations, trend);
        }

        /** The rows by their year, each year's in the order read. */
        private static Map<Integer, List<Row>> byYear(List<Row> rows) {
            Map<Integer, List<Row>> m = new HashMap<>();
            for (Row r : rows) m.computeIfAbsent(r.<Integer>getAs(LakeSchema.YEAR), k -> new ArrayList<>()).add(r);
            return m;
        }

        List<Row> rankings(int year) { return rankings.getOrDefault(year, List.of()); }
        List<Row> unreadable(int year) { return unreadable.getOrDefault(year, List.of()); }
        List<Row> violations(int year) { return violations.getOrDefault(year, List.of()); }
    }

    private static List<Written> export(Sources src, int year, String provinceFilter, Path outDir,
                                        Set<Format> formats, ScoringConfig conf) throws IOException {
        // The year's rankings (one row per body: the gold output, not the corpus), ordered here; every file of
        // the year is written from this list instead of a Spark query per file and province.
        List<Row> yearRows = src.rankings(year);
        TreeSet<String> nameSet = new TreeSet<>(java.util.Comparator.nullsLast(RankingExport::compareText));
        boolean nullProvince = false;
        for (Row r : yearRows) {
            String p = r.getAs("province");
            if (p == null) nullProvince = true; else nameSet.add(p);
        }
        List<String> names = new ArrayList<>(nameSet);
        if (nullProvince) names.add(null);
        List<String> chosen = new ArrayList<>();
        for (String n : names) if (provinceFilter == null || matches(provinceFilter, n)) chosen.add(n);
        if (provinceFilter != null && chosen.isEmpty()) {
            throw new IllegalArgumentException("no ranking for province " + provinceFilter + " in " + year);
        }
        Map<String, String> stems = stems(names);
        Map<String, List<Row>> byProvince = new LinkedHashMap<>();
        for (String p : chosen) byProvince.put(key(p), new ArrayList<>());
        List<Row> rankings = new ArrayList<>();
        for (Row r : yearRows) {
            List<Row> l = byProvince.get(key(r.getAs("province")));
            if (l != null) { l.add(r); rankings.add(r); }
        }
        for (List<Row> l : byProvince.values()) l.sort(java.util.Comparator.comparing((Row r) -> r.<Integer>getAs("position")));
        // Published but unreadable (coverage status 'unreadable'): listed after the ranked bodies, unranked, with the reason.
        Map<String, List<Object[]>> unreadable = new LinkedHashMap<>();
        for (String p : chosen) unreadable.put(key(p), new ArrayList<>());
        List<Object[]> allUnreadable = new ArrayList<>();
        for (Row r : src.unreadable(year)) {
            List<Object[]> l = unreadable.get(key(r.getAs("province")));
            if (l == null) continue;
            Object[] v = RankingColumns.unreadable(r);
            l.add(v);
            allUnreadable.add(v);
        }
        List<Row> national = new ArrayList<>(rankings);
        national.sort(NATIONAL_ORDER);

        String suffix = provinceFilter == null ? "" : chosen.size() == 1 ? "-" + stems.get(key(chosen.get(0))) : "-selected";
        List<Written> out = new ArrayList<>();

        if (formats.contains(Format.CSV)) {
            if (provinceFilter == null) {
                out.add(timed(outDir.resolve(FILE_PREFIX + year + "-national.csv"), f -> {
                    try (CsvRankingWriter w = new CsvRankingWriter(f)) {
                        for (Row r : national) w.write(RankingColumns.values(r, true));
                        for (Object[] v : allUnreadable) w.write(v);
                    }
                }));
            }
            for (String p : chosen) {
                out.add(timed(outDir.resolve(FILE_PREFIX + year + "-" + stems.get(key(p)) + ".csv"), f -> {
                    try (CsvRankingWriter w = new CsvRankingWriter(f)) {
                        for (Row r : byProvince.get(key(p))) w.write(RankingColumns.values(r));
                        for (Object[] v : unreadable.get(key(p))) w.write(v);
                    }
                }));
            }
        }
        if (formats.contains(Format.XLSX)) {
            out.add(timed(outDir.resolve(FILE_PREFIX + year + suffix + ".xlsx"), f -> {
                try (XlsxRankingWriter w = new XlsxRankingWriter(f)) {
                    if (provinceFilter == null) {
                        w.startSheet("national", "全国");
                        for (Row r : national) w.write("national", RankingColumns.values(r, true));
                        for (Object[] v : allUnreadable) w.write("national", v);
                    }
                    for (String p : chosen) {
                        String k = key(p);
                        w.startSheet(k, p == null ? "未知省份" : p);
                        for (Row r : byProvince.get(k)) w.write(k, RankingColumns.values(r));
                        for (Object[] v : unreadable.get(k)) w.write(k, v);
                    }
                    w.writeExplanation(conf);
                }
            }));
        }
        if (formats.contains(Format.HTML)) {
            out.add(timed(outDir.resolve(FILE_PREFIX + year + suffix + ".html"),
                    f -> HtmlReport.write(f, htmlData(src, year, provinceFilter == null ? "全国" : String.join("、",
                            chosen.stream().map(p -> p == null ? "未知省份" : p).toList()), chosen, byProvince, unreadable, rankings, conf))));
        }
        return out;
    }

    /**
     * The national file's order — national rank, then score, fewer errors, name, report and body — with nulls
     * where Spark's ORDER BY puts them, and text compared by code point (Spark's UTF-8 byte order).
     */
    static final java.util.Comparator<Row> NATIONAL_ORDER = java.util.Comparator
            .comparing((Row r) -> r.<Integer>getAs("national_rank"), java.util.Comparator.nullsFirst(java.util.Comparator.<Integer>naturalOrder()))
            .thenComparing((Row r) -> r.<Double>getAs("score"), java.util.Comparator.nullsLast(java.util.Comparator.<Double>reverseOrder()))
            .thenComparing((Row r) -> number(r.getAs("error_violations")), java.util.Comparator.nullsLast(java.util.Comparator.<Long>naturalOrder()))
            .thenComparing((Row r) -> r.<String>getAs("org"), java.util.Comparator.nullsLast(RankingExport::compareText))
            .thenComparing((Row r) -> r.<String>getAs("report_id"), java.util.Comparator.nullsLast(RankingExport::compareText))
            .thenComparing((Row r) -> r.<String>getAs("body_key"), java.util.Comparator.nullsFirst(RankingExport::compareText));

    private static Long number(Object o) { return o == null ? null : ((Number) o).longValue(); }

    /** Code-point order, as Spark orders strings (UTF-8 bytes), unlike String.compareTo (UTF-16 units). */
    static int compareText(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i), cb = b.codePointAt(j);
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private interface FileWork { void write(Path f) throws IOException; }

    private static Written timed(Path file, FileWork work) throws IOException {
        long t0 = System.nanoTime();
        // whole or not at all: a full disk or a killed night never leaves a cut file under the final name
        AtomicFiles.write(file, work::write);
        return new Written(file, Files.size(file), (System.nanoTime() - t0) / 1e9);
    }

    /** Whether a --province argument (name, short name or GB/T 2260 code) denotes a province name of the lake. */
    static boolean matches(String filter, String name) {
        if (name == null) return false;
        if (filter.strip().equals(name.strip())) return true;
        ProvinceCodes.Province a = ProvinceCodes.of(name);
        if (a == null) return false;
        return a == ProvinceCodes.of(filter) || a.code().equals(filter.strip()) || a.pinyin().equalsIgnoreCase(filter.strip());
    }

    private static String key(String province) { return province == null ? "\u0000null" : province; }

    /** File stems for the year's province names: table codes, else other-N in sorted order. */
    static Map<String, String> stems(List<String> sortedNames) {
        Map<String, String> m = new HashMap<>();
        int other = 0;
        for (String n : sortedNames) {
            if (n != null && ProvinceCodes.of(n) == null) other++;
            m.put(key(n), ProvinceCodes.fileStem(n, other));
        }
        return m;
    }

    private static HtmlReport.Data htmlData(Sources src, int year, String scope, List<String> provinces,
                                    Map<String, List<Row>> byProvince, Map<String, List<Object[]>> unreadable,
                                    List<Row> rankings, ScoringConfig conf) {
        List<HtmlReport.Section> sections = new ArrayList<>();
        for (String p : provinces) {
            List<Row> all = byProvince.get(key(p));
            List<Object[]> values = new ArrayList<>();
            for (Row r : all) values.add(RankingColumns.values(r));
            values.addAll(unreadable.get(key(p)));
            String name = p == null ? "未知省份" : p;
            sections.add(new HtmlReport.Section(name, new ArrayList<>(values.subList(0, Math.min(HTML_ROWS_PER_PROVINCE, values.size()))),
                    all.size(), HtmlReport.Summary.of(name, values)));
        }
        // distribution of the non-disclosure rate over bodies with enough cases, in 5-point bins
        long[] bins = new long[20];
        for (Row r : rankings) {
            if (r.getAs("non_disclosure_rank") == null || r.getAs("non_disclosure_rate") == null) continue;
            double v = Math.min(r.<Double>getAs("non_disclosure_rate"), 0.99999);
            bins[Math.max(0, Math.min(19, (int) Math.floor(v * 20)))]++;
        }
        Map<String, Long> histogram = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) histogram.put((i * 5) + "–" + (i * 5 + 5) + "%", bins[i]);

        Set<String> chosen = new java.util.HashSet<>();
        for (String p : provinces) chosen.add(key(p));
        // violations.RULE counts of the year's ranked reports of the chosen provinces (their sum per rule, whole)
        Map<String, Double> sums = new TreeMap<>();
        for (Row r : src.violations(year)) {
            if (!chosen.contains(key(r.getString(1))) || r.isNullAt(3)) continue;
            sums.merge(r.getString(2), r.getDouble(3), Double::sum);
        }
        Map<String, Long> violations = new TreeMap<>();
        sums.forEach((rule, n) -> violations.put(rule, n.longValue()));

        Map<String, Map<Integer, Double>> trend = new TreeMap<>();
        TreeSet<Integer> years = new TreeSet<>();
        for (Row r : src.trend()) {
            // the trend up to the report's year: a year's report does not change with later years' data
            if (r.isNullAt(1) || r.getInt(1) > year || !chosen.contains(key(r.isNullAt(0) ? null : r.getString(0)))) continue;
            String p = r.isNullAt(0) ? "未知省份" : r.getString(0);
            trend.computeIfAbsent(p, k -> new TreeMap<>()).put(r.getInt(1), r.isNullAt(2) ? null : r.getDouble(2));
            years.add(r.getInt(1));
        }
        // every province gets every year (a gap stays a gap in the line chart)
        for (Map<Integer, Double> byYear : trend.values()) for (Integer y : years) byYear.putIfAbsent(y, null);

        String now = ExportClock.now().atZone(ZoneId.of(conf.deadlineZone())).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx"));
        return new HtmlReport.Data("政府信息公开工作年度报告合规排名 " + year, year, scope, sections, histogram, violations, trend,
                conf, now);
    }
}
