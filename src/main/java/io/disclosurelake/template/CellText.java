package io.disclosurelake.template;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the number a table cell prints: {@code 1,234}, full-width {@code １２}, {@code 0.35}, {@code 35元};
 * a dash, slash or 无 means the cell is left blank. Anything else is unreadable, never a guess.
 */
public final class CellText {
    private CellText() {}

    public enum Kind { VALUE, BLANK, UNREADABLE }

    public record Parsed(Kind kind, BigDecimal value) {}

    private static final Pattern NUMBER = Pattern.compile("^(-?\\d+(?:\\.\\d+)?)(万元|元|件|条|个|项|次|宗|起)?$");
    private static final Pattern GROUPED = Pattern.compile("^-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    public static Parsed parse(String raw) {
        if (digitsSplitBySpace(raw)) return new Parsed(Kind.UNREADABLE, null); // "1 2": two cells run together
        String n = LabelNormalizer.normalize(raw);
        if (n.isEmpty() || isBlankMarker(n)) return new Parsed(Kind.BLANK, null);
        Matcher g = GROUPED.matcher(n);
        if (g.find()) n = n.substring(0, g.end()).replace(",", "") + n.substring(g.end());
        Matcher m = NUMBER.matcher(n);
        if (!m.matches()) return new Parsed(Kind.UNREADABLE, null);
        return new Parsed(Kind.VALUE, new BigDecimal(m.group(1)));
    }

    private static boolean digitsSplitBySpace(String raw) {
        if (raw == null) return false;
        int lastDigit = -1;
        boolean spaceSince = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = LabelNormalizer.fold(raw.charAt(i));
            if (Character.isDigit(c)) {
                if (lastDigit >= 0 && spaceSince) return true;
                lastDigit = i;
                spaceSince = false;
            } else if (LabelNormalizer.isSpace(raw.charAt(i))) {
                spaceSince = true;
            } else {
                lastDigit = -1;
                spaceSince = false;
            }
        }
        return false;
    }

    /** Dashes, slashes and 无 that stand for "nothing to report" in a cell (already normalised). */
    public static boolean isBlankMarker(String normalized) {
        return normalized.matches("[-/\\\\~]+|无|空|不涉及");
    }

    /** Whether the cell reads as a number or a blank marker (i.e. a value cell, not a label). */
    public static boolean isValueLike(String raw) {
        return parse(raw).kind() != Kind.UNREADABLE;
    }

    public static boolean isNumber(String raw) {
        return parse(raw).kind() == Kind.VALUE;
    }
}
