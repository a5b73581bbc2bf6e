package io.sluice.engine.catalog;

import java.util.List;
import org.apache.spark.sql.connector.read.InputPartition;

/** The rows of one scan, as the gateway sent them: pages of JSON arrays of rows. */
record GatewayRelationPartition(List<String> pages) implements InputPartition {
  GatewayRelationPartition {
    pages = List.copyOf(pages);
  }
}
