package io.disclosurelake.read;

import static io.disclosurelake.read.OoxmlFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same Word table read back after LibreOffice turned it into PDF and into Word 97 (DOC): 3 label columns
 * (the first a narrow vertically merged column whose label wraps one character per line), 7 number columns,
 * blank cells.
 */
class ForeignProducerTest {

    static byte[] docx;

    static String cell(int twips, String props, String text) {
        return "<w:tc><w:tcPr><w:tcW w:w=\"" + twips + "\" w:type=\"dxa\"/>" + props + "</w:tcPr>"
                + (text.isEmpty() ? "<w:p/>" : p(text)) + "</w:tc>";
    }

    static String numbers(String... v) {
        StringBuilder sb = new StringBuilder();
        for (String s : v) sb.append(cell(700, "", s));
        return sb.toString();
    }

    @BeforeAll
    static void build() throws Exception {
        String borders = "<w:tblBorders>" + String.join("", List.of("top", "left", "bottom", "right", "insideH", "insideV").stream()
                .map(b -> "<w:" + b + " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>").toList()) + "</w:tblBorders>";
        StringBuilder grid = new StringBuilder("<w:tblGrid><w:gridCol w:w=\"400\"/><w:gridCol w:w=\"1500\"/><w:gridCol w:w=\"2000\"/>");
        for (int i = 0; i < 7; i++) grid.append("<w:gridCol w:w=\"700\"/>");
        grid.append("</w:tblGrid>");
        String table = "<w:tbl><w:tblPr><w:tblW w:w=\"8800\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>" + borders + "</w:tblPr>" + grid
                + tr(cell(3900, "<w:gridSpan w:val=\"3\"/>", "项目"), numbers("自然人", "商业企业", "科研机构", "社会公益", "法律服务", "其他", "总计"))
                + tr(cell(400, "<w:vMerge w:val=\"restart\"/>", "三、本年度办理结果"), cell(1500, "", "（一）予以公开"), cell(2000, "", ""),
                        numbers("7", "", "0", "", "0", "0", "7"))
                + tr(cell(400, "<w:vMerge/>", ""), cell(1500, "", "（四）无法提供"), cell(2000, "", "3.补正后申请内容仍不明确"),
                        numbers("5", "1", "", "", "", "0", "6"))
                + tr(cell(400, "<w:vMerge/>", ""), cell(1500, "", "（七）总计"), cell(2000, "", ""),
                        numbers("12", "1", "0", "0", "0", "0", "13"))
                + "</w:tbl>";
        docx = docx(p("三、收到和处理政府信息公开申请情况") + table + p("四、政府信息公开行政复议、行政诉讼情况"));
    }

    static void assertTable(Grid g) {
        List<Grid.Table> tables = g.tables();
        assertEquals(1, tables.size(), GridDump.dump(g));
        Grid.Table t = tables.get(0);
        assertEquals(10, t.columnCount(), GridDump.dump(g));
        assertEquals(List.of("三、本年度办理结果", "（一）予以公开", "", "7", "", "0", "", "0", "0", "7"), GridDump.rowTexts(t, 1), GridDump.dump(g));
        assertEquals(List.of("三、本年度办理结果", "（四）无法提供", "3.补正后申请内容仍不明确", "5", "1", "", "", "", "0", "6"), GridDump.rowTexts(t, 2));
        assertEquals(List.of("三、本年度办理结果", "（七）总计", "", "12", "1", "0", "0", "0", "0", "13"), GridDump.rowTexts(t, 3));
        assertTrue(t.rows().get(3).get(0).continuation());
        assertTrue(g.paragraphText().contains("四、政府信息公开行政复议、行政诉讼情况"));
    }

    @Test
    void docxItself() throws Exception {
        assertTable(new DocxReader().read(docx, ReadLimits.defaults()));
    }

    @Tag("slow") // converts with LibreOffice: the full lane (mvn verify)
    @Test
    void libreOfficePdf() throws Exception {
        byte[] pdf = Soffice.convert(docx, "docx", "pdf");
        Grid g = new PdfReader().read(pdf, ReadLimits.defaults());
        assertTable(g);
    }

    @Tag("slow") // converts with LibreOffice: the full lane (mvn verify)
    @Test
    void libreOfficeDoc() throws Exception {
        byte[] doc = Soffice.convert(docx, "docx", "doc:MS Word 97");
        assertEquals(DocumentFormat.DOC, FormatSniffer.sniff(doc, "report.docx"));
        assertTable(new DocReader().read(doc, ReadLimits.defaults()));
    }
}
