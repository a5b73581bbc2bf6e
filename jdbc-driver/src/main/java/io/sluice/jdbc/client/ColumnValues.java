package io.sluice.jdbc.client;

import static java.util.Objects.requireNonNull;

import io.sluice.protocol.thrift.TColumn;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * One column of one page of results, as the server sent it: a list of values (Boolean, Byte, Short,
 * Integer, Long, Double, String or ByteBuffer) and a bitmap of which rows are NULL.
 */
public final class ColumnValues {
  private static final byte[] NO_NULLS = new byte[0];

  private final List<?> values;
  private final byte[] nulls;

  public ColumnValues(List<?> values, byte[] nulls) {
    this.values = requireNonNull(values, "values is null");
    this.nulls = requireNonNull(nulls, "nulls is null");
  }

  static ColumnValues from(TColumn column) {
    return switch (column.getSetField()) {
      case BOOL_VAL -> of(column.getBoolVal().getValues(), column.getBoolVal().bufferForNulls());
      case BYTE_VAL -> of(column.getByteVal().getValues(), column.getByteVal().bufferForNulls());
      case I16_VAL -> of(column.getI16Val().getValues(), column.getI16Val().bufferForNulls());
      case I32_VAL -> of(column.getI32Val().getValues(), column.getI32Val().bufferForNulls());
      case I64_VAL -> of(column.getI64Val().getValues(), column.getI64Val().bufferForNulls());
      case DOUBLE_VAL ->
          of(column.getDoubleVal().getValues(), column.getDoubleVal().bufferForNulls());
      case STRING_VAL ->
          of(column.getStringVal().getValues(), column.getStringVal().bufferForNulls());
      case BINARY_VAL ->
          of(column.getBinaryVal().getValues(), column.getBinaryVal().bufferForNulls());
    };
  }

  private static ColumnValues of(List<?> values, ByteBuffer nulls) {
    if (nulls == null || !nulls.hasRemaining()) {
      return new ColumnValues(values, NO_NULLS);
    }
    byte[] bytes = new byte[nulls.remaining()];
    nulls.duplicate().get(bytes);
    return new ColumnValues(values, bytes);
  }

  public int size() {
    return values.size();
  }

  public boolean isNull(int row) {
    int index = row >>> 3;
    return index < nulls.length && (nulls[index] & (1 << (row & 7))) != 0;
  }

  /** The value at {@code row} as sent, or null. */
  public Object value(int row) {
    return isNull(row) ? null : values.get(row);
  }
}
