package io.disclosurelake.generate;

import io.disclosurelake.extract.NarrativeText;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Sections 一 and 五 in a body's own words, for corpora with planted copies ({@code generate --copies}): sentences
 * drawn from many templates with figures, topics and channels of their own, so that two bodies' narratives share
 * the stock phrases real reports share and little else — and only the planted copies ({@link NarrativeCopy})
 * look alike. Everything but the body's name, the year and the figures the tables also print comes from the
 * narrative seed: a copy drawn from another report's seed is that report's text with the name swapped. Never
 * states a count that TEXT_TABLE_MISMATCH reads, except 共收到政府信息公开申请N件 with the report's own figure.
 */
final class RichNarrative {
    private RichNarrative() {}

    static final String[] TOPICS = {"预算决算", "政府采购", "重大建设项目", "公共资源交易", "社会救助", "义务教育招生", "医疗卫生",
            "食品药品监管", "生态环境保护", "安全生产", "就业创业", "养老服务", "住房保障", "农村集体资金", "城乡规划", "交通运输",
            "税费减免", "行政执法", "政务服务事项", "应急管理", "乡村振兴", "营商环境", "文化旅游", "水利工程", "退役军人服务",
            "残疾人帮扶", "科技项目", "国有资产管理", "征地补偿", "耕地保护", "河湖长制", "老旧小区改造", "校外培训治理", "医保基金监管"};
    static final String[] CHANNELS = {"门户网站", "政务微信公众号", "政务微博", "政府公报", "政务服务大厅", "公开栏", "短视频平台",
            "村务公开栏", "档案馆查阅点", "图书馆查阅点", "政务新媒体矩阵", "移动客户端", "便民服务中心", "广播电视"};
    static final String[] OPENINGS = {"坚持以公开为常态、不公开为例外", "认真落实上级关于政务公开的部署", "把政务公开纳入年度重点工作",
            "围绕中心工作深化政务公开", "以群众需求为导向推进公开", "对照标准目录逐项推进公开", "结合机构职能细化公开任务",
            "按照“五公开”要求规范公开流程"};
    static final String[] PLACES = {"办事窗口", "项目工地", "污水处理厂", "社区服务站", "学校食堂", "养老机构", "执法一线", "数据中心"};
    static final String[] SLOGANS = {"一件事一次办", "阳光审批", "清单式公开", "码上公开", "全程留痕", "首问负责", "限时办结", "周报月评"};

    /** One sentence from the template pool, drawn from {@code r}; {@code name} is how the sentence names the body. */
    private static String sentence(int template, SplittableRandom r, int year, String name) {
        String t1 = TOPICS[r.nextInt(TOPICS.length)], t2 = TOPICS[r.nextInt(TOPICS.length)];
        String c1 = CHANNELS[r.nextInt(CHANNELS.length)], c2 = CHANNELS[r.nextInt(CHANNELS.length)];
        int a = 2 + r.nextInt(60), b = 10 + r.nextInt(900), c = 1 + r.nextInt(40);
        return switch (template) {
            case 0 -> "围绕" + t1 + "，编制公开清单" + a + "项，逐项明确公开主体、公开时限和公开方式，" + t2 + "类信息做到应公开尽公开。";
            case 1 -> "组织政策解读" + b + "次，其中负责同志解读" + c + "次，制作图解" + a + "件、短视频" + (c + a) + "条。";
            case 2 -> "在" + c1 + "开设“" + t1 + "”专栏，累计更新" + a + "期，浏览量达" + b + "万人次。";
            case 3 -> "召开新闻发布会" + c + "场，回应" + t1 + "、" + t2 + "等社会关切" + b + "条。";
            case 4 -> "对" + b + "件规范性文件开展公开属性认定，清理过时信息" + a + "条，" + t1 + "相关文件全部标注有效性。";
            case 5 -> "在" + c1 + "设立政府信息查阅点" + c + "个，接待现场查阅" + b + "人次。";
            case 6 -> "开展" + t1 + "信息公开专项检查" + c + "次，发现并整改问题" + a + "个，通报" + t2 + "领域典型问题" + (c % 7 + 1) + "起。";
            case 7 -> "举办业务培训" + c + "期，培训" + b + "人次，重点讲解" + t1 + "和" + t2 + "信息发布规范。";
            case 8 -> "建立" + t1 + "信息发布协调机制，与" + a + "个单位实现数据共享，通过" + c1 + "同步推送。";
            case 9 -> "组织“政府开放日”活动" + c + "场，邀请" + b + "名群众代表走进" + PLACES[r.nextInt(PLACES.length)] + "。";
            case 10 -> "在" + t1 + "领域推行“" + SLOGANS[r.nextInt(SLOGANS.length)] + "”做法，公开办事指南" + b + "份。";
            case 11 -> "依托" + c1 + "开展网上调查" + c + "次，收集意见建议" + b + "条，采纳" + a + "条。";
            case 12 -> "将" + t1 + "、" + t2 + "信息公开纳入年度绩效考核，分值占比" + (3 + r.nextInt(15)) + "%。";
            case 13 -> "通过" + c1 + "和" + c2 + "发布" + t1 + "动态" + b + "条、" + t2 + "通知公告" + a + "条。";
            case 14 -> name + "主要负责同志" + c + "次专题研究公开工作，印发" + t1 + "公开工作要点" + (c % 5 + 1) + "份。";
            // 五: problems, then what comes next
            case 15 -> t1 + "信息公开的深度不够，" + a + "项重点工作只公开了结果、未公开过程。";
            case 16 -> "部分" + c1 + "栏目更新不及时，" + c + "个栏目超过" + (a + 30) + "天未更新。";
            case 17 -> "政策解读形式偏重文字，图解和视频占比仅" + (5 + r.nextInt(30)) + "%，" + t1 + "类解读针对性不强。";
            case 18 -> "基层公开力量薄弱，" + c + "名兼职人员难以满足" + t1 + "等领域的公开需要。";
            case 19 -> "下一步，将围绕" + t1 + "细化公开目录，" + (year + 1) + "年底前完成" + a + "项公开标准修订。";
            case 20 -> "计划在" + c1 + "新增" + t1 + "专栏，按月更新，并同步推送至" + c2 + "。";
            case 21 -> "将组织" + c + "期专题培训，提升" + t1 + "和" + t2 + "领域信息发布质量。";
            default -> "建立健全" + t1 + "信息公开责任清单，实行季度通报，力争" + t2 + "信息公开率达到" + (90 + r.nextInt(10)) + "%。";
        };
    }

