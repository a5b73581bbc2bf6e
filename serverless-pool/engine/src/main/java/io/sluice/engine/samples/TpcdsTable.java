package io.sluice.engine.samples;

import io.trino.tpcds.Table;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/** One TPC-DS table at one scale, read by generating it. */
final class TpcdsTable implements SupportsRead {
  private final Table table;
  private final TpcdsScale scale;

  TpcdsTable(Table table, TpcdsScale scale) {
    this.table = table;
    this.scale = scale;
  }

  @Override
  public String name() {
    return "samples." + scale.schemaName() + "." + table.getName();
  }

  @Override
  public StructType schema() {
    return TpcdsColumns.schema(table);
  }

  @Override
  public Set<TableCapability> capabilities() {
    return Set.of(TableCapability.BATCH_READ);
  }

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
    return new TpcdsScan(table, scale);
  }
}
