package io.disclosurelake.extract;

import io.disclosurelake.model.DocumentInfo;
import io.disclosurelake.spec.QuarantineReason;
import io.disclosurelake.model.Report;
import io.disclosurelake.read.Grid;
import io.disclosurelake.rules.ReportRules;
import io.disclosurelake.template.GluedTextMatcher;
import io.disclosurelake.template.IdentityExtractor;
import io.disclosurelake.template.MatchedTables;
import io.disclosurelake.template.TableAssembler;
import io.disclosurelake.template.TemplateMatcher;
import io.disclosurelake.spec.TemplateSpec.Version;
import io.disclosurelake.template.VersionDetector;

import java.util.ArrayList;
import java.util.List;

/** Grid → report: version, identity, tables, rules; decides not_a_report and legacy_template. */
final class ReportBuilder {
    private ReportBuilder() {}

    static Report build(DocumentInfo doc, Grid grid, ReportRules rules) {
        return build(doc, grid, rules, io.disclosurelake.read.ocr.OcrSettings.OFF);
    }

    static Report build(DocumentInfo doc, Grid grid, ReportRules rules, io.disclosurelake.read.ocr.OcrSettings ocr) {
        String text = grid.text();
        Version version = VersionDetector.detect(text);
        MatchedTables tables = new TemplateMatcher().match(grid, version);
        // narrative counts are checked against the tables; a page laid out in tables has little paragraph text
        String narrative = grid.paragraphText().length() >= 200 ? grid.paragraphText() : text;
        if (!tables.hasApplications()) {
            GluedTextMatcher.Result glued = new GluedTextMatcher().match(grid.paragraphText(), version);
            if (glued.tables().hasApplications() || glued.tables().hasActive()) {
                tables = glued.tables();
                narrative = glued.narrative();
            }
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n")));
        IdentityExtractor.Identity id = new IdentityExtractor().extract(lines);

        if (tables.isEmpty() && (version == Version.LEGACY || isPre2019Report(id)))
            return Report.quarantined(doc, QuarantineReason.LEGACY_TEMPLATE,
                    "a pre-2019 report without the national statistical tables" + (id.org() == null ? "" : ": " + id.org()));
        if (tables.isEmpty())
            return Report.quarantined(doc, QuarantineReason.NOT_A_REPORT, id.org() == null
                    ? "no report title and none of the template's tables" : "titled like a report but none of the template's tables");
        if (tables.looksDuplicated() || id.distinctTitles() > 1)
            return Report.quarantined(doc, QuarantineReason.NOT_A_REPORT,
                    "two reports in one document (" + id.distinctTitles() + " titles, repeated tables): a comparison, not a report");

        Report r = new Report(doc);
        r.setTemplate(version);
        r.setOrg(id.org());
        r.setYear(id.year());
        r.setTitle(id.title());
        r.setRegion(id.region());
        r.setReportScope(id.scope());
        r.setNarrative(narrative);
        List<String> missing = TableAssembler.assemble(tables, version, r);
        tables.warnings.forEach(r::addWarning);
        for (String m : missing) r.addWarning(m + " not found");
        if (id.org() == null) r.addWarning("no report title: body and year unknown");
        if (version == Version.UNKNOWN) r.addWarning("template version not recognised; read with the 2021 layout");
        if (ocr.enabled()) io.disclosurelake.rules.OcrCellCheck.apply(r, ocr.minConfidence());
        rules.apply(r);
        boolean incomplete = !missing.isEmpty() || r.allCells().stream().anyMatch(c ->
                c.status() == io.disclosurelake.model.CellStatus.UNREADABLE);
        r.setStatus(incomplete || id.org() == null ? Report.PARTIAL : Report.PARSED);
        return r;
    }

    /** The last year reported on with the old statistics (docs/template.md §6): its reports did publish. */
    static final int LAST_LEGACY_YEAR = 2018;

    /**
     * A report titled for 2018 or earlier: the national template applies from the 2019 reports, so without its
     * tables this is a legacy report even when its text mentions a 2019 marker (政府集中采购 is an everyday phrase).
     */
    private static boolean isPre2019Report(IdentityExtractor.Identity id) {
        return id.org() != null && id.year() != null && id.year() <= LAST_LEGACY_YEAR;
    }
}
