package io.sluice.protocol.rowset;

import io.sluice.protocol.thrift.TColumn;
import io.sluice.protocol.thrift.TI64Column;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;

/** Builds a {@code TI64Column} from primitive long values. */
public final class LongColumnBuilder implements ColumnBuilder {
  private final NullBitmap nulls = new NullBitmap();
  private long[] values;
  private int size;

  public LongColumnBuilder(int expectedRows) {
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
    append((long) 0);
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
    return TColumn.i64Val(new TI64Column(new View(values, size), nulls.toByteBuffer()));
  }

  private static final class View extends AbstractList<Long> implements RandomAccess {
    private final long[] values;
    private final int size;

    View(long[] values, int size) {
      this.values = values;
      this.size = size;
    }

    @Override
    public Long get(int index) {
      return values[Objects.checkIndex(index, size)];
    }

    @Override
    public int size() {
      return size;
    }
  }
}
