package io.sluice.engine;

import io.sluice.protocol.thrift.TColumn;
import io.sluice.protocol.thrift.TRowSet;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** Decodes a columnar {@code TRowSet} into rows of Java values, {@code null} where bit i is set. */
public final class RowSetReader {
  private RowSetReader() {}

  public static List<List<Object>> rows(TRowSet rowSet) {
    List<List<Object>> columns = new ArrayList<>();
    for (TColumn column : rowSet.getColumns()) {
      columns.add(values(column));
    }
    int rowCount = columns.isEmpty() ? 0 : columns.get(0).size();
    List<List<Object>> rows = new ArrayList<>(rowCount);
    for (int row = 0; row < rowCount; row++) {
      List<Object> values = new ArrayList<>(columns.size());
      for (List<Object> column : columns) {
        values.add(column.get(row));
      }
      rows.add(values);
    }
    return rows;
  }

  /** The values of one column, with NULLs applied from its bitmap. */
  public static List<Object> values(TColumn column) {
    List<?> raw;
    byte[] nulls;
    switch (column.getSetField()) {
      case BOOL_VAL -> {
        raw = column.getBoolVal().getValues();
        nulls = column.getBoolVal().getNulls();
      }
      case BYTE_VAL -> {
        raw = column.getByteVal().getValues();
        nulls = column.getByteVal().getNulls();
      }
      case I16_VAL -> {
        raw = column.getI16Val().getValues();
        nulls = column.getI16Val().getNulls();
      }
      case I32_VAL -> {
        raw = column.getI32Val().getValues();
        nulls = column.getI32Val().getNulls();
      }
      case I64_VAL -> {
        raw = column.getI64Val().getValues();
        nulls = column.getI64Val().getNulls();
      }
      case DOUBLE_VAL -> {
        raw = column.getDoubleVal().getValues();
        nulls = column.getDoubleVal().getNulls();
      }
      case STRING_VAL -> {
        raw = column.getStringVal().getValues();
        nulls = column.getStringVal().getNulls();
      }
      case BINARY_VAL -> {
        List<Object> bytes = new ArrayList<>();
        for (ByteBuffer buffer : column.getBinaryVal().getValues()) {
          byte[] copy = new byte[buffer.remaining()];
          buffer.duplicate().get(copy);
          bytes.add(copy);
        }
        raw = bytes;
        nulls = column.getBinaryVal().getNulls();
      }
      default -> throw new IllegalArgumentException("Unset column");
    }
    BitSet nullBits = BitSet.valueOf(nulls);
    List<Object> values = new ArrayList<>(raw.size());
    for (int row = 0; row < raw.size(); row++) {
      values.add(nullBits.get(row) ? null : raw.get(row));
    }
    return values;
  }
}
