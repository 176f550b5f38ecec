-- coverage: every known body × year — present or not — and its first sighting against the deadline. A body is
-- known for a year from its reports of earlier years or from the expected bodies (dl_expected). Reads dl_reports
-- (one report per body and year), dl_expected, dl_unreadable and dl_gold_settings (one row of settings, made from typed values:
-- government_deadline_month and department_deadline_month, the month of the following year by which the report
-- is due, day 1, 00:00, and deadline_zone, the time zone of the deadline); body_kind is the UDF of rank/BodyKind.
WITH years AS (SELECT DISTINCT year FROM dl_reports UNION SELECT DISTINCT year FROM dl_expected),
earlier AS (
    SELECT y.year, r.body_key, MAX(r.year) AS last_year_seen, MAX_BY(r.org, r.year) AS org,
           MAX_BY(r.province, r.year) AS province, MAX_BY(r.city, r.year) AS city, MAX_BY(r.county, r.year) AS county
    FROM dl_reports r JOIN years y ON r.year < y.year GROUP BY y.year, r.body_key
),
known AS (
    SELECT year, body_key, org, province, city, county, 'earlier_years' AS known_from, last_year_seen FROM earlier
    UNION ALL
    SELECT e.year, e.body_key, e.org, e.province, e.city, e.county, 'expected', CAST(NULL AS INT)
    FROM dl_expected e LEFT ANTI JOIN earlier x ON x.year = e.year AND x.body_key = e.body_key
),
joined AS (
    SELECT COALESCE(cur.year, k.year) AS year, COALESCE(cur.body_key, k.body_key) AS body_key,
           COALESCE(cur.org, k.org) AS org, CASE WHEN cur.report_id IS NOT NULL THEN cur.province ELSE k.province END AS province,
           CASE WHEN cur.report_id IS NOT NULL THEN cur.city ELSE k.city END AS city,
           CASE WHEN cur.report_id IS NOT NULL THEN cur.county ELSE k.county END AS county,
           COALESCE(cur.body_kind, body_kind(k.org)) AS body_kind, COALESCE(k.known_from, 'this_year') AS known_from,
           k.last_year_seen, cur.report_id IS NOT NULL AS present, cur.report_id, cur.first_seen
    FROM known k FULL OUTER JOIN dl_reports cur ON k.year = cur.year AND k.body_key = cur.body_key
),
timed AS (
    SELECT year, body_key, org, province, city, county, body_kind, known_from, last_year_seen, present, report_id,
           first_seen, deadline, CASE WHEN first_seen IS NULL THEN NULL ELSE first_seen < deadline END AS on_time,
           CASE WHEN first_seen IS NULL THEN NULL WHEN first_seen < deadline THEN 0
                ELSE CAST(GREATEST(1, CEIL((UNIX_SECONDS(first_seen) - UNIX_SECONDS(deadline)) / 86400.0)) AS INT) END AS days_late
    FROM (
        SELECT j.*, MAKE_TIMESTAMP(j.year + 1, CASE j.body_kind WHEN 'government' THEN s.government_deadline_month
                                                              ELSE s.department_deadline_month END, 1, 0, 0, 0, s.deadline_zone) AS deadline
        FROM joined j CROSS JOIN dl_gold_settings s
    )
)
-- The three cases (docs/ranking.md "Coverage"): read, published but unreadable (a quarantined file that stands for
-- the body and year: dl_unreadable of rank/UnreadableReports), not published. A body read in the lake is read.
SELECT c.*, CASE WHEN c.present THEN 'read' WHEN u.unreadable_reason IS NOT NULL THEN 'unreadable' ELSE 'missing' END AS status,
       CASE WHEN c.present THEN NULL ELSE u.unreadable_reason END AS unreadable_reason,
       CASE WHEN c.present THEN NULL ELSE u.unreadable_path END AS unreadable_path
FROM timed c LEFT JOIN dl_unreadable u ON u.year = c.year AND u.body_key = c.body_key
