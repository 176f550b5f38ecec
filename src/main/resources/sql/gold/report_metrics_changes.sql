-- report_metrics_changes: one row when the computed metrics (dl_metrics_computed) would change report_metrics
-- (dl_metrics_before) — a metric row it lacks, a violation count that differs, or a count it holds that is no longer
-- computed —, no row when nothing would change (then no commit is made).
SELECT 1 AS change FROM (
    SELECT s.report_id FROM dl_metrics_computed s LEFT ANTI JOIN dl_metrics_before t
    ON t.report_id = s.report_id AND t.metric = s.metric AND (t.metric NOT LIKE 'violations.%' OR t.value <=> s.value)
    LIMIT 1)
UNION ALL
SELECT 1 FROM (
    SELECT t.report_id FROM dl_metrics_before t LEFT ANTI JOIN dl_metrics_computed s
    ON t.report_id = s.report_id AND t.metric = s.metric
    WHERE t.metric LIKE 'violations.%'
    LIMIT 1)