    private static final int OVERVIEW_TEMPLATES = 14, PROBLEM_FIRST = 15, PROBLEM_TEMPLATES = 8;

    /** The text of section 一 (paragraphs), as {@code s} writes it. */
    static List<String> overview(ReportLayout.Spec s) { return compose(s).get(0); }

    /** The text of section 五 (paragraphs). */
    static List<String> problems(ReportLayout.Spec s) { return compose(s).get(1); }

    private static List<List<String>> compose(ReportLayout.Spec s) {
        SplittableRandom r = new SplittableRandom(s.narrativeSeed() ^ 0x5EEDL);
        NarrativeCopy copy = s.copy();
        String own = s.body().name();
        List<String> forms = NarrativeText.nameForms(own);
        String shortName = forms.size() > 1 ? forms.get(1) : own;
        // a careless copy keeps the other body's name where the body names itself a second time
        String secondName = copy != null && copy.nameLeft() != null ? copy.nameLeft() : shortName;
        int year = s.year();
        String opening = OPENINGS[r.nextInt(OPENINGS.length)];
        List<int[]> picks = new ArrayList<>();
        boolean[] taken = new boolean[OVERVIEW_TEMPLATES + 1];
        int k = 6 + r.nextInt(3);
        while (picks.size() < k) {
            int t = r.nextInt(OVERVIEW_TEMPLATES + 1);
            if (!taken[t]) { taken[t] = true; picks.add(new int[]{t}); }
        }
        if (!taken[14]) picks.set(r.nextInt(picks.size()), new int[]{14});
        List<String> sentences = new ArrayList<>();
        for (int[] p : picks) sentences.add(sentence(p[0], r, year, p[0] == 14 ? secondName : own));
        List<String> problems = new ArrayList<>();
        int first = PROBLEM_FIRST + r.nextInt(4), second = PROBLEM_FIRST + (first - PROBLEM_FIRST + 1 + r.nextInt(3)) % 4;
        int next1 = PROBLEM_FIRST + 4 + r.nextInt(4), next2 = PROBLEM_FIRST + 4 + (next1 - PROBLEM_FIRST - 4 + 1 + r.nextInt(3)) % 4;
        for (int t : new int[]{first, second, next1, next2}) problems.add(sentence(t, r, year, own));
        if (copy != null && copy.editSeed() != 0) {
            // lightly edited: two sentences of 一 and one of 五 rewritten in other words
            SplittableRandom e = new SplittableRandom(copy.editSeed());
            for (int i = 0; i < 2; i++) {
                int at = e.nextInt(sentences.size());
                if (picks.get(at)[0] == 14) at = (at + 1) % sentences.size();
                sentences.set(at, sentence(e.nextInt(OVERVIEW_TEMPLATES), e, year, own));
            }
            problems.set(e.nextInt(2), sentence(PROBLEM_FIRST + e.nextInt(4), e, year, own));
        }
        List<String> overview = new ArrayList<>();
        StringBuilder p = new StringBuilder(year + "年，" + own + opening + "，");
        p.append("全年共收到政府信息公开申请").append(s.fig().narrativeApplications).append("件。");
        if (s.mentionReview()) p.append("因政府信息公开工作被申请行政复议").append(s.fig().review[4]).append("件，被提起行政诉讼")
                .append(s.fig().review[9] + s.fig().review[14]).append("件。");
        overview.add(p.toString());
        Function<List<String>, List<String>> paragraphs = l -> {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < l.size(); i += 3) out.add(String.join("", l.subList(i, Math.min(l.size(), i + 3))));
            return out;
        };
        overview.addAll(paragraphs.apply(sentences));
        return List.of(overview, paragraphs.apply(problems));
    }
}
