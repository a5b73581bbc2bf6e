package io.sluice.jdbc.arrow;

/**
 * The Arrow types the driver reads: those Spark's Arrow conversion produces for flat results. Each
 * has its buffer layout: a validity bitmap and data, plus offsets for variable-width types; Null
 * has no buffers at all.
 */
public enum ArrowType {
  NULL(0),
  BOOL(2),
  INT8(2),
  INT16(2),
  INT32(2),
  INT64(2),
  FLOAT32(2),
  FLOAT64(2),
  /** 128-bit little-endian two's complement unscaled value. */
  DECIMAL128(2),
  /** Days since 1970-01-01. */
  DATE_DAY(2),
  /** Microseconds since 1970-01-01T00:00Z. */
  TIMESTAMP_MICROSECOND(2),
  UTF8(3),
  LARGE_UTF8(3),
  BINARY(3),
  LARGE_BINARY(3);

  private final int bufferCount;

  ArrowType(int bufferCount) {
    this.bufferCount = bufferCount;
  }

  /** How many buffers a column of this type has in a record batch. */
  public int bufferCount() {
    return bufferCount;
  }
}
