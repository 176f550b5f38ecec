-- unreadable: the bodies and years whose report was published but could not be read (rank/UnreadableReports). A
-- quarantined file (dl_quarantine) stands for a body and year when the manifest lists its path (dl_expected_paths),
-- else when its path names a body known from the lake or the manifest (dl_reports, dl_expected; names of 4 or more
-- characters) and a year (a 2023/ folder or 2023年). The reason is given in a reader's words (dl_reason_words).
WITH by_manifest AS (
    SELECT e.year, e.body_key, q.reason, q.path FROM dl_quarantine q
    JOIN dl_expected_paths e ON e.path = q.path OR e.path = 'docs/' || q.path
),
names AS (
    SELECT DISTINCT body_key, org FROM dl_reports WHERE org IS NOT NULL AND LENGTH(org) >= 4
    UNION SELECT DISTINCT body_key, org FROM dl_expected WHERE org IS NOT NULL AND LENGTH(org) >= 4
),
by_name AS (
    SELECT CAST(COALESCE(NULLIF(REGEXP_EXTRACT(q.path, '(?:^|/)((?:19|20)[0-9]{2})/', 1), ''),
                         NULLIF(REGEXP_EXTRACT(q.path, '((?:19|20)[0-9]{2})年', 1), '')) AS INT) AS year,
           n.body_key, q.reason, q.path
    FROM dl_quarantine q JOIN names n ON INSTR(q.path, n.org) > 0
    LEFT ANTI JOIN by_manifest m ON m.path = q.path
),
found AS (SELECT * FROM by_manifest UNION ALL SELECT * FROM by_name WHERE year IS NOT NULL)
SELECT f.year, f.body_key,
       MIN_BY(COALESCE(w.words, f.reason) || '（' || f.reason || '）', f.path) AS unreadable_reason,
       MIN(f.path) AS unreadable_path
FROM found f LEFT JOIN dl_reason_words w ON w.reason = f.reason
GROUP BY f.year, f.body_key
