package io.disclosurelake.cli;

import io.disclosurelake.extract.ExtractionLimits;
import io.disclosurelake.extract.Extractor;
import io.disclosurelake.json.ReportJson;
import io.disclosurelake.model.Cell;
import io.disclosurelake.model.MetricValue;
import io.disclosurelake.model.Report;
import io.disclosurelake.model.Violation;
import io.disclosurelake.read.ocr.OcrSettings;
import io.disclosurelake.spec.RuleBook;
import io.disclosurelake.spec.TemplateSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code inspect FILE [--json]}: extracts one file and prints the canonical report — as readable text, or
 * with {@code --json} exactly {@link ReportJson#toJson} and nothing else. Exit 0 for parsed/partial,
 * 3 for a quarantined document (reason and message on stderr), 2 when the file cannot be opened.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true, description = "Reads one report file and prints the canonical report.")
public final class InspectCommand implements Callable<Integer> {
    public static final int EXIT_QUARANTINED = 3;

    @Parameters(index = "0", paramLabel = "FILE", description = "A report: PDF, DOC/DOCX, HTML, XLSX or text.")
    Path file;

    @Option(names = "--json", description = "Print the canonical JSON (docs/report-json.md) only.")
    boolean json;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override public Integer call() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            err.println("inspect: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        // Whatever a library logs to stdout while reading goes to stderr: with --json, stdout is the JSON only.
        PrintStream stdout = System.out;
        Report r;
        System.setOut(err);
        try {
            // One document in its own JVM: OCR may use every core (ocr.threads automatic).
            OcrSettings ocr = OcrSettings.defaults();
            ocr = ocr.withThreads(ocr.threadsFor(Runtime.getRuntime().availableProcessors(), 1));
            r = new Extractor(ExtractionLimits.defaults().withOcr(ocr)).extract(file.toString(), bytes);
        } finally {
            System.setOut(stdout);
        }
        if (json) out.println(ReportJson.toJson(r));
        else out.print(readable(r));
        if (r.isQuarantined()) {
            err.println("quarantined: " + r.reason().id + (r.message() == null ? "" : ": " + r.message()));
            return EXIT_QUARANTINED;
        }
        return 0;
    }

    /** The report as aligned text with the template's Chinese labels. */
    static String readable(Report r) {
        StringBuilder sb = new StringBuilder();
        sb.append("文件 ").append(r.document().path()).append("  (").append(r.document().format()).append(", ")
                .append(r.document().size()).append(" bytes, sha256 ").append(r.document().sha256(), 0, 12).append("…)\n");
        sb.append("状态 ").append(r.status());
        if (r.isQuarantined()) {
            sb.append("  reason ").append(r.reason().id).append(": ").append(r.message()).append('\n');
            return sb.toString();
        }
        sb.append('\n');
        sb.append("机关 ").append(r.org()).append("   年度 ").append(r.year()).append("   模板 ").append(r.template().id)
                .append("   范围 ").append(r.reportScope()).append('\n');
        sb.append("地区 ").append(nz(r.region().province())).append(" / ").append(nz(r.region().city())).append(" / ")
                .append(nz(r.region().county())).append('\n');
        if (r.title() != null) sb.append("标题 ").append(r.title()).append('\n');

        sb.append("\n二、主动公开政府信息情况\n");
        for (TemplateSpec.ActiveField f : TemplateSpec.ACTIVE_FIELDS) {
            String column = r.template() == TemplateSpec.Version.V2019 && f.columnLabel2019() != null ? f.columnLabel2019() : f.columnLabel2021();
            String label = f.rowLabel() + " · " + column;
            sb.append("  ").append(pad(label, 34)).append(show(r.activeCell(f.key()))).append('\n');
        }
        if (!r.active2019().isEmpty()) {
            sb.append("  (2019 表)\n");
            for (TemplateSpec.Active2019Field f : TemplateSpec.ACTIVE_2019_FIELDS) {
                Cell c = r.active2019().get(f.key());
                if (c != null) sb.append("  ").append(pad(f.rowLabel() + " · " + f.columnLabel(), 34)).append(show(c)).append('\n');
            }
        }

        sb.append("\n三、收到和处理政府信息公开申请情况\n");
        sb.append("  ").append(pad("", 34));
        for (TemplateSpec.ApplicantColumn c : TemplateSpec.APPLICANT_COLUMNS) sb.append(padLeft(c.label(), 8));
        sb.append('\n');
        for (TemplateSpec.ApplicationRow row : TemplateSpec.APPLICATION_ROWS) {
            String label = RuleBook.rowScope(row);
            sb.append("  ").append(pad(label.length() > 16 ? label.substring(0, 16) + "…" : label, 34));
            Cell[] cells = r.applications().get(row.key());
            for (int i = 0; i < 7; i++) sb.append(padLeft(cells == null ? "缺" : show(cells[i]), 8));
            sb.append('\n');
        }

        sb.append("\n四、政府信息公开行政复议、行政诉讼情况\n");
        Cell[] rl = r.reviewLitigation();
        for (int g = 0; g < 3; g++) {
            sb.append("  ").append(pad(TemplateSpec.REVIEW_GROUPS.get(g).label(), 34));
            for (int k = 0; k < 5; k++) sb.append(padLeft(TemplateSpec.REVIEW_OUTCOME_LABELS.get(k) + " " + show(rl[g * 5 + k]), 10));
            sb.append('\n');
        }

        List<Violation> vs = r.violations();
        sb.append("\n规则检查 (").append(vs.size()).append(")\n");
        for (Violation v : vs) {
            sb.append("  [").append(v.severity()).append("] ").append(v.rule()).append("  ").append(v.scope());
            if (v.left() != null || v.right() != null) sb.append("  ").append(v.left()).append(" vs ").append(v.right());
            if (v.detail() != null) sb.append("  ").append(v.detail());
            sb.append('\n');
        }
        sb.append("\n指标\n");
        for (MetricValue m : r.metrics().values())
            sb.append("  ").append(pad(m.metric(), 28)).append(m.value() == null ? "—" : String.format("%.1f%%", m.value() * 100))
                    .append("  (").append(m.numerator()).append('/').append(m.denominator()).append(m.smallSample() ? ", small sample" : "").append(")\n");
        if (!r.warnings().isEmpty()) {
            sb.append("\n警告\n");
            for (String w : r.warnings()) sb.append("  ").append(w).append('\n');
        }
        return sb.toString();
    }

    private static String show(Cell c) {
        if (c == null) return "缺";
        return switch (c.status()) {
            case VALUE -> c.value().stripTrailingZeros().toPlainString();
            case BLANK -> "空";
            case UNREADABLE -> "?";
            case NOT_IN_TEMPLATE -> "n/a";
        };
    }

    private static String nz(String s) { return s == null ? "?" : s; }

    /** Pads by display width: a CJK character is two columns wide. */
    static String pad(String s, int width) {
        int w = width(s);
        return w >= width ? s + " " : s + " ".repeat(width - w);
    }

    static String padLeft(String s, int width) {
        int w = width(s);
        return w >= width ? " " + s : " ".repeat(width - w) + s;
    }

    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) w += s.charAt(i) > 0x2e80 ? 2 : 1;
        return w;
    }

    static String utf8(byte[] b) { return new String(b, StandardCharsets.UTF_8); }
}
