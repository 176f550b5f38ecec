package io.disclosurelake.generate;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The quirks switched on for one document, and (for zeros printed as blanks or dashes) the dash used. */
public final class QuirkSet {
    private final EnumSet<Quirk> on;
    public final String dash;

    public QuirkSet(Set<Quirk> on, String dash) {
        this.on = on.isEmpty() ? EnumSet.noneOf(Quirk.class) : EnumSet.copyOf(on);
        this.dash = dash;
    }

    public static QuirkSet none() { return new QuirkSet(EnumSet.noneOf(Quirk.class), "—"); }

    public boolean has(Quirk q) { return on.contains(q); }

    /** Whether zero cells of tables 三 and 四 are printed empty (blank or dash): their truth is null. */
    public boolean zerosMissing() { return has(Quirk.BLANK_ZEROS) || has(Quirk.DASH_ZEROS); }

    public List<String> ids() { return on.stream().map(Quirk::id).toList(); }

    public QuirkSet with(Quirk q) {
        EnumSet<Quirk> s = on.isEmpty() ? EnumSet.noneOf(Quirk.class) : EnumSet.copyOf(on);
        s.add(q);
        return new QuirkSet(s, dash);
    }
}
