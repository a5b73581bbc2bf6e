package io.sluice.jdbc.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.sluice.jdbc.arrow.ArrowField;
import io.sluice.jdbc.arrow.ArrowRecordBatch;
import io.sluice.jdbc.arrow.ArrowSchema;
import io.sluice.jdbc.arrow.ArrowType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns the Arrow record batches of one FetchResults page into a {@link ResultPage} of the shape
 * the columnar reader gives, so the rest of the driver reads both alike: one array per column over
 * all the page's batches and a bitmap of NULL rows. Numbers are bulk-copied from the little-endian
 * buffers into primitive arrays; strings and binary values become objects at once (the batch bytes
 * are not kept); floats, decimals, dates and timestamps stay compact until read, and then become
 * the values the columnar path gives: a float as the double of its decimal text (as the server
 * widens it), a BigDecimal of the column's scale, a LocalDate, and a LocalDateTime showing the
 * instant in the schema's time zone (UTC for a timestamp without one).
 *
 * <p>One difference is smoothed over: columnar results carry dates and timestamps as Spark renders
 * its {@code java.sql} values, whose hybrid Julian/Gregorian calendar has no 1582-10-05 to
 * 1582-10-14 and shows them as 1582-10-15. Arrow carries Spark's proleptic Gregorian value; those
 * ten days are read as 1582-10-15 too, so both forms of a result read alike.
 */
final class ArrowPageDecoder {
  private static final LocalDate FIRST_SKIPPED_DAY = LocalDate.of(1582, 10, 5);
  private static final LocalDate FIRST_GREGORIAN_DAY = LocalDate.of(1582, 10, 15);

  private final ArrowSchema schema;
  private final int[] firstBuffers;
  private final int bufferCount;

  ArrowPageDecoder(ArrowSchema schema) {
    this.schema = requireNonNull(schema, "schema is null");
    List<ArrowField> fields = schema.fields();
    this.firstBuffers = new int[fields.size()];
    int buffers = 0;
    for (int field = 0; field < fields.size(); field++) {
      firstBuffers[field] = buffers;
      buffers += fields.get(field).type().bufferCount();
    }
    this.bufferCount = buffers;
  }

  /** The page made of {@code messages}, each one encapsulated RecordBatch message. */
  ResultPage decode(List<ByteBuffer> messages) throws SQLException {
    List<ArrowRecordBatch> batches = new ArrayList<>(messages.size());
    long rowCount = 0;
    for (ByteBuffer message : messages) {
      ArrowRecordBatch batch = ArrowRecordBatch.read(message);
      checkShape(batch);
      batches.add(batch);
      rowCount += batch.length();
    }
    if (rowCount > Integer.MAX_VALUE) {
      throw ArrowRecordBatch.malformed("a page of " + rowCount + " rows is too large");
    }
    List<ColumnValues> columns = new ArrayList<>(firstBuffers.length);
    for (int field = 0; field < firstBuffers.length; field++) {
      columns.add(column(field, batches, (int) rowCount));
    }
    return new ResultPage(columns, (int) rowCount);
  }

  private void checkShape(ArrowRecordBatch batch) throws SQLException {
    if (batch.nodeCount() != firstBuffers.length || batch.bufferCount() != bufferCount) {
      throw ArrowRecordBatch.malformed(
          "it has "
              + batch.nodeCount()
              + " fields and "
              + batch.bufferCount()
              + " buffers where the schema has "
              + firstBuffers.length
              + " and "
              + bufferCount);
    }
    for (int field = 0; field < firstBuffers.length; field++) {
      if (batch.nodeLength(field) != batch.length()) {
        throw ArrowRecordBatch.malformed(
            "field "
                + schema.fields().get(field).name()
                + " has "
                + batch.nodeLength(field)
                + " values in a batch of "
                + batch.length()
                + " rows");
      }
    }
  }

