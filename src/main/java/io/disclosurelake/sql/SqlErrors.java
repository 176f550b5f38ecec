package io.disclosurelake.sql;

import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.AnalysisException;

/** Spark's query errors as a person reads them: the message without the plan or the stack. */
public final class SqlErrors {
    private SqlErrors() {}

    /** Whether the error is the query's fault (wrong name, bad syntax, bad cast) rather than a bug. */
    public static boolean isQueryError(Throwable e) {
        return e instanceof SparkThrowable;
    }

    /** The first line of Spark's message (names the table or column and suggests alternatives). */
    public static String oneLine(Throwable e) {
        String m = e instanceof AnalysisException a ? a.getSimpleMessage() : e.getMessage();
        if (e instanceof java.io.UncheckedIOException && e.getCause() != null && e.getCause().getMessage() != null) {
            m = m + ": " + e.getCause().getMessage(); // "cannot list the lake at …: No FileSystem for scheme …"
        }
        if (m == null) return e.getClass().getSimpleName();
        m = m.strip();
        int nl = m.indexOf('\n');
        String first = nl < 0 ? m : m.substring(0, nl).strip();
        // "…; line 1 pos 14" and the SQLSTATE are noise for a person at a terminal, the condition is not.
        return first.replaceAll("\\s*SQLSTATE: \\w+;?", "").replaceAll(";$", "").strip();
    }

    /** The condition name, e.g. TABLE_OR_VIEW_NOT_FOUND, or null. */
    public static String condition(Throwable e) {
        return e instanceof SparkThrowable t ? t.getCondition() : null;
    }
}
