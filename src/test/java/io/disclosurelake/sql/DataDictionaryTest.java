package io.disclosurelake.sql;

import io.disclosurelake.lake.LakeSchema;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/tables.md cannot drift: it is what the generator writes now, and it matches the schemas of a real lake. */
class DataDictionaryTest {

    @Test void committedDictionaryIsWhatTheGeneratorWritesNow() throws IOException {
        String committed = Files.readString(Path.of(DataDictionary.DOC_PATH), StandardCharsets.UTF_8);
        assertEquals(DataDictionary.markdown(), committed,
                "docs/tables.md is stale: run `bin/disclosure-lake sql --dictionary > docs/tables.md` and commit it");
    }

    @Test void everyColumnHasAMeaningAndTemplateColumnsTheirSource() {
        for (DataDictionary.Column c : DataDictionary.columns()) {
            assertFalse(c.meaning().isBlank(), c.table() + "." + c.name() + " has no meaning");
        }
        Map<String, String> source = new LinkedHashMap<>();
        for (DataDictionary.Column c : DataDictionary.columns()) source.put(c.table() + "." + c.name(), c.templateSource());
        assertEquals("表二 第二十条第（八）项 · row 行政事业性收费 · column 本年收费金额（单位：万元） (2019: none, null)",
                source.get("active_disclosure.fees_wan_yuan"));
        assertEquals("表三 column 法人或其他组织 · 商业企业", source.get("applications.commercial_enterprise"));
        assertEquals("表四 column 行政诉讼·复议后起诉 · 尚未审结", source.get("review_litigation.after_review_pending"));
        String md = DataDictionary.markdown();
        assertTrue(md.contains("| `fees_wan_yuan` | decimal(24,4) | yes |"), "type and nullability of the fee");
        assertTrue(md.contains("| 25 | `carried_forward` | 四、结转下年度继续办理 | yes | no |"), "rows of applications");
        assertTrue(md.contains("| `report_summary` |"), "named views listed");
    }

    /** Every table of the lake is documented with the same columns, types and nullability, and vice versa. */
    @Tag("slow") // needs the lake the job builds (TestLakes.analysed): the full lane (mvn verify)
    @Test void dictionaryMatchesTheSchemasOfARealLake() {
        SparkSession spark = TestSpark.session();
        String lake = TestLakes.analysed().toString();
        List<String> present = LakeViews.tablesIn(spark, lake);
        Map<String, List<DataDictionary.Column>> documented = new LinkedHashMap<>();
        for (DataDictionary.Column c : DataDictionary.columns()) documented.computeIfAbsent(c.table(), k -> new ArrayList<>()).add(c);
        List<String> problems = new ArrayList<>();
        for (String table : present) {
            List<DataDictionary.Column> doc = documented.get(table);
            if (doc == null) {
                problems.add("table " + table + " is in the lake but not in the dictionary");
                continue;
            }
            StructType actual = spark.read().format("delta").load(LakeViews.tablePath(lake, table)).schema();
            Map<String, StructField> byName = new LinkedHashMap<>();
            for (StructField f : actual.fields()) byName.put(f.name(), f);
            for (DataDictionary.Column c : doc) {
                StructField f = byName.remove(c.name());
                if (f == null) { problems.add(table + "." + c.name() + " documented but not in the lake"); continue; }
                if (!f.dataType().simpleString().equals(c.type())) {
                    problems.add(table + "." + c.name() + " is " + f.dataType().simpleString() + " in the lake, " + c.type() + " in the dictionary");
                }
                if (f.nullable() != c.nullable()) {
                    problems.add(table + "." + c.name() + " nullable=" + f.nullable() + " in the lake, " + c.nullable() + " in the dictionary");
                }
            }
            for (String extra : byName.keySet()) problems.add(table + "." + extra + " is in the lake but not in the dictionary");
        }
        for (String table : documented.keySet()) {
            if (!present.contains(table)) problems.add("table " + table + " is documented but the lake has none");
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
