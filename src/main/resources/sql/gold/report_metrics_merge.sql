-- report_metrics_merge: completes report_metrics (its quoted Delta path is filled in by rank/GoldSql) from the computed
-- metrics (dl_metrics_computed): inserts the rows it lacks, refreshes and removes violation counts; other rows the
-- nightly job wrote are never changed.
MERGE INTO ${report_metrics} t USING dl_metrics_computed s
ON t.report_id = s.report_id AND t.metric = s.metric
WHEN MATCHED AND t.metric LIKE 'violations.%' AND NOT (t.value <=> s.value) THEN UPDATE SET *
WHEN NOT MATCHED THEN INSERT *
WHEN NOT MATCHED BY SOURCE AND t.metric LIKE 'violations.%' THEN DELETE
