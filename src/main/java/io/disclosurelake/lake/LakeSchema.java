package io.disclosurelake.lake;

import io.disclosurelake.spec.TemplateSpec;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Delta tables of the lake: names, columns, types and the meaning of each column (docs/report-json.md).
 * The one place that knows the schemas: writers, views, notebooks' tests and the data dictionary read it.
 * Each table is a directory of its name under the lake.
 */
public final class LakeSchema {
    private LakeSchema() {}

    public static final DataType COUNT = DataTypes.LongType;
    /** Amounts (fees in 万元) and cell values keep their decimals exactly. */
    public static final DataType AMOUNT = DataTypes.createDecimalType(24, 4);
    /**
     * A box on a page in PDF points: x, y from the top-left corner, width, height (docs/ocr.md). Its fields are
     * nullable because Delta checks a nested NOT NULL even where the whole box is null (a text cell).
     */
    public static final StructType BOX = new StructType()
            .add("x", DataTypes.DoubleType, true).add("y", DataTypes.DoubleType, true)
            .add("width", DataTypes.DoubleType, true).add("height", DataTypes.DoubleType, true);

    /** A table: name, comment, columns (with comments), and the columns that identify a row. */
    public record Table(String name, String comment, StructType schema, List<String> key) {}

    /** Column names shared by several tables (one spelling for every step that joins or filters on them). */
    public static final String REPORT_ID = "report_id";
    public static final String BODY_KEY = "body_key";
    public static final String YEAR = "year";
    public static final String PATH = "path";
    public static final String SHA256 = "sha256";
    public static final String RUN_ID = "run_id";
    public static final String RULE = "rule";
    public static final String SEVERITY = "severity";
    public static final String METRIC = "metric";
    /** Lifecycle columns of {@link #REPORTS} (job/ReportLifecycle): not read from a document, kept across nights. */
    public static final String EDITED_AFTER_PUBLICATION = "edited_after_publication";
    public static final String FIRST_PUBLISHED_AT = "first_published_at";
    public static final String EDITED_AT = "edited_at";
    public static final String RETIRED_AT = "retired_at";
    public static final List<String> REPORT_LIFECYCLE = List.of(EDITED_AFTER_PUBLICATION, FIRST_PUBLISHED_AT, EDITED_AT, RETIRED_AT);

    public static final String DOCUMENTS = "documents";
    public static final String REPORTS = "reports";
    public static final String ACTIVE_DISCLOSURE = "active_disclosure";
    public static final String APPLICATIONS = "applications";
    public static final String REVIEW_LITIGATION = "review_litigation";
    public static final String CELLS = "cells";
    public static final String QUARANTINE = "quarantine";
    public static final String RULE_VIOLATIONS = "rule_violations";
    public static final String REPORT_METRICS = "report_metrics";
    public static final String RANKINGS = "rankings";
    public static final String RUNS = "runs";
    /** Gold layer (rank/): sums of the table values per region level. */
    public static final String REGION_TOTALS = "region_totals";
    /** Gold layer (rank/): pooled rates, distributions and violation counts per region level. */
    public static final String REGION_METRICS = "region_metrics";
    /** Gold layer (rank/): every known body × year — present or not, first seen against the deadline. */
    public static final String COVERAGE = "coverage";
    /** Gold layer (rank/): the bodies of {@link #COVERAGE} whose report for the year is missing. */
    public static final String MISSING_REPORTS = "missing_reports";
    /** Every correction a reviewer made to a cell (docs/review.md), applied, stale or rejected. */
    public static final String CORRECTIONS = "corrections";
    /** Columns of {@link #CORRECTIONS}. */
    public static final String CORRECTION_ID = "correction_id";
    public static final String CORRECTION_STATUS = "status";
    public static final String CORRECTION_FILE_SHA256 = "file_sha256";
    /** Gold layer (rank/SimilarReports): pairs of reports whose narratives are near-copies (docs/rules.md). */
    public static final String SIMILAR_REPORTS = "similar_reports";
    /** Column of {@link #REPORTS}: the compared narrative (extract/NarrativeText). */
    public static final String NARRATIVE_TEXT = "narrative_text";

