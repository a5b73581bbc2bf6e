package io.sluice.protocol.rowset;

import io.sluice.protocol.thrift.TBoolColumn;
import io.sluice.protocol.thrift.TColumn;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;

/** Builds a {@code TBoolColumn} from primitive booleans. */
public final class BooleanColumnBuilder implements ColumnBuilder {
  private final NullBitmap nulls = new NullBitmap();
  private boolean[] values;
  private int size;

  public BooleanColumnBuilder(int expectedRows) {
    values = new boolean[Math.max(expectedRows, 1)];
  }

  public void append(boolean value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  @Override
  public void appendNull() {
    nulls.set(size);
    append(false);
  }

  @Override
  public void appendObject(Object value) {
    if (value == null) {
      appendNull();
    } else if (value instanceof Boolean booleanValue) {
      append(booleanValue);
    } else {
      append(Boolean.parseBoolean(value.toString()));
    }
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public TColumn build() {
    return TColumn.boolVal(new TBoolColumn(new View(values, size), nulls.toByteBuffer()));
  }

  private static final class View extends AbstractList<Boolean> implements RandomAccess {
    private final boolean[] values;
    private final int size;

    View(boolean[] values, int size) {
      this.values = values;
      this.size = size;
    }

    @Override
    public Boolean get(int index) {
      return values[Objects.checkIndex(index, size)];
    }

    @Override
    public int size() {
      return size;
    }
  }
}