  private ColumnValues column(int field, List<ArrowRecordBatch> batches, int rowCount)
      throws SQLException {
    ArrowField arrowField = schema.fields().get(field);
    Nulls nulls = new Nulls(rowCount);
    if (arrowField.type() == ArrowType.NULL) {
      nulls.setAll();
      return ColumnValues.of(row -> null, rowCount, nulls.bitmap());
    }
    ColumnReader reader = reader(arrowField, rowCount, nulls);
    int base = 0;
    for (ArrowRecordBatch batch : batches) {
      int first = firstBuffers[field];
      int length = batch.length();
      nulls.read(batch.buffer(first), batch.nullCount(field), base, length, arrowField);
      reader.read(batch, first, base, length);
      base += length;
    }
    return reader.values(nulls.bitmap());
  }

  private static ColumnReader reader(ArrowField field, int rowCount, Nulls nulls) {
    return switch (field.type()) {
      case BOOL -> {
        boolean[] values = new boolean[rowCount];
        yield new ColumnReader() {
          @Override
          public void read(ArrowRecordBatch batch, int first, int base, int length)
              throws SQLException {
            ByteBuffer data = batch.buffer(first + 1);
            requireBytes(data, (length + 7L) / 8, field);
            for (int row = 0; row < length; row++) {
              values[base + row] = ((data.get(row >>> 3) >>> (row & 7)) & 1) != 0;
            }
          }

          @Override
          public ColumnValues values(byte[] bitmap) {
            return ColumnValues.of(values, bitmap);
          }
        };
      }
      case INT8 -> {
        byte[] values = new byte[rowCount];
        yield new Fixed(
            (data, base, length) -> data.get(0, values, base, length),
            1,
            bitmap -> ColumnValues.of(values, bitmap));
      }
      case INT16 -> {
        short[] values = new short[rowCount];
        yield new Fixed(
            (data, base, length) -> data.asShortBuffer().get(values, base, length),
            2,
            bitmap -> ColumnValues.of(values, bitmap));
      }
      case INT32 -> {
        int[] values = new int[rowCount];
        yield new Fixed(
            (data, base, length) -> data.asIntBuffer().get(values, base, length),
            4,
            bitmap -> ColumnValues.of(values, bitmap));
      }
      case INT64 -> {
        long[] values = new long[rowCount];
        yield new Fixed(
            (data, base, length) -> data.asLongBuffer().get(values, base, length),
            8,
            bitmap -> ColumnValues.of(values, bitmap));
      }
      case FLOAT32 -> {
        float[] values = new float[rowCount];
        yield new Fixed(
            (data, base, length) -> data.asFloatBuffer().get(values, base, length),
            4,
            bitmap ->
                ColumnValues.of(
                    row -> Double.parseDouble(Float.toString(values[row])), rowCount, bitmap));
      }
      case FLOAT64 -> {
        double[] values = new double[rowCount];
        yield new Fixed(
            (data, base, length) -> data.asDoubleBuffer().get(values, base, length),
            8,
            bitmap -> ColumnValues.of(values, bitmap));
      }
      case DECIMAL128 -> {
        long[] words = new long[rowCount * 2];
        int scale = field.scale();
        yield new Fixed(
            (data, base, length) -> data.asLongBuffer().get(words, base * 2, length * 2),
            16,
            bitmap ->
                ColumnValues.of(
                    row -> decimal(words[row * 2], words[row * 2 + 1], scale), rowCount, bitmap));
      }
      case DATE_DAY -> {
        int[] days = new int[rowCount];
        yield new Fixed(
            (data, base, length) -> data.asIntBuffer().get(days, base, length),
            4,
            bitmap -> ColumnValues.of(row -> localDate(days[row]), rowCount, bitmap));
      }
      case TIMESTAMP_MICROSECOND -> {
        long[] micros = new long[rowCount];
        ZoneId zone = field.timeZone().orElseThrow();
        yield new Fixed(
            (data, base, length) -> data.asLongBuffer().get(micros, base, length),
            8,
            bitmap -> ColumnValues.of(row -> localDateTime(micros[row], zone), rowCount, bitmap));
      }
      case UTF8, LARGE_UTF8, BINARY, LARGE_BINARY -> new Variable(field, rowCount, nulls);
      case NULL -> throw new IllegalArgumentException("A Null column has no buffers to read");
    };
  }

