-- report_metrics: the rates of dl_rates (rendered by rules/RuleSql.metrics from the rule book's ratio metrics) with
-- each metric's convention (dl_metric_conventions, from the same definitions), and every violation count of every
-- report (dl_violation_counts, from lake/ViolationCounts).
SELECT r.report_id, r.metric, r.value, CAST(r.numerator AS DECIMAL(24,4)) AS numerator,
       CAST(r.denominator AS DECIMAL(24,4)) AS denominator, r.small_sample, c.convention
FROM dl_rates r JOIN dl_metric_conventions c ON r.metric = c.metric
UNION ALL
SELECT report_id, metric, value, numerator, denominator, small_sample, convention FROM dl_violation_counts
