package io.sluice.protocol.rowset;

import io.sluice.protocol.thrift.TColumn;
import io.sluice.protocol.thrift.TI16Column;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;

/** Builds a {@code TI16Column} from primitive short values. */
public final class ShortColumnBuilder implements ColumnBuilder {
  private final NullBitmap nulls = new NullBitmap();
  private short[] values;
  private int size;

  public ShortColumnBuilder(int expectedRows) {
    values = new short[Math.max(expectedRows, 1)];
  }

  public void append(short value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  @Override
  public void appendNull() {
    nulls.set(size);
    append((short) 0);
  }

  @Override
  public void appendObject(Object value) {
    if (value == null) {
      appendNull();
    } else if (value instanceof Number number) {
      append(number.shortValue());
    } else {
      append(Short.parseShort(value.toString()));
    }
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public TColumn build() {
    return TColumn.i16Val(new TI16Column(new View(values, size), nulls.toByteBuffer()));
  }

  private static final class View extends AbstractList<Short> implements RandomAccess {
    private final short[] values;
    private final int size;

    View(short[] values, int size) {
      this.values = values;
      this.size = size;
    }

    @Override
    public Short get(int index) {
      return values[Objects.checkIndex(index, size)];
    }

    @Override
    public int size() {
      return size;
    }
  }
}
