package io.disclosurelake.rank;

import io.disclosurelake.extract.NarrativeCompare;
import io.disclosurelake.extract.NarrativeText;
import io.disclosurelake.job.JobSettings;
import io.disclosurelake.lake.LakeSchema;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.apache.spark.sql.functions.*;

/**
 * Step: near-copies among the reports' narratives ({@code reports.narrative_text}) → {@code similar_reports}.
 * Another body's report of the same year ({@code cross_body}: Spark ML {@link MinHashLSH} over character
 * shingles, an approximate similarity join within each year) and the same body's previous year
 * ({@code previous_year}: the one pair per report is known, so it is compared directly). Each body's own name
 * is masked first (a swapped name is no difference), and shingles found in many reports of the year — the
 * wording every report uses — are left out. Candidate pairs are kept when the exact Jaccard similarity of their shingle
 * sets reaches the threshold. Settings: {@code copies.*} of the job settings (conf/disclosure-lake.properties).
 */
public final class SimilarReports {
    private SimilarReports() {}

    public static final String CROSS_BODY = "cross_body";
    public static final String PREVIOUS_YEAR = "previous_year";

    /**
     * @param shingleSize characters per shingle
     * @param threshold   minimum Jaccard similarity of a copy
     * @param hashTables  MinHash functions (LSH tables); more find more candidates at more cost
     * @param commonShare a shingle in at least this share of a year's reports (and in {@code commonMin}) is common wording
     * @param commonMin   ... and in at least this many reports
     * @param minShared   ... and at least this many shingles (common wording left out) shared
     * @param passageMax  longest shared passage kept, in characters
     * @param minReports  a year is judged only with at least this many narratives: with fewer, a stock phrase two
     *                    reports chose cannot be told from a copy (common wording needs {@code commonMin} reports
     *                    and {@code commonShare} of the year), so no pair is claimed (unsure → no verdict)
     */
    public record Settings(int shingleSize, double threshold, int hashTables, double commonShare, int commonMin,
                           int minShared, int passageMax, int minReports) implements Serializable {
        public Settings {
            if (shingleSize < 1) throw new IllegalArgumentException("copies.shingle_size must be ≥ 1");
            if (!(threshold > 0 && threshold <= 1)) throw new IllegalArgumentException("copies.threshold must be in (0, 1]");
            if (hashTables < 1) throw new IllegalArgumentException("copies.hash_tables must be ≥ 1");
            if (minReports < 1) throw new IllegalArgumentException("copies.min_reports_per_year must be ≥ 1");
        }

        public static Settings of(JobSettings s) {
            return new Settings(s.getInt("copies.shingle_size"), Double.parseDouble(s.get("copies.threshold")),
                    s.getInt("copies.hash_tables"), Double.parseDouble(s.get("copies.common_share")),
                    s.getInt("copies.common_min"), s.getInt("copies.min_shared"), s.getInt("copies.passage_max"),
                    s.getInt("copies.min_reports_per_year"));
        }

        public Settings withShingleSize(int k) { return new Settings(k, threshold, hashTables, commonShare, commonMin, minShared, passageMax, minReports); }
        public Settings withThreshold(double t) { return new Settings(shingleSize, t, hashTables, commonShare, commonMin, minShared, passageMax, minReports); }
        public Settings withMinReports(int n) { return new Settings(shingleSize, threshold, hashTables, commonShare, commonMin, minShared, passageMax, n); }
    }

    /**
     * The narratives of each year of some reports, and which years are judged.
     * @param narratives year → its number of narratives
     * @param minReports {@link Settings#minReports()}
     */
    public record Years(java.util.SortedMap<Integer, Long> narratives, int minReports) implements Serializable {
        /** Years with at least {@code minReports} narratives. */
        public java.util.SortedSet<Integer> judged() {
            java.util.SortedSet<Integer> y = new java.util.TreeSet<>();
            narratives.forEach((year, n) -> { if (n >= minReports) y.add(year); });
            return y;
        }

        /** The other years → their number of narratives. */
        public java.util.SortedMap<Integer, Long> notJudged() {
            java.util.SortedMap<Integer, Long> m = new java.util.TreeMap<>(narratives);
            m.keySet().removeAll(judged());
            return m;
        }

