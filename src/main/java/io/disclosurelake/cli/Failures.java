package io.disclosurelake.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * One line for a failure: the innermost cause that says something (the Delta or I/O error, not the wrapper or
 * a "Self-suppression not permitted" artefact of a try-with-resources), its first line only.
 */
final class Failures {
    private Failures() {}

    static String oneLine(Throwable t) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable c = t; c != null && !chain.contains(c); c = c.getCause()) chain.add(c);
        // an exception added to itself as suppressed hides the real one: take what it suppressed instead
        for (Throwable c : List.copyOf(chain)) for (Throwable s : c.getSuppressed()) if (s != c && !chain.contains(s)) chain.add(s);
        Throwable best = t;
        for (Throwable c : chain) {
            String m = c.getMessage();
            if (m == null || m.isBlank() || m.contains("Self-suppression not permitted")) continue;
            best = c;
        }
        String m = best.getMessage() == null ? best.getClass().getSimpleName() : best.getMessage();
        String first = m.strip().lines().findFirst().orElse("");
        return best.getClass().getSimpleName() + ": " + first;
    }
}
