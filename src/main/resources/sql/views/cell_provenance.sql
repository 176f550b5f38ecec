-- Every template value with the document and page it was read from: open `path` at `page` (a PDF viewer takes
-- `path#page=N`) and find `raw_text` in the table; `status` says why a value is null.
-- expect: report_id, org, year, path, format, table_name, row_key, column_key, value, status, raw_text, page, pdf_link
SELECT c.report_id, r.org, r.year, r.path, r.format,
       c.table_name, c.row_key, c.column_key, c.value, c.status, c.raw_text, c.page,
       CASE WHEN c.page IS NOT NULL THEN CONCAT(r.path, '#page=', c.page) END AS pdf_link
FROM cells c
JOIN reports r ON r.report_id = c.report_id
