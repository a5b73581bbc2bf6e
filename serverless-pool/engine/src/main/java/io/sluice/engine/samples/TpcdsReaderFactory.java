package io.sluice.engine.samples;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;

/** Sent to executors: creates the reader for one split with the requested column positions. */
record TpcdsReaderFactory(int[] columnPositions) implements PartitionReaderFactory {
  @Override
  public PartitionReader<InternalRow> createReader(InputPartition partition) {
    return new TpcdsRowReader((TpcdsSplit) partition, columnPositions);
  }
}
