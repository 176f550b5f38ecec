package org.apache.spark.sql.catalyst.plans.logical;

/**
 * Compatibility marker: Delta 4.1.0 was compiled against Spark 4.1.0, whose ALTER TABLE / REORG commands
 * mix in this marker trait; Spark 4.1.2 removed it (SPARK-54812; its CacheManager now skips every Command),
 * so loading those Delta classes fails with NoClassDefFoundError on Spark 4.1.3. Delta's own fix
 * (delta-io/delta#6981) turns it into an empty marker, which is what this is. Remove when Delta > 4.1.0 is used.
 */
public interface IgnoreCachedData {}
