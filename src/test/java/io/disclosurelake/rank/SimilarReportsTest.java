package io.disclosurelake.rank;

import io.disclosurelake.extract.NarrativeText;
import io.disclosurelake.lake.LakeSchema;
import io.disclosurelake.spark.SharedSpark;
import io.disclosurelake.spec.RuleBook;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The copy step on a handful of in-memory narratives: a swapped name, a name left in, last year's text, an unrelated one. */
@ExtendWith(SharedSpark.class)
class SimilarReportsTest {
    static final StructType REPORTS = new StructType().add("report_id", DataTypes.StringType).add("body_key", DataTypes.StringType)
            .add("org", DataTypes.StringType).add("year", DataTypes.IntegerType).add("first_seen", DataTypes.TimestampType)
            .add(LakeSchema.NARRATIVE_TEXT, DataTypes.StringType);

    static final String FINANCE = "2024年，淮安市财政局坚持以公开为常态，围绕预算决算、政府采购和财政资金直达基层等重点领域，全年主动公开预决算信息86条，"
            + "组织政策解读12次，开展“财政开放日”活动3场。市财政局健全公开属性源头认定机制，对拟制发的规范性文件逐件审查，确保应公开尽公开。"
            + "依申请公开方面，严格执行登记、审核、办理、答复、归档全流程管理，答复期限平均缩短至9个工作日。"
            + "存在的不足是部分专项资金绩效信息公开不够细化，基层财政所公开力量薄弱。下一步，淮安市财政局将加强对县区财政部门的业务指导，编制专项资金公开目录。";
    static final String ROADS = "2024年，盱眙县交通运输局以农村公路建设和客运安全为重点，在局网站开设“四好农村路”专栏，发布工程招标、施工进度和质量抽检结果共214条，"
            + "公开客运班线调整公告17次，接听热线咨询560余次。针对群众关注的桥梁改造事项，组织现场开放活动2次。"
            + "不足之处在于部分工程信息更新滞后，图解材料偏少。今后将建立工程信息按月更新制度，增加短视频解读。";

    static Row r(String id, String org, int year, long seen, String text) {
        return RowFactory.create(id, NarrativeText.nameForms(org).isEmpty() ? org : org, org, year, new Timestamp(seen), text);
    }

    @Test
    void findsSwappedNamesNamesLeftInAndLastYearsText(SparkSession spark) {
        String education = FINANCE.replace("淮安市财政局", "淮安市教育局").replace("市财政局", "市教育局");
        String civil = FINANCE.replace("淮安市财政局", "淮安市民政局");  // 「市财政局健全…」 left as it was
        String lastYear = FINANCE.replace("2024年", "2023年").replace("86条", "79条");
        Dataset<Row> reports = spark.createDataFrame(List.of(
                r("fin24", "淮安市财政局", 2024, 1000, FINANCE),
                r("edu24", "淮安市教育局", 2024, 2000, education),
                r("civ24", "淮安市民政局", 2024, 3000, civil),
                r("road24", "盱眙县交通运输局", 2024, 1000, ROADS),
                r("fin23", "淮安市财政局", 2023, 500, lastYear),
                r("road23", "盱眙县交通运输局", 2023, 500, null)), REPORTS);
        SimilarReports.Settings s = new SimilarReports.Settings(6, 0.5, 5, 0.5, 100, 10, 40, 1);
        Dataset<Row> found = SimilarReports.find(reports, s).localCheckpoint(true);
        Map<String, Row> pairs = new HashMap<>();
        for (Row p : found.collectAsList()) pairs.put(p.getAs("report_id_a") + "~" + p.getAs("report_id_b"), p);

        assertEquals(java.util.Set.of("fin24~edu24", "fin24~civ24", "edu24~civ24", "fin23~fin24"), pairs.keySet());
        Row swapped = pairs.get("fin24~edu24");
        assertEquals(SimilarReports.CROSS_BODY, swapped.getAs("kind"));
        assertEquals(1.0, (double) swapped.getAs("similarity"), 1e-9, "a swapped name is no difference");
        assertFalse((boolean) swapped.getAs("other_body_name_left"));
        assertEquals("淮安市财政局", swapped.getAs("body_a"));
        assertTrue(((String) swapped.getAs("longest_shared")).length() <= 41, "passage capped");

        Row left = pairs.get("fin24~civ24");
        assertTrue((boolean) left.getAs("other_body_name_left"));
        assertEquals("市财政局", left.getAs("name_left"));
        assertEquals("civ24", left.getAs("report_with_name"));
        assertTrue((double) left.getAs("similarity") < 1.0 && (double) left.getAs("similarity") > 0.8);

        Row prev = pairs.get("fin23~fin24");
        assertEquals(SimilarReports.PREVIOUS_YEAR, prev.getAs("kind"));
        assertEquals(2024, (int) prev.getAs("year"));
        assertFalse((boolean) prev.getAs("other_body_name_left"));

        List<Row> v = CopyRules.violations(found).orderBy("rule", "report_id", "scope").collectAsList();
        assertEquals(4, v.size(), v.toString());
        assertEquals(List.of("civ24", "civ24", "edu24"), v.stream().filter(x -> x.getAs("rule").equals(RuleBook.COPY_FROM_OTHER_BODY))
                .map(x -> (String) x.getAs("report_id")).toList());
        Row named = v.stream().filter(x -> x.getAs("rule").equals(RuleBook.OTHER_BODY_NAME_LEFT)).findFirst().orElseThrow();
        assertEquals("civ24", named.getAs("report_id"));
        assertTrue(((String) named.getAs("detail")).contains("市财政局"));
    }

