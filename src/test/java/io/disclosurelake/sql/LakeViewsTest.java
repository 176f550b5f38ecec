package io.disclosurelake.sql;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LakeViewsTest {

    @Test void viewFilesAreOneSelectEachNamedAfterTheFile() {
        List<LakeViews.ViewFile> files = LakeViews.viewFiles();
        assertEquals(List.of("cell_provenance", "city_correction_rates", "failed_documents", "province_year_summary",
                "report_summary", "violations_by_rule"), files.stream().map(LakeViews.ViewFile::name).toList());
        for (LakeViews.ViewFile v : files) {
            assertFalse(SqlScript.expectedColumns(v.sql()).isEmpty(), v.resource() + " declares its columns");
            assertTrue(LakeViews.createStatement(v).startsWith("CREATE OR REPLACE TEMPORARY VIEW `" + v.name() + "` AS"));
        }
    }

    @Test void registersEveryTableAndViewOfACompleteLake() {
        SparkSession spark = TestSpark.session();
        LakeViews.Registration reg = LakeViews.registerAll(spark, TestLakes.handMade().toString());
        assertTrue(reg.tables().containsAll(List.of("documents", "reports", "applications", "cells", "quarantine",
                "rule_violations", "report_metrics", "runs", "rankings")), reg.tables().toString());
        assertEquals(6, reg.views().size(), reg.toString());
        assertTrue(reg.skipped().isEmpty(), reg.skipped().toString());
        assertEquals(5L, spark.sql("SELECT count(*) FROM report_summary").first().getLong(0));
        assertEquals(reg.names(), LakeViews.register(spark, TestLakes.handMade().toString()));
    }

    /** A lake without some tables (rankings before the first ranking, here more): views that need them are skipped. */
    @Test void missingTablesAreSkippedWithTheirViewsNotAnError(@TempDir Path dir) throws IOException {
        SparkSession spark = TestSpark.session().newSession(); // its own temporary views
        Path partial = partialLake(dir);
        Files.createDirectories(partial.resolve("not_a_table"));
        LakeViews.Registration reg = LakeViews.registerAll(spark, partial.toString());
        assertEquals(List.of("reports", "cells", "quarantine"), reg.tables());
        assertEquals(List.of("cell_provenance", "failed_documents"), reg.views());
        assertTrue(reg.skipped().keySet().containsAll(List.of("report_summary", "province_year_summary", "violations_by_rule",
                "city_correction_rates")), reg.skipped().toString());
        assertTrue(reg.skipped().get("report_summary").contains("applications"), reg.skipped().get("report_summary"));
        assertEquals(3L, spark.sql("SELECT count(*) FROM failed_documents").first().getLong(0), "2 quarantined + 1 partial");
    }

    /**
     * Registering a second lake in a session that holds the first's: nothing of the first is read. Its views need
     * tables the second lacks, so they are skipped, not created over the first lake's tables and views left in the
     * session; and a registration gives the same names in the same order whatever the session held before.
     */
    @Test void aSecondLakeInTheSameSessionReadsNothingOfTheFirst(@TempDir Path dir) throws IOException {
        SparkSession spark = TestSpark.session().newSession();
        LakeViews.Registration whole = LakeViews.registerAll(spark, TestLakes.handMade().toString());
        assertEquals(whole.names(), LakeViews.register(spark, TestLakes.handMade().toString()), "the same registration again");
        Path partial = partialLake(dir);
        LakeViews.Registration reg = LakeViews.registerAll(spark, partial.toString());
        assertEquals(List.of("cell_provenance", "failed_documents"), reg.views());
        assertTrue(reg.skipped().keySet().containsAll(List.of("report_summary", "province_year_summary")), reg.skipped().toString());
        for (String gone : List.of("applications", "report_summary", "province_year_summary")) {
            assertFalse(spark.catalog().tableExists(gone), gone + " of the first lake is still in the session");
        }
        // the same when only what a query reads is registered (disclosure-lake sql)
        LakeViews.registerAll(spark, TestLakes.handMade().toString());
        LakeViews.Registration some = LakeViews.registerFor(spark, partial.toString(), "SELECT * FROM province_year_summary");
        assertEquals(List.of("reports"), some.tables());
        assertEquals(List.of(), some.views());
        assertFalse(spark.catalog().tableExists("applications"), "applications of the first lake is still in the session");
    }

    /** disclosure-lake sql opens only what the query reads: each table opened costs a Delta snapshot load. */
    @Test void registersOnlyWhatAQueryReads() {
        SparkSession spark = TestSpark.session().newSession();
        LakeViews.Registration reg = LakeViews.registerFor(spark, TestLakes.handMade().toString(),
                "SELECT province, reports FROM Province_Year_Summary WHERE year = 2024");
        // province_year_summary reads report_summary (one definition of a report's totals and counts)
        assertEquals(List.of("reports", "applications", "report_metrics"), reg.tables());
        assertEquals(List.of("report_summary", "province_year_summary"), reg.views());
        assertEquals(2L, spark.sql("SELECT count(*) FROM province_year_summary WHERE year = 2024").first().getLong(0));
        assertFalse(spark.catalog().tableExists("cells"));
    }

    /** The hand-made lake's reports, cells and quarantine only, copied under {@code dir}. */
    private static Path partialLake(Path dir) throws IOException {
        Path partial = dir.resolve("lake");
        for (String t : List.of("reports", "cells", "quarantine")) io.disclosurelake.hardening.TempDirs.copy(TestLakes.handMade().resolve(t), partial.resolve(t));
        return partial;
    }

    @Test void anEmptyDirectoryHasNoTables(@TempDir Path dir) {
        assertEquals(List.of(), LakeViews.tablesIn(TestSpark.session(), dir.toString()));
    }
}