    /** Error-severity rules of docs/rules.md: each is a component of the compliance score (column rule_&lt;id&gt;). */
    public static List<String> errorRuleIds() {
        return io.disclosurelake.spec.RuleBook.RULES.stream().filter(r -> "error".equals(r.severity()))
                .map(io.disclosurelake.spec.RuleBook.RuleInfo::id).toList();
    }

    /** Column of {@link #RANKINGS} holding the score component of an error rule, e.g. rule_app_balance. */
    public static String ruleComponentColumn(String ruleId) {
        return "rule_" + ruleId.toLowerCase(java.util.Locale.ROOT);
    }

    private static final Map<String, Table> TABLES = new LinkedHashMap<>();

    private static StructField f(String name, DataType type, boolean nullable, String comment) {
        Metadata md = new MetadataBuilder().putString("comment", comment).build();
        return new StructField(name, type, nullable, md);
    }

    private static void table(String name, String comment, List<String> key, StructField... fields) {
        TABLES.put(name, new Table(name, comment, new StructType(fields), key));
    }

    static {
        table(DOCUMENTS, "Every input file ever seen, one row per path; the content version is its sha256.",
                List.of("path"),
                f("path", DataTypes.StringType, false, "file path relative to the input directory"),
                f("sha256", DataTypes.StringType, false, "SHA-256 of the file's bytes (hex)"),
                f("size", DataTypes.LongType, false, "file size in bytes"),
                f("format", DataTypes.StringType, true, "format told from the bytes: pdf, docx, doc, html, xlsx, xls, txt, md (markdown: a `.md` name or a pipe table), unknown"),
                f("first_seen", DataTypes.TimestampType, false, "when the path was first seen (manifest time if given, else the run's time)"),
                f("last_seen", DataTypes.TimestampType, false, "start of the last run that saw a new or changed version of the path (presence in each run is counted in runs)"),
                f("run_id", DataTypes.StringType, false, "run that last changed this row"),
                f("status", DataTypes.StringType, true, "parsed, partial or quarantined"),
                f("report_id", DataTypes.StringType, true, "report the file yielded (null when quarantined)"),
                f("modified_at", DataTypes.TimestampType, true, "modification time of the file when last hashed; with size, lets a run skip unchanged files without reading them"),
                f("reason", DataTypes.StringType, true, "quarantine reason when status = quarantined"));

        table(REPORTS, "One row per report (body × year): identity, region, template and extraction status of its current document.",
                List.of("report_id"),
                f("report_id", DataTypes.StringType, false, "stable id of the report: body and year (the document's sha256 when either is unknown)"),
                f("sha256", DataTypes.StringType, false, "SHA-256 of the document the values come from"),
                f("path", DataTypes.StringType, false, "path of that document"),
                f("org", DataTypes.StringType, true, "reporting body (机关名称) from the title"),
                f("body_key", DataTypes.StringType, true, "normalised body name used to follow a body over the years"),
                f("province", DataTypes.StringType, true, "province (省级)"),
                f("city", DataTypes.StringType, true, "prefecture-level city (地级)"),
                f("county", DataTypes.StringType, true, "county or district (县级)"),
                f("year", DataTypes.IntegerType, true, "report year (statistics period 1 Jan–31 Dec of it)"),
                f("template", DataTypes.StringType, false, "template version: 2021, 2019, hybrid, legacy, unknown"),
                f("status", DataTypes.StringType, false, "parsed or partial"),
                f("report_scope", DataTypes.StringType, true, "body, or region_aggregate for a government report covering its departments"),
                f("format", DataTypes.StringType, true, "document format"),
                f("pages", DataTypes.IntegerType, true, "page count of paginated formats"),
                f("title", DataTypes.StringType, true, "the report's title as printed"),
                f("warnings", DataTypes.createArrayType(DataTypes.StringType), true, "what the extractor was unsure of"),
                f("narrative_sha256", DataTypes.StringType, true, "hash of the normalised narrative text (copy detection)"),
                f("tables_sha256", DataTypes.StringType, true, "hash of all table values (copy detection)"),
                f("first_seen", DataTypes.TimestampType, true, "first-seen time of the current version's document (timeliness reads first_published_at)"),
                f("run_id", DataTypes.StringType, false, "run that wrote this version"),
                // The report's life across nights (docs/job.md "A report's life"): written by job/ReportLifecycle.
                f(EDITED_AFTER_PUBLICATION, DataTypes.BooleanType, true, "true when a file at an address that had published this report later held other content for it (an edit after publication; both versions stay in Delta's history); null in rows written before this column existed"),
                f(FIRST_PUBLISHED_AT, DataTypes.TimestampType, true, "first publication: the earliest first_seen of any version of the report the lake has held (timeliness uses it); null in rows written before this column existed"),
                f(EDITED_AT, DataTypes.TimestampType, true, "start of the night that saw the latest edit after publication; null when never edited"),
                f(RETIRED_AT, DataTypes.TimestampType, true, "start of the night that found no file yielding the report any more (deleted, or now another body or year): the row stays, its child rows are removed, views, metrics, gold tables, rankings and exports leave it out; null while current"),
                // Copies across bodies (docs/rules.md §5): written by the extraction, compared by rank/SimilarReports.
                f(NARRATIVE_TEXT, DataTypes.StringType, true, "the narrative the body wrote itself — sections 一 总体情况 and 五 存在的主要问题及改进情况 — without the template's fixed wording (headings, sub-heading numbers, the 条例's name), NFKC, no whitespace; the body's own name is kept. Compared across bodies and years in similar_reports; null when neither section was found"));

        List<StructField> active = new ArrayList<>();
        active.add(f("report_id", DataTypes.StringType, false, "report"));
        for (TemplateSpec.ActiveField a : TemplateSpec.ACTIVE_FIELDS) {
            active.add(f(a.key(), a.decimal() ? AMOUNT : COUNT, true,
                    "表二 " + a.article() + " " + a.rowLabel() + " · " + a.columnLabel2021()
                            + (a.columnLabel2019() != null ? " (2019: " + a.columnLabel2019() + ")" : " (not in 2019)")
                            + ", " + a.unit()));
        }
        table(ACTIVE_DISCLOSURE, "表二 主动公开政府信息情况: one row per report; null = blank, unreadable or not in the template version.",
                List.of("report_id"), active.toArray(new StructField[0]));

        List<StructField> apps = new ArrayList<>();
        apps.add(f("report_id", DataTypes.StringType, false, "report"));
        apps.add(f("row_key", DataTypes.StringType, false, "row of 表三 as its JSON path: new, carried_over, disclosed, …, total, carried_forward"));
        apps.add(f("row_order", DataTypes.IntegerType, false, "position of the row in the 2021 template (1–25)"));
        for (TemplateSpec.ApplicantColumn c : TemplateSpec.APPLICANT_COLUMNS) {
            apps.add(f(c.key(), COUNT, true, "表三 申请人情况 · " + c.label() + " (count; null = blank or unreadable)"));
        }
        table(APPLICATIONS, "表三 收到和处理政府信息公开申请情况: one row per report × row, the 7 applicant columns as printed.",
                List.of("report_id", "row_key"), apps.toArray(new StructField[0]));

        List<StructField> rl = new ArrayList<>();
        rl.add(f("report_id", DataTypes.StringType, false, "report"));
        List<String> keys = TemplateSpec.reviewColumnKeys();
        for (int i = 0; i < keys.size(); i++) {
            TemplateSpec.ReviewGroup g = TemplateSpec.REVIEW_GROUPS.get(i / 5);
            rl.add(f(keys.get(i), COUNT, true, "表四 " + g.label() + " · " + TemplateSpec.REVIEW_OUTCOME_LABELS.get(i % 5)));
        }
        table(REVIEW_LITIGATION, "表四 政府信息公开行政复议、行政诉讼情况: one row per report, 15 counts.",
                List.of("report_id"), rl.toArray(new StructField[0]));

        table(CELLS, "Every value of every table in long form, with provenance back to the document.",
                List.of("report_id", "table_name", "row_key", "column_key"),
                f("report_id", DataTypes.StringType, false, "report"),
                f("sha256", DataTypes.StringType, false, "document the value was read from"),
                f("table_name", DataTypes.StringType, false, "active_disclosure, applications, review_litigation or active_2019"),
                f("row_key", DataTypes.StringType, false, "template row (applications: JSON path; active: field name; review: review_litigation)"),
                f("column_key", DataTypes.StringType, false, "template column (applicant column, review column, or value)"),
                f("value", AMOUNT, true, "the number (null unless status = value)"),
                f("status", DataTypes.StringType, false, "value, blank, unreadable or not_in_template"),
                f("raw_text", DataTypes.StringType, true, "the cell's text as printed"),
                f("page", DataTypes.IntegerType, true, "page of the document (PDF), else null"),
                f("source", DataTypes.StringType, true, "where the value was read: text (a text layer, a table, a sheet) or ocr (a scanned page or image); corrected when a reviewer set it (corrections); null in rows written before this column existed"),
                f("box", BOX, true, "OCR: the cell's place on its page in PDF points from the top-left corner (x, y, width, height); null for text"),
                f("confidence", DataTypes.DoubleType, true, "OCR: recognition confidence of the cell's text (0 to 1); null for text"),
                f("flag", DataTypes.StringType, true, "why an OCR'd cell was left unreadable: ocr_low_confidence or ocr_breaks_rule; else null"));

        table(CORRECTIONS, "Every correction a reviewer made to a cell from a review sheet (docs/review.md): applied, stale (the document or the cell changed since the sheet) or rejected, with why.",
                List.of("correction_id"),
                f("correction_id", DataTypes.StringType, false, "id of the correction: document version, cell, value read and new value (the same correction from any file has the same id); for a rejected row, of the file and row"),
                f("report_id", DataTypes.StringType, true, "report corrected"),
                f("sha256", DataTypes.StringType, true, "document version (sha256) the correction applies to"),
                f("table_name", DataTypes.StringType, true, "cell: table"),
                f("row_key", DataTypes.StringType, true, "cell: row"),
                f("column_key", DataTypes.StringType, true, "cell: column"),
                f("old_status", DataTypes.StringType, true, "the cell's status as the reviewer saw it (value, blank, unreadable)"),
                f("old_value", AMOUNT, true, "the value the reviewer saw (null when none was read)"),
                f("new_value", AMOUNT, true, "the corrected value"),
                f("note", DataTypes.StringType, true, "the reviewer's note"),
                f("reviewer", DataTypes.StringType, true, "who made the correction"),
                f("applied_at", DataTypes.TimestampType, false, "when this status was recorded"),
                f("file", DataTypes.StringType, true, "review sheet the correction came from"),
                f("file_row", DataTypes.IntegerType, true, "its row in that file (1 = the header line)"),
                f("file_sha256", DataTypes.StringType, true, "SHA-256 of that file (a file dropped into corrections/ is applied once)"),
                f("status", DataTypes.StringType, false, "applied, stale (not applied: the document or cell changed) or rejected (not applicable)"),
                f("reason", DataTypes.StringType, true, "why stale or rejected, for a person"),
                f("run_id", DataTypes.StringType, true, "night or correct command that recorded this status"));

        table(QUARANTINE, "Files that could not be turned into a report, with the reason; nothing is dropped silently.",
                List.of("path"),
                f("path", DataTypes.StringType, false, "file path relative to the input directory"),
                f("sha256", DataTypes.StringType, false, "SHA-256 of the file's bytes"),
                f("reason", DataTypes.StringType, false, "encrypted, corrupt, empty, no_text_layer (OCR switched off), not_a_report, legacy_template, too_large, timeout, unsupported_format, unsafe, ocr_failed (scanned pages OCR could not read)"),
                f("message", DataTypes.StringType, true, "what exactly went wrong, for a person"),
                f("format", DataTypes.StringType, true, "format told from the bytes"),
                f("size", DataTypes.LongType, true, "file size in bytes"),
                f("run_id", DataTypes.StringType, false, "run that quarantined the file"));

        table(RULE_VIOLATIONS, "Every broken rule of the template (docs/rules.md), per report.",
                List.of("report_id", "rule", "scope"),
                f("report_id", DataTypes.StringType, false, "report"),
                f("rule", DataTypes.StringType, false, "rule id, e.g. APP_BALANCE"),
                f("severity", DataTypes.StringType, false, "error or warning"),
                f("scope", DataTypes.StringType, true, "column, group or row the rule was checked on"),
                f("left_value", AMOUNT, true, "left side as printed"),
                f("right_value", AMOUNT, true, "right side as printed"),
                f("difference", AMOUNT, true, "left − right"),
                f("detail", DataTypes.StringType, true, "what was found, in words"));

        table(REPORT_METRICS, "Rates of docs/metrics.md per report with their parts.",
                List.of("report_id", "metric"),
                f("report_id", DataTypes.StringType, false, "report"),
                f("metric", DataTypes.StringType, false, "disclosure_rate, non_disclosure_rate, not_obtained_rate, carry_forward_rate, review_correction_rate, litigation_correction_rate, or a violation count"),
                f("value", DataTypes.DoubleType, true, "numerator / denominator (null when the denominator is 0 or unknown)"),
                f("numerator", AMOUNT, true, "numerator"),
                f("denominator", AMOUNT, true, "denominator"),
                f("small_sample", DataTypes.BooleanType, true, "denominator under the configured minimum"),
                f("convention", DataTypes.StringType, true, "definition of the denominator, e.g. total_closed (（七）总计)"));

        table(RUNS, "One row per run of the nightly job: counts in and out and time per stage.",
                List.of("run_id"),
                f("run_id", DataTypes.StringType, false, "run id"),
                f("started_at", DataTypes.TimestampType, false, "start"),
                f("finished_at", DataTypes.TimestampType, true, "end (null while running or after a crash)"),
                f("docs_seen", DataTypes.LongType, true, "input files listed"),
                f("docs_new", DataTypes.LongType, true, "files new or changed since the last run (parsed this run)"),
                f("docs_parsed", DataTypes.LongType, true, "of those, parsed"),
                f("docs_partial", DataTypes.LongType, true, "of those, partial"),
                f("docs_quarantined", DataTypes.LongType, true, "of those, quarantined"),
                f("stage_seconds", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType), true, "seconds per stage"),
                f("input", DataTypes.StringType, true, "input directory"),
                f("spark_version", DataTypes.StringType, true, "Spark version"),
                f("project_version", DataTypes.StringType, true, "disclosure-lake version"),
                f("status", DataTypes.StringType, true, "running, succeeded or failed"),
                f("docs_unchanged", DataTypes.LongType, true, "files skipped because size and modification time match documents"),
                f("docs_known_content", DataTypes.LongType, true, "files read and hashed whose sha256 was already processed (not extracted again)"),
                f("reports_written", DataTypes.LongType, true, "reports inserted or replaced"),
                f("violations_written", DataTypes.LongType, true, "rule_violations rows of the reports touched by the run (incl. cross-year)"),
                f("lake", DataTypes.StringType, true, "lake directory"),
                f("master", DataTypes.StringType, true, "Spark master URL"),
                f("error", DataTypes.StringType, true, "why the run failed, when it did"),
                f("manifest", DataTypes.StringType, true, "manifest CSV the run used (--manifest, or found beside the input: docs/job.md); null when none"));

