package io.sluice.protocol.rowset;

import io.sluice.protocol.thrift.TColumn;
import io.sluice.protocol.thrift.TStringColumn;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;

/** Builds a {@code TStringColumn}; a NULL is sent as an empty string with its null bit set. */
public final class StringColumnBuilder implements ColumnBuilder {
  private final NullBitmap nulls = new NullBitmap();
  private String[] values;
  private int size;

  public StringColumnBuilder(int expectedRows) {
    values = new String[Math.max(expectedRows, 1)];
  }

  /** Appends {@code value}; a {@code null} appends a NULL. */
  public void append(String value) {
    if (value == null) {
      appendNull();
      return;
    }
    store(value);
  }

  @Override
  public void appendNull() {
    nulls.set(size);
    store("");
  }

  @Override
  public void appendObject(Object value) {
    append(value == null ? null : value.toString());
  }

  private void store(String value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public TColumn build() {
    return TColumn.stringVal(new TStringColumn(new View(values, size), nulls.toByteBuffer()));
  }

  private static final class View extends AbstractList<String> implements RandomAccess {
    private final String[] values;
    private final int size;

    View(String[] values, int size) {
      this.values = values;
      this.size = size;
    }

    @Override
    public String get(int index) {
      return values[Objects.checkIndex(index, size)];
    }

    @Override
    public int size() {
      return size;
    }
  }
}
