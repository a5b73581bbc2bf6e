package io.sluice.protocol.rowset;

import io.sluice.protocol.thrift.TColumnDesc;
import io.sluice.protocol.thrift.TTableSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * The ordered columns of a result.
 *
 * <p>{@code TTableSchema} positions are numbered from 1, as Hive's server and Databricks do: the
 * Databricks Node.js driver reads column {@code position - 1}, so 0-based positions (which Spark's
 * own Thrift server sends for query results) lose the first column there.
 */
public record ResultSchema(List<ColumnDescriptor> columns) {

  public ResultSchema {
    columns = List.copyOf(columns);
  }

  public static ResultSchema of(ColumnDescriptor... columns) {
    return new ResultSchema(List.of(columns));
  }

  public int size() {
    return columns.size();
  }

  public ColumnDescriptor column(int index) {
    return columns.get(index);
  }

  /** The Thrift schema, numbering columns from 1. */
  public TTableSchema toTableSchema() {
    List<TColumnDesc> descriptions = new ArrayList<>(columns.size());
    for (int index = 0; index < columns.size(); index++) {
      descriptions.add(columns.get(index).toColumnDesc(index + 1));
    }
    return new TTableSchema(descriptions);
  }

  /** The Thrift column variant of each column, in order. */
  public List<ColumnKind> kinds() {
    List<ColumnKind> kinds = new ArrayList<>(columns.size());
    for (ColumnDescriptor column : columns) {
      kinds.add(column.kind());
    }
    return kinds;
  }
}