        // ---------------------------------------------------------------- gold layer (rank/)
        String levelComment = "national, province, city or county";
        String scopeComment = "body (a body's own report) or region_aggregate (a government report covering its departments): never summed together";
        table(REGION_TOTALS, "Sums of every table value per year and region level; body reports and region-aggregate reports are summed separately (docs/template.md §1).",
                List.of("year", "level", "province", "city", "county", "report_scope", "table_name", "row_key", "column_key"),
                f("year", DataTypes.IntegerType, true, "report year"),
                f("level", DataTypes.StringType, false, levelComment),
                f("province", DataTypes.StringType, true, "province (null at national level or when unknown)"),
                f("city", DataTypes.StringType, true, "city (null above city level or when unknown)"),
                f("county", DataTypes.StringType, true, "county (null above county level or when unknown)"),
                f("report_scope", DataTypes.StringType, false, scopeComment),
                f("table_name", DataTypes.StringType, false, "active_disclosure, applications or review_litigation"),
                f("row_key", DataTypes.StringType, false, "template row"),
                f("column_key", DataTypes.StringType, false, "template column"),
                f("value", AMOUNT, true, "sum of the values printed (blank and unreadable cells add nothing)"),
                f("reports", DataTypes.LongType, false, "reports in the group"),
                f("reports_with_value", DataTypes.LongType, false, "reports that printed a value in this cell"));

