package io.disclosurelake.json;

import io.disclosurelake.model.ReportIdentity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disclosurelake.model.Cell;
import io.disclosurelake.model.MetricValue;
import io.disclosurelake.model.Report;
import io.disclosurelake.model.Violation;
import io.disclosurelake.spec.TemplateSpec;

import java.math.BigDecimal;

/** Writes a {@link Report} as the canonical JSON of docs/report-json.md. */
public final class ReportJson {
    private ReportJson() {}

    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    public static String toJson(Report r) {
        try {
            return MAPPER.writeValueAsString(toNode(r));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode toNode(Report r) {
        ObjectNode root = F.objectNode();
        ObjectNode doc = root.putObject("document");
        doc.put("path", r.document().path());
        doc.put("sha256", r.document().sha256());
        doc.put("format", r.document().format());
        if (r.document().pages() == null) doc.putNull("pages"); else doc.put("pages", r.document().pages());
        doc.put("size", r.document().size());
        root.put("status", r.status());
        if (r.reason() == null) root.putNull("reason"); else root.put("reason", r.reason().id);
        if (r.message() != null) root.put("message", r.message());
        if (r.isQuarantined()) {
            root.set("warnings", strings(r));
            return root;
        }
        root.put("org", r.org());
        ObjectNode region = root.putObject("region");
        region.put("province", r.region().province());
        region.put("city", r.region().city());
        region.put("county", r.region().county());
        if (r.year() == null) root.putNull("year"); else root.put("year", r.year());
        root.put("template", r.template().id);
        root.put("report_scope", r.reportScope());
        if (r.title() != null) root.put("title", r.title());
        // What the lake stores for this report (reports.report_id, body_key, year, the two fingerprints).
        ReportIdentity.Identity id = ReportIdentity.of(r, r.document().sha256());
        ObjectNode identity = root.putObject("identity");
        identity.put("report_id", id.reportId());
        identity.put("body_key", id.bodyKey());
        if (id.year() == null) identity.putNull("year"); else identity.put("year", id.year());
        identity.put("narrative_sha256", id.narrativeSha256());
        identity.put("tables_sha256", id.tablesSha256());

        ObjectNode active = root.putObject("active");
        for (TemplateSpec.ActiveField f : TemplateSpec.ACTIVE_FIELDS) active.set(f.key(), number(r.activeCell(f.key())));

        ObjectNode apps = root.putObject("applications");
        for (TemplateSpec.ApplicationRow row : TemplateSpec.APPLICATION_ROWS) {
            ObjectNode parent = apps;
            String leaf = row.key();
            int dot = leaf.indexOf('.');
            if (dot > 0) {
                String group = leaf.substring(0, dot);
                parent = apps.has(group) ? (ObjectNode) apps.get(group) : apps.putObject(group);
                leaf = leaf.substring(dot + 1);
            }
            Cell[] cells = r.applications().get(row.key());
            if (cells == null) { parent.putNull(leaf); continue; }
            boolean allAbsent = true;
            for (Cell c : cells) if (c.status() != io.disclosurelake.model.CellStatus.NOT_IN_TEMPLATE) allAbsent = false;
            if (allAbsent) { parent.putNull(leaf); continue; }
            ArrayNode a = parent.putArray(leaf);
            for (Cell c : cells) a.add(number(c));
        }

        ArrayNode rl = root.putArray("review_litigation");
        for (Cell c : r.reviewLitigation()) rl.add(number(c));

        if (!r.active2019().isEmpty()) {
            ObjectNode a19 = root.putObject("active_2019");
            for (Cell c : r.active2019().values()) a19.set(c.rowKey(), number(c));
        }

        ArrayNode vs = root.putArray("violations");
        for (Violation v : r.violations()) {
            ObjectNode o = vs.addObject();
            o.put("rule", v.rule());
            o.put("severity", v.severity());
            o.put("scope", v.scope());
            o.set("left", decimal(v.left()));
            o.set("right", decimal(v.right()));
            o.set("difference", decimal(v.difference()));
            if (v.detail() != null) o.put("detail", v.detail());
        }
        ObjectNode ms = root.putObject("metrics");
        for (MetricValue m : r.metrics().values()) {
            ObjectNode o = ms.putObject(m.metric());
            if (m.value() == null) o.putNull("value"); else o.put("value", m.value());
            o.set("numerator", decimal(m.numerator()));
            o.set("denominator", decimal(m.denominator()));
            o.put("small_sample", m.smallSample());
            o.put("convention", m.convention());
        }
        root.set("warnings", strings(r));
        ArrayNode ocr = ocrCells(r);
        if (!ocr.isEmpty()) root.set("ocr_cells", ocr);
        return root;
    }

    /**
     * Provenance of the cells read by OCR (an additional field, present only when some cell was OCR'd): address,
     * page, box in PDF points {@code [x, y, width, height]} from the page's top-left, recognition confidence, the
     * text recognised and, for a number set null by the confidence check, why.
     */
    static ArrayNode ocrCells(Report r) {
        ArrayNode out = F.arrayNode();
        for (Cell c : r.allCells()) {
            if (!c.isOcr()) continue;
            ObjectNode o = out.addObject();
            o.put("table", c.table());
            o.put("row", c.rowKey());
            o.put("column", c.columnKey());
            o.put("source", c.source());
            if (c.page() == null) o.putNull("page"); else o.put("page", c.page());
            if (c.box() == null) o.putNull("box");
            else {
                ArrayNode b = o.putArray("box");
                for (double v : new double[] {c.box().x(), c.box().y(), c.box().width(), c.box().height()})
                    b.add(Math.round(v * 10) / 10.0);
            }
            if (c.confidence() == null) o.putNull("confidence"); else o.put("confidence", Math.round(c.confidence() * 1000) / 1000.0);
            o.put("raw", c.raw());
            if (c.flag() != null) o.put("flag", c.flag());
        }
        return out;
    }

    private static ArrayNode strings(Report r) {
        ArrayNode w = F.arrayNode();
        r.warnings().forEach(w::add);
        return w;
    }

    /** A cell's number as JSON: integers stay integers, a fee keeps its decimals; no value is null. */
    public static JsonNode number(Cell c) {
        if (c == null || !c.hasValue()) return F.nullNode();
        return decimal(c.value());
    }

    public static JsonNode decimal(BigDecimal v) {
        if (v == null) return F.nullNode();
        BigDecimal s = v.stripTrailingZeros();
        if (s.scale() <= 0) {
            try { return F.numberNode(s.longValueExact()); } catch (ArithmeticException e) { return F.numberNode(s); }
        }
        return F.numberNode(s);
    }

    /** Parses JSON text (e.g. a truth file) for tests and tools that compare against the canonical shape. */
    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }
}
