package io.sluice.engine.samples;

import io.trino.tpcds.Scaling;
import io.trino.tpcds.Table;
import java.util.Arrays;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.types.StructType;

/**
 * Plans a read of one generated table: only the columns the query needs, and one split per half a
 * million rows (the generator does not divide smaller tables).
 */
final class TpcdsScan implements ScanBuilder, SupportsPushDownRequiredColumns, Scan, Batch {
  private static final long ROWS_PER_SPLIT = 500_000;

  private final Table table;
  private final TpcdsScale scale;
  private StructType readSchema;

  TpcdsScan(Table table, TpcdsScale scale) {
    this.table = table;
    this.scale = scale;
    this.readSchema = TpcdsColumns.schema(table);
  }

  @Override
  public void pruneColumns(StructType requiredSchema) {
    this.readSchema = requiredSchema;
  }

  @Override
  public Scan build() {
    return this;
  }

  @Override
  public StructType readSchema() {
    return readSchema;
  }

  @Override
  public String description() {
    return "samples." + scale.schemaName() + "." + table.getName();
  }

  @Override
  public Batch toBatch() {
    return this;
  }

  @Override
  public InputPartition[] planInputPartitions() {
    Table generated = table.isChild() ? table.getParent() : table;
    long rows = new Scaling(scale.factor()).getRowCount(generated);
    int chunkCount = (int) Math.max(1, Math.min(1024, rows / ROWS_PER_SPLIT));
    InputPartition[] splits = new InputPartition[chunkCount];
    for (int chunk = 1; chunk <= chunkCount; chunk++) {
      splits[chunk - 1] = new TpcdsSplit(table.getName(), scale.factor(), chunk, chunkCount);
    }
    return splits;
  }

  @Override
  public PartitionReaderFactory createReaderFactory() {
    StructType full = TpcdsColumns.schema(table);
    int[] positions = Arrays.stream(readSchema.fieldNames()).mapToInt(full::fieldIndex).toArray();
    return new TpcdsReaderFactory(positions);
  }
}
