-- One row per city and year: administrative review (行政复议) and litigation (行政诉讼) correction rates pooled over
-- the city's body reports — Σ corrected / Σ concluded (总计 − 尚未审结), parts taken from report_metrics — with the
-- concluded counts beside them: a rate over a handful of cases says little.
-- expect: province, city, year, reports, review_corrected, review_concluded, review_correction_rate, litigation_corrected, litigation_concluded, litigation_correction_rate
SELECT r.province, r.city, r.year,
       COUNT(DISTINCT r.report_id) AS reports,
       SUM(CASE WHEN m.metric = 'review_correction_rate' THEN m.numerator END) AS review_corrected,
       SUM(CASE WHEN m.metric = 'review_correction_rate' THEN m.denominator END) AS review_concluded,
       try_divide(CAST(SUM(CASE WHEN m.metric = 'review_correction_rate' THEN m.numerator END) AS DOUBLE),
                  CAST(SUM(CASE WHEN m.metric = 'review_correction_rate' THEN m.denominator END) AS DOUBLE)) AS review_correction_rate,
       SUM(CASE WHEN m.metric = 'litigation_correction_rate' THEN m.numerator END) AS litigation_corrected,
       SUM(CASE WHEN m.metric = 'litigation_correction_rate' THEN m.denominator END) AS litigation_concluded,
       try_divide(CAST(SUM(CASE WHEN m.metric = 'litigation_correction_rate' THEN m.numerator END) AS DOUBLE),
                  CAST(SUM(CASE WHEN m.metric = 'litigation_correction_rate' THEN m.denominator END) AS DOUBLE)) AS litigation_correction_rate
FROM reports r
LEFT JOIN report_metrics m
       ON m.report_id = r.report_id
      AND m.metric IN ('review_correction_rate', 'litigation_correction_rate')
      AND m.numerator IS NOT NULL AND m.denominator IS NOT NULL
WHERE COALESCE(r.report_scope, 'body') <> 'region_aggregate'
GROUP BY r.province, r.city, r.year
