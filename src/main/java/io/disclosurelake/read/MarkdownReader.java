package io.disclosurelake.read;

import io.disclosurelake.spec.QuarantineReason;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Markdown as document converters write it (PDF-to-markdown tools, OCR pipelines): pipe tables
 * ({@code | 规章 | 0 | 0 | 0 |} with {@code |---|} separator lines), HTML {@code <table>} elements kept as
 * they are inside the markdown, and every other line a {@link Grid.Paragraph} with its markup
 * ({@code #}, {@code **}, list and quote marks) taken off. The tables become the same {@link Grid.Table}
 * the other readers give, so the template matcher reads them unchanged.
 *
 * <p>Written by hand, not with a markdown parser: converters' output is often not conforming (a pipe table
 * without its separator line, rows of uneven width, a header row that is the first data row), and a
 * CommonMark/GFM parser would turn such a table into a paragraph; what the matcher needs is only the
 * cells in row order. HTML tables go through jsoup and {@link HtmlReader#dataTable}, spans expanded.
 */
public final class MarkdownReader implements FormatReader {
    /** A separator line of a pipe table: {@code |---|:--:|}. */
    static final Pattern SEPARATOR = Pattern.compile("^\\s*\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)+\\|?\\s*$");
    private static final Pattern BREAK = Pattern.compile("<br\\s*/?>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+");
    private static final Pattern LIST_OR_QUOTE = Pattern.compile("^(?:>\\s*)+|^[-*+]\\s+");
    private static final Pattern EMPHASIS = Pattern.compile("\\*\\*|__|(?<![\\w*])\\*(?=\\S)|(?<=\\S)\\*(?![\\w*])");
    private static final Pattern TABLE_OPEN = Pattern.compile("<table\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern TABLE_CLOSE = Pattern.compile("</table\\s*>", Pattern.CASE_INSENSITIVE);

    @Override
    public Grid read(byte[] bytes, ReadLimits limits) throws UnreadableDocumentException {
        String text = TextReader.decode(bytes);
        if (text.length() > limits.maxTextChars())
            throw new UnreadableDocumentException(QuarantineReason.TOO_LARGE, "markdown longer than " + limits.maxTextChars() + " characters");
        return parse(text, limits);
    }

    static Grid parse(String text, ReadLimits limits) throws UnreadableDocumentException {
        List<Grid.Block> blocks = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        int i = 0;
        while (i < lines.length) {
            if ((i & 1023) == 0 && limits.pastDeadline())
                throw new UnreadableDocumentException(QuarantineReason.TIMEOUT, "markdown reading past the deadline");
            String line = lines[i];
            if (TABLE_OPEN.matcher(line).find()) {
                // an HTML table: up to the line that closes it (nested tables close later)
                StringBuilder html = new StringBuilder();
                int depth = 0;
                do {
                    html.append(lines[i]).append('\n');
                    depth += count(TABLE_OPEN, lines[i]) - count(TABLE_CLOSE, lines[i]);
                    i++;
                } while (i < lines.length && depth > 0);
                htmlTables(html.toString(), blocks);
            } else if (isPipeRow(line) || (i + 1 < lines.length && line.contains("|") && SEPARATOR.matcher(lines[i + 1]).matches())) {
                List<List<Grid.GridCell>> rows = new ArrayList<>();
                while (i < lines.length && (isPipeRow(lines[i]) || SEPARATOR.matcher(lines[i]).matches()
                        || (rows.isEmpty() && lines[i].contains("|")))) {
                    if (!SEPARATOR.matcher(lines[i]).matches()) rows.add(pipeCells(lines[i], rows.size()));
                    i++;
                }
                if (!rows.isEmpty()) blocks.add(new Grid.Table(rows));
            } else {
                String p = inline(stripBlockMarks(line));
                if (!p.isEmpty()) blocks.add(new Grid.Paragraph(p, null));
                i++;
            }
        }
        return new Grid(blocks, null);
    }

    /** A row of a pipe table: a line that starts with '|' and has another. */
    static boolean isPipeRow(String line) {
        String t = line.strip();
        return t.length() > 1 && t.charAt(0) == '|' && t.indexOf('|', 1) > 0;
    }

    /** The cells of a pipe row: split at unescaped '|', outer pipes dropped, {@code <br>} joined as a wrapped label. */
    static List<Grid.GridCell> pipeCells(String line, int row) {
        String t = line.strip();
        if (t.startsWith("|")) t = t.substring(1);
        if (t.endsWith("|") && !t.endsWith("\\|")) t = t.substring(0, t.length() - 1);
        List<String> raw = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int k = 0; k < t.length(); k++) {
            char c = t.charAt(k);
            if (c == '\\' && k + 1 < t.length() && t.charAt(k + 1) == '|') { cur.append('|'); k++; }
            else if (c == '|') { raw.add(cur.toString()); cur.setLength(0); }
            else cur.append(c);
        }
        raw.add(cur.toString());
        List<Grid.GridCell> cells = new ArrayList<>();
        for (int c = 0; c < raw.size(); c++) {
            List<String> pieces = List.of(BREAK.split(raw.get(c), -1));
            List<String> clean = new ArrayList<>();
            for (String p : pieces) clean.add(inline(p));
            cells.add(Grid.GridCell.of(row, c, TableBuilder.joinPieces(clean)));
        }
        return cells;
    }

    private static void htmlTables(String html, List<Grid.Block> blocks) {
        for (Element table : Jsoup.parseBodyFragment(html).select("table")) {
            if (table.selectFirst("table table") != null || table.select("table").size() > 1) continue; // a layout table
            Grid.Table t = HtmlReader.dataTable(table);
            if (t != null) blocks.add(t);
        }
    }

    private static String stripBlockMarks(String line) {
        String s = line.strip();
        s = HEADING.matcher(s).replaceFirst("");
        s = LIST_OR_QUOTE.matcher(s).replaceFirst("");
        return s.replaceAll("\\s+#+\\s*$", ""); // closing hashes of an ATX heading
    }

    /** Inline markup off: emphasis marks, backslash escapes, code ticks; whitespace collapsed. */
    static String inline(String s) {
        String t = EMPHASIS.matcher(s).replaceAll("").replace("`", "");
        t = t.replaceAll("\\\\([\\\\`*_{}\\[\\]()#+\\-.!|])", "$1");
        return TableBuilder.clean(t);
    }

    private static int count(Pattern p, String s) {
        int n = 0;
        for (var m = p.matcher(s.toLowerCase(Locale.ROOT)); m.find(); ) n++;
        return n;
    }
}