  /** Reads one column's buffers of each batch of a page into that column's values. */
  private interface ColumnReader {
    /** Reads rows {@code [base, base + length)} from the buffers starting at {@code first}. */
    void read(ArrowRecordBatch batch, int first, int base, int length) throws SQLException;

    ColumnValues values(byte[] nulls);
  }

  /** Copies a fixed-width data buffer into an array. */
  @FunctionalInterface
  private interface BulkCopy {
    void copy(ByteBuffer data, int base, int length);
  }

  @FunctionalInterface
  private interface Finish {
    ColumnValues values(byte[] nulls);
  }

  /** A column of fixed-width values: validity, then {@code width} bytes per value. */
  private static final class Fixed implements ColumnReader {
    private final BulkCopy copy;
    private final int width;
    private final Finish finish;

    Fixed(BulkCopy copy, int width, Finish finish) {
      this.copy = copy;
      this.width = width;
      this.finish = finish;
    }

    @Override
    public void read(ArrowRecordBatch batch, int first, int base, int length) throws SQLException {
      ByteBuffer data = batch.buffer(first + 1);
      if (data.limit() < (long) length * width) {
        throw ArrowRecordBatch.malformed(
            "a data buffer of "
                + data.limit()
                + " bytes is too short for "
                + length
                + " values of "
                + width
                + " bytes");
      }
      copy.copy(data, base, length);
    }

    @Override
    public ColumnValues values(byte[] nulls) {
      return finish.values(nulls);
    }
  }

  /** Strings or binary values: validity, offsets (32 or 64-bit), then the bytes of all values. */
  private static final class Variable implements ColumnReader {
    private final ArrowField field;
    private final Object[] values;
    private final Nulls nulls;
    private final boolean text;
    private final boolean largeOffsets;

    Variable(ArrowField field, int rowCount, Nulls nulls) {
      this.field = field;
      this.values = new Object[rowCount];
      this.nulls = nulls;
      this.text = field.type() == ArrowType.UTF8 || field.type() == ArrowType.LARGE_UTF8;
      this.largeOffsets =
          field.type() == ArrowType.LARGE_UTF8 || field.type() == ArrowType.LARGE_BINARY;
    }

    @Override
    public void read(ArrowRecordBatch batch, int first, int base, int length) throws SQLException {
      if (length == 0) {
        return;
      }
      ByteBuffer offsets = batch.buffer(first + 1);
      ByteBuffer data = batch.buffer(first + 2);
      requireBytes(offsets, (length + 1L) * (largeOffsets ? 8 : 4), field);
      byte[] bytes;
      int start;
      if (data.hasArray()) {
        bytes = data.array();
        start = data.arrayOffset();
      } else {
        bytes = new byte[data.limit()];
        data.get(0, bytes);
        start = 0;
      }
      int size = data.limit();
      long from = offset(offsets, 0);
      for (int row = 0; row < length; row++) {
        long to = offset(offsets, row + 1);
        if (from < 0 || to < from || to > size) {
          throw ArrowRecordBatch.malformed(
              "value "
                  + row
                  + " of field "
                  + field.name()
                  + " spans ["
                  + from
                  + ", "
                  + to
                  + ") of a data buffer of "
                  + size
                  + " bytes");
        }
        if (!nulls.isSet(base + row)) {
          int valueStart = start + (int) from;
          int valueLength = (int) (to - from);
          values[base + row] =
              text
                  ? new String(bytes, valueStart, valueLength, UTF_8)
                  : ByteBuffer.wrap(
                      Arrays.copyOfRange(bytes, valueStart, valueStart + valueLength));
        }
        from = to;
      }
    }