    @Test
    void commonWordingIsLeftOut(SparkSession spark) {
        // Three unrelated bodies that share only a stock sentence: with it counted they look alike, left out they do not.
        String stock = "坚持以公开为常态、不公开为例外，着力推进决策、执行、管理、服务、结果公开，持续提升政务公开质量和实效。";
        Dataset<Row> reports = spark.createDataFrame(List.of(
                r("a", "淮安市财政局", 2024, 1, stock + "全年发布预算信息86条。"),
                r("b", "淮安市教育局", 2024, 1, stock + "全年发布招生信息412条。"),
                r("c", "盱眙县交通运输局", 2024, 1, stock + "全年发布工程信息214条。")), REPORTS);
        assertEquals(3, SimilarReports.find(reports, new SimilarReports.Settings(6, 0.5, 5, 0.5, 100, 10, 40, 1)).count(), "stock wording counted");
        assertEquals(0, SimilarReports.find(reports, new SimilarReports.Settings(6, 0.5, 5, 0.5, 3, 10, 40, 1)).count(), "stock wording left out");
    }

    @Test
    void aYearWithTooFewNarrativesIsNotJudged(SparkSession spark) {
        // Two reports alone cannot tell a copied passage from a stock one everybody uses: no verdict, not a copy.
        String education = FINANCE.replace("淮安市财政局", "淮安市教育局").replace("市财政局", "市教育局");
        String lastYear = FINANCE.replace("2024年", "2023年");
        Dataset<Row> reports = spark.createDataFrame(List.of(
                r("fin24", "淮安市财政局", 2024, 1000, FINANCE),
                r("edu24", "淮安市教育局", 2024, 2000, education),
                r("road24", "盱眙县交通运输局", 2024, 1000, ROADS),
                r("fin23", "淮安市财政局", 2023, 500, lastYear),
                r("road23", "盱眙县交通运输局", 2023, 500, null)), REPORTS);
        SimilarReports.Settings three = new SimilarReports.Settings(6, 0.5, 5, 0.5, 100, 10, 40, 3);
        SimilarReports.Years years = SimilarReports.years(reports, three);
        assertEquals(java.util.Set.of(2024), years.judged());
        assertEquals(Map.of(2023, 1L), years.notJudged(), "a year counts its narratives, not its reports");
        assertEquals("2023 (1)", years.describeNotJudged());
        // 2024 is judged (3 narratives); the previous-year pair needs 2023 judged too.
        assertEquals(List.of("fin24~edu24"), SimilarReports.find(reports, three).collectAsList().stream()
                .map(p -> p.getAs("report_id_a") + "~" + p.getAs("report_id_b")).toList());
        assertEquals(0, SimilarReports.find(reports, three.withMinReports(4)).count(), "no year judged");
        assertThrows(IllegalArgumentException.class, () -> three.withMinReports(0));
    }
}
