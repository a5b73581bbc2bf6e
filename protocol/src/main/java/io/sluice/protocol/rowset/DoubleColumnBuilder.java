package io.sluice.protocol.rowset;

import io.sluice.protocol.thrift.TColumn;
import io.sluice.protocol.thrift.TDoubleColumn;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;

/** Builds a {@code TDoubleColumn} from primitive double values. */
public final class DoubleColumnBuilder implements ColumnBuilder {
  private final NullBitmap nulls = new NullBitmap();
  private double[] values;
  private int size;

  public DoubleColumnBuilder(int expectedRows) {
    values = new double[Math.max(expectedRows, 1)];
  }

  public void append(double value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  /**
   * Appends a float the way Spark's Thrift server does: through its shortest decimal text, so
   * {@code 0.1f} arrives as {@code 0.1} rather than {@code 0.10000000149011612}.
   */
  public void appendFloat(float value) {
    append(Double.parseDouble(Float.toString(value)));
  }

  @Override
  public void appendNull() {
    nulls.set(size);
    append((double) 0);
  }

  @Override
  public void appendObject(Object value) {
    if (value == null) {
      appendNull();
    } else if (value instanceof Float floatValue) {
      appendFloat(floatValue);
    } else if (value instanceof Number number) {
      append(number.doubleValue());
    } else {
      append(Double.parseDouble(value.toString()));
    }
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public TColumn build() {
    return TColumn.doubleVal(new TDoubleColumn(new View(values, size), nulls.toByteBuffer()));
  }

  private static final class View extends AbstractList<Double> implements RandomAccess {
    private final double[] values;
    private final int size;

    View(double[] values, int size) {
      this.values = values;
      this.size = size;
    }

    @Override
    public Double get(int index) {
      return values[Objects.checkIndex(index, size)];
    }

    @Override
    public int size() {
      return size;
    }
  }
}