        /** E.g. "2019 (6), 2020 (7)". */
        public String describeNotJudged() {
            StringBuilder b = new StringBuilder();
            notJudged().forEach((y, n) -> b.append(b.length() == 0 ? "" : ", ").append(y).append(" (").append(n).append(')'));
            return b.toString();
        }
    }

    /** Features are hashed shingles below this (MinHash's prime is 2,038,074,743). */
    static final int FEATURES = 1 << 30;

    static final StructType SHINGLED = new StructType()
            .add("report_id", DataTypes.StringType, false).add("body_key", DataTypes.StringType, false)
            .add("org", DataTypes.StringType, true).add("year", DataTypes.IntegerType, false)
            .add("first_seen", DataTypes.TimestampType, true)
            .add("text", DataTypes.StringType, false)
            .add("h", DataTypes.createArrayType(DataTypes.IntegerType, false), false);

    static final StructType FEATURED = SHINGLED.add("features", SQLDataTypes.VectorType(), false);

    /**
     * @param reports rows with report_id, body_key, org, year, first_seen and narrative_text (e.g. the lake's reports)
     * @return rows of {@link LakeSchema#SIMILAR_REPORTS}, computed (a local checkpoint)
     */
    public static Dataset<Row> find(Dataset<Row> reports, Settings s) {
        return find(reports, s, years(reports, s));
    }

    /** Which years of {@code reports} have enough narratives to be judged (one small aggregate). */
    public static Years years(Dataset<Row> reports, Settings s) {
        java.util.SortedMap<Integer, Long> counts = new java.util.TreeMap<>();
        for (Row r : narratives(reports).groupBy("year").count().collectAsList()) counts.put(r.getInt(0), r.getLong(1));
        return new Years(counts, s.minReports());
    }

    private static Dataset<Row> narratives(Dataset<Row> reports) {
        return reports.where(col(LakeSchema.NARRATIVE_TEXT).isNotNull().and(col("year").isNotNull())
                        .and(col("body_key").isNotNull()).and(col("report_id").isNotNull()))
                .select(col("report_id"), col("body_key"), col("org"), col("year").cast("int").as("year"),
                        col("first_seen").cast("timestamp").as("first_seen"), col(LakeSchema.NARRATIVE_TEXT).as("text"));
    }

