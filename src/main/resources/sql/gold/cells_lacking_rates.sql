-- cells_lacking_rates: the cells (dl_cells) of the reports lacking a rate (dl_reports_lacking_rates), from which
-- GoldLayer computes the missing rates.
SELECT c.* FROM dl_cells c LEFT SEMI JOIN dl_reports_lacking_rates x ON c.report_id = x.report_id
