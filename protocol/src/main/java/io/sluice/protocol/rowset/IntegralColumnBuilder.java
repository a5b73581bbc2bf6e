package io.sluice.protocol.rowset;

import static java.util.Objects.requireNonNull;

import io.sluice.protocol.thrift.TByteColumn;
import io.sluice.protocol.thrift.TColumn;
import io.sluice.protocol.thrift.TI16Column;
import io.sluice.protocol.thrift.TI32Column;
import io.sluice.protocol.thrift.TI64Column;
import java.nio.ByteBuffer;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.LongFunction;

/**
 * Builds a {@code TByteColumn}, {@code TI16Column}, {@code TI32Column} or {@code TI64Column} from
 * primitive values. Values are kept in one {@code long[]} whatever the width; the Thrift column
 * reads them through a list view that narrows each value as it is serialized, so no boxed copy of
 * the column is ever made.
 */
public final class IntegralColumnBuilder implements ColumnBuilder {
  private final ColumnKind kind;
  private final NullBitmap nulls = new NullBitmap();
  private long[] values;
  private int size;

  public IntegralColumnBuilder(ColumnKind kind, int expectedRows) {
    this.kind = requireNonNull(kind, "kind is null");
    if (kind != ColumnKind.BYTE
        && kind != ColumnKind.SHORT
        && kind != ColumnKind.INTEGER
        && kind != ColumnKind.LONG) {
      throw new IllegalArgumentException("Not an integral column kind: " + kind);
    }
    values = new long[Math.max(expectedRows, 1)];
  }

  public void append(long value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  @Override
  public void appendNull() {
    nulls.set(size);
    append(0);
  }

  @Override
  public void appendObject(Object value) {
    if (value == null) {
      appendNull();
    } else if (value instanceof Number number) {
      append(number.longValue());
    } else {
      append(Long.parseLong(value.toString()));
    }
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public TColumn build() {
    ByteBuffer nullBits = nulls.toByteBuffer();
    return switch (kind) {
      case BYTE -> TColumn.byteVal(new TByteColumn(view(value -> (byte) value), nullBits));
      case SHORT -> TColumn.i16Val(new TI16Column(view(value -> (short) value), nullBits));
      case INTEGER -> TColumn.i32Val(new TI32Column(view(value -> (int) value), nullBits));
      default -> TColumn.i64Val(new TI64Column(view(value -> value), nullBits));
    };
  }

  private <T> List<T> view(LongFunction<T> narrow) {
    return new View<>(values, size, narrow);
  }

  private static final class View<T> extends AbstractList<T> implements RandomAccess {
    private final long[] values;
    private final int size;
    private final LongFunction<T> narrow;

    View(long[] values, int size, LongFunction<T> narrow) {
      this.values = values;
      this.size = size;
      this.narrow = narrow;
    }

    @Override
    public T get(int index) {
      return narrow.apply(values[Objects.checkIndex(index, size)]);
    }

    @Override
    public int size() {
      return size;
    }
  }
}
