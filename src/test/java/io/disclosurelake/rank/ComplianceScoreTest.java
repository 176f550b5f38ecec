package io.disclosurelake.rank;

import io.disclosurelake.spec.RuleBook;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The score and reasons of {@link ComplianceScore} evaluated by Spark SQL over hand-made facts, as GoldLayer
 * evaluates them: blanks count in proportion, and every lost point has a reason a reader can check.
 */
class ComplianceScoreTest {

    /** One facts row: cells filled per table (表二, 表三, 表四), on time or days late, violations, warnings. */
    private static String facts(String name, int active, int apps, int review, Integer daysLate, int appBalance, int warnings) {
        StringJoiner v = new StringJoiner(", ");
        for (RuleBook.RuleInfo r : RuleBook.RULES) {
            v.add((r.id().equals(RuleBook.APP_BALANCE) ? appBalance : 0) + " AS " + ComplianceScore.violationColumn(r.id()));
        }
        String firstSeen = daysLate == null ? "TIMESTAMP'2025-01-10 10:00:00+08:00'"
                : "TIMESTAMP'2025-02-01 00:00:00+08:00' + MAKE_INTERVAL(0, 0, 0, " + (daysLate - 1) + ", 1)";
        return "SELECT '" + name + "' AS name, TRUE AS is_present, " + (daysLate == null) + " AS on_time, " + firstSeen + " AS first_seen,"
                + " TIMESTAMP'2025-02-01 00:00:00+08:00' AS deadline, '2021' AS template, '2021' AS expected_template,"
                + " " + (active + apps + review) + " AS value_cells, 200 AS expected_cells, " + active + " AS value_cells_active, "
                + apps + " AS value_cells_applications, " + review + " AS value_cells_review, " + v + ", " + warnings
                + " AS warnings_counted, FALSE AS copied, CAST(NULL AS STRING) AS sim_kind, CAST(NULL AS STRING) AS sim_body,"
                + " CAST(NULL AS DOUBLE) AS sim_value";
    }

    /** Scores the facts rows with the SQL GoldLayer ranks ({@link ComplianceScore#scoredSql}). */
    private static List<Row> score(String... facts) {
        RankTestSpark.session().sql(String.join(" UNION ALL ", facts)).createOrReplaceTempView("score_test_facts");
        return new ArrayList<>(RankTestSpark.session().sql(ComplianceScore.scoredSql("score_test_facts", ScoringConfig.defaults()))
                .orderBy("name").select("name", "score", "reasons").collectAsList());
    }

    @Test
    void aMostlyBlankReportScoresFarBelowACompleteLateOne() {
        List<Row> rows = score(
                facts("a-complete-late", 10, 175, 15, 674, 0, 0),
                facts("b-190-blank", 0, 10, 0, null, 0, 2),
                facts("c-complete", 10, 175, 15, null, 0, 0));
        double completeLate = rows.get(0).getDouble(1), blank = rows.get(1).getDouble(1), complete = rows.get(2).getDouble(1);
        System.out.printf("score: complete %.2f, complete but 674 days late %.2f, 190 of 200 cells blank %.2f%n", complete, completeLate, blank);
        assertEquals(100.0, complete, 1e-9);
        assertEquals(90.0, completeLate, 1e-9, "only timeliness (10 points) lost");
        // 20 present + 10 on time + 10 template + 10 × 10/200 complete + 35 × 0.05 rules + 5 × 0.6 × 0.05 warnings + 10 not copied
        assertEquals(52.4, blank, 1e-9);
        assertTrue(completeLate - blank > 30, "blanks are not rewarded: " + blank + " vs " + completeLate);
        assertEquals("迟报 674 天", rows.get(0).getString(2));
        assertEquals("表二空白 10 格、表三空白 165 格、表四空白 15 格；警示 2 项", rows.get(1).getString(2));
        assertNull(rows.get(2).get(2), "nothing lost, nothing said");
    }

    @Test
    void aBrokenRuleSaysWhichAndHowOften() {
        List<Row> rows = score(facts("x", 10, 175, 15, null, 2, 0));
        assertEquals("勾稽关系：一+二≠总计+结转，2 列", rows.get(0).getString(2));
        assertEquals(95.0, rows.get(0).getDouble(1), 1e-9, "one error rule of 5 points lost");
    }

    @Test
    void everyComponentHasAChineseLabelAndAReason() {
        for (ComplianceScore.Component c : ComplianceScore.COMPONENTS) {
            assertTrue(c.label().codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN), c.label());
            assertTrue(c.label().chars().noneMatch(ch -> ch == '_'), "no rule id in a label: " + c.label());
            assertTrue(c.reasonSql() != null && !c.reasonSql().isBlank(), c.column());
        }
    }
}