        table(REGION_METRICS, "Pooled rates (Σnumerator / Σdenominator, not an average of rates), their distribution over reports (P10, median, P90) and violation counts, per year and region level.",
                List.of("year", "level", "province", "city", "county", "report_scope", "metric"),
                f("year", DataTypes.IntegerType, true, "report year"),
                f("level", DataTypes.StringType, false, levelComment),
                f("province", DataTypes.StringType, true, "province (null at national level or when unknown)"),
                f("city", DataTypes.StringType, true, "city"),
                f("county", DataTypes.StringType, true, "county"),
                f("report_scope", DataTypes.StringType, false, scopeComment),
                f("metric", DataTypes.StringType, false, "metric of report_metrics"),
                f("numerator", AMOUNT, true, "Σ numerator (for counts: Σ count)"),
                f("denominator", AMOUNT, true, "Σ denominator (null for counts)"),
                f("value", DataTypes.DoubleType, true, "pooled rate Σnumerator/Σdenominator (for counts: Σ count)"),
                f("small_sample", DataTypes.BooleanType, true, "pooled denominator under the configured minimum"),
                f("p10", DataTypes.DoubleType, true, "10th percentile of the reports' rates (reports without small_sample)"),
                f("median", DataTypes.DoubleType, true, "median of the reports' rates (reports without small_sample)"),
                f("p90", DataTypes.DoubleType, true, "90th percentile of the reports' rates (reports without small_sample)"),
                f("reports", DataTypes.LongType, false, "reports in the group"),
                f("reports_in_distribution", DataTypes.LongType, false, "reports whose rate is known and not small_sample"),
                f("convention", DataTypes.StringType, true, "definition of the denominator"));

