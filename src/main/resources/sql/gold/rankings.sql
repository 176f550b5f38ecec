-- rankings: the scored bodies (dl_ranking_scored: ranking_facts with every component of rank/ComplianceScore, the
-- score and the one-line reasons) ranked in their province, city and the nation. position breaks the ties of rank
-- (fewer errors first, then by name) so that exports list bodies in a stable order. A rate is ranked only where
-- its denominator reaches the configured minimum (nd_ok, rc_ok). Columns are taken by name into the table.
SELECT *,
       CAST(RANK() OVER (PARTITION BY year, province ORDER BY score DESC) AS INT) AS rank,
       CAST(ROW_NUMBER() OVER (PARTITION BY year, province ORDER BY score DESC, error_violations ASC NULLS LAST,
            org ASC NULLS LAST, report_id ASC NULLS LAST, body_key ASC) AS INT) AS position,
       CAST(RANK() OVER (PARTITION BY year, province, city ORDER BY score DESC) AS INT) AS city_rank,
       CAST(RANK() OVER (PARTITION BY year ORDER BY score DESC) AS INT) AS national_rank,
       nd_rate AS non_disclosure_rate, nd_den AS non_disclosure_denominator,
       CASE WHEN nd_ok THEN CAST(RANK() OVER (PARTITION BY year, province, nd_ok ORDER BY nd_rate DESC) AS INT) END AS non_disclosure_rank,
       rc_rate AS review_correction_rate, rc_den AS review_correction_denominator,
       CASE WHEN rc_ok THEN CAST(RANK() OVER (PARTITION BY year, province, rc_ok ORDER BY rc_rate DESC) AS INT) END AS review_correction_rank
FROM dl_ranking_scored
