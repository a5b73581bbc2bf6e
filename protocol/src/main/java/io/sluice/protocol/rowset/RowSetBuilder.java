package io.sluice.protocol.rowset;

import io.sluice.protocol.thrift.TColumn;
import io.sluice.protocol.thrift.TRowSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Assembles one columnar {@code TRowSet} page: {@code columns} filled, {@code rows} an empty list.
 *
 * <p>Fast producers append to the typed builders from {@link #column(int)}; small producers such as
 * metadata listings use {@link #addRow(Object...)}.
 */
public final class RowSetBuilder {
  private final ColumnBuilder[] columns;
  private int rowCount;

  public RowSetBuilder(List<ColumnKind> kinds, int expectedRows) {
    columns = new ColumnBuilder[kinds.size()];
    for (int index = 0; index < columns.length; index++) {
      columns[index] = kinds.get(index).newBuilder(expectedRows);
    }
  }

  public RowSetBuilder(ResultSchema schema, int expectedRows) {
    this(schema.kinds(), expectedRows);
  }

  /** A page without rows, with one empty column per schema column. */
  public static TRowSet empty(ResultSchema schema, long startRowOffset) {
    return new RowSetBuilder(schema, 0).build(startRowOffset);
  }

  /** The page holding {@code rows[from, to)}, starting at row offset {@code from}. */
  public static TRowSet page(ResultSchema schema, List<Object[]> rows, int from, int to) {
    RowSetBuilder builder = new RowSetBuilder(schema, to - from);
    for (int index = from; index < to; index++) {
      builder.addRow(rows.get(index));
    }
    return builder.build(from);
  }

  /** The builder of column {@code index}, for callers that append typed values themselves. */
  public ColumnBuilder column(int index) {
    return columns[index];
  }

  public int columnCount() {
    return columns.length;
  }

  /** Appends one row; {@code values} holds one value (or {@code null}) per column. */
  public RowSetBuilder addRow(Object... values) {
    if (values.length != columns.length) {
      throw new IllegalArgumentException(
          "Row has " + values.length + " values for " + columns.length + " columns");
    }
    for (int index = 0; index < columns.length; index++) {
      columns[index].appendObject(values[index]);
    }
    rowCount++;
    return this;
  }

  /**
   * The number of rows: those added with {@link #addRow(Object...)}, or, when columns were filled
   * directly, the size of the first column.
   */
  public int rowCount() {
    return columns.length == 0 ? rowCount : columns[0].size();
  }

  /** The page; {@code startRowOffset} is the result row index of its first row. */
  public TRowSet build(long startRowOffset) {
    List<TColumn> built = new ArrayList<>(columns.length);
    for (ColumnBuilder column : columns) {
      built.add(column.build());
    }
    TRowSet rowSet = new TRowSet(startRowOffset, new ArrayList<>(0));
    rowSet.setColumns(built);
    return rowSet;
  }
}
