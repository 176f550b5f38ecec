package io.disclosurelake.model;

import io.disclosurelake.spec.QuarantineReason;
import io.disclosurelake.spec.TemplateSpec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The canonical report of docs/report-json.md: identity, the three tables as cells with provenance, and what
 * the rules and metrics found. A quarantined document has a reason and no tables.
 *
 * <p>Tables are kept as cells keyed by the template's row and column keys, so every value keeps its
 * provenance; typed views ({@link #applicationValue}, {@link #activeValue}, …) read them back.
 */
public final class Report {
    public static final String PARSED = "parsed";
    public static final String PARTIAL = "partial";
    public static final String QUARANTINED = "quarantined";

    private DocumentInfo document;
    private String status = PARSED;
    private QuarantineReason reason;
    private String message;
    private String org;
    private Region region = Region.UNKNOWN;
    private Integer year;
    private TemplateSpec.Version template = TemplateSpec.Version.UNKNOWN;
    /** {@code body} or {@code region_aggregate} (docs/template.md §1). */
    private String reportScope = "body";
    private String title;
    /** Text outside the tables, kept for narrative checks (TEXT_TABLE_MISMATCH, duplicate detection). */
    private String narrative = "";

    private final Map<String, Cell> active = new LinkedHashMap<>();
    private final Map<String, Cell[]> applications = new LinkedHashMap<>();
    private final Cell[] reviewLitigation = new Cell[15];
    private final Map<String, Cell> active2019 = new LinkedHashMap<>();

    private final List<Violation> violations = new ArrayList<>();
    private final Map<String, MetricValue> metrics = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    public Report(DocumentInfo document) { this.document = document; }

    public static Report quarantined(DocumentInfo document, QuarantineReason reason, String message) {
        Report r = new Report(document);
        r.status = QUARANTINED;
        r.reason = reason;
        r.message = message;
        return r;
    }

    // ------------------------------------------------------------------ identity

    public DocumentInfo document() { return document; }
    public void setDocument(DocumentInfo d) { this.document = d; }
    public String status() { return status; }
    public void setStatus(String s) { this.status = s; }
    public boolean isQuarantined() { return QUARANTINED.equals(status); }
    public QuarantineReason reason() { return reason; }
    public String message() { return message; }
    public String org() { return org; }
    public void setOrg(String org) { this.org = org; }
    public Region region() { return region; }
    public void setRegion(Region region) { this.region = region == null ? Region.UNKNOWN : region; }
    public Integer year() { return year; }
    public void setYear(Integer year) { this.year = year; }
    public TemplateSpec.Version template() { return template; }
    public void setTemplate(TemplateSpec.Version t) { this.template = t; }
    public String reportScope() { return reportScope; }
    public void setReportScope(String s) { this.reportScope = s; }
    public String title() { return title; }
    public void setTitle(String t) { this.title = t; }
    public String narrative() { return narrative; }
    public void setNarrative(String n) { this.narrative = n == null ? "" : n; }

    // ------------------------------------------------------------------ tables

    public Map<String, Cell> active() { return Collections.unmodifiableMap(active); }
    public void putActive(Cell c) { active.put(c.rowKey(), c); }
    public Cell activeCell(String key) { return active.get(key); }

    public Map<String, Cell> active2019() { return Collections.unmodifiableMap(active2019); }
    public void putActive2019(Cell c) { active2019.put(c.rowKey(), c); }

    /** Rows of table 三 in template order; each row holds the 7 applicant-column cells. */
    public Map<String, Cell[]> applications() { return Collections.unmodifiableMap(applications); }

    public void putApplicationRow(String rowKey, Cell[] cells) {
        if (cells.length != TemplateSpec.APPLICANT_COLUMN_COUNT) throw new IllegalArgumentException("7 cells expected");
        applications.put(rowKey, cells.clone());
    }

    public Cell applicationCell(String rowKey, int column) {
        Cell[] row = applications.get(rowKey);
        return row == null ? null : row[column];
    }

    public Cell[] reviewLitigation() { return reviewLitigation.clone(); }
    public void putReview(int index, Cell c) { reviewLitigation[index] = c; }
    public Cell reviewCell(int index) { return reviewLitigation[index]; }

    /** Looks a cell up by its canonical address (table name, row key, column key); null if absent. */
    public Cell cell(String table, String rowKey, String columnKey) {
        switch (table) {
            case TemplateSpec.ACTIVE_TABLE: return active.get(rowKey);
            case TemplateSpec.ACTIVE_2019_TABLE: return active2019.get(rowKey);
            case TemplateSpec.APPLICATIONS_TABLE: {
                int col = TemplateSpec.applicantColumnKeys().indexOf(columnKey);
                return col < 0 ? null : applicationCell(rowKey, col);
            }
            case TemplateSpec.REVIEW_TABLE: {
                int i = TemplateSpec.reviewColumnKeys().indexOf(columnKey);
                return i < 0 ? null : reviewLitigation[i];
            }
            default: return null;
        }
    }

    /** Puts {@code c} at its own address (table, row, column) in place of the cell there. */
    public void replaceCell(Cell c) {
        switch (c.table()) {
            case TemplateSpec.ACTIVE_TABLE -> active.put(c.rowKey(), c);
            case TemplateSpec.ACTIVE_2019_TABLE -> active2019.put(c.rowKey(), c);
            case TemplateSpec.APPLICATIONS_TABLE -> {
                int col = TemplateSpec.applicantColumnKeys().indexOf(c.columnKey());
                Cell[] row = applications.get(c.rowKey());
                if (col < 0 || row == null) throw new IllegalArgumentException("no cell " + c.rowKey() + "/" + c.columnKey());
                row[col] = c;
            }
            case TemplateSpec.REVIEW_TABLE -> {
                int i = TemplateSpec.reviewColumnKeys().indexOf(c.columnKey());
                if (i < 0) throw new IllegalArgumentException("no review cell " + c.columnKey());
                reviewLitigation[i] = c;
            }
            default -> throw new IllegalArgumentException("unknown table " + c.table());
        }
    }

    /** Every cell of the report in template order: active, applications, review_litigation, active_2019. */
    public List<Cell> allCells() {
        List<Cell> out = new ArrayList<>(active.values());
        for (Cell[] row : applications.values()) Collections.addAll(out, row);
        for (Cell c : reviewLitigation) if (c != null) out.add(c);
        out.addAll(active2019.values());
        return out;
    }

    public BigDecimal activeValue(String key) {
        Cell c = active.get(key);
        return c == null ? null : c.value();
    }

    public BigDecimal applicationValue(String rowKey, int column) {
        Cell c = applicationCell(rowKey, column);
        return c == null ? null : c.value();
    }

    // ------------------------------------------------------------------ findings

    public List<Violation> violations() { return Collections.unmodifiableList(violations); }
    public void addViolation(Violation v) { violations.add(v); }
    public void clearViolations() { violations.clear(); }
    public Map<String, MetricValue> metrics() { return Collections.unmodifiableMap(metrics); }
    public void putMetric(MetricValue m) { metrics.put(m.metric(), m); }
    public List<String> warnings() { return Collections.unmodifiableList(warnings); }
    public void addWarning(String w) { if (!warnings.contains(w)) warnings.add(w); }
}
