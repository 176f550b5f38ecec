-- One row per province and year: how many reports and bodies, how many parsed or partial, how many break a rule,
-- and the applications and pooled rates (Σ numerators / Σ denominators of report_metrics) over body reports only —
-- a government's region_aggregate report repeats its departments' numbers and would count them twice.
-- expect: province, year, reports, bodies, parsed, partial, region_aggregates, reports_with_errors, error_violations, warning_violations, new_applications, closed, disclosure_rate, non_disclosure_rate, review_correction_rate, litigation_correction_rate
SELECT r.province, r.year,
       COUNT(*) AS reports,
       COUNT(DISTINCT r.body_key) AS bodies,
       COUNT_IF(r.status = 'parsed') AS parsed,
       COUNT_IF(r.status = 'partial') AS partial,
       COUNT_IF(r.report_scope = 'region_aggregate') AS region_aggregates,
       COUNT_IF(r.errors > 0) AS reports_with_errors,
       SUM(r.errors) AS error_violations,
       SUM(r.warnings) AS warning_violations,
       SUM(CASE WHEN r.body_report THEN r.new_applications END) AS new_applications,
       SUM(CASE WHEN r.body_report THEN r.closed END) AS closed,
       try_divide(CAST(SUM(CASE WHEN r.body_report THEN m.disclosed_num END) AS DOUBLE),
                  CAST(SUM(CASE WHEN r.body_report THEN m.disclosed_den END) AS DOUBLE)) AS disclosure_rate,
       try_divide(CAST(SUM(CASE WHEN r.body_report THEN m.withheld_num END) AS DOUBLE),
                  CAST(SUM(CASE WHEN r.body_report THEN m.withheld_den END) AS DOUBLE)) AS non_disclosure_rate,
       try_divide(CAST(SUM(CASE WHEN r.body_report THEN m.review_num END) AS DOUBLE),
                  CAST(SUM(CASE WHEN r.body_report THEN m.review_den END) AS DOUBLE)) AS review_correction_rate,
       try_divide(CAST(SUM(CASE WHEN r.body_report THEN m.litigation_num END) AS DOUBLE),
                  CAST(SUM(CASE WHEN r.body_report THEN m.litigation_den END) AS DOUBLE)) AS litigation_correction_rate
-- report_summary holds each report's application totals and violation counts (their one definition: the counts
-- the job writes, lake/ViolationCounts); only the pooled rates' parts come from report_metrics here.
FROM (SELECT *, COALESCE(report_scope, 'body') <> 'region_aggregate' AS body_report FROM report_summary) r
LEFT JOIN (
    -- only reports whose rate is defined contribute, numerator and denominator together
    SELECT report_id,
           MAX(CASE WHEN metric = 'disclosure_rate' AND value IS NOT NULL THEN numerator END) AS disclosed_num,
           MAX(CASE WHEN metric = 'disclosure_rate' AND value IS NOT NULL THEN denominator END) AS disclosed_den,
           MAX(CASE WHEN metric = 'non_disclosure_rate' AND value IS NOT NULL THEN numerator END) AS withheld_num,
           MAX(CASE WHEN metric = 'non_disclosure_rate' AND value IS NOT NULL THEN denominator END) AS withheld_den,
           MAX(CASE WHEN metric = 'review_correction_rate' AND value IS NOT NULL THEN numerator END) AS review_num,
           MAX(CASE WHEN metric = 'review_correction_rate' AND value IS NOT NULL THEN denominator END) AS review_den,
           MAX(CASE WHEN metric = 'litigation_correction_rate' AND value IS NOT NULL THEN numerator END) AS litigation_num,
           MAX(CASE WHEN metric = 'litigation_correction_rate' AND value IS NOT NULL THEN denominator END) AS litigation_den
    FROM report_metrics GROUP BY report_id
) m ON m.report_id = r.report_id
GROUP BY r.province, r.year
