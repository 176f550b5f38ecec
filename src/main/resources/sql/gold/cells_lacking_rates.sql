-- cells_lacking_rates: the cells (dl_cells) of the reports whose report_metrics (dl_metrics_before) lack one of the
-- rule book's rates (dl_metric_conventions): usually none, since the nightly job writes every rate.
SELECT c.* FROM dl_cells c LEFT SEMI JOIN (
    SELECT report_id FROM dl_cells LEFT ANTI JOIN (
        SELECT report_id FROM dl_metrics_before
        WHERE metric IN (SELECT metric FROM dl_metric_conventions)
        GROUP BY report_id
        HAVING COUNT(DISTINCT metric) = (SELECT COUNT(*) FROM dl_metric_conventions)
    ) USING (report_id)
) x ON c.report_id = x.report_id
