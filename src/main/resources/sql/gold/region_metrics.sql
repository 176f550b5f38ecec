-- region_metrics: pooled rates (the sum of the numerators over the sum of the denominators of report_metrics),
-- the distribution of the per-report values (p10, median, p90; small samples left out) and the violation counts,
-- per region level, year, report scope and metric. Reads dl_metrics (report_metrics) and dl_reports (one report
-- per body and year), dl_gold_settings (min_denominator: a pooled rate over fewer cases is flagged small_sample) and
-- dl_gold_years (the years to build: every year, or those a night touched; a year's rows depend on that year only).
WITH m AS (
    SELECT r.year, r.province, r.city, r.county, r.report_scope, m.report_id, m.metric, m.convention,
           CASE WHEN m.convention = 'count' THEN m.numerator
                WHEN m.numerator IS NOT NULL AND m.denominator IS NOT NULL THEN m.numerator END AS pn,
           CASE WHEN m.convention = 'count' THEN NULL
                WHEN m.numerator IS NOT NULL AND m.denominator IS NOT NULL THEN m.denominator END AS pd,
           CASE WHEN m.convention = 'count' THEN m.value WHEN NOT m.small_sample THEN m.value END AS dv
    FROM dl_metrics m JOIN (SELECT * FROM dl_reports LEFT SEMI JOIN dl_gold_years USING (year)) r ON m.report_id = r.report_id
)
SELECT year, level, province, city, county, report_scope, metric, numerator, denominator,
       CASE WHEN convention = 'count' THEN CAST(numerator AS DOUBLE)
            ELSE CAST(numerator AS DOUBLE) / NULLIF(CAST(denominator AS DOUBLE), 0.0) END AS value,
       CASE WHEN convention = 'count' THEN NULL ELSE COALESCE(denominator, 0) < (SELECT min_denominator FROM dl_gold_settings) END AS small_sample,
       pct[0] AS p10, pct[1] AS median, pct[2] AS p90, reports, reports_in_distribution, convention
FROM (
    SELECT r.year,
           CASE GROUPING(r.province) * 4 + GROUPING(r.city) * 2 + GROUPING(r.county)
                WHEN 7 THEN 'national' WHEN 3 THEN 'province' WHEN 1 THEN 'city' ELSE 'county' END AS level,
           r.province, r.city, r.county, r.report_scope, r.metric,
           CAST(SUM(r.pn) AS DECIMAL(24,4)) AS numerator, CAST(SUM(r.pd) AS DECIMAL(24,4)) AS denominator,
           PERCENTILE(r.dv, ARRAY(0.1, 0.5, 0.9)) AS pct, COUNT(*) AS reports, COUNT(r.dv) AS reports_in_distribution,
           MAX(r.convention) AS convention
    FROM m r
    GROUP BY r.year, r.report_scope, r.metric,
             GROUPING SETS ((), (r.province), (r.province, r.city), (r.province, r.city, r.county))
)
