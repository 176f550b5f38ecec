-- missing_reports: the bodies of coverage (dl_coverage) whose report for the year is missing (not published: an unreadable report is not missing).
SELECT year, body_key, org, province, city, county, body_kind, known_from, last_year_seen
FROM dl_coverage WHERE status = 'missing'