        table(COVERAGE, "Every body known from earlier years (or listed as expected) × report year: is its report present, and was it first seen before the deadline (31 Jan for departments, 31 Mar for a government's own report).",
                List.of("year", "body_key"),
                f("year", DataTypes.IntegerType, false, "report year"),
                f("body_key", DataTypes.StringType, false, "body (reports.body_key, else org)"),
                f("org", DataTypes.StringType, true, "body name (the year's report, else the latest known)"),
                f("province", DataTypes.StringType, true, "province"),
                f("city", DataTypes.StringType, true, "city"),
                f("county", DataTypes.StringType, true, "county"),
                f("body_kind", DataTypes.StringType, false, "government (人民政府 and its office: deadline 31 Mar) or department (deadline 31 Jan)"),
                f("known_from", DataTypes.StringType, false, "earlier_years, expected (manifest) or this_year (first report of the body)"),
                f("last_year_seen", DataTypes.IntegerType, true, "latest earlier year with a report of the body"),
                f("present", DataTypes.BooleanType, false, "a report of the body for the year is in the lake"),
                f("report_id", DataTypes.StringType, true, "that report"),
                f("first_seen", DataTypes.TimestampType, true, "first publication of the report (reports.first_published_at, else its first_seen): an edit or a re-publication does not make it late"),
                f("deadline", DataTypes.TimestampType, false, "end of the publication deadline (Asia/Shanghai), i.e. 1 Feb or 1 Apr 00:00 of the next year"),
                f("on_time", DataTypes.BooleanType, true, "first_seen before the deadline; null when first_seen is unknown or the report is missing"),
                f("days_late", DataTypes.IntegerType, true, "whole days after the deadline (0 when on time)"),
                f("status", DataTypes.StringType, true, "read (in reports), unreadable (published, but its file is quarantined) or missing (nothing found)"),
                f("unreadable_reason", DataTypes.StringType, true, "why the published file could not be read, in Chinese with the quarantine reason, e.g. 扫描件，无文字层（no_text_layer）"),
                f("unreadable_path", DataTypes.StringType, true, "the quarantined file that stands for the report (via the manifest or its path)"));

