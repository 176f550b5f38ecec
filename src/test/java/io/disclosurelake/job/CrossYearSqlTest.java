package io.disclosurelake.job;

import io.disclosurelake.model.Cell;
import io.disclosurelake.model.Report;
import io.disclosurelake.rules.RuleSql;
import io.disclosurelake.rules.SumRuleCheck;
import io.disclosurelake.spark.SharedSpark;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Spark SQL rendering of the cross-year rules finds exactly what the Java check finds on the same pair. */
@ExtendWith(SharedSpark.class)
class CrossYearSqlTest {
    static Report report(int year, Map<String, String> lines) {
        return new FakeExtractor().extract("x", FakeExtractor.text("甲", year, lines).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void sqlAndJavaAgreeOnCarryOverAndInForce(SparkSession spark) {
        Map<String, String> prevLines = new java.util.HashMap<>(NightlyJobTest.balanced(10, 2, 3));
        prevLines.put("active.regulations_in_force", "5");
        prevLines.put("active.normative_docs_in_force", "7");
        Map<String, String> curLines = new java.util.HashMap<>(NightlyJobTest.balanced(5, 4, 0));
        curLines.put("active.regulations_in_force", "6");
        curLines.put("active.regulations_issued", "1");
        curLines.put("active.normative_docs_in_force", "9"); // 7 + 0 − 0 ≠ 9
        Report prev = report(2022, prevLines);
        Report cur = report(2023, curLines);

        StructType schema = new StructType().add("report_id", "string").add("year_offset", "int").add("table_name", "string")
                .add("row_key", "string").add("column_key", "string").add("value", DataTypes.createDecimalType(24, 4)).add("status", "string");
        List<Row> rows = new ArrayList<>();
        for (Cell c : cur.allCells()) rows.add(RowFactory.create("cur", 0, c.table(), c.rowKey(), c.columnKey(), c.value(), c.status().id()));
        for (Cell c : prev.allCells()) rows.add(RowFactory.create("cur", -1, c.table(), c.rowKey(), c.columnKey(), c.value(), c.status().id()));
        spark.createDataFrame(rows, schema).createOrReplaceTempView("paired_test");

        List<String> sql = new ArrayList<>();
        for (Row r : spark.sql(RuleSql.crossYearViolations("paired_test")).collectAsList()) {
            sql.add(r.getString(1) + "|" + r.getString(3) + "|" + r.getDecimal(4).stripTrailingZeros().toPlainString()
                    + "|" + r.getDecimal(5).stripTrailingZeros().toPlainString());
        }
        List<String> java = new ArrayList<>();
        SumRuleCheck.checkCrossYear(cur, prev).forEach(v -> java.add(v.rule() + "|" + v.scope() + "|"
                + v.left().stripTrailingZeros().toPlainString() + "|" + v.right().stripTrailingZeros().toPlainString()));
        sql.sort(null);
        java.sort(null);
        assertEquals(List.of("CARRY_OVER_CONTINUITY|总计|4|3", "CARRY_OVER_CONTINUITY|自然人|4|3", "IN_FORCE_CONTINUITY|行政规范性文件|9|7"), java);
        assertEquals(java, sql);
    }
}
