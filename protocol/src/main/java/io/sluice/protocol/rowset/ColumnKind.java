package io.sluice.protocol.rowset;

import io.sluice.protocol.thrift.TTypeId;

/**
 * The {@code TColumn} variant a result column is sent as. Every type without a native Thrift column
 * (decimal, date, timestamp, intervals, complex and NULL types) travels as a string.
 */
public enum ColumnKind {
  BOOLEAN,
  BYTE,
  SHORT,
  INTEGER,
  LONG,
  DOUBLE,
  STRING,
  BINARY;

  /** The column variant HiveServer2 and Spark's Thrift server use for {@code typeId}. */
  public static ColumnKind forType(TTypeId typeId) {
    return switch (typeId) {
      case BOOLEAN_TYPE -> BOOLEAN;
      case TINYINT_TYPE -> BYTE;
      case SMALLINT_TYPE -> SHORT;
      case INT_TYPE -> INTEGER;
      case BIGINT_TYPE -> LONG;
      case FLOAT_TYPE, DOUBLE_TYPE -> DOUBLE;
      case BINARY_TYPE -> BINARY;
      default -> STRING;
    };
  }

  /** A new, empty builder for this variant sized for {@code expectedRows}. */
  public ColumnBuilder newBuilder(int expectedRows) {
    return switch (this) {
      case BOOLEAN -> new BooleanColumnBuilder(expectedRows);
      case BYTE, SHORT, INTEGER, LONG -> new IntegralColumnBuilder(this, expectedRows);
      case DOUBLE -> new DoubleColumnBuilder(expectedRows);
      case STRING -> new StringColumnBuilder(expectedRows);
      case BINARY -> new BinaryColumnBuilder(expectedRows);
    };
  }
}
