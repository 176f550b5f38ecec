package io.disclosurelake.generate;

import io.disclosurelake.generate.ReportDocument.Block;
import io.disclosurelake.generate.ReportDocument.TCell;
import io.disclosurelake.generate.ReportDocument.Table;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Hand-written portal pages: with site chrome (navigation, breadcrumbs, related links, footer) and inline
 * styles like a CMS export, optionally in GBK bytes without any charset declaration.
 */
public final class HtmlWriter {
    private HtmlWriter() {}

    public static byte[] write(ReportDocument d, Body body, boolean chrome, boolean gbk, String published) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html>\n<head>\n");
        if (!gbk) h.append("<meta charset=\"utf-8\">\n");
        h.append("<title>").append(esc(d.title)).append("</title>\n</head>\n<body style=\"margin:0;font-family:SimSun,serif\">\n");
        if (chrome) {
            h.append("<div class=\"header\" style=\"background:#b5140f;color:#fff;padding:8px\"><span style=\"font-size:22px\">")
                    .append(esc(body.name())).append("门户网站</span></div>\n");
            h.append("<ul class=\"nav\" style=\"list-style:none;display:flex\"><li><a href=\"/\">首页</a></li><li><a href=\"/zwgk/\">政务公开</a></li>")
                    .append("<li><a href=\"/zwfw/\">政务服务</a></li><li><a href=\"/hdjl/\">互动交流</a></li></ul>\n");
            h.append("<div class=\"breadcrumb\" style=\"font-size:12px\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/zwgk/\">政务公开</a> &gt; ")
                    .append("<a href=\"/zwgk/ndbg/\">政府信息公开年报</a></div>\n");
            h.append("<table class=\"meta\" style=\"font-size:12px;border:0\"><tr><td>发布机构：").append(esc(body.name()))
                    .append("</td><td>发布日期：").append(published).append("</td></tr></table>\n");
        }
        h.append("<div class=\"article\" style=\"width:900px;margin:0 auto\">\n");
        h.append("<h1 style=\"text-align:center;font-size:22px\">").append(esc(d.title)).append("</h1>\n");
        if (d.subtitle != null) h.append("<p style=\"text-align:center\">").append(esc(d.subtitle)).append("</p>\n");
        for (Block b : d.blocks) {
            if (b instanceof ReportDocument.Heading x) h.append("<p style=\"font-weight:bold;text-indent:2em\"><strong>").append(esc(x.text())).append("</strong></p>\n");
            else if (b instanceof ReportDocument.Paragraph p) h.append("<p style=\"text-indent:2em;line-height:1.8\">").append(esc(p.text())).append("</p>\n");
            else if (b instanceof Table t) table(h, t);
        }
        h.append("</div>\n");
        if (chrome) {
            h.append("<div class=\"related\"><h3>相关链接</h3><ul><li><a href=\"/zwgk/ndbg/\">").append(esc(body.name()))
                    .append("历年政府信息公开工作年度报告</a></li></ul></div>\n");
            h.append("<div class=\"footer\" style=\"background:#eee;font-size:12px;text-align:center\">主办：").append(esc(body.name()))
                    .append("　网站标识码：").append(Math.abs(body.id().hashCode()) % 100000).append("　<a href=\"/sitemap.html\">网站地图</a></div>\n");
        }
        h.append("</body>\n</html>\n");
        Charset cs = gbk ? Charset.forName("GBK") : StandardCharsets.UTF_8;
        return h.toString().getBytes(cs);
    }

    static void table(StringBuilder h, Table t) {
        h.append("<table border=\"1\" cellspacing=\"0\" cellpadding=\"2\" style=\"border-collapse:collapse;width:100%;font-size:12px\">\n");
        for (int r = 0; r < t.rows; r++) {
            h.append("<tr>");
            for (TCell c : t.rowCells(r)) {
                h.append("<td");
                if (c.rowSpan() > 1) h.append(" rowspan=\"").append(c.rowSpan()).append('"');
                if (c.colSpan() > 1) h.append(" colspan=\"").append(c.colSpan()).append('"');
                h.append(c.numeric() ? " style=\"text-align:center\">" : ">");
                String text = esc(c.text());
                if (c.vertical()) text = String.join("<br>", text.split(""));
                h.append(text.replace("\n", "<br>")).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
