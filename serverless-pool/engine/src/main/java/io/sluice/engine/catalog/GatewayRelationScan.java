package io.sluice.engine.catalog;

import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;

/**
 * A scan of a {@link GatewayRelation}: its rows are read from the gateway on the driver, in the
 * user's name, when the query is planned for execution, and handed to one task.
 */
final class GatewayRelationScan implements ScanBuilder, Scan, Batch {
  private final GatewayRelation relation;

  GatewayRelationScan(GatewayRelation relation) {
    this.relation = relation;
  }

  @Override
  public Scan build() {
    return this;
  }

  @Override
  public StructType readSchema() {
    return relation.schema();
  }

  @Override
  public String description() {
    return relation.name();
  }

  @Override
  public Batch toBatch() {
    return this;
  }

  @Override
  public InputPartition[] planInputPartitions() {
    return new InputPartition[] {new GatewayRelationPartition(relation.readPages())};
  }

  @Override
  public PartitionReaderFactory createReaderFactory() {
    return new GatewayRelationReaderFactory(relation.schema());
  }
}
