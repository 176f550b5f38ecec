package io.disclosurelake.job;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** What a run did, for the runs table and the one-screen summary printed at the end of {@code run}. */
public record RunSummary(String runId, String lake, String input, long docsSeen, long docsUnchanged, long docsNew,
                         long docsKnownContent, long docsParsed, long docsPartial, long docsQuarantined,
                         long reportsWritten, long violationsWritten, Map<String, Double> stageSeconds,
                         Map<String, String> tableActions, List<String> topViolations, List<String> ranking,
                         List<String> extraLines, double seconds) {

    public void print(PrintStream out) {
        out.println();
        out.printf("disclosure-lake run %s: %.1f s%n", runId, seconds);
        out.println("  input    " + input);
        out.println("  lake     " + lake + "   (one Delta table per directory: " + String.join(", ", tableActions.keySet()) + ")");
        out.printf("  documents  seen %d · unchanged %d · new or changed %d (same content as known %d) · parsed %d · partial %d · quarantined %d%n",
                docsSeen, docsUnchanged, docsNew, docsKnownContent, docsParsed, docsPartial, docsQuarantined);
        out.printf("  reports written %d · rule violations of the touched reports %d%n", reportsWritten, violationsWritten);
        StringBuilder commits = new StringBuilder();
        tableActions.forEach((t, a) -> { if (!"unchanged".equals(a)) commits.append(' ').append(t).append('=').append(a); });
        out.println("  commits   " + (commits.length() == 0 ? "none (nothing changed)" : commits.toString().trim()));
        out.println("  top violations in the lake  " + (topViolations.isEmpty() ? "none" : String.join(" · ", topViolations)));
        out.println("  ranking   " + (ranking.isEmpty() ? "not computed yet (rankings come with the rank step)" : "latest year, national top 5"));
        for (String r : ranking) out.println("    " + r);
        for (String l : extraLines) out.println("  " + l);
        StringBuilder st = new StringBuilder();
        stageSeconds.forEach((k, v) -> st.append(String.format(" %s %.1fs", k, v)));
        out.println("  stages  " + st.toString().trim());
        if (extraLines.stream().noneMatch(l -> l.contains("export files") || l.contains("exports are current"))) {
            out.println("  exports   none (this run has no ranking step; `disclosure-lake rank` writes them)");
        }
        out.println("  query     bin/disclosure-lake sql --lake " + lake + " \"SELECT * FROM reports LIMIT 10\"");
    }
}
