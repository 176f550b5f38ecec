package io.disclosurelake.hardening;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The real Nanguan 2024 report (src/test/resources/real/nanguan_2024_seed.txt, the one-cell-per-line export of
 * its DOCX) turned back into documents of other formats, under another body's name so that several copies are
 * distinct reports in one lake. The text keeps its structure: paragraphs, and tables as rows of cells exactly
 * as the export lists them, so every format carries the same cells.
 */
final class SeedReport {
    static final String SEED_RESOURCE = "/real/nanguan_2024_seed.txt";
    static final String SEED_BUREAU = "民政";
    static final int SEED_YEAR = 2024;
    /** Bureaus substituted for 民政 to make distinct bodies of the same district. */
    static final List<String> BUREAUS = List.of("教育", "财政", "司法", "商务", "水利", "审计", "统计", "体育",
            "信访", "应急", "交通", "林业", "粮食", "档案", "气象", "人防", "科技", "工信", "住建", "医保");

    sealed interface Block permits Para, Table {}

    record Para(String text) implements Block {}

    record Table(List<List<String>> rows) implements Block {}

    final String bureau;
    final int year;
    final String text;
    final List<Block> blocks;

    private SeedReport(String bureau, int year, String text) {
        this.bureau = bureau;
        this.year = year;
        this.text = text;
        this.blocks = parse(text);
    }

    /** The seed as it is (南关区民政局, 2024). */
    static SeedReport original() { return new SeedReport(SEED_BUREAU, SEED_YEAR, seedText()); }

    /** The seed under 南关区{bureau}局 for {@code year}. */
    static SeedReport as(String bureau, int year) {
        String t = seedText().replace(SEED_BUREAU, bureau).replace(String.valueOf(SEED_YEAR), String.valueOf(year));
        return new SeedReport(bureau, year, t);
    }

    /** The body's name as the title prints it. */
    String org() { return "南关区" + bureau + "局"; }

    static String seedText() {
        try (InputStream in = SeedReport.class.getResourceAsStream(SEED_RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing test resource " + SEED_RESOURCE);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Same reading rules as the export: a line of one leading tab is a cell, a blank line ends a row. */
    private static List<Block> parse(String text) {
        List<Block> out = new ArrayList<>();
        List<List<String>> table = new ArrayList<>();
        List<String> row = new ArrayList<>();
        for (String raw : text.split("\r\n|\n", -1)) {
            String line = raw.replaceAll("\\[bookmark: [^\\]]*\\]", "");
            if (line.startsWith("\t") && line.indexOf('\t', 1) < 0) {
                row.add(line.substring(1).strip());
            } else if (line.isBlank()) {
                endRow(table, row);
            } else {
                endRow(table, row);
                if (!table.isEmpty()) { out.add(new Table(List.copyOf(table))); table.clear(); }
                out.add(new Para(line.strip()));
            }
        }
        endRow(table, row);
        if (!table.isEmpty()) out.add(new Table(List.copyOf(table)));
        return out;
    }

    private static void endRow(List<List<String>> table, List<String> row) {
        if (row.isEmpty()) return;
        if (row.stream().anyMatch(c -> !c.isEmpty())) table.add(List.copyOf(row));
        row.clear();
    }

    byte[] txt() { return text.getBytes(StandardCharsets.UTF_8); }

    /** A DOCX with the paragraphs and real Word tables (rows may have different cell counts, as in the export). */
    byte[] docx() {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Block b : blocks) {
                if (b instanceof Para p) {
                    doc.createParagraph().createRun().setText(p.text());
                } else if (b instanceof Table t) {
                    XWPFTable table = doc.createTable();
                    boolean first = true;
                    for (List<String> cells : t.rows()) {
                        XWPFTableRow row = first ? table.getRow(0) : table.createRow();
                        // createRow copies the previous row's cell count: trim or extend to this row's cells
                        while (row.getTableCells().size() > cells.size()) row.removeCell(row.getTableCells().size() - 1);
                        while (row.getTableCells().size() < cells.size()) row.addNewTableCell();
                        for (int i = 0; i < cells.size(); i++) row.getCell(i).setText(cells.get(i));
                        first = false;
                    }
                    doc.createParagraph();
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A web page with the report in {@code <table>}s, encoded in {@code charset}; {@code declare} adds the
     * {@code <meta charset>} a careless site leaves out. Characters the charset lacks are not expected.
     */
    byte[] html(Charset charset, boolean declare) {
        String page = htmlPage(declare ? charset.name() : null, "");
        CharsetEncoder enc = charset.newEncoder();
        if (!enc.canEncode(page)) throw new IllegalStateException("seed text not encodable in " + charset);
        return page.getBytes(charset);
    }

    /** The page with {@code tail} (already markup) appended to the body after the report. */
    String htmlPage(String declaredCharset, String tail) {
        StringBuilder sb = new StringBuilder("<html><head>");
        if (declaredCharset != null) sb.append("<meta charset=\"").append(declaredCharset).append("\">");
        sb.append("<title>").append(escape(((Para) blocks.get(0)).text())).append("</title></head><body>\n");
        for (Block b : blocks) {
            if (b instanceof Para p) {
                sb.append("<p>").append(escape(p.text())).append("</p>\n");
            } else if (b instanceof Table t) {
                sb.append("<table border=\"1\">\n");
                for (List<String> row : t.rows()) {
                    sb.append("<tr>");
                    for (String c : row) sb.append("<td>").append(escape(c)).append("</td>");
                    sb.append("</tr>\n");
                }
                sb.append("</table>\n");
            }
        }
        sb.append(tail).append("</body></html>\n");
        return sb.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
