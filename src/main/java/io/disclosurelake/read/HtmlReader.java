package io.disclosurelake.read;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.disclosurelake.spec.QuarantineReason;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * HTML pages (portal articles, Word/WPS exports). Tables holding no other table are data tables with
 * rowspan/colspan expanded to grid positions; layout tables (those wrapping other tables) are walked as
 * ordinary flow so their text becomes paragraphs.
 */
public final class HtmlReader implements FormatReader {

    private static final Set<String> NOISE = Set.of("script", "style", "nav", "header", "footer", "noscript",
            "iframe", "template", "select", "button", "head", "object", "svg");
    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
            "ol", "dl", "dt", "dd", "blockquote", "pre", "section", "article", "main", "aside", "address",
            "center", "form", "fieldset", "hr", "body", "tr", "td", "th", "caption", "figure", "figcaption");
    private static final Pattern META_CHARSET =
            Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_\\-:.]+)", Pattern.CASE_INSENSITIVE);

    @Override
    public Grid read(byte[] bytes, ReadLimits limits) throws UnreadableDocumentException {
        String html = decode(bytes);
        if (html.length() > limits.maxTextChars()) {
            throw new UnreadableDocumentException(QuarantineReason.TOO_LARGE, "HTML has " + html.length() + " characters");
        }
        try {
            Document doc = Jsoup.parse(html);
            doc.select(String.join(",", NOISE)).remove();
            for (Element e : doc.select("[style]")) {
                String style = e.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
                if (style.contains("display:none")) e.remove();
            }
            Flow flow = new Flow(limits);
            flow.walk(doc.body() == null ? doc : doc.body());
            flow.flush();
            return new Grid(flow.blocks, null);
        } catch (StackOverflowError e) {
            throw new UnreadableDocumentException(QuarantineReason.CORRUPT, "HTML nested too deeply to read");
        } catch (RuntimeException e) {
            throw new UnreadableDocumentException(QuarantineReason.CORRUPT, "HTML cannot be parsed: " + e, e);
        }
    }

    /** Charset from BOM, else a declared meta charset, else valid UTF-8, else GB18030 (a superset of GBK/GB2312). */
    static String decode(byte[] bytes) {
        Charset bom = FormatSniffer.bomCharset(bytes);
        if (bom != null) {
            int skip = FormatSniffer.bomLength(bytes);
            return new String(bytes, skip, bytes.length - skip, bom);
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 8192), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (m.find()) {
            Charset declared = charsetFor(m.group(1));
            if (declared != null) {
                // Portals often declare the wrong charset: GBK declared but really UTF-8, or the reverse.
                String utf8 = FormatSniffer.strictDecode(bytes, StandardCharsets.UTF_8);
                if (!declared.equals(StandardCharsets.UTF_8)) {
                    if (utf8 != null && hasNonAscii(bytes)) return utf8;
                } else if (utf8 == null) {
                    return new String(bytes, FormatSniffer.GB18030);
                }
                return new String(bytes, declared);
            }
        }
        String utf8 = FormatSniffer.strictDecode(bytes, StandardCharsets.UTF_8);
        if (utf8 != null) return utf8;
        return new String(bytes, FormatSniffer.GB18030);
    }

    private static boolean hasNonAscii(byte[] b) {
        for (byte x : b) if (x < 0) return true;
        return false;
    }

    private static Charset charsetFor(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("gb2312") || n.equals("gbk") || n.equals("gb18030") || n.equals("x-gbk")) return FormatSniffer.GB18030;
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Walks the DOM in document order, cutting paragraphs at block boundaries and {@code <br>}. */
    private static final class Flow {
        final List<Grid.Block> blocks = new ArrayList<>();
        final StringBuilder line = new StringBuilder();
        final ReadLimits limits;

        Flow(ReadLimits limits) { this.limits = limits; }

        void walk(Node node) throws UnreadableDocumentException {
            for (Node child : node.childNodes()) {
                if (child instanceof TextNode t) {
                    line.append(t.getWholeText());
                } else if (child instanceof Element e) {
                    String tag = e.normalName();
                    if (tag.equals("br")) {
                        flush();
                    } else if (tag.equals("table")) {
                        flush();
                        if (e.selectFirst("table table") == null && e.select("table").size() == 1) {
                            for (Element caption : e.select("caption")) {
                                walk(caption);
                                flush();
                            }
                            Grid.Table t = dataTable(e);
                            if (t != null) blocks.add(t);
                        } else {
                            walk(e); // a layout table: its text is flow
                        }
                        flush();
                    } else if (BLOCKS.contains(tag)) {
                        flush();
                        walk(e);
                        flush();
                    } else {
                        walk(e);
                    }
                }
            }
            if (limits.pastDeadline()) throw new UnreadableDocumentException(QuarantineReason.TIMEOUT, "HTML read past deadline");
        }

        void flush() {
            String s = TableBuilder.clean(line.toString());
            line.setLength(0);
            if (!s.isEmpty()) blocks.add(new Grid.Paragraph(s, null));
        }
    }

    /** A table holding no other table, rowspan/colspan expanded; null when it has no text at all. */
    static Grid.Table dataTable(Element table) {
        TableBuilder tb = new TableBuilder();
        int r = 0;
        for (Element tr : table.select("tr")) {
            int c = 0;
            tb.touchRow(r);
            for (Element td : tr.children()) {
                String tag = td.normalName();
                if (!tag.equals("td") && !tag.equals("th")) continue;
                c = tb.nextFree(r, c);
                int rs = span(td.attr("rowspan"));
                int cs = span(td.attr("colspan"));
                tb.put(r, c, rs, cs, cellText(td));
                c += cs;
            }
            r++;
        }
        return tb.isEmpty() ? null : tb.build();
    }

    private static int span(String v) {
        if (v == null || v.isBlank()) return 1;
        try {
            int n = Integer.parseInt(v.trim().replaceAll("[^0-9]", ""));
            return Math.max(1, Math.min(n, 1000));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** A cell's text: its block pieces joined without a separator (a wrapped or vertical label becomes one). */
    static String cellText(Element td) {
        List<String> pieces = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        collect(td, pieces, cur);
        pieces.add(cur.toString());
        return TableBuilder.joinPieces(pieces);
    }

    private static void collect(Node node, List<String> pieces, StringBuilder cur) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode t) {
                cur.append(t.getWholeText());
            } else if (child instanceof Element e) {
                String tag = e.normalName();
                if (tag.equals("br") || BLOCKS.contains(tag)) {
                    pieces.add(cur.toString());
                    cur.setLength(0);
                    if (!tag.equals("br")) {
                        collect(e, pieces, cur);
                        pieces.add(cur.toString());
                        cur.setLength(0);
                    }
                } else {
                    collect(e, pieces, cur);
                }
            }
        }
    }
}
