package io.disclosurelake.extract;

import io.disclosurelake.read.Grid;
import io.disclosurelake.read.ReadLimits;
import io.disclosurelake.read.TextReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three shapes of plain text the TextReader tells apart. */
class TextReaderTest {
    private static Grid read(String text) throws Exception {
        return new TextReader().read(text.getBytes(StandardCharsets.UTF_8), ReadLimits.defaults());
    }

    private static List<String> texts(List<Grid.GridCell> row) { return row.stream().map(Grid.GridCell::text).toList(); }

    @Test
    void oneCellPerLineExport() throws Exception {
        Grid g = read("[bookmark: _GoBack]二、主动公开政府信息情况\n\t第二十条第（一）项\n\n\t信息内容\n\t本年制发件数\n\n\t规章\n\t0\n\n\t\n\t\n\n正文\n");
        assertInstanceOf(Grid.Paragraph.class, g.blocks().get(0));
        assertEquals("二、主动公开政府信息情况", ((Grid.Paragraph) g.blocks().get(0)).text());
        Grid.Table t = (Grid.Table) g.blocks().get(1);
        assertEquals(3, t.rows().size()); // the row of two empty cells is dropped
        assertEquals(List.of("信息内容", "本年制发件数"), texts(t.rows().get(1)));
        assertEquals(List.of("规章", "0"), texts(t.rows().get(2)));
        assertEquals(1, t.rows().get(2).get(1).col());
        assertInstanceOf(Grid.Paragraph.class, g.blocks().get(2));
    }

    @Test
    void emptyCellsKeepTheirColumn() throws Exception {
        Grid g = read("\t\n\t自然人\n\t\n\t总计\n");
        Grid.Table t = (Grid.Table) g.blocks().get(0);
        assertEquals(List.of("", "自然人", "", "总计"), texts(t.rows().get(0)));
    }

    @Test
    void tabSeparatedRows() throws Exception {
        Grid g = read("标题\n信息内容\t本年制发件数\t本年废止件数\n规章\t0\t\t\n行政规范性文件\t3\t1\n");
        Grid.Table t = (Grid.Table) g.blocks().get(1);
        assertEquals(3, t.rows().size());
        assertEquals(List.of("规章", "0"), texts(t.rows().get(1)));
        assertEquals(List.of("行政规范性文件", "3", "1"), texts(t.rows().get(2)));
    }

    @Test
    void flattenedPageIsParagraphs() throws Exception {
        Grid g = read("标题: X\n发布时间: 2020-01-20\n==== 正文 ====\n规章000规范性文件898989\n");
        assertTrue(g.tables().isEmpty());
        assertEquals(4, g.blocks().size());
    }

    @Test
    void decodesEveryEncodingWeMeet() {
        String s = "南关区民政局２０２４";
        assertEquals(s, TextReader.decode(s.getBytes(StandardCharsets.UTF_8)));
        assertEquals(s, TextReader.decode(("\uFEFF" + s).getBytes(StandardCharsets.UTF_8)));
        assertEquals(s, TextReader.decode(("\uFEFF" + s).getBytes(StandardCharsets.UTF_16LE)));
        assertEquals(s, TextReader.decode(("\uFEFF" + s).getBytes(StandardCharsets.UTF_16BE)));
        assertEquals(s, TextReader.decode(s.getBytes(Charset.forName("GB18030"))));
    }
}
