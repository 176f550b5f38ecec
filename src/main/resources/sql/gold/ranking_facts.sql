-- ranking_facts: one row per body × year to rank (coverage rows of the years in dl_ranking_years, unreadable reports
-- left out: they are listed, never scored) with every fact the compliance score reads (docs/ranking.md). Reads
-- dl_coverage, dl_ranking_years, dl_reports (one report per body and year), dl_metrics (report_metrics),
-- dl_cell_facts, dl_violation_facts and dl_similar_facts (per report, rendered from the template, the rule book and
-- similar_reports by rank/ComplianceScore) and dl_gold_settings (one row of typed settings: the template's expected
-- cells per version and the minimum cases for ranking a rate).
WITH prev AS (SELECT body_key, year + 1 AS year, narrative_sha256 AS prev_narrative FROM dl_reports),
nd AS (SELECT report_id, value AS nd_rate, denominator AS nd_den FROM dl_metrics WHERE metric = 'non_disclosure_rate'),
rc AS (SELECT report_id, value AS rc_rate, denominator AS rc_den FROM dl_metrics WHERE metric = 'review_correction_rate'),
cov AS (SELECT * FROM dl_coverage LEFT SEMI JOIN dl_ranking_years USING (year) WHERE status <> 'unreadable')
SELECT cov.year, cov.province, cov.city, cov.county, cov.report_id, cov.body_key, cov.org, cov.body_kind,
       r.report_scope, cov.present AS is_present, cov.on_time, cov.first_seen, cov.deadline, r.template,
       CASE WHEN cov.year >= 2021 THEN '2021' ELSE '2019' END AS expected_template, cf.*,
       CASE WHEN r.template = '2019' THEN s.expected_cells_2019 ELSE s.expected_cells_2021 END AS expected_cells, vf.*,
       -- copied: the copy rule fired, the narrative equals last year's, or a near-copy was found
       (COALESCE(vf.copy_violations, 0) > 0
        OR (r.narrative_sha256 IS NOT NULL AND r.narrative_sha256 = p.prev_narrative) OR sim.sim_value IS NOT NULL) AS copied,
       sim.sim_kind, sim.sim_body, sim.sim_value,
       nd.nd_rate, nd.nd_den, rc.rc_rate, rc.rc_den,
       (nd.nd_rate IS NOT NULL AND nd.nd_den >= s.min_cases_non_disclosure) AS nd_ok,
       (rc.rc_rate IS NOT NULL AND rc.rc_den >= s.min_cases_review_correction) AS rc_ok
FROM cov
CROSS JOIN dl_gold_settings s
LEFT JOIN dl_reports r ON cov.report_id = r.report_id
LEFT JOIN dl_cell_facts cf ON cf.cf_report_id = cov.report_id
LEFT JOIN dl_violation_facts vf ON vf.vf_report_id = cov.report_id
LEFT JOIN prev p ON p.body_key = cov.body_key AND p.year = cov.year
LEFT JOIN dl_similar_facts sim ON sim.sim_report_id = cov.report_id
LEFT JOIN nd ON nd.report_id = cov.report_id
LEFT JOIN rc ON rc.report_id = cov.report_id
