package io.sluice.engine;

import io.sluice.protocol.thrift.TSparkArrowBatch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.util.Text;

/**
 * Decodes an Arrow result with Arrow Java's own reader (schema message, then the pages' batches)
 * into rows of the values the columnar form of the same result carries: text for decimals, dates
 * and timestamps (as Spark formats them in the session's zone), doubles for floats.
 */
final class ArrowRowReader {
  private static final byte[] END_OF_STREAM = {-1, -1, -1, -1, 0, 0, 0, 0};

  private ArrowRowReader() {}

  static List<List<Object>> rows(byte[] schema, List<TSparkArrowBatch> batches) throws IOException {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    stream.write(schema);
    for (TSparkArrowBatch batch : batches) {
      stream.write(batch.getBatch());
    }
    stream.write(END_OF_STREAM);
    List<List<Object>> rows = new ArrayList<>();
    try (BufferAllocator allocator = new RootAllocator();
        ArrowStreamReader reader =
            new ArrowStreamReader(new ByteArrayInputStream(stream.toByteArray()), allocator)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      int batch = 0;
      while (reader.loadNextBatch()) {
        if (root.getRowCount() != batches.get(batch++).getRowCount()) {
          throw new AssertionError("A batch's rowCount differs from its Arrow header");
        }
        for (int row = 0; row < root.getRowCount(); row++) {
          List<Object> values = new ArrayList<>();
          for (FieldVector vector : root.getFieldVectors()) {
            values.add(columnarForm(vector, row));
          }
          rows.add(values);
        }
      }
    }
    return rows;
  }

  private static Object columnarForm(FieldVector vector, int row) {
    Object value = vector.getObject(row);
    if (value == null) {
      return null;
    }
    if (vector instanceof Float4Vector) {
      return Double.parseDouble(value.toString());
    }
    if (vector instanceof DateDayVector) {
      return LocalDate.ofEpochDay((Integer) value).toString();
    }
    if (vector instanceof TimeStampMicroTZVector zoned) {
      Instant instant = Instant.EPOCH.plus((Long) value, ChronoUnit.MICROS);
      return LocalDateTime.ofInstant(instant, ZoneId.of(zoned.getTimeZone()));
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof Text text) {
      return text.toString();
    }
    if (value instanceof byte[] bytes) {
      return ByteBuffer.wrap(bytes);
    }
    return value;
  }
}
