package io.disclosurelake.export;

/**
 * Keeps document text from becoming a spreadsheet formula (CSV/formula injection): a text cell that starts
 * with {@code = + - @}, a tab or a carriage return is prefixed with an apostrophe, which Excel and LibreOffice
 * show as text. Only text goes through here; numbers are written as numbers.
 */
public final class FormulaGuard {
    private FormulaGuard() {}

    public static boolean isRisky(String text) {
        if (text == null || text.isEmpty()) return false;
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'
                // full-width forms are folded to ASCII by some spreadsheet imports
                || c == '＝' || c == '＋' || c == '－' || c == '＠';
    }

    /** The text as it may be written into a CSV cell. */
    public static String text(String text) {
        if (text == null) return null;
        return isRisky(text) ? "'" + text : text;
    }
}
