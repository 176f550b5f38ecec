package io.disclosurelake.read;

import io.disclosurelake.spec.QuarantineReason;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Plain text in three shapes, told apart line by line:
 * <ul>
 *   <li>the one-cell-per-line export of a DOCX (a line indented by one tab is a cell, a blank line ends
 *       the table row, a lone tab is an empty or merged cell);</li>
 *   <li>tab-separated text (a line with inner tabs is a whole row);</li>
 *   <li>anything else, one {@link Grid.Paragraph} per line (text flattened from web pages keeps its
 *       table cells glued in one paragraph; the matcher splits them).</li>
 * </ul>
 * Decodes UTF-8 (with or without BOM), UTF-16 with a BOM, else GB18030.
 */
public final class TextReader implements FormatReader {
    private static final Pattern WORD_ARTIFACT = Pattern.compile("\\[bookmark: [^\\]]*\\]");

    @Override public Grid read(byte[] bytes, ReadLimits limits) throws UnreadableDocumentException {
        String text = decode(bytes);
        if (text.length() > limits.maxTextChars())
            throw new UnreadableDocumentException(QuarantineReason.TOO_LARGE, "text longer than " + limits.maxTextChars() + " characters");
        return parse(text, limits);
    }

    public static String decode(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf)
            return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        if (b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe)
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        if (b.length >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff)
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return new String(b, Charset.forName("GB18030"));
        }
    }

    static Grid parse(String text, ReadLimits limits) throws UnreadableDocumentException {
        List<Grid.Block> blocks = new ArrayList<>();
        List<List<Grid.GridCell>> table = new ArrayList<>();
        List<String> row = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        int n = 0;
        for (String raw : lines) {
            if ((++n & 1023) == 0 && limits.pastDeadline())
                throw new UnreadableDocumentException(QuarantineReason.TIMEOUT, "text reading past the deadline");
            String line = WORD_ARTIFACT.matcher(raw).replaceAll("");
            int firstTab = line.indexOf('\t');
            if (firstTab == 0 && line.indexOf('\t', 1) < 0) {          // one-cell-per-line export
                row.add(line.substring(1).strip());
            } else if (firstTab >= 0) {                                  // tab-separated row
                endRow(table, row);
                List<String> cells = new ArrayList<>();
                for (String c : line.split("\t", -1)) cells.add(c.strip());
                while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) cells.remove(cells.size() - 1);
                addRow(table, cells);
            } else if (line.isBlank()) {
                endRow(table, row);
            } else if (!row.isEmpty()) {
                // inside a one-cell-per-line row, a line without the tab continues the cell above (a line
                // break inside the cell: 5.要求行政机关确认 / 或重新出具已获取信息, or a vertical label)
                int last = row.size() - 1;
                row.set(last, row.get(last) + "\n" + line.strip());
            } else {
                endRow(table, row);
                endTable(blocks, table);
                blocks.add(new Grid.Paragraph(line.strip(), null));
            }
        }
        endRow(table, row);
        endTable(blocks, table);
        return new Grid(blocks, null);
    }

    private static void endRow(List<List<Grid.GridCell>> table, List<String> row) {
        if (row.isEmpty()) return;
        // a one-cell-per-line row of empty cells is kept when it is as wide as a table row: the row of
        // table 四 printed with every cell blank (a lone tab or two are merged-cell padding)
        if (row.size() >= 7 || !row.stream().allMatch(String::isEmpty)) addCells(table, row);
        row.clear();
    }

    private static void addRow(List<List<Grid.GridCell>> table, List<String> cells) {
        boolean allEmpty = cells.stream().allMatch(String::isEmpty);
        if (allEmpty) return;
        addCells(table, cells);
    }

    private static void addCells(List<List<Grid.GridCell>> table, List<String> cells) {
        int r = table.size();
        List<Grid.GridCell> out = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) out.add(Grid.GridCell.of(r, c, cells.get(c)));
        table.add(out);
    }

    private static void endTable(List<Grid.Block> blocks, List<List<Grid.GridCell>> table) {
        if (table.isEmpty()) return;
        blocks.add(new Grid.Table(table));
        table.clear();
    }
}
