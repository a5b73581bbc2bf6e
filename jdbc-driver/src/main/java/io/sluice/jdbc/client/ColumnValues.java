package io.sluice.jdbc.client;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;

/**
 * One column of one page of results, as the server sent it, with a bitmap of which rows are NULL.
 * Numbers stay in primitive arrays ({@code long[]}, {@code double[]}...) as they were decoded;
 * strings and binary values are {@code String} and {@code ByteBuffer} objects. Arrow results add
 * {@link Compact} values (floats, decimals, dates, timestamps) that become objects when read.
 */
public final class ColumnValues {
  private static final byte[] NO_NULLS = new byte[0];

  private final Object values;
  private final int size;
  private final byte[] nulls;

  private ColumnValues(Object values, int size, byte[] nulls) {
    this.values = requireNonNull(values, "values is null");
    this.size = size;
    this.nulls = nulls == null ? NO_NULLS : nulls;
  }

  static ColumnValues of(boolean[] values, byte[] nulls) {
    return new ColumnValues(values, values.length, nulls);
  }

  static ColumnValues of(byte[] values, byte[] nulls) {
    return new ColumnValues(values, values.length, nulls);
  }

  static ColumnValues of(short[] values, byte[] nulls) {
    return new ColumnValues(values, values.length, nulls);
  }

  static ColumnValues of(int[] values, byte[] nulls) {
    return new ColumnValues(values, values.length, nulls);
  }

  static ColumnValues of(long[] values, byte[] nulls) {
    return new ColumnValues(values, values.length, nulls);
  }

  static ColumnValues of(double[] values, byte[] nulls) {
    return new ColumnValues(values, values.length, nulls);
  }

  /** Boxed values (Boolean ... Double), Strings or ByteBuffers. */
  static ColumnValues of(Object[] values, byte[] nulls) {
    return new ColumnValues(values, values.length, nulls);
  }

  static ColumnValues of(Compact values, int size, byte[] nulls) {
    return new ColumnValues(values, size, nulls);
  }

  public int size() {
    return size;
  }

  public boolean isNull(int row) {
    int index = row >>> 3;
    return index < nulls.length && (nulls[index] & (1 << (row & 7))) != 0;
  }

  /**
   * The value at {@code row}: Boolean, Byte, Short, Integer, Long, Double, String, ByteBuffer, or
   * from an Arrow result also BigDecimal, LocalDate and LocalDateTime.
   */
  public Object value(int row) {
    if (isNull(row)) {
      return null;
    }
    if (values instanceof Object[] objects) {
      return objects[row];
    }
    if (values instanceof long[] longs) {
      return longs[row];
    }
    if (values instanceof double[] doubles) {
      return doubles[row];
    }
    if (values instanceof int[] ints) {
      return ints[row];
    }
    if (values instanceof short[] shorts) {
      return shorts[row];
    }
    if (values instanceof byte[] bytes) {
      return bytes[row];
    }
    if (values instanceof Compact compact) {
      return compact.value(row);
    }
    return ((boolean[]) values)[row];
  }

  static byte[] nulls(ByteBuffer buffer) {
    if (buffer == null || !buffer.hasRemaining()) {
      return NO_NULLS;
    }
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }

  /**
   * Values kept as the server sent them (days, microseconds, unscaled decimals) and made into the
   * driver's objects one at a time, when read.
   */
  @FunctionalInterface
  interface Compact {
    /** The value at {@code row}, which is not NULL. */
    Object value(int row);
  }
}
