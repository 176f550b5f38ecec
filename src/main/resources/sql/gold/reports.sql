-- The gold layer's reports: one report per body and year (the parsed one first, then the smallest report_id), so
-- a body is never counted twice. A report without a body key stands for itself (its org, else its id).
-- Reads dl_reports_raw (the lake's current reports: retired ones left out by lake/CurrentReports); body_kind is the
-- UDF of rank/BodyKind. first_seen is the report's first publication (first_published_at: the earliest first-seen
-- of any of its versions), so an edit or a corrected re-publication does not make a report late.
SELECT report_id, body_key, org, province, city, county, year, template, report_scope, first_seen,
       narrative_sha256, body_kind(org) AS body_kind
FROM (
    SELECT report_id, COALESCE(body_key, org, report_id) AS body_key, org, province, city, county, year,
           template, COALESCE(report_scope, 'body') AS report_scope,
           COALESCE(first_published_at, first_seen) AS first_seen, narrative_sha256,
           ROW_NUMBER() OVER (PARTITION BY COALESCE(body_key, org, report_id), year
                              ORDER BY CASE status WHEN 'parsed' THEN 0 ELSE 1 END, report_id) AS n
    FROM dl_reports_raw WHERE year IS NOT NULL
) WHERE n = 1
