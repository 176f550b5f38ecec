package io.disclosurelake.job;

import io.disclosurelake.model.ReportIdentity;
import io.disclosurelake.model.Cell;
import io.disclosurelake.model.DocumentInfo;
import io.disclosurelake.spec.QuarantineReason;
import io.disclosurelake.model.Region;
import io.disclosurelake.model.Report;
import io.disclosurelake.rules.MetricCalculator;
import io.disclosurelake.rules.SumRuleCheck;
import io.disclosurelake.spec.TemplateSpec;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A stand-in for the real extractor in the job's tests: reads "key: value" lines (org, year, app.ROW = 7
 * numbers, active.FIELD, review = 15 numbers, narrative) and a few misbehaviours (quarantine: REASON,
 * throw, sleep: MS). Rows not given are zeros, so a report is complete and its sums are checked for real.
 */
public final class FakeExtractor implements DocumentExtractor {
    public static final ExtractorFactory FACTORY = limits -> new FakeExtractor();

    public static String text(String org, int year, Map<String, String> lines) {
        StringBuilder sb = new StringBuilder("org: " + org + "\nyear: " + year + "\n");
        lines.forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        return sb.toString();
    }

    @Override public Report extract(String path, byte[] bytes) {
        Map<String, String> kv = new HashMap<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            int c = line.indexOf(':');
            if (c > 0) kv.put(line.substring(0, c).trim(), line.substring(c + 1).trim());
        }
        DocumentInfo doc = new DocumentInfo(path, ReportIdentity.sha256Hex(bytes), "txt", null, bytes.length);
        if (kv.containsKey("throw")) throw new IllegalStateException("fake extractor told to fail");
        if (kv.containsKey("sleep")) {
            try { Thread.sleep(Long.parseLong(kv.get("sleep"))); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
        }
        if (kv.containsKey("quarantine")) return Report.quarantined(doc, QuarantineReason.of(kv.get("quarantine")), "fake: " + kv.get("quarantine"));
        if (!kv.containsKey("org")) return Report.quarantined(doc, QuarantineReason.NOT_A_REPORT, "no org line");

        Report r = new Report(doc);
        r.setOrg(kv.get("org"));
        r.setYear(Integer.parseInt(kv.get("year")));
        r.setRegion(new Region("测试省", "测试市", null));
        r.setTemplate(TemplateSpec.Version.V2021);
        r.setTitle(kv.get("org") + kv.get("year") + "年政府信息公开工作年度报告");
        r.setNarrative(kv.getOrDefault("narrative", "narrative of " + path));
        for (TemplateSpec.ActiveField f : TemplateSpec.ACTIVE_FIELDS) {
            String v = kv.getOrDefault("active." + f.key(), "0");
            r.putActive(Cell.value(TemplateSpec.ACTIVE_TABLE, f.key(), TemplateSpec.ACTIVE_COLUMN_KEY, new BigDecimal(v), v, null));
        }
        for (TemplateSpec.ApplicationRow row : TemplateSpec.APPLICATION_ROWS) {
            String[] vals = kv.getOrDefault("app." + row.key(), "0,0,0,0,0,0,0").split(",");
            Cell[] cells = new Cell[7];
            for (int i = 0; i < 7; i++) {
                String v = vals[i].trim();
                cells[i] = v.isEmpty() ? Cell.blank(TemplateSpec.APPLICATIONS_TABLE, row.key(), TemplateSpec.APPLICANT_COLUMNS.get(i).key(), "", null)
                        : Cell.value(TemplateSpec.APPLICATIONS_TABLE, row.key(), TemplateSpec.APPLICANT_COLUMNS.get(i).key(), new BigDecimal(v), v, 1);
            }
            r.putApplicationRow(row.key(), cells);
        }
        String[] review = kv.getOrDefault("review", "0,0,0,0,0,0,0,0,0,0,0,0,0,0,0").split(",");
        for (int i = 0; i < 15; i++) {
            r.putReview(i, Cell.value(TemplateSpec.REVIEW_TABLE, TemplateSpec.REVIEW_ROW_KEY, TemplateSpec.reviewColumnKeys().get(i),
                    new BigDecimal(review[i].trim()), review[i].trim(), null));
        }
        SumRuleCheck.checkReport(r).forEach(r::addViolation);
        new MetricCalculator().computeAll(r).forEach(r::putMetric);
        if (kv.containsKey("status")) r.setStatus(kv.get("status"));
        return r;
    }
}
