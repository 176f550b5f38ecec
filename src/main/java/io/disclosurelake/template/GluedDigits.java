package io.disclosurelake.template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The ways a run of table digits flattened without separators can be cut into a row's cells
 * ({@code 3960181} → 396 | 0 | 181, or 3 | 960 | 181, …). A number never has a leading zero (a lone 0
 * excepted) and a decimal point only in a decimal column; whitespace in the document is a sure boundary;
 * a dash or slash is a blank cell. Which cut is right is decided by the template's sum rules elsewhere:
 * this class only lists the possibilities.
 */
public final class GluedDigits {
    private GluedDigits() {}

    /** One cell of a cut: its text, and its value (null for a blank marker). */
    public record Piece(String text, BigDecimal value) {
        public boolean blank() { return value == null; }
    }

    /** The cuts found, and whether the enumeration stopped at the limit (then treat as ambiguous). */
    public record Cuts(List<List<Piece>> solutions, boolean truncated) {}

    /** Splits the value text (cells glued, whitespace marks known boundaries) into runs. */
    public static List<String> chunks(String valueText) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < valueText.length(); i++) {
            char c = valueText.charAt(i);
            boolean sign = c == '-' && i + 1 < valueText.length() && Character.isDigit(valueText.charAt(i + 1))
                    && (cur.length() == 0);
            if (c == ' ' || c == ',') {
                flush(out, cur);
            } else if ((c == '-' || c == '/' || c == '无') && !sign) {
                flush(out, cur);
                out.add(String.valueOf(c));
            } else {
                cur.append(c);
            }
        }
        flush(out, cur);
        return out;
    }

    private static void flush(List<String> out, StringBuilder cur) {
        if (cur.length() > 0) out.add(cur.toString());
        cur.setLength(0);
    }

    public static Cuts cut(List<String> chunks, int columns, boolean[] decimalColumns, int limit) {
        List<List<Piece>> out = new ArrayList<>();
        boolean[] truncated = {false};
        int totalChars = 0;
        for (String c : chunks) totalChars += c.length();
        rec(chunks, 0, 0, columns, decimalColumns, new ArrayList<>(), out, limit, truncated, totalChars);
        return new Cuts(out, truncated[0]);
    }

    private static void rec(List<String> chunks, int chunk, int pos, int columns, boolean[] decimal, List<Piece> cur,
                            List<List<Piece>> out, int limit, boolean[] truncated, int charsLeft) {
        if (out.size() >= limit) { truncated[0] = true; return; }
        int col = cur.size();
        if (chunk == chunks.size()) {
            if (col == columns) out.add(List.copyOf(cur));
            return;
        }
        if (col >= columns) return;
        int chunksLeft = chunks.size() - chunk;
        if (chunksLeft > columns - col || charsLeft < columns - col) return;
        String s = chunks.get(chunk);
        if (pos == 0 && isBlankMarker(s)) {
            cur.add(new Piece(s, null));
            rec(chunks, chunk + 1, 0, columns, decimal, cur, out, limit, truncated, charsLeft - s.length());
            cur.remove(cur.size() - 1);
            return;
        }
        for (int end = pos + 1; end <= s.length(); end++) {
            String piece = s.substring(pos, end);
            BigDecimal v = number(piece, decimal != null && col < decimal.length && decimal[col]);
            if (v == null) continue;
            cur.add(new Piece(piece, v));
            if (end == s.length()) rec(chunks, chunk + 1, 0, columns, decimal, cur, out, limit, truncated, charsLeft - piece.length());
            else rec(chunks, chunk, end, columns, decimal, cur, out, limit, truncated, charsLeft - piece.length());
            cur.remove(cur.size() - 1);
            if (out.size() >= limit) { truncated[0] = true; return; }
        }
    }

    /** Most dashes glued between digits read both ways; beyond this many the run is left unreadable. */
    private static final int MAX_GLUED_DASHES = 8;

    /** Whether the run has a '-' glued between two digits: a blank cell, or the minus of the next number. */
    public static boolean hasGluedDash(String valueText) {
        return !gluedDashes(valueText).isEmpty();
    }

    private static List<Integer> gluedDashes(String t) {
        List<Integer> at = new ArrayList<>();
        for (int i = 1; i + 1 < t.length(); i++)
            if (t.charAt(i) == '-' && Character.isDigit(t.charAt(i - 1)) && Character.isDigit(t.charAt(i + 1))) at.add(i);
        return at;
    }

    /**
     * The cuts of a run whose glued dashes ({@code 2648-18538}) are read both ways: as a blank cell, and as
     * the sign of the number after it. A negative number is kept only in a {@code signed} column (2019's
     * 本年增/减; everywhere else the template's NON_NEGATIVE rule forbids it). The caller takes a cut only
     * when, after its own sum rules, one is left: a sign is never guessed.
     */
    public static Cuts cutSigned(String valueText, int columns, boolean[] decimalColumns, boolean[] signed, int limit) {
        List<Integer> dashes = gluedDashes(valueText);
        if (dashes.size() > MAX_GLUED_DASHES) return new Cuts(List.of(), true);
        List<List<Piece>> out = new ArrayList<>();
        boolean truncated = false;
        for (int mask = 0; mask < (1 << dashes.size()); mask++) {
            StringBuilder reading = new StringBuilder(valueText);
            for (int d = dashes.size() - 1; d >= 0; d--)
                if ((mask & (1 << d)) != 0) reading.insert((int) dashes.get(d), ' '); // a space before '-' makes it a sign
            Cuts c = cut(chunks(reading.toString()), columns, decimalColumns, limit);
            truncated |= c.truncated();
            for (List<Piece> s : c.solutions()) if (signsOnlyWhereAllowed(s, signed)) out.add(s);
            if (out.size() >= limit) return new Cuts(out, true);
        }
        return new Cuts(out, truncated);
    }

    private static boolean signsOnlyWhereAllowed(List<Piece> cut, boolean[] signed) {
        for (int i = 0; i < cut.size(); i++) {
            Piece p = cut.get(i);
            if (p.value() != null && p.value().signum() < 0 && (signed == null || i >= signed.length || !signed[i])) return false;
        }
        return true;
    }

    static boolean isBlankMarker(String s) { return s.equals("-") || s.equals("/") || s.equals("无"); }

    /** A well-formed number: no leading zero except a lone 0 (or 0.x), a point only where decimals are allowed. */
    static BigDecimal number(String piece, boolean decimalAllowed) {
        String body = piece.startsWith("-") ? piece.substring(1) : piece;
        if (body.isEmpty()) return null;
        int dot = body.indexOf('.');
        String intPart = dot < 0 ? body : body.substring(0, dot);
        if (dot >= 0) {
            if (!decimalAllowed || dot == body.length() - 1 || body.indexOf('.', dot + 1) >= 0) return null;
            if (!body.substring(dot + 1).chars().allMatch(Character::isDigit)) return null;
        }
        if (intPart.isEmpty() || !intPart.chars().allMatch(Character::isDigit)) return null;
        if (intPart.length() > 1 && intPart.charAt(0) == '0') return null;
        if (piece.startsWith("-") && new BigDecimal(body).signum() == 0) return null;
        return new BigDecimal(piece);
    }
}
