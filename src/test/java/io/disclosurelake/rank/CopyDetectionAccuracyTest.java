package io.disclosurelake.rank;

import io.disclosurelake.extract.NarrativeText;
import io.disclosurelake.generate.CorpusPlan;
import io.disclosurelake.generate.GeneratorOptions;
import io.disclosurelake.generate.QuirkSet;
import io.disclosurelake.generate.ReportDocument;
import io.disclosurelake.generate.ReportLayout;
import io.disclosurelake.generate.TextWriter;
import io.disclosurelake.job.JobSettings;
import io.disclosurelake.lake.LakeSchema;
import io.disclosurelake.spark.SharedSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The copy step against the generator's planted copies ({@code generate --copies}): the narratives of a planned
 * corpus as the layout writes them, through {@link NarrativeText} and {@link SimilarReports}; a pair is true when
 * both narratives come from one narrative seed (a planted copy, or a DUPLICATE_OF_PREVIOUS_YEAR fault). Prints
 * precision and recall per (shingle size, threshold), and the step's time on 10,000 narratives.
 */
@Tag("slow")
@ExtendWith(SharedSpark.class)
class CopyDetectionAccuracyTest {

    record Corpus(Dataset<Row> reports, Set<String> truth) {}

    static Corpus corpus(SparkSession spark, int count, long seed, double copies) {
        CorpusPlan plan = CorpusPlan.make(new GeneratorOptions(Path.of("unused"), count, seed, GeneratorOptions.ALL_FORMATS,
                2019, 2025, 0.1, 0.02, 0, 1, copies));
        List<Row> rows = new ArrayList<>();
        Map<Long, List<CorpusPlan.Slot>> bySeed = new HashMap<>();
        for (CorpusPlan.Slot s : plan.slots) {
            if (s.bad() != null) continue;
            boolean mentionReview = s.faults().stream().noneMatch(f -> f.equals("REVIEW_TOTAL") || f.startsWith("LITIGATION"));
            ReportDocument d = ReportLayout.layout(new ReportLayout.Spec(s.body(), s.year(), s.version(), s.figures(), QuirkSet.none(),
                    s.narrativeSeed(), s.narrativeYear(), mentionReview, copies > 0, s.copy()));
            rows.add(RowFactory.create("s" + s.index(), s.body().id(), s.body().name(), s.year(), new Timestamp(1_700_000_000_000L + s.index() * 1000L),
                    NarrativeText.of(TextWriter.seedStyle(d))));
            bySeed.computeIfAbsent(s.narrativeSeed(), k -> new ArrayList<>()).add(s);
        }
        Set<String> truth = new HashSet<>();
        for (List<CorpusPlan.Slot> same : bySeed.values()) {
            for (CorpusPlan.Slot a : same) for (CorpusPlan.Slot b : same) {
                if (a.index() >= b.index()) continue;
                boolean cross = a.year() == b.year() && !a.body().id().equals(b.body().id());
                boolean prev = a.body().id().equals(b.body().id()) && Math.abs(a.year() - b.year()) == 1;
                if (cross || prev) truth.add(key("s" + a.index(), "s" + b.index()));
            }
        }
        return new Corpus(spark.createDataFrame(rows, SimilarReportsTest.REPORTS).cache(), truth);
    }

    static String key(String a, String b) { return a.compareTo(b) < 0 ? a + "~" + b : b + "~" + a; }

    static double[] precisionRecall(Dataset<Row> found, Set<String> truth) {
        Set<String> got = new HashSet<>();
        for (Row r : found.select("report_id_a", "report_id_b").collectAsList()) got.add(key(r.getString(0), r.getString(1)));
        long tp = got.stream().filter(truth::contains).count();
        return new double[]{got.isEmpty() ? 1 : (double) tp / got.size(), truth.isEmpty() ? 1 : (double) tp / truth.size(), got.size(), truth.size()};
    }

    @Test
    void plantedCopiesAreFoundWithPrecisionAndRecallOver95(SparkSession spark) {
        Corpus c = corpus(spark, 1000, 11, 0.1);
        SimilarReports.Settings conf = SimilarReports.Settings.of(JobSettings.defaults());
        System.out.println("copies: " + c.truth().size() + " true pairs in " + c.reports().count() + " narratives");
        for (int k : new int[]{5, 8}) {
            for (double t : new double[]{0.25, 0.3, 0.35, 0.4}) {
                double[] pr = precisionRecall(SimilarReports.find(c.reports(), conf.withShingleSize(k).withThreshold(t)), c.truth());
                System.out.printf("copies: k=%d threshold=%.2f precision=%.3f recall=%.3f found=%.0f true=%.0f%n", k, t, pr[0], pr[1], pr[2], pr[3]);
            }
        }
        double[] pr = precisionRecall(SimilarReports.find(c.reports(), conf), c.truth());
        System.out.printf("copies: configured k=%d threshold=%.2f precision=%.3f recall=%.3f%n", conf.shingleSize(), conf.threshold(), pr[0], pr[1]);
        assertTrue(pr[0] >= 0.95 && pr[1] >= 0.95, "precision " + pr[0] + " recall " + pr[1]);
    }

    @Test
    void defaultCorpusNarrativesAreNotCopies(SparkSession spark) {
        // The default generator's narratives are few stock sentences: left out as common wording, they are no copies.
        Corpus c = corpus(spark, 600, 7, 0);
        double[] pr = precisionRecall(SimilarReports.find(c.reports(), SimilarReports.Settings.of(JobSettings.defaults())), c.truth());
        System.out.printf("copies (default corpus): precision=%.3f recall=%.3f found=%.0f true=%.0f%n", pr[0], pr[1], pr[2], pr[3]);
        assertTrue(pr[0] >= 0.95, "precision " + pr[0]);
    }

    @Test
    void tenThousandNarratives(SparkSession spark) {
        Corpus c = corpus(spark, 10_000, 10_000, 0.05);
        c.reports().count();
        SimilarReports.Settings conf = SimilarReports.Settings.of(JobSettings.defaults());
        long t0 = System.nanoTime();
        Dataset<Row> found = SimilarReports.find(c.reports(), conf).localCheckpoint(true);
        double secs = (System.nanoTime() - t0) / 1e9;
        double[] pr = precisionRecall(found, c.truth());
        System.out.printf("copies: 10,000-document corpus, %d narratives: step %.1f s (local[2]); precision=%.3f recall=%.3f found=%.0f true=%.0f%n",
                c.reports().count(), secs, pr[0], pr[1], pr[2], pr[3]);
    }
}
