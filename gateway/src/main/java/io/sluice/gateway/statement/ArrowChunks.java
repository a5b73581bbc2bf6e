package io.sluice.gateway.statement;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.channels.Channels;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A result chunk as an Arrow IPC stream (schema, then one record batch), which the Statement
 * Execution API returns base64-encoded as the chunk's {@code attachment} for {@code ARROW_STREAM}.
 * Column types follow the manifest: numbers, booleans, dates, timestamps (microseconds, no time
 * zone), decimals and binary get their Arrow types; text and the nested and interval types travel
 * as UTF-8 strings in the form the JSON_ARRAY format gives them.
 */
final class ArrowChunks {
  private static final BufferAllocator ALLOCATOR = new RootAllocator();

  private ArrowChunks() {}

  static String attachment(List<Map<String, Object>> columns, List<List<String>> rows) {
    List<Field> fields = new ArrayList<>();
    for (Map<String, Object> column : columns) {
      fields.add(
          new Field((String) column.get("name"), FieldType.nullable(arrowType(column)), List.of()));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (BufferAllocator allocator = ALLOCATOR.newChildAllocator("chunk", 0, Long.MAX_VALUE);
        VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), allocator);
        ArrowStreamWriter writer = new ArrowStreamWriter(root, null, Channels.newChannel(bytes))) {
      root.allocateNew();
      for (int column = 0; column < fields.size(); column++) {
        FieldVector vector = root.getVector(column);
        for (int row = 0; row < rows.size(); row++) {
          String value = rows.get(row).get(column);
          if (value == null) {
            vector.setNull(row);
          } else {
            set(vector, row, value);
          }
        }
        vector.setValueCount(rows.size());
      }
      root.setRowCount(rows.size());
      writer.start();
      writer.writeBatch();
      writer.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }

  private static ArrowType arrowType(Map<String, Object> column) {
    return switch ((String) column.get("type_name")) {
      case "BOOLEAN" -> ArrowType.Bool.INSTANCE;
      case "BYTE" -> new ArrowType.Int(8, true);
      case "SHORT" -> new ArrowType.Int(16, true);
      case "INT" -> new ArrowType.Int(32, true);
      case "LONG" -> new ArrowType.Int(64, true);
      case "FLOAT" -> new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
      case "DOUBLE" -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
      case "DATE" -> new ArrowType.Date(DateUnit.DAY);
      case "TIMESTAMP" -> new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
      case "DECIMAL" ->
          new ArrowType.Decimal(
              (Integer) column.getOrDefault("type_precision", 38),
              (Integer) column.getOrDefault("type_scale", 0),
              128);
      case "BINARY" -> ArrowType.Binary.INSTANCE;
      default -> ArrowType.Utf8.INSTANCE;
    };
  }

  private static void set(FieldVector vector, int row, String value) {
    try {
      if (vector instanceof BitVector bits) {
        bits.setSafe(row, Boolean.parseBoolean(value) ? 1 : 0);
      } else if (vector instanceof TinyIntVector tiny) {
        tiny.setSafe(row, Byte.parseByte(value));
      } else if (vector instanceof SmallIntVector small) {
        small.setSafe(row, Short.parseShort(value));
      } else if (vector instanceof IntVector ints) {
        ints.setSafe(row, Integer.parseInt(value));
      } else if (vector instanceof BigIntVector longs) {
        longs.setSafe(row, Long.parseLong(value));
      } else if (vector instanceof Float4Vector floats) {
        floats.setSafe(row, Float.parseFloat(value));
      } else if (vector instanceof Float8Vector doubles) {
        doubles.setSafe(row, Double.parseDouble(value));
      } else if (vector instanceof DateDayVector dates) {
        dates.setSafe(row, (int) LocalDate.parse(value).toEpochDay());
      } else if (vector instanceof TimeStampMicroVector timestamps) {
        LocalDateTime time = LocalDateTime.parse(value.trim().replace(' ', 'T'));
        timestamps.setSafe(
            row,
            ChronoUnit.MICROS.between(LocalDateTime.ofEpochSecond(0, 0, ZoneOffset.UTC), time));
      } else if (vector instanceof DecimalVector decimals) {
        decimals.setSafe(
            row, new BigDecimal(value).setScale(decimals.getScale(), RoundingMode.UNNECESSARY));
      } else if (vector instanceof VarBinaryVector binary) {
        binary.setSafe(row, Base64.getDecoder().decode(value));
      } else {
        ((VarCharVector) vector).setSafe(row, value.getBytes(UTF_8));
      }
    } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
      throw new IllegalStateException(
          "Cannot write '" + value + "' into Arrow column " + vector.getName(), e);
    }
  }
}