        table(MISSING_REPORTS, "Bodies known from earlier years (or expected) without a report for the year.",
                List.of("year", "body_key"),
                f("year", DataTypes.IntegerType, false, "report year"),
                f("body_key", DataTypes.StringType, false, "body"),
                f("org", DataTypes.StringType, true, "body name as last reported"),
                f("province", DataTypes.StringType, true, "province"),
                f("city", DataTypes.StringType, true, "city"),
                f("county", DataTypes.StringType, true, "county"),
                f("body_kind", DataTypes.StringType, false, "government or department"),
                f("known_from", DataTypes.StringType, false, "earlier_years or expected"),
                f("last_year_seen", DataTypes.IntegerType, true, "latest earlier year with a report of the body"));

        table(SIMILAR_REPORTS, "Pairs of reports whose narratives (reports.narrative_text, each body's own name masked) are near-copies: another body's report of the same year, or the same body's previous year. Found with MinHash LSH over character shingles and kept when their exact Jaccard similarity reaches copies.threshold (conf/disclosure-lake.properties); docs/rules.md.",
                List.of("report_id_a", "report_id_b"),
                f("year", DataTypes.IntegerType, false, "year of report b (of both for cross_body)"),
                f("report_id_a", DataTypes.StringType, false, "one report: for cross_body the one that does not name the other body, else the earlier first seen (then the smaller id); for previous_year the year before"),
                f("body_a", DataTypes.StringType, true, "its body name (reports.org)"),
                f("report_id_b", DataTypes.StringType, false, "the other report, the likelier copy: for cross_body the one still naming the other body, else the later first seen; for previous_year the year itself"),
                f("body_b", DataTypes.StringType, true, "its body name"),
                f("kind", DataTypes.StringType, false, "cross_body (two bodies, same year) or previous_year (one body, consecutive years)"),
                f("similarity", DataTypes.DoubleType, false, "Jaccard similarity of the two narratives' character shingles (copies.shingle_size), wording common to many reports left out; 0–1"),
                f("longest_shared", DataTypes.StringType, true, "the longest passage both narratives contain (names masked as □), cut to copies.passage_max characters (… marks a cut)"),
                f("other_body_name_left", DataTypes.BooleanType, false, "cross_body: one narrative still names the other body (its full name or a short form such as 市财政局)"),
                f("name_left", DataTypes.StringType, true, "the name form found, when other_body_name_left"),
                f("report_with_name", DataTypes.StringType, true, "the report whose narrative holds that name (report_id_b)"));