    /**
     * As {@link #find(Dataset, Settings)}, comparing only the reports of {@code years.judged()} (a previous_year
     * pair needs both years judged: each side's common wording is its own year's). {@code years} must be
     * {@link #years} of these reports: its counts are the years' sizes that common wording is measured against.
     */
    public static Dataset<Row> find(Dataset<Row> reports, Settings s, Years years) {
        SparkSession spark = reports.sparkSession();
        java.util.SortedSet<Integer> judged = years.judged();
        if (judged.isEmpty()) return spark.createDataFrame(List.of(), LakeSchema.table(LakeSchema.SIMILAR_REPORTS).schema());
        Dataset<Row> base = narratives(reports).where(col("year").isin(judged.toArray()));
        int k = s.shingleSize();
        Dataset<Row> shingled = base.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> {
            List<Row> out = new ArrayList<>();
            while (rows.hasNext()) {
                Row r = rows.next();
                int[] h = hashes(NarrativeCompare.masked(r.getString(5), NarrativeText.nameForms(r.getString(2))), k);
                out.add(RowFactory.create(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5), seq(boxed(h))));
            }
            return out.iterator();
        }, Encoders.row(SHINGLED)).cache();

        // Common wording: shingles in many reports of the year (the template's and everybody's stock phrases) say
        // nothing of copying. Counted per year, so a year's pairs depend on that year's and the previous year's
        // reports only, and a night that touched some years can rebuild just those (rank/CopyRules).
        // The years' sizes are those years() counted: no second count over the shingles.
        List<Row> limits = new ArrayList<>();
        for (int y : judged) {
            limits.add(RowFactory.create(y, Math.max(s.commonMin(), (long) Math.ceil(years.narratives().get(y) * s.commonShare()))));
        }
        Dataset<Row> perYear = spark.createDataFrame(limits, new StructType()
                .add("year", DataTypes.IntegerType, false).add("limit", DataTypes.LongType, false));
        Map<Integer, Set<Integer>> common = new HashMap<>();
        for (Row c : shingled.select(col("year"), explode(col("h")).as("x")).groupBy("year", "x").count()
                .join(perYear, "year").where(col("count").geq(col("limit"))).select("year", "x").collectAsList()) {
            common.computeIfAbsent(c.getInt(0), y -> new HashSet<>()).add(c.getInt(1));
        }
        Broadcast<Map<Integer, Set<Integer>>> commonB = org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext())
                .broadcast(common);
        Dataset<Row> featured = shingled.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> {
            Map<Integer, Set<Integer>> commonByYear = commonB.value();
            List<Row> out = new ArrayList<>();
            while (rows.hasNext()) {
                Row r = rows.next();
                List<Integer> h = r.getList(6);
                int year = r.getInt(3);
                Set<Integer> skip = commonByYear.getOrDefault(year, Set.of());
                List<Integer> kept = new ArrayList<>(h.size());
                for (Integer x : h) if (!skip.contains(x)) kept.add(x);
                if (kept.isEmpty()) continue;
                // Salted with the year: reports of different years never share a feature, so the join stays within a year.
                int[] salted = new int[kept.size()];
                for (int i = 0; i < salted.length; i++) salted[i] = Math.floorMod(mix(kept.get(i) * 31 + year), FEATURES);
                Arrays.sort(salted);
                int m = 0;
                for (int i = 0; i < salted.length; i++) if (i == 0 || salted[i] != salted[i - 1]) salted[m++] = salted[i];
                double[] ones = new double[m];
                Arrays.fill(ones, 1.0);
                out.add(RowFactory.create(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5), seq(kept),
                        Vectors.sparse(FEATURES, Arrays.copyOf(salted, m), ones)));
            }
            return out.iterator();
        }, Encoders.row(FEATURED)).cache();

        MinHashLSHModel model = new MinHashLSH().setNumHashTables(s.hashTables()).setSeed(20261205L)
                .setInputCol("features").setOutputCol("lsh").fit(featured);
        Dataset<Row> candidates = model.approxSimilarityJoin(featured, featured, 1.0 - s.threshold() + 1e-9, "distance")
                .where(col("datasetA.report_id").lt(col("datasetB.report_id"))
                        .and(col("datasetA.body_key").notEqual(col("datasetB.body_key")))
                        .and(col("datasetA.year").equalTo(col("datasetB.year"))))
                .select(col("datasetA.report_id").as("id1"), col("datasetB.report_id").as("id2"), lit(CROSS_BODY).as("kind"));
        Dataset<Row> ids = featured.select("report_id", "body_key", "year");
        Dataset<Row> previous = ids.as("p").join(ids.as("c"), col("p.body_key").equalTo(col("c.body_key"))
                        .and(col("c.year").equalTo(col("p.year").plus(1))))
                .select(col("p.report_id").as("id1"), col("c.report_id").as("id2"), lit(PREVIOUS_YEAR).as("kind"));

        // Verification: the exact Jaccard similarity of the two shingle sets (common wording left out).
        Dataset<Row> f = featured.select("report_id", "org", "year", "first_seen", "text", "h");
        Dataset<Row> pairs = candidates.unionByName(previous).distinct()
                .join(f.toDF("id1", "org1", "year1", "seen1", "text1", "h1"), "id1")
                .join(f.toDF("id2", "org2", "year2", "seen2", "text2", "h2"), "id2")
                .withColumn("shared", size(array_intersect(col("h1"), col("h2"))))
                .withColumn("similarity", col("shared").cast("double").divide(size(array_union(col("h1"), col("h2")))))
                // a few shared shingles between two short texts are chance, not a copy
                .where(col("similarity").geq(s.threshold()).and(col("shared").geq(s.minShared())));
        // Orientation: a is the year before (previous_year) or the earlier first seen, then the smaller id (describe
        // turns a cross_body pair round when a's text still names b's body).
        Dataset<Row> oriented = pairs.withColumn("swap", col("kind").equalTo(CROSS_BODY).and(
                        coalesce(col("seen2"), lit(java.sql.Timestamp.valueOf("9999-12-31 00:00:00"))).lt(
                                coalesce(col("seen1"), lit(java.sql.Timestamp.valueOf("9999-12-31 00:00:00"))))))
                .select(col("year2").as("year"), col("kind"), col("similarity"),
                        when(col("swap"), col("id2")).otherwise(col("id1")).as("report_id_a"),
                        when(col("swap"), col("org2")).otherwise(col("org1")).as("body_a"),
                        when(col("swap"), col("text2")).otherwise(col("text1")).as("text_a"),
                        when(col("swap"), col("id1")).otherwise(col("id2")).as("report_id_b"),
                        when(col("swap"), col("org1")).otherwise(col("org2")).as("body_b"),
                        when(col("swap"), col("text1")).otherwise(col("text2")).as("text_b"));
        int cap = s.passageMax();
        Dataset<Row> out = oriented.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> {
            List<Row> o = new ArrayList<>();
            while (rows.hasNext()) o.add(describe(rows.next(), cap));
            return o.iterator();
        }, Encoders.row(LakeSchema.table(LakeSchema.SIMILAR_REPORTS).schema()));
        // Computed here, so the two cached stages can be let go (a night's executors keep no narratives).
        Dataset<Row> done = out.localCheckpoint(true);
        featured.unpersist();
        shingled.unpersist();
        commonB.destroy();
        return done;
    }

    /**
     * A verified pair as a row of similar_reports: the longest shared passage and a name left in. A text that
     * still names the other body is certainly the copy: it becomes side b, whichever was seen first.
     */
    static Row describe(Row p, int cap) {
        String kind = p.getAs("kind");
        String idA = p.getAs("report_id_a"), idB = p.getAs("report_id_b");
        String bodyA = p.getAs("body_a"), bodyB = p.getAs("body_b");
        String textA = p.getAs("text_a"), textB = p.getAs("text_b");
        List<String> formsA = NarrativeText.nameForms(bodyA), formsB = NarrativeText.nameForms(bodyB);
        String left = null;
        if (CROSS_BODY.equals(kind)) {
            left = NarrativeCompare.otherNameLeft(textB, formsB, formsA);
            String inA = left == null ? NarrativeCompare.otherNameLeft(textA, formsA, formsB) : null;
            if (inA != null) {
                left = inA;
                String t = idA; idA = idB; idB = t;
                t = bodyA; bodyA = bodyB; bodyB = t;
                t = textA; textA = textB; textB = t;
                List<String> f = formsA; formsA = formsB; formsB = f;
            }
        }
        String passage = NarrativeCompare.longestShared(NarrativeCompare.masked(textA, formsA),
                NarrativeCompare.masked(textB, formsB), cap);
        return RowFactory.create(p.getAs("year"), idA, bodyA, idB, bodyB, kind,
                p.getAs("similarity"), passage, left != null, left, left != null ? idB : null);
    }

    /** Distinct 32-bit hashes of a text's shingles. */
    static int[] hashes(String text, int k) {
        Set<String> sh = NarrativeCompare.shingles(text, k);
        int[] h = new int[sh.size()];
        int i = 0;
        for (String x : sh) h[i++] = hash(x);
        return Arrays.stream(h).distinct().sorted().toArray();
    }

    static int hash(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return org.apache.spark.unsafe.hash.Murmur3_x86_32.hashUnsafeBytes(b, org.apache.spark.unsafe.Platform.BYTE_ARRAY_OFFSET, b.length, 42);
    }

    /** A 32-bit finaliser (MurmurHash3's): spreads year-salted shingle hashes. */
    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    private static scala.collection.immutable.Seq<Integer> seq(List<Integer> l) {
        return scala.jdk.javaapi.CollectionConverters.asScala(l).toList();
    }

    private static List<Integer> boxed(int[] h) {
        List<Integer> l = new ArrayList<>(h.length);
        for (int x : h) l.add(x);
        return l;
    }
}
