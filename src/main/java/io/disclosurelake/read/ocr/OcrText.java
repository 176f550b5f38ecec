package io.disclosurelake.read.ocr;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Clean-up of recognised text: width forms folded, and letters that look like digits made digits in numbers. */
public final class OcrText {
    private OcrText() {}

    private static final Pattern NUMBER = Pattern.compile("^[-+]?[0-9][0-9,.]*%?$");

    /** Characters a speck or a JPEG artefact is read as. */
    private static final String NOISE = "·•.,:;'\"`‘’“”、。°";

    /** Leading and trailing specks off a cell that holds a digit (a label keeps its quotes and stops). */
    private static String stripNoise(String t) {
        if (t.chars().noneMatch(Character::isDigit)) return t.replace("·", "").replace("•", "").strip();
        int a = 0, b = t.length();
        while (a < b && (NOISE.indexOf(t.charAt(a)) >= 0 || t.charAt(a) == ' ')) a++;
        while (b > a && (NOISE.indexOf(t.charAt(b - 1)) >= 0 || t.charAt(b - 1) == ' ')) b--;
        String inner = t.substring(a, b);
        return NUMBER.matcher(inner.replace(" ", "")).matches() ? inner : t.replace("·", "").replace("•", "").strip();
    }

    /**
     * The text NFKC-normalised; a cell that is a number but for a few look-alikes (O for 0, I/l/| for 1,
     * 。 for a decimal point) gets digits. Nothing else is changed: a cell of letters stays letters.
     */
    public static String normalize(String text) {
        if (text == null) return "";
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        // specks read as dots: a cell of punctuation only is empty; dots around a number are not part of it
        if (t.chars().allMatch(c -> NOISE.indexOf(c) >= 0 || Character.isWhitespace(c))) return "";
        t = stripNoise(t);
        String compact = t.replace(" ", "");
        // a dash alone in a cell ("no such case") is often read as 一 (one) or a hyphen run: it is a dash
        if (!compact.isEmpty() && compact.length() <= 3 && compact.chars().allMatch(c -> "一-—–_~～".indexOf(c) >= 0)) return "—";
        // a cell of one or two look-alikes only ("O", "l") stands for a number: a label is never that short in Latin
        boolean lookAlikesOnly = !compact.isEmpty() && compact.length() <= 2 && compact.chars().allMatch(c -> "OoIl|".indexOf(c) >= 0);
        // a lone round glyph (a noisy 0 read "a", "D" or "Q") is a 0: a table cell of one Latin letter is no label
        if (compact.length() == 1 && "aDQ".indexOf(compact.charAt(0)) >= 0) return "0";
        if (compact.isEmpty() || !lookAlikesOnly && compact.chars().noneMatch(Character::isDigit)) return t;
        StringBuilder sb = new StringBuilder(compact.length());
        for (int i = 0; i < compact.length(); i++) {
            char c = compact.charAt(i);
            sb.append(switch (c) {
                case 'O', 'o' -> '0';
                case 'I', 'l', '|' -> '1';
                case '。' -> '.';
                default -> c;
            });
        }
        String mapped = sb.toString();
        return NUMBER.matcher(mapped).matches() ? mapped : t;
    }
}
