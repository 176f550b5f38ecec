-- One row per report: who, where, which year and template, the received and closed totals of 表三, the rates of
-- report_metrics (docs/metrics.md) with the small-sample flag, and how many rules it breaks by severity.
-- expect: report_id, org, body_key, province, city, county, year, template, status, report_scope, new_applications, closed, carried_forward, disclosure_rate, non_disclosure_rate, not_obtained_rate, carry_forward_rate, review_correction_rate, litigation_correction_rate, small_sample, errors, warnings
SELECT r.report_id, r.org, r.body_key, r.province, r.city, r.county, r.year, r.template, r.status, r.report_scope,
       a.new_applications, a.closed, a.carried_forward,
       m.disclosure_rate, m.non_disclosure_rate, m.not_obtained_rate, m.carry_forward_rate,
       m.review_correction_rate, m.litigation_correction_rate,
       m.small_sample,
       COALESCE(m.errors, 0) AS errors, COALESCE(m.warnings, 0) AS warnings
FROM reports r
LEFT JOIN (
    SELECT report_id,
           MAX(CASE WHEN row_key = 'new' THEN total END) AS new_applications,
           MAX(CASE WHEN row_key = 'total' THEN total END) AS closed,
           MAX(CASE WHEN row_key = 'carried_forward' THEN total END) AS carried_forward
    FROM applications GROUP BY report_id
) a ON a.report_id = r.report_id
LEFT JOIN (
    SELECT report_id,
           MAX(CASE WHEN metric = 'disclosure_rate' THEN value END) AS disclosure_rate,
           MAX(CASE WHEN metric = 'non_disclosure_rate' THEN value END) AS non_disclosure_rate,
           MAX(CASE WHEN metric = 'not_obtained_rate' THEN value END) AS not_obtained_rate,
           MAX(CASE WHEN metric = 'carry_forward_rate' THEN value END) AS carry_forward_rate,
           MAX(CASE WHEN metric = 'review_correction_rate' THEN value END) AS review_correction_rate,
           MAX(CASE WHEN metric = 'litigation_correction_rate' THEN value END) AS litigation_correction_rate,
           -- the outcome rates share one denominator, （七）总计: its flag is the report's
           MAX(CASE WHEN metric = 'disclosure_rate' THEN small_sample END) AS small_sample,
           -- the violation counts the job writes (lake/ViolationCounts): their one definition
           CAST(MAX(CASE WHEN metric = 'error_violations' THEN numerator END) AS BIGINT) AS errors,
           CAST(MAX(CASE WHEN metric = 'warning_violations' THEN numerator END) AS BIGINT) AS warnings
    FROM report_metrics GROUP BY report_id
) m ON m.report_id = r.report_id
