package io.disclosurelake.job;

import io.disclosurelake.lake.LakeSchema;
import io.disclosurelake.model.Box;
import io.disclosurelake.model.Cell;
import io.disclosurelake.model.Report;
import io.disclosurelake.review.CorrectionApplyTest;
import io.disclosurelake.review.CorrectionApply;
import io.disclosurelake.review.Correction;
import io.disclosurelake.rules.ReportRules;
import io.disclosurelake.spec.TemplateSpec;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A stored report read back from its lake rows (in memory, no Spark session) is the report the extraction wrote:
 * the same cells with their provenance, the same violations and metrics; a correction on it then changes the
 * winner row the night's steps write.
 */
class LakeReportModelTest {
    static Row reportRow(Report r, String id) {
        StructType s = LakeSchema.table(LakeSchema.REPORTS).schema();
        Object[] v = new Object[s.size()];
        v[s.fieldIndex("report_id")] = id;
        v[s.fieldIndex("sha256")] = r.document().sha256();
        v[s.fieldIndex("path")] = r.document().path();
        v[s.fieldIndex("org")] = r.org();
        v[s.fieldIndex("province")] = r.region().province();
        v[s.fieldIndex("city")] = r.region().city();
        v[s.fieldIndex("year")] = r.year();
        v[s.fieldIndex("template")] = r.template().id;
        v[s.fieldIndex("status")] = r.status();
        v[s.fieldIndex("report_scope")] = r.reportScope();
        v[s.fieldIndex("warnings")] = ExtractionRows.seq(r.warnings());
        v[s.fieldIndex("run_id")] = "night-1";
        return new GenericRowWithSchema(v, s);
    }

    static List<Row> cellRows(Report r, String id) {
        StructType s = LakeSchema.table(LakeSchema.CELLS).schema();
        StructType box = LakeSchema.BOX;
        List<Row> out = new ArrayList<>();
        for (Cell c : r.allCells()) {
            out.add(new GenericRowWithSchema(new Object[]{id, r.document().sha256(), c.table(), c.rowKey(), c.columnKey(),
                    c.value() == null ? null : c.value().setScale(4), c.status().id(), c.raw(), c.page(), c.source(),
                    c.box() == null ? null : new GenericRowWithSchema(new Object[]{c.box().x(), c.box().y(), c.box().width(), c.box().height()}, box),
                    c.confidence(), c.flag()}, s));
        }
        return out;
    }

    @Test
    void aStoredReportReadsBackAsTheModelAndTheRulesAgree() {
        Report extracted = CorrectionApplyTest.report();
        Report back = LakeReportModel.of(reportRow(extracted, "r1"), cellRows(extracted, "r1"));
        assertEquals(extracted.allCells().size(), back.allCells().size());
        for (Cell c : extracted.allCells()) {
            Cell b = back.cell(c.table(), c.rowKey(), c.columnKey());
            assertEquals(c.status(), b.status(), c.toString());
            assertTrue(c.value() == null ? b.value() == null : c.value().compareTo(b.value()) == 0, c.toString());
            assertEquals(c.source(), b.source());
            assertEquals(c.box(), b.box());
            assertEquals(c.flag(), b.flag());
        }
        new ReportRules().apply(back);
        assertEquals(extracted.violations(), back.violations());
        assertEquals(extracted.metrics(), back.metrics());
    }

    @Test
    void aCorrectedModelBecomesTheWinnerRowTheNightWrites() {
        Report extracted = CorrectionApplyTest.report();
        Row rep = reportRow(extracted, "r1");
        Report back = LakeReportModel.of(rep, cellRows(extracted, "r1"));
        Correction fix = new Correction("f.csv", 2, "r1", extracted.document().sha256(), TemplateSpec.APPLICATIONS_TABLE, "new",
                "total", "unreadable", null, new BigDecimal("5"), null, "王");
        assertTrue(CorrectionApply.apply(back, extracted.document().sha256(), List.of(fix)).get(0).changed());
        CorrectionApply.recheck(back, new ReportRules(), List.of(), false);
        Row w = Corrections.winnerRow(rep, back);
        assertEquals("r1", w.get(Corrections.WINNER.fieldIndex("report_id")));
        assertEquals("parsed", w.get(Corrections.WINNER.fieldIndex("status")));
        assertEquals("night-1", rep.getAs("run_id"));
        @SuppressWarnings("unchecked")
        List<Row> cells = scala.jdk.javaapi.CollectionConverters.asJava(
                (scala.collection.Seq<Row>) w.get(Corrections.WINNER.fieldIndex("cells")));
        Row corrected = cells.stream().filter(c -> "new".equals(c.get(1)) && "total".equals(c.get(2))).findFirst().orElseThrow();
        assertEquals(CorrectionApply.CORRECTED, corrected.get(ExtractionRows.CELL.fieldIndex("source")));
        assertEquals(0, new BigDecimal("5").compareTo((BigDecimal) corrected.get(ExtractionRows.CELL.fieldIndex("value"))));
        assertEquals(new Box(1, 2, 3, 4).x(), ((Row) corrected.get(ExtractionRows.CELL.fieldIndex("box"))).getDouble(0));
    }
}
