package io.sluice.protocol.rowset;

import io.sluice.protocol.thrift.TByteColumn;
import io.sluice.protocol.thrift.TColumn;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;

/** Builds a {@code TByteColumn} from primitive byte values. */
public final class ByteColumnBuilder implements ColumnBuilder {
  private final NullBitmap nulls = new NullBitmap();
  private byte[] values;
  private int size;

  public ByteColumnBuilder(int expectedRows) {
    values = new byte[Math.max(expectedRows, 1)];
  }

  public void append(byte value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  @Override
  public void appendNull() {
    nulls.set(size);
    append((byte) 0);
  }

  @Override
  public void appendObject(Object value) {
    if (value == null) {
      appendNull();
    } else if (value instanceof Number number) {
      append(number.byteValue());
    } else {
      append(Byte.parseByte(value.toString()));
    }
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public TColumn build() {
    return TColumn.byteVal(new TByteColumn(new View(values, size), nulls.toByteBuffer()));
  }

  private static final class View extends AbstractList<Byte> implements RandomAccess {
    private final byte[] values;
    private final int size;

    View(byte[] values, int size) {
      this.values = values;
      this.size = size;
    }

    @Override
    public Byte get(int index) {
      return values[Objects.checkIndex(index, size)];
    }

    @Override
    public int size() {
      return size;
    }
  }
}
