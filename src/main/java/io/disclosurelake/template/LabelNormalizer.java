package io.disclosurelake.template;

import io.disclosurelake.spec.TemplateSpec;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Folds the ways documents print the same label onto one form, so labels can be compared with the
 * keywords of {@link TemplateSpec} (which are folded the same way): full-width letters, digits, brackets
 * and punctuation become half-width, spaces and line breaks go, curly quotes become straight, and the
 * numbering noise of docs/template.md §2 is made regular ({@code （1）}→{@code (一)}, {@code 1、}→{@code 1.}).
 */
public final class LabelNormalizer {
    private LabelNormalizer() {}

    private static final String CN_DIGITS = "〇一二三四五六七八九十";
    private static final Pattern LEADING_PAREN_NUMBER = Pattern.compile("^\\((\\d{1,2})\\)");
    private static final Pattern LEADING_ARABIC_COMMA = Pattern.compile("^(\\d{1,2})、");
    private static final Pattern LEADING_NUMBERING = Pattern.compile(
            "^(?:[一二三四五六七八九十]{1,3}、|\\([一二三四五六七八九十]{1,3}\\)|\\d{1,2}\\.(?!\\d)|\\d{1,2}、)+");

    /** Folds widths, drops whitespace and line breaks, straightens quotes, regularises leading numbering. */
    private static final java.util.Map<String, String> KEYWORDS = new java.util.concurrent.ConcurrentHashMap<>();

    /** {@link #normalize} of a template keyword, cached: keywords are few and compared against every cell. */
    public static String keyword(String k) {
        return KEYWORDS.computeIfAbsent(k, LabelNormalizer::normalize);
    }

    public static String normalize(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSpace(c)) continue;
            sb.append(fold(c));
        }
        String out = sb.toString();
        Matcher m = LEADING_PAREN_NUMBER.matcher(out);
        if (m.find()) out = "(" + chineseNumber(Integer.parseInt(m.group(1))) + ")" + out.substring(m.end());
        m = LEADING_ARABIC_COMMA.matcher(out);
        if (m.find()) out = m.group(1) + "." + out.substring(m.end());
        return out;
    }

    /** Whitespace of any width, including the ideographic space and zero-width marks. */
    public static boolean isSpace(char c) {
        return c == '\u3000' || Character.isWhitespace(c) || c == '\u00a0' || c == '\u200b' || c == '\ufeff';
    }

    /** One character folded: full-width ASCII to half-width, curly quotes straight, dashes to '-'. */
    public static char fold(char c) {
        if (c >= '\uff01' && c <= '\uff5e') c = (char) (c - 0xfee0); // full-width ASCII block
        return switch (c) {
            case '\u201c', '\u201d', '\u300c', '\u300d', '\u300e', '\u300f' -> '"';
            case '\u2018', '\u2019' -> '\'';
            case '\u3014', '\u3010' -> '(';
            case '\u3015', '\u3011' -> ')';
            case '\u2014', '\u2013', '\u2015', '\u2012', '\u2212' -> '-';
            default -> c;
        };
    }

    /**
     * A section heading's form: like {@link #normalize} but a leading arabic section number written
     * {@code 3、} or {@code 3.} becomes {@code 三、} (seed: {@code 3、 收到和处理…}).
     */
    public static String normalizeHeading(String s) {
        String n = normalize(s);
        Matcher m = Pattern.compile("^(\\d)\\.").matcher(n);
        if (m.find()) n = chineseNumber(Integer.parseInt(m.group(1))) + "、" + n.substring(m.end());
        return n;
    }

    /** The label without its leading numbering ({@code 三、}, {@code (一)}, {@code 1.}). */
    public static String stripNumbering(String normalized) {
        return LEADING_NUMBERING.matcher(normalized).replaceFirst("");
    }

    /** The label, normalised and without numbering: what keywords are compared with. */
    public static String core(String s) { return stripNumbering(normalize(s)); }

    public static String chineseNumber(int n) {
        if (n <= 10) return String.valueOf(CN_DIGITS.charAt(n));
        if (n < 20) return "十" + CN_DIGITS.charAt(n - 10);
        return CN_DIGITS.charAt(n / 10) + "十" + (n % 10 == 0 ? "" : String.valueOf(CN_DIGITS.charAt(n % 10)));
    }

    /** Whether {@code text} (any form) contains {@code keyword} (any form) once both are normalised. */
    public static boolean contains(String text, String keyword) {
        return normalize(text).contains(normalize(keyword));
    }

    /**
     * How alike two labels are once reduced to {@link #core}: 2·LCS / (|a| + |b|), 1 for the same text,
     * 0 for no character in common order. A misprint that drops characters keeps a high score
     * ({@code 其他法律行政止公开} / {@code 其他法律行政法规禁止公开}: 0.86).
     */
    public static double similarity(String a, String b) {
        String x = core(a), y = core(b);
        if (x.isEmpty() || y.isEmpty()) return 0;
        int[] prev = new int[y.length() + 1], cur = new int[y.length() + 1];
        for (int i = 1; i <= x.length(); i++) {
            for (int j = 1; j <= y.length(); j++)
                cur[j] = x.charAt(i - 1) == y.charAt(j - 1) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            int[] t = prev; prev = cur; cur = t;
        }
        return 2.0 * prev[y.length()] / (x.length() + y.length());
    }
}
