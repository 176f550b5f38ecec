package io.disclosurelake.generate;

import io.disclosurelake.generate.ReportDocument.Table;
import io.disclosurelake.spec.TemplateSpec;
import io.disclosurelake.spec.TemplateSpec.ActiveField;
import io.disclosurelake.spec.TemplateSpec.Active2019Field;
import io.disclosurelake.spec.TemplateSpec.ApplicationRow;
import io.disclosurelake.spec.TemplateSpec.Version;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Lays a report out like the national template: title, intro with the contact address, the six sections and
 * tables 二, 三, 四 with the template's merged headers. Every label comes from {@link TemplateSpec}; quirks
 * change how labels and numbers are printed, never which numbers.
 */
public final class ReportLayout {
    private ReportLayout() {}

    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};

    /**
     * @param rich the narrative of a corpus with planted copies ({@link RichNarrative}): each body's own words,
     *             so that only the planted copies look alike
     * @param copy how this narrative copies another (null: it does not)
     */
    public record Spec(Body body, int year, Version version, ReportFigures fig, QuirkSet quirks,
                       long narrativeSeed, int narrativeYear, boolean mentionReview, boolean rich, NarrativeCopy copy) {
        public Spec(Body body, int year, Version version, ReportFigures fig, QuirkSet quirks,
                    long narrativeSeed, int narrativeYear, boolean mentionReview) {
            this(body, year, version, fig, quirks, narrativeSeed, narrativeYear, mentionReview, false, null);
        }
    }

    public static ReportDocument layout(Spec s) {
        QuirkSet q = s.quirks();
        SplittableRandom nr = new SplittableRandom(s.narrativeSeed());
        String org = s.body().name();
        String title = org + s.year() + "年政府信息公开工作年度报告";
        String subtitle = null;
        if (q.has(Quirk.SUBTITLE)) {
            int day = 5 + (int) (s.narrativeSeed() & 15);
            subtitle = nr.nextBoolean() ? "（" + org + "  " + (s.year() + 1) + "年1月" + day + "日）"
                    : "发布时间：" + (s.year() + 1) + "-01-" + (day < 10 ? "0" + day : day);
        }
        ReportDocument d = new ReportDocument(title, subtitle);
        Narrative n = new Narrative(s, nr);
        d.blocks.add(new ReportDocument.Paragraph(n.intro()));
        List<String> keys = new ArrayList<>(TemplateSpec.SECTION_HEADINGS.keySet());
        for (int i = 0; i < keys.size(); i++) {
            List<String> variants = TemplateSpec.SECTION_HEADINGS.get(keys.get(i));
            String heading = nr.nextInt(4) == 0 ? variants.get(nr.nextInt(variants.size())) : variants.get(0);
            d.blocks.add(new ReportDocument.Heading(sectionNumber(i, q) + heading));
            switch (keys.get(i)) {
                case "overview" -> (s.rich() ? RichNarrative.overview(s) : n.overview()).forEach(p -> d.blocks.add(new ReportDocument.Paragraph(p)));
                case "active" -> d.blocks.add(activeTable(s));
                case "applications" -> d.blocks.add(applicationTable(s));
                case "review_litigation" -> d.blocks.add(reviewTable(s));
                case "problems" -> (s.rich() ? RichNarrative.problems(s) : n.problems()).forEach(p -> d.blocks.add(new ReportDocument.Paragraph(p)));
                default -> d.blocks.add(new ReportDocument.Paragraph(n.otherMatters()));
            }
        }
        return d;
    }

    static String sectionNumber(int i, QuirkSet q) {
        return q.has(Quirk.NUMBERING_NOISE) && i == 2 ? (i + 1) + "、" : NUMERALS[i] + "、";
    }

    /** Group numbering （一） → （1） under numbering noise; brackets half-width under fullwidth_brackets. */
    static String label(String text, QuirkSet q) {
        String t = text;
        if (q.has(Quirk.NUMBERING_NOISE)) {
            for (int i = 0; i < 9; i++) t = t.replace("（" + NUMERALS[i] + "）", "（" + (i + 1) + "）");
            t = t.replaceAll("^(\\d)\\.", "$1、");
        }
        if (q.has(Quirk.FULLWIDTH_BRACKETS)) t = t.replace('（', '(').replace('）', ')');
        if (q.has(Quirk.WRAPPED_LABELS) && t.length() > 14) {
            int cut = t.length() / 2;
            t = t.substring(0, cut) + "\n" + t.substring(cut);
        }
        return t;
    }

    static String article(String article, QuirkSet q) {
        String a = article;
        if (q.has(Quirk.SPACED_ARTICLE)) a = a.replace("条第", "条 第");
        if (q.has(Quirk.FULLWIDTH_BRACKETS)) a = a.replace('（', '(').replace('）', ')');
        return a;
    }

    /** How a count is printed; zeros of tables 三/四 may be blank or dashed (their truth is then null). */
    static String number(long v, boolean zeroMayBeMissing, QuirkSet q) {
        if (v == 0 && zeroMayBeMissing && q.zerosMissing()) return q.has(Quirk.BLANK_ZEROS) ? "" : q.dash;
        String s = q.has(Quirk.THOUSANDS_SEPARATORS) && Math.abs(v) >= 1000 ? String.format("%,d", v) : Long.toString(v);
        return q.has(Quirk.FULLWIDTH_DIGITS) ? fullwidth(s) : s;
    }

    static String decimal(BigDecimal v, QuirkSet q) {
        String s = v.signum() == 0 ? "0" : v.toPlainString();
        return q.has(Quirk.FULLWIDTH_DIGITS) ? fullwidth(s) : s;
    }

    static String fullwidth(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c >= '0' && c <= '9') b.append((char) ('０' + (c - '0')));
            else if (c == ',') b.append('，');
            else if (c == '.') b.append('．');
            else b.append(c);
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ table 二

    private record SubTable(String article, List<String> columns, Map<String, List<Object[]>> rows) {}

    static Table activeTable(Spec s) {
        QuirkSet q = s.quirks();
        Map<String, SubTable> subs = new LinkedHashMap<>();
        if (s.version() == Version.V2019) {
            for (Active2019Field f : TemplateSpec.ACTIVE_2019_FIELDS) {
                int i = ReportFigures.active2019Index(f.key());
                String text = f.decimal() ? decimal(s.fig().procurementAmount, q) : number(s.fig().active2019[i], false, q);
                put(subs, f.article(), f.columnLabel(), f.rowLabel(), text, "active_2019/" + f.key());
            }
        } else {
            for (ActiveField f : TemplateSpec.ACTIVE_FIELDS) {
                String text = f.decimal() ? (s.fig().feeText != null ? s.fig().feeText : decimal(s.fig().fee, q))
                        : number(s.fig().active(f.key()), false, q);
                put(subs, f.article(), f.columnLabel2021(), f.rowLabel(), text, "active/" + f.key());
            }
            if (s.version() == Version.HYBRID) {
                for (Active2019Field f : TemplateSpec.ACTIVE_2019_FIELDS) {
                    if (!f.key().startsWith("procurement")) continue;
                    String text = f.decimal() ? decimal(s.fig().procurementAmount, q)
                            : number(s.fig().active2019[ReportFigures.active2019Index(f.key())], false, q);
                    put(subs, f.article(), f.columnLabel(), f.rowLabel(), text, "active_2019/" + f.key());
                }
            }
        }
        Table t = new Table("active", 4, 0, new double[]{2.2, 1.3, 1.3, 1.3});
        int r = 0;
        for (SubTable sub : subs.values()) {
            t.add(r++, 0, 1, 4, article(sub.article(), q), null);
            t.add(r, 0, 1, 1, "信息内容", null);
            int n = sub.columns().size();
            for (int c = 0; c < n; c++) t.add(r, 1 + c, 1, c == n - 1 ? 4 - 1 - c : 1, sub.columns().get(c), null);
            r++;
            for (Map.Entry<String, List<Object[]>> row : sub.rows().entrySet()) {
                t.add(r, 0, 1, 1, label(row.getKey(), q), null);
                List<Object[]> vals = row.getValue();
                for (int c = 0; c < vals.size(); c++)
                    t.add(r, 1 + c, 1, c == n - 1 ? 4 - 1 - c : 1, (String) vals.get(c)[0], (String) vals.get(c)[1]);
                r++;
            }
        }
        return t;
    }

    private static void put(Map<String, SubTable> subs, String article, String column, String row, String text, String address) {
        SubTable sub = subs.computeIfAbsent(article, a -> new SubTable(a, new ArrayList<>(), new LinkedHashMap<>()));
        if (!sub.columns().contains(column)) sub.columns().add(column);
        sub.rows().computeIfAbsent(row, k -> new ArrayList<>()).add(new Object[]{text, address});
    }

    // ------------------------------------------------------------------ table 三

    static Table applicationTable(Spec s) {
        QuirkSet q = s.quirks();
        Version v = s.version() == Version.V2019 ? Version.V2019 : Version.V2021;
        List<ApplicationRow> rows = TemplateSpec.applicationRows(v);
        boolean subtotals = q.has(Quirk.SUBTOTAL_ROWS);
        Table t = new Table("applications", 10, 3, new double[]{0.9, 1.1, 2.6, 1, 1, 1, 1, 1, 1, 1});
        t.add(0, 0, 3, 3, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", null);
        t.add(0, 3, 1, 7, "申请人情况", null);
        t.add(1, 3, 2, 1, TemplateSpec.APPLICANT_COLUMNS.get(0).label(), null);
        t.add(1, 4, 1, 5, "法人或其他组织", null);
        t.add(1, 9, 2, 1, TemplateSpec.APPLICANT_COLUMNS.get(TemplateSpec.TOTAL_COLUMN).label(), null);
        for (int c = 1; c < TemplateSpec.TOTAL_COLUMN; c++) t.add(2, 3 + c, 1, 1, TemplateSpec.APPLICANT_COLUMNS.get(c).label(), null);

        // count outcome rows (with subtotal rows) for the merged 三、本年度办理结果 label
        Map<String, Integer> groupSize = new LinkedHashMap<>();
        for (ApplicationRow r : rows) if (r.group() != null) groupSize.merge(r.group(), 1, Integer::sum);
        int outcomeRows = 0;
        for (ApplicationRow r : rows) if (r.isOutcome() || r.key().equals("total")) outcomeRows++;
        if (subtotals) for (Map.Entry<String, Integer> e : groupSize.entrySet()) if (e.getValue() > 1) outcomeRows++;

        int r = 3;
        boolean outcomeLabelDone = false;
        String currentGroup = null;
        for (ApplicationRow row : rows) {
            boolean single2019Other = v == Version.V2019 && "other".equals(row.group());
            if (row.isOutcome() || row.key().equals("total")) {
                if (!outcomeLabelDone) {
                    String text = "三、本年度办理结果";
                    if (q.has(Quirk.VERTICAL_LABELS)) t.addVertical(r, 0, outcomeRows, 1, text);
                    else t.add(r, 0, outcomeRows, 1, text, null);
                    outcomeLabelDone = true;
                }
                if (row.group() != null && !single2019Other) {
                    if (!row.group().equals(currentGroup)) {
                        currentGroup = row.group();
                        int span = groupSize.get(row.group()) + (subtotals ? 1 : 0);
                        t.add(r, 1, span, 1, label(row.groupLabel(), q), null);
                    }
                    t.add(r, 2, 1, 1, label(row.printedLabel(), q), null);
                } else {
                    String text = single2019Other ? row.groupLabel() : row.printedLabel();
                    t.add(r, 1, 1, 2, label(text, q), null);
                }
            } else {
                t.add(r, 0, 1, 3, label(row.printedLabel(), q), null);
            }
            int ri = ReportFigures.row(row.key());
            for (int c = 0; c < 7; c++)
                t.add(r, 3 + c, 1, 1, number(s.fig().app[ri][c], true, q), "applications/" + row.key() + "/" + c);
            r++;
            boolean lastOfGroup = row.group() != null && !single2019Other
                    && rows.stream().filter(x -> row.group().equals(x.group())).reduce((a, b) -> b).get() == row;
            if (subtotals && lastOfGroup) {
                t.add(r, 2, 1, 1, "小计", null);
                for (int c = 0; c < 7; c++) {
                    long sum = 0;
                    for (ApplicationRow x : rows) if (row.group().equals(x.group())) sum += s.fig().app[ReportFigures.row(x.key())][c];
                    t.add(r, 3 + c, 1, 1, number(sum, true, q), null);
                }
                r++;
            }
        }
        if (q.has(Quirk.PAGE_SPLIT_TABLES)) t.splitAfterRow = 3 + rows.size() / 2;
        return t;
    }

    // ------------------------------------------------------------------ table 四

    static Table reviewTable(Spec s) {
        QuirkSet q = s.quirks();
        double[] w = new double[15];
        java.util.Arrays.fill(w, 1);
        Table t = new Table("review", 15, 3, w);
        String[] review = TemplateSpec.REVIEW_GROUPS.get(0).label().split("·");
        String[] direct = TemplateSpec.REVIEW_GROUPS.get(1).label().split("·");
        String[] after = TemplateSpec.REVIEW_GROUPS.get(2).label().split("·");
        t.add(0, 0, 1, 5, review[0], null);
        t.add(0, 5, 1, 10, direct[0], null);
        for (int i = 0; i < 5; i++) t.add(1, i, 2, 1, TemplateSpec.REVIEW_OUTCOME_LABELS.get(i), null);
        t.add(1, 5, 1, 5, direct[1], null);
        t.add(1, 10, 1, 5, after[1], null);
        for (int i = 0; i < 10; i++) t.add(2, 5 + i, 1, 1, TemplateSpec.REVIEW_OUTCOME_LABELS.get(i % 5), null);
        for (int i = 0; i < 15; i++) t.add(3, i, 1, 1, number(s.fig().review[i], true, q), "review/" + i);
        return t;
    }

    // ------------------------------------------------------------------ narrative

    private static final class Narrative {
        final Spec s;
        final SplittableRandom r;

        Narrative(Spec s, SplittableRandom r) { this.s = s; this.r = r; }

        String office() { return s.body().name() + (s.body().kind() == Body.Kind.GOVERNMENT_OFFICE ? "" : "办公室"); }

        String intro() {
            int y = s.narrativeYear();
            return "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，现公布" + s.body().name() + y
                    + "年政府信息公开工作年度报告。全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
                    + "政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六个部分。本报告所列数据的统计期限自"
                    + y + "年1月1日起至" + y + "年12月31日止。本报告的电子版可在门户网站政府信息公开专栏下载。如对本报告有疑问，请与"
                    + office() + "联系（联系地址：" + s.body().address() + "；联系电话：" + s.body().phone() + "）。";
        }

        List<String> overview() {
            List<String> out = new ArrayList<>();
            int y = s.narrativeYear();
            String[] opening = {"认真贯彻执行《条例》，按照上级部署要求，稳步推进政府信息公开工作。",
                    "坚持以公开为常态、不公开为例外，着力推进决策、执行、管理、服务、结果公开。",
                    "围绕中心工作，健全公开机制，规范公开流程，政府信息公开工作取得新进展。"};
            out.add(y + "年，" + s.body().name() + opening[r.nextInt(opening.length)]);
            String[] topics = {"主动公开", "依申请公开", "政府信息管理", "平台建设", "监督保障"};
            int k = 2 + r.nextInt(3);
            for (int i = 0; i < k; i++) {
                String head = label("（" + NUMERALS[i] + "）", s.quirks());
                String p = head + topics[i] + "情况。";
                if (i == 0) p += "全年通过门户网站主动公开政府信息" + (20 + r.nextInt(3000)) + "条，及时发布政策文件和工作动态。";
                else if (i == 1) {
                    p += "严格按照法定程序办理，全年共收到政府信息公开申请" + s.fig().narrativeApplications + "件。";
                    if (s.mentionReview()) p += "因政府信息公开工作被申请行政复议" + s.fig().review[4] + "件，被提起行政诉讼"
                            + (s.fig().review[9] + s.fig().review[14]) + "件。";
                } else p += "进一步完善信息发布审核机制，落实“三审三校”制度，确保公开信息准确规范。";
                out.add(p);
            }
            return out;
        }

        List<String> problems() {
            String[] a = {"一是公开内容的深度和广度有待加强；二是政策解读形式较为单一；三是工作人员业务能力需进一步提升。",
                    "部分信息更新不够及时，政策解读的针对性有待提高。",
                    "依申请公开办理规范化程度有待提高，基层公开工作力量较为薄弱。"};
            String[] b = {"下一步，将加强业务培训，完善工作机制，提升公开质量。",
                    "下一步，我们将进一步规范公开流程，拓展公开渠道，强化监督考核。"};
            return List.of(a[r.nextInt(a.length)], b[r.nextInt(b.length)]);
        }

        String otherMatters() {
            String[] o = {"本年度未收取信息处理费。无其他需要报告的事项。", "无其他需要报告的事项。",
                    "本机关未收取信息处理费，无其他需要报告的事项。"};
            return o[r.nextInt(o.length)];
        }
    }
}
