package io.sluice.jdbc.client;

import static java.util.Objects.requireNonNull;

import io.sluice.protocol.thrift.TColumnValue;
import io.sluice.protocol.thrift.TRow;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of rows, column by column. Servers speaking protocol V6 or later send columns; older
 * ones send rows, which are turned into columns here so the rest of the driver sees one shape.
 */
public final class ResultPage {
  private final List<ColumnValues> columns;
  private final int rowCount;

  public ResultPage(List<ColumnValues> columns, int rowCount) {
    this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
    this.rowCount = rowCount;
  }

  /** A row-based page (servers speaking protocol V5 or older), turned into columns. */
  static ResultPage fromRows(List<TRow> rows, int columnCount) {
    List<ColumnValues> columns = new ArrayList<>(columnCount);
    for (int column = 0; column < columnCount; column++) {
      Object[] values = new Object[rows.size()];
      byte[] nulls = new byte[(rows.size() + 7) / 8];
      for (int row = 0; row < rows.size(); row++) {
        Object value = value(rows.get(row).getColVals().get(column));
        if (value == null) {
          nulls[row >>> 3] |= (byte) (1 << (row & 7));
        }
        values[row] = value;
      }
      columns.add(ColumnValues.of(values, nulls));
    }
    return new ResultPage(columns, rows.size());
  }

  private static Object value(TColumnValue value) {
    return switch (value.getSetField()) {
      case BOOL_VAL -> value.getBoolVal().isSetValue() ? value.getBoolVal().isValue() : null;
      case BYTE_VAL -> value.getByteVal().isSetValue() ? value.getByteVal().getValue() : null;
      case I16_VAL -> value.getI16Val().isSetValue() ? value.getI16Val().getValue() : null;
      case I32_VAL -> value.getI32Val().isSetValue() ? value.getI32Val().getValue() : null;
      case I64_VAL -> value.getI64Val().isSetValue() ? value.getI64Val().getValue() : null;
      case DOUBLE_VAL -> value.getDoubleVal().isSetValue() ? value.getDoubleVal().getValue() : null;
      case STRING_VAL -> value.getStringVal().isSetValue() ? value.getStringVal().getValue() : null;
    };
  }

  public int rowCount() {
    return rowCount;
  }

  public ColumnValues column(int index) {
    return columns.get(index);
  }

  public int columnCount() {
    return columns.size();
  }
}
