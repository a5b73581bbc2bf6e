package io.sluice.engine.samples;

import org.apache.spark.sql.connector.read.InputPartition;

/**
 * One task's share of a table: chunk {@code chunk} of {@code chunkCount}, numbered from 1 as the
 * generator numbers them. The generator gives small tables wholly to chunk 1.
 */
record TpcdsSplit(String tableName, double scale, int chunk, int chunkCount)
    implements InputPartition {}
