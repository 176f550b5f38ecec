-- reports_lacking_rates: the reports with cells (dl_cells) whose report_metrics (dl_metrics_before) lack one of the
-- rule book's rates (dl_metric_conventions): usually none, since the nightly job writes every rate. Only report ids
-- are read, so finding none reads one column of cells.
SELECT DISTINCT report_id FROM dl_cells LEFT ANTI JOIN (
    SELECT report_id FROM dl_metrics_before
    WHERE metric IN (SELECT metric FROM dl_metric_conventions)
    GROUP BY report_id
    HAVING COUNT(DISTINCT metric) = (SELECT COUNT(*) FROM dl_metric_conventions)
) USING (report_id)