    private long offset(ByteBuffer offsets, int index) {
      return largeOffsets ? offsets.getLong(index * 8) : offsets.getInt(index * 4);
    }

    @Override
    public ColumnValues values(byte[] bitmap) {
      return ColumnValues.of(values, bitmap);
    }
  }

  /** The NULL rows of one column of a page, from the batches' validity bitmaps (1: valid). */
  private static final class Nulls {
    private final int rowCount;
    private byte[] bitmap;

    Nulls(int rowCount) {
      this.rowCount = rowCount;
    }

    void read(ByteBuffer validity, long nullCount, int base, int length, ArrowField field)
        throws SQLException {
      if (nullCount == 0 || length == 0) {
        return;
      }
      requireBytes(validity, (length + 7L) / 8, field);
      for (int row = 0; row < length; row++) {
        if (((validity.get(row >>> 3) >>> (row & 7)) & 1) == 0) {
          set(base + row);
        }
      }
    }

    void setAll() {
      bitmap = new byte[(rowCount + 7) >>> 3];
      Arrays.fill(bitmap, (byte) -1);
    }

    boolean isSet(int row) {
      return bitmap != null && (bitmap[row >>> 3] & (1 << (row & 7))) != 0;
    }

    private void set(int row) {
      if (bitmap == null) {
        bitmap = new byte[(rowCount + 7) >>> 3];
      }
      bitmap[row >>> 3] |= (byte) (1 << (row & 7));
    }

    /** The bitmap with a 1 for each NULL row, or null when there is none. */
    byte[] bitmap() {
      return bitmap;
    }
  }

  private static void requireBytes(ByteBuffer buffer, long bytes, ArrowField field)
      throws SQLException {
    if (buffer.limit() < bytes) {
      throw ArrowRecordBatch.malformed(
          "a buffer of field "
              + field.name()
              + " has "
              + buffer.limit()
              + " bytes where "
              + bytes
              + " are needed");
    }
  }

  /** A 128-bit two's complement unscaled value (low and high 64 bits) with its scale. */
  static BigDecimal decimal(long low, long high, int scale) {
    if (high == (low >> 63)) {
      return BigDecimal.valueOf(low, scale);
    }
    byte[] bigEndian = new byte[16];
    for (int index = 0; index < 8; index++) {
      bigEndian[index] = (byte) (high >>> (56 - 8 * index));
      bigEndian[8 + index] = (byte) (low >>> (56 - 8 * index));
    }
    return new BigDecimal(new BigInteger(bigEndian), scale);
  }

  /** The date {@code days} after 1970-01-01, as columnar results show it. */
  static LocalDate localDate(int days) {
    return asColumnarResultsShow(LocalDate.ofEpochDay(days));
  }

  /**
   * The wall-clock time in {@code zone} of {@code micros} microseconds since the epoch, as columnar
   * results show it.
   */
  static LocalDateTime localDateTime(long micros, ZoneId zone) {
    long seconds = Math.floorDiv(micros, 1_000_000L);
    int nanos = (int) Math.floorMod(micros, 1_000_000L) * 1_000;
    LocalDateTime dateTime = LocalDateTime.ofInstant(Instant.ofEpochSecond(seconds, nanos), zone);
    if (dateTime.getYear() != FIRST_SKIPPED_DAY.getYear()) {
      return dateTime;
    }
    return asColumnarResultsShow(dateTime.toLocalDate()).atTime(dateTime.toLocalTime());
  }

  /** 1582-10-15 for the days the hybrid calendar skips; any other date as it is. */
  private static LocalDate asColumnarResultsShow(LocalDate date) {
    return date.isBefore(FIRST_SKIPPED_DAY) || !date.isBefore(FIRST_GREGORIAN_DAY)
        ? date
        : FIRST_GREGORIAN_DAY;
  }
}