        List<StructField> rk = new ArrayList<>(List.of(
                f("year", DataTypes.IntegerType, false, "report year"),
                f("province", DataTypes.StringType, true, "province"),
                f("city", DataTypes.StringType, true, "city"),
                f("county", DataTypes.StringType, true, "county"),
                f("report_id", DataTypes.StringType, true, "report (null for a body whose report is missing)"),
                f("body_key", DataTypes.StringType, false, "body"),
                f("org", DataTypes.StringType, true, "body name"),
                f("body_kind", DataTypes.StringType, false, "government or department"),
                f("report_scope", DataTypes.StringType, true, "body or region_aggregate"),
                f("score", DataTypes.DoubleType, false, "compliance score 0–100 = 100 × Σ weight × component / Σ weight of the known components (rounded to 2 decimals)"),
                f("rank", DataTypes.IntegerType, false, "rank by score within year × province, competition ranking (1,2,2,4): equal scores share a rank"),
                f("position", DataTypes.IntegerType, false, "listing order within year × province: score desc, fewer error violations, org, report_id"),
                f("city_rank", DataTypes.IntegerType, false, "rank by score within year × province × city (competition ranking)"),
                f("national_rank", DataTypes.IntegerType, false, "rank by score within the year, all provinces (competition ranking)"),
                f("present", DataTypes.DoubleType, false, "component: 1 when the report is present, 0 when missing"),
                f("timeliness", DataTypes.DoubleType, true, "component: 1 first seen before the deadline, 0 after; null when unknown (its weight is then left out)"),
                f("template_followed", DataTypes.DoubleType, true, "component: 1 the national template of the year (2021 from 2021, 2019 for 2019–2020), 0.5 the other national template or a hybrid, 0 legacy or unknown"),
                f("tables_complete", DataTypes.DoubleType, true, "component: share of the template's cells that carry a value (blank and unreadable cells count against it)")));
        for (String id : errorRuleIds()) {
            rk.add(f(ruleComponentColumn(id), DataTypes.DoubleType, true, "component: the tables_complete share when rule " + id + " holds, 0 when it is broken at least once"));
        }
        rk.addAll(List.of(
                f("warnings_ok", DataTypes.DoubleType, true, "component: (1 − min(1, warnings / the configured cap)) × the tables_complete share"),
                f("not_copied", DataTypes.DoubleType, true, "component: 0 when the narrative is identical to the body's previous-year report (DUPLICATE_OF_PREVIOUS_YEAR) or a near-copy in similar_reports (another body's report of the year, or the body's previous year), else 1"),
                f("error_violations", DataTypes.LongType, true, "error-severity violations of the report"),
                f("warning_violations", DataTypes.LongType, true, "warning-severity violations of the report"),
                f("first_seen", DataTypes.TimestampType, true, "first publication of the report (see coverage)"),
                f("deadline", DataTypes.TimestampType, false, "publication deadline of the body (see coverage)"),
                f("non_disclosure_rate", DataTypes.DoubleType, true, "不予公开率 of the report"),
                f("non_disclosure_denominator", AMOUNT, true, "its denominator (（七）总计)"),
                f("non_disclosure_rank", DataTypes.IntegerType, true, "rank by non_disclosure_rate, highest first, within year × province; only with enough cases (conf)"),
                f("review_correction_rate", DataTypes.DoubleType, true, "行政复议纠错率 of the report"),
                f("review_correction_denominator", AMOUNT, true, "its denominator (concluded review cases)"),
                f("review_correction_rank", DataTypes.IntegerType, true, "rank by review_correction_rate, highest first, within year × province; only with enough cases (conf)"),
                f("reasons", DataTypes.StringType, true, "why points were lost, one line in Chinese (e.g. 迟报 674 天；表三空白 170 格); null when none")));
        table(RANKINGS, "Compliance ranking of every body per year: the score, every component beside it, and ranks within province, city and country.",
                List.of("year", "body_key"), rk.toArray(new StructField[0]));
    }

    /** Every table in the order a reader meets them. */
    public static List<Table> tables() { return List.copyOf(TABLES.values()); }

    public static Table table(String name) {
        Table t = TABLES.get(name);
        if (t == null) throw new IllegalArgumentException("no table " + name);
        return t;
    }
}
