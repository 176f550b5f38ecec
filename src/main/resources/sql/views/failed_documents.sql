-- Every document that did not give a complete report: quarantined files with their reason (encrypted, corrupt,
-- no_text_layer, not_a_report, legacy_template, too_large, timeout, …) and partial reports with their warnings.
-- expect: path, sha256, format, outcome, reason, message, report_id, run_id
SELECT q.path, q.sha256, q.format, 'quarantined' AS outcome, q.reason, q.message,
       CAST(NULL AS STRING) AS report_id, q.run_id
FROM quarantine q
UNION ALL
SELECT r.path, r.sha256, r.format, 'partial' AS outcome, 'partial' AS reason,
       CONCAT_WS('; ', r.warnings) AS message, r.report_id, r.run_id
FROM reports r
WHERE r.status = 'partial'
