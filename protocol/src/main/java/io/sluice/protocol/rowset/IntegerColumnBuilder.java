package io.sluice.protocol.rowset;

import io.sluice.protocol.thrift.TColumn;
import io.sluice.protocol.thrift.TI32Column;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;

/** Builds a {@code TI32Column} from primitive int values. */
public final class IntegerColumnBuilder implements ColumnBuilder {
  private final NullBitmap nulls = new NullBitmap();
  private int[] values;
  private int size;

  public IntegerColumnBuilder(int expectedRows) {
    values = new int[Math.max(expectedRows, 1)];
  }

  public void append(int value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  @Override
  public void appendNull() {
    nulls.set(size);
    append((int) 0);
  }

  @Override
  public void appendObject(Object value) {
    if (value == null) {
      appendNull();
    } else if (value instanceof Number number) {
      append(number.intValue());
    } else {
      append(Integer.parseInt(value.toString()));
    }
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public TColumn build() {
    return TColumn.i32Val(new TI32Column(new View(values, size), nulls.toByteBuffer()));
  }

  private static final class View extends AbstractList<Integer> implements RandomAccess {
    private final int[] values;
    private final int size;

    View(int[] values, int size) {
      this.values = values;
      this.size = size;
    }

    @Override
    public Integer get(int index) {
      return values[Objects.checkIndex(index, size)];
    }

    @Override
    public int size() {
      return size;
    }
  }
}
