package io.disclosurelake.read;

import static org.junit.jupiter.api.Assertions.*;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class HtmlReaderTest {

    static byte[] resource(String name) throws Exception {
        try (InputStream in = HtmlReaderTest.class.getResourceAsStream(name)) {
            assertNotNull(in, name);
            return in.readAllBytes();
        }
    }

    static Grid read(String html, Charset cs) throws Exception {
        return new HtmlReader().read(html.getBytes(cs), ReadLimits.defaults());
    }

    @Test
    void realPortalPageGivesThreeDataTablesWithEveryValueInItsColumn() throws Exception {
        Grid g = new HtmlReader().read(resource("/real/pingtan_2019_portal.html"), ReadLimits.defaults());
        JsonNode exp = new ObjectMapper().readTree(resource("/real/pingtan_2019_portal.expected.json"));
        List<Grid.Table> tables = g.tables();
        assertEquals(3, tables.size(), GridDump.dump(g));

        // 二: 2019 layout, values in columns 1..3 of the label's row
        Grid.Table active = tables.get(0);
        JsonNode a = exp.get("active");
        assertEquals(List.of("规范性文件", String.valueOf(a.get("normative_docs_issued").asInt()), "89",
                String.valueOf(a.get("normative_docs_in_force").asInt())), GridDump.rowTexts(active, 3));
        assertEquals(List.of("行政许可", "396", "0", String.valueOf(a.get("licensing_decisions").asInt())),
                GridDump.rowTexts(active, 6));
        assertEquals(List.of("行政处罚", "2648", "0", String.valueOf(a.get("punishment_decisions").asInt())),
                GridDump.rowTexts(active, 10));
        assertEquals(List.of("行政强制", "126", "0", String.valueOf(a.get("coercion_decisions").asInt())),
                GridDump.rowTexts(active, 11));

        // 三: 3 label columns then the 7 applicant columns, in template row order
        Grid.Table apps = tables.get(1);
        assertEquals(10, apps.columnCount());
        JsonNode ap = exp.get("applications");
        List<JsonNode> expectedRows = new ArrayList<>();
        expectedRows.add(ap.get("new"));
        expectedRows.add(ap.get("carried_over"));
        expectedRows.add(ap.get("disclosed"));
        expectedRows.add(ap.get("partially_disclosed"));
        for (String group : List.of("withheld", "unable_to_provide", "not_processed")) {
            ap.get(group).forEach(expectedRows::add);
        }
        expectedRows.add(ap.get("other").get("other"));
        expectedRows.add(ap.get("total"));
        expectedRows.add(ap.get("carried_forward"));
        assertEquals(3 + expectedRows.size(), apps.rows().size());
        for (int i = 0; i < expectedRows.size(); i++) {
            List<Grid.GridCell> row = apps.rows().get(3 + i);
            for (int c = 0; c < 7; c++) {
                assertEquals(expectedRows.get(i).get(c).asText(), row.get(3 + c).text(), "row " + (3 + i) + " col " + (3 + c));
            }
        }
        // the vertical label is visible on every row it spans
        assertEquals("三、本年度办理结果", apps.rows().get(6).get(0).text());
        assertTrue(apps.rows().get(7).get(0).continuation());
        assertEquals("三、本年度办理结果", apps.rows().get(7).get(0).text());

        // 四: 15 columns, the values row
        Grid.Table review = tables.get(2);
        assertEquals(15, review.columnCount());
        List<String> values = GridDump.rowTexts(review, review.rows().size() - 1);
        for (int c = 0; c < 15; c++) assertEquals(exp.get("review_litigation").get(c).asText(), values.get(c));

        // portal noise and layout text are paragraphs, never tables; the title is there
        assertTrue(g.paragraphText().contains("政府信息公开工作年度报告"));
    }

    @Test
    void gbkPageWithoutDeclarationIsDetected() throws Exception {
        String html = "<html><body><p>二、主动公开政府信息情况</p><table><tr><td>规章</td><td>5</td></tr></table></body></html>";
        Grid g = read(html, Charset.forName("GBK"));
        assertEquals("二、主动公开政府信息情况", ((Grid.Paragraph) g.blocks().get(0)).text());
        assertEquals(List.of("规章", "5"), GridDump.rowTexts(g.tables().get(0), 0));
    }

    @Test
    void metaCharsetIsHonoured() throws Exception {
        String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head>"
                + "<body><p>行政复议</p></body></html>";
        Grid g = read(html, Charset.forName("GB2312"));
        assertEquals("行政复议", ((Grid.Paragraph) g.blocks().get(0)).text());
        // declared wrongly either way: the bytes win
        assertEquals("行政复议", ((Grid.Paragraph) read(html, StandardCharsets.UTF_8).blocks().get(0)).text());
        String utf8Declared = html.replace("gb2312", "utf-8");
        assertEquals("行政复议", ((Grid.Paragraph) read(utf8Declared, Charset.forName("GBK")).blocks().get(0)).text());
    }

    @Test
    void spansExpandIntoGridPositionsAndBlankCellsStayInTheirColumn() throws Exception {
        String html = "<table>"
                + "<tr><td rowspan=3><p>三</p><p>、</p><p>本</p><p>年度办理结果</p></td><td colspan=2>（一）予以公开</td><td>1</td><td>&nbsp;</td><td>3</td></tr>"
                + "<tr><td rowspan=2>（三）不予公开</td><td>1.属于国家秘密</td><td> </td><td>2</td><td><o:p></o:p></td></tr>"
                + "<tr><td>2.其他法律行政法规禁止公开</td><td>4</td><td></td><td>6</td></tr>"
                + "</table>";
        Grid.Table t = read(html, StandardCharsets.UTF_8).tables().get(0);
        assertEquals(6, t.columnCount());
        assertEquals(List.of("三、本年度办理结果", "（一）予以公开", "（一）予以公开", "1", "", "3"), GridDump.rowTexts(t, 0));
        assertEquals(List.of("三、本年度办理结果", "（三）不予公开", "1.属于国家秘密", "", "2", ""), GridDump.rowTexts(t, 1));
        assertEquals(List.of("三、本年度办理结果", "（三）不予公开", "2.其他法律行政法规禁止公开", "4", "", "6"), GridDump.rowTexts(t, 2));
        Grid.GridCell top = t.rows().get(0).get(0);
        assertEquals(3, top.rowSpan());
        assertFalse(top.continuation());
        assertTrue(t.rows().get(1).get(0).continuation());
        assertTrue(t.rows().get(0).get(2).continuation());
    }

    @Test
    void layoutTablesBecomeParagraphsAndNoiseIsDropped() throws Exception {
        String html = "<html><head><style>p{}</style><script>var x='规章';</script></head><body>"
                + "<nav>首页 导航</nav><table><tr><td><h1>某局2024年政府信息公开工作年度报告</h1>"
                + "<div>一、总体情况<br>第二行</div>"
                + "<table><tr><td>规章</td><td>1</td></tr></table></td></tr></table><footer>版权所有</footer></body></html>";
        Grid g = read(html, StandardCharsets.UTF_8);
        assertEquals(1, g.tables().size());
        assertEquals(List.of("规章", "1"), GridDump.rowTexts(g.tables().get(0), 0));
        String text = g.paragraphText();
        assertTrue(text.contains("某局2024年政府信息公开工作年度报告\n一、总体情况\n第二行\n"), text);
        assertFalse(g.text().contains("首页"));
        assertFalse(g.text().contains("版权所有"));
        assertFalse(g.text().contains("var x"));
    }

    @Test
    void deeplyNestedMarkupIsQuarantinedNotACrash() {
        String html = "<div>".repeat(50_000) + "x";
        try {
            Grid g = read(html, StandardCharsets.UTF_8);
            assertTrue(g.text().contains("x"));
        } catch (UnreadableDocumentException e) {
            assertEquals(io.disclosurelake.spec.QuarantineReason.CORRUPT, e.reason());
        } catch (Exception e) {
            fail(e);
        }
    }
}
