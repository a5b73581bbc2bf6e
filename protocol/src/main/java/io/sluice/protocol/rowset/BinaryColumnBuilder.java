package io.sluice.protocol.rowset;

import io.sluice.protocol.thrift.TBinaryColumn;
import io.sluice.protocol.thrift.TColumn;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;

/** Builds a {@code TBinaryColumn}; a NULL is sent as an empty value with its null bit set. */
public final class BinaryColumnBuilder implements ColumnBuilder {
  private static final byte[] EMPTY = new byte[0];

  private final NullBitmap nulls = new NullBitmap();
  private byte[][] values;
  private int size;

  public BinaryColumnBuilder(int expectedRows) {
    values = new byte[Math.max(expectedRows, 1)][];
  }

  /** Appends {@code value} without copying it; a {@code null} appends a NULL. */
  public void append(byte[] value) {
    if (value == null) {
      appendNull();
      return;
    }
    store(value);
  }

  @Override
  public void appendNull() {
    nulls.set(size);
    store(EMPTY);
  }

  @Override
  public void appendObject(Object value) {
    if (value == null) {
      appendNull();
    } else if (value instanceof byte[] bytes) {
      append(bytes);
    } else if (value instanceof ByteBuffer buffer) {
      ByteBuffer source = buffer.duplicate();
      byte[] bytes = new byte[source.remaining()];
      source.get(bytes);
      append(bytes);
    } else {
      append(value.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  private void store(byte[] value) {
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
    return TColumn.binaryVal(new TBinaryColumn(new View(values, size), nulls.toByteBuffer()));
  }

  private static final class View extends AbstractList<ByteBuffer> implements RandomAccess {
    private final byte[][] values;
    private final int size;

    View(byte[][] values, int size) {
      this.values = values;
      this.size = size;
    }

    @Override
    public ByteBuffer get(int index) {
      return ByteBuffer.wrap(values[Objects.checkIndex(index, size)]);
    }

    @Override
    public int size() {
      return size;
    }
  }
}
