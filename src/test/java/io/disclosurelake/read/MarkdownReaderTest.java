package io.disclosurelake.read;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class MarkdownReaderTest {
    private static Grid read(String md) throws Exception {
        return new MarkdownReader().read(md.getBytes(StandardCharsets.UTF_8), ReadLimits.defaults());
    }

    @Test
    void pipeTableRowsAreCellsAndSeparatorsGo() throws Exception {
        Grid g = read("# 2024年某某局政府信息公开工作年度报告\n\n**二、主动公开政府信息情况**\n\n"
                + "| 信息内容 | 本年制发件数 | 本年废止件数 |\n|:---|---:|:---:|\n| 规章 | 3 |  |\n| 5.要求行政机关确认<br>或重新出具已获取信息 | 1 \\| 2 | 0 |\n\n尾段");
        assertEquals("2024年某某局政府信息公开工作年度报告", ((Grid.Paragraph) g.blocks().get(0)).text());
        assertEquals("二、主动公开政府信息情况", ((Grid.Paragraph) g.blocks().get(1)).text());
        Grid.Table t = assertInstanceOf(Grid.Table.class, g.blocks().get(2));
        assertEquals(3, t.rows().size());
        assertEquals(List.of("规章", "3", ""), GridDump.rowTexts(t, 1));
        // a <br> inside a cell is a wrapped label; an escaped pipe stays in its cell
        assertEquals(List.of("5.要求行政机关确认或重新出具已获取信息", "1 | 2", "0"), GridDump.rowTexts(t, 2));
        assertEquals("尾段", ((Grid.Paragraph) g.blocks().get(3)).text());
    }

    @Test
    void tableWithoutOuterPipesIsReadWhenASeparatorFollows() throws Exception {
        Grid g = read("项目 | 本年新制作数量 | 对外公开总数量\n---|---|---\n| 规章 | 0 | 5 |\n");
        Grid.Table t = assertInstanceOf(Grid.Table.class, g.blocks().get(0));
        assertEquals(List.of("项目", "本年新制作数量", "对外公开总数量"), GridDump.rowTexts(t, 0));
        assertEquals(List.of("规章", "0", "5"), GridDump.rowTexts(t, 1));
    }

    @Test
    void htmlTableInsideMarkdownHasItsSpansExpanded() throws Exception {
        Grid g = read("## 四、政府信息公开行政复议、行政诉讼情况\n\n<table>\n<tr><td colspan=\"2\">行政复议</td><td>行政诉讼</td></tr>\n"
                + "<tr><td>1</td><td>2</td><td>3</td></tr></table>\n\n五、存在的主要问题及改进情况\n");
        assertEquals("四、政府信息公开行政复议、行政诉讼情况", ((Grid.Paragraph) g.blocks().get(0)).text());
        Grid.Table t = assertInstanceOf(Grid.Table.class, g.blocks().get(1));
        assertEquals(3, t.columnCount());
        assertEquals(List.of("1", "2", "3"), GridDump.rowTexts(t, 1));
        assertEquals("五、存在的主要问题及改进情况", ((Grid.Paragraph) g.blocks().get(2)).text());
    }

    @Test
    void markdownIsSniffedByNameOrPipeTableNotAsHtml() {
        byte[] withHtmlTable = "# 报告\n\n<table><tr><td>1</td></tr></table>\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(DocumentFormat.MD, FormatSniffer.sniff(withHtmlTable, "report.md"));
        byte[] pipes = "报告\n\n| a | b |\n|---|---|\n| 1 | 2 |\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(DocumentFormat.MD, FormatSniffer.sniff(pipes, "report.txt"));
        assertEquals(DocumentFormat.TXT, FormatSniffer.sniff("规章\t0\t0\n".getBytes(StandardCharsets.UTF_8), "report.txt"));
    }
}
