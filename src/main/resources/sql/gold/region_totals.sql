-- region_totals: the sums of the table values per region level (national, province, city, county), year and
-- report scope. Reads dl_cells, dl_reports (one report per body and year), dl_value_tables (the tables summed) and
-- dl_gold_years (the years to build: every year, or those a night touched; a year's rows depend on that year only).
-- A report has one cell per table, row and column (the extractor's model is keyed so), and dl_reports one report
-- per body and year: plain counts are the distinct report counts, without the distinct aggregation that grouping
-- sets would otherwise expand four times. The level is told from GROUPING(), not from null names.
SELECT r.year,
       CASE GROUPING(r.province) * 4 + GROUPING(r.city) * 2 + GROUPING(r.county)
            WHEN 7 THEN 'national' WHEN 3 THEN 'province' WHEN 1 THEN 'city' ELSE 'county' END AS level,
       r.province, r.city, r.county, r.report_scope, c.table_name, c.row_key, c.column_key,
       CAST(SUM(CASE WHEN c.status = 'value' THEN c.value END) AS DECIMAL(24,4)) AS value,
       COUNT(*) AS reports,
       COUNT(CASE WHEN c.status = 'value' THEN 1 END) AS reports_with_value
FROM dl_cells c
JOIN (SELECT * FROM dl_reports LEFT SEMI JOIN dl_gold_years USING (year)) r ON c.report_id = r.report_id
LEFT SEMI JOIN dl_value_tables t ON c.table_name = t.table_name
GROUP BY r.year, r.report_scope, c.table_name, c.row_key, c.column_key,
         GROUPING SETS ((), (r.province), (r.province, r.city), (r.province, r.city, r.county))
