package io.sluice.engine.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.types.StructType;

/**
 * Turns a {@link GatewayRelationPartition}'s JSON rows into Spark rows of the relation's schema.
 */
record GatewayRelationReaderFactory(StructType schema) implements PartitionReaderFactory {
  @Override
  public PartitionReader<InternalRow> createReader(InputPartition partition) {
    List<InternalRow> rows = new ArrayList<>();
    for (String page : ((GatewayRelationPartition) partition).pages()) {
      JsonNode pageRows;
      try {
        pageRows = GatewayMetastore.json().readTree(page);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("The gateway sent rows that are not JSON", e);
      }
      for (JsonNode row : pageRows) {
        rows.add((InternalRow) JsonValues.toCatalyst(row, schema));
      }
    }
    Iterator<InternalRow> iterator = rows.iterator();
    return new PartitionReader<>() {
      private InternalRow current;

      @Override
      public boolean next() {
        current = iterator.hasNext() ? iterator.next() : null;
        return current != null;
      }

      @Override
      public InternalRow get() {
        return current;
      }

      @Override
      public void close() {}
    };
  }
}
