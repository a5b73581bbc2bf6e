package io.sluice.protocol.rowset;

import io.sluice.protocol.thrift.TColumnDesc;
import io.sluice.protocol.thrift.TTableSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * The ordered columns of a result.
 *
 * <p>Positions in {@code TTableSchema} differ by producer: Spark's Thrift server numbers query
 * result columns from 0, while Hive's metadata schemas (which Spark reuses for GetTables and the
 * like) number them from 1. Callers choose with {@code firstPosition}.
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

  /** The Thrift schema, numbering columns from {@code firstPosition}. */
  public TTableSchema toTableSchema(int firstPosition) {
    List<TColumnDesc> descriptions = new ArrayList<>(columns.size());
    for (int index = 0; index < columns.size(); index++) {
      descriptions.add(columns.get(index).toColumnDesc(firstPosition + index));
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
