-- One row per province, year and broken rule: how many violations and how many reports break it (rule ids of
-- docs/rules.md; cross-year rules compare a body's report with its previous year's).
-- expect: province, year, rule, severity, violations, reports
SELECT r.province, r.year, v.rule, v.severity,
       COUNT(*) AS violations,
       COUNT(DISTINCT v.report_id) AS reports
FROM rule_violations v
JOIN reports r ON r.report_id = v.report_id
GROUP BY r.province, r.year, v.rule, v.severity
