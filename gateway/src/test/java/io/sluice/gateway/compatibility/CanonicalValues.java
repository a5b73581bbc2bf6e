package io.sluice.gateway.compatibility;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Struct;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Renders a value any client returned as one canonical string, so that rows from different clients
 * (and from the engine itself) can be compared with {@code equals}.
 *
 * <p>This is the one place that knows how each client represents each Spark type: Hive JDBC gives
 * {@code java.sql.Timestamp} and JSON strings for complex types; Databricks JDBC gives {@code
 * BigDecimal}, {@code java.sql.Date} and possibly {@code java.sql.Array}; the Node driver gives
 * JavaScript numbers (doubles), strings for dates and timestamps, parsed JSON for complex types and
 * Buffers for binary. The canonical forms:
 *
 * <ul>
 *   <li>integers: decimal digits; FLOAT: {@link Float#toString} of the value narrowed to float;
 *       DOUBLE: {@link Double#toString}; DECIMAL: plain digits without trailing zeros
 *   <li>BINARY: lowercase hex; DATE: ISO {@code 2024-02-29}; TIMESTAMP: {@link
 *       LocalDateTime#toString} of the wall-clock time
 *   <li>ARRAY/MAP/STRUCT: compact JSON with numbers canonicalised and object keys sorted
 *   <li>SQL NULL: Java {@code null}
 * </ul>
 *
 * <p>{@link NumericFidelity#JAVASCRIPT_NUMBER} is for the Node driver, which hands DECIMAL and
 * BIGINT to JavaScript as IEEE doubles: both sides are then compared after rounding to double.
 */
public final class CanonicalValues {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How exactly a client carries DECIMAL and BIGINT values. */
  public enum NumericFidelity {
    /** Every digit survives (JDBC drivers). */
    EXACT,
    /** DECIMAL and BIGINT become JavaScript numbers: compare them as doubles. */
    JAVASCRIPT_NUMBER
  }

  /** The Spark types the compatibility scenarios cover. */
  public enum SparkType {
    TINYINT,
    SMALLINT,
    INT,
    BIGINT,
    FLOAT,
    DOUBLE,
    DECIMAL,
    STRING,
    BINARY,
    DATE,
    TIMESTAMP,
    ARRAY,
    MAP,
    STRUCT,
    BOOLEAN
  }

  private final NumericFidelity fidelity;

  public CanonicalValues(NumericFidelity fidelity) {
    this.fidelity = requireNonNull(fidelity, "fidelity is null");
  }

  public NumericFidelity fidelity() {
    return fidelity;
  }

  /** Renders every value of every row; {@code types} gives the Spark type of each column. */
  public List<List<String>> renderRows(List<SparkType> types, List<? extends List<?>> rows) {
    List<List<String>> rendered = new ArrayList<>(rows.size());
    for (List<?> row : rows) {
      if (row.size() != types.size()) {
        throw new IllegalArgumentException(
            "Row has " + row.size() + " values, expected " + types.size() + ": " + row);
      }
      List<String> values = new ArrayList<>(row.size());
      for (int index = 0; index < row.size(); index++) {
        values.add(render(types.get(index), row.get(index)));
      }
      rendered.add(values);
    }
    return rendered;
  }

  /** The canonical string of one value, or null for SQL NULL. */
  public String render(SparkType type, Object value) {
    requireNonNull(type, "type is null");
    if (value == null) {
      return null;
    }
    try {
      return switch (type) {
        case TINYINT, SMALLINT, INT -> integer(value).toString();
        case BIGINT ->
            fidelity == NumericFidelity.EXACT
                ? integer(value).toString()
                : Double.toString(number(value).doubleValue());
        case FLOAT -> Float.toString(number(value).floatValue());
        case DOUBLE -> Double.toString(number(value).doubleValue());
        case DECIMAL ->
            fidelity == NumericFidelity.EXACT
                ? plain(decimal(value))
                : Double.toString(decimal(value).doubleValue());
        case STRING -> value.toString();
        case BOOLEAN -> Boolean.toString(booleanValue(value));
        case BINARY -> HexFormat.of().formatHex(bytes(value));
        case DATE -> date(value).toString();
        case TIMESTAMP -> timestamp(value).toString();
        case ARRAY, MAP, STRUCT -> nested(structured(value));
      };
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "Cannot render " + value.getClass().getName() + " " + value + " as " + type, e);
    }
  }

  private static BigInteger integer(Object value) {
    if (value instanceof BigInteger bigInteger) {
      return bigInteger;
    }
    if (value instanceof Byte
        || value instanceof Short
        || value instanceof Integer
        || value instanceof Long) {
      return BigInteger.valueOf(((Number) value).longValue());
    }
    return decimal(value).toBigIntegerExact();
  }

  private static Number number(Object value) {
    if (value instanceof Number number) {
      return number;
    }
    return new BigDecimal(value.toString().trim());
  }

  private static BigDecimal decimal(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof BigInteger bigInteger) {
      return new BigDecimal(bigInteger);
    }
    if (value instanceof Double || value instanceof Float) {
      double number = ((Number) value).doubleValue();
      if (Double.isNaN(number) || Double.isInfinite(number)) {
        throw new IllegalArgumentException("Not a finite number: " + number);
      }
      return BigDecimal.valueOf(number);
    }
    if (value instanceof Number number) {
      return BigDecimal.valueOf(number.longValue());
    }
    return new BigDecimal(value.toString().trim());
  }

  private static String plain(BigDecimal value) {
    return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
  }

  private static boolean booleanValue(Object value) {
    if (value instanceof Boolean bool) {
      return bool;
    }
    return Boolean.parseBoolean(value.toString());
  }

  private static byte[] bytes(Object value) {
    if (value instanceof byte[] bytes) {
      return bytes;
    }
    if (value instanceof java.nio.ByteBuffer buffer) {
      byte[] bytes = new byte[buffer.remaining()];
      buffer.duplicate().get(bytes);
      return bytes;
    }
    if (value instanceof String text) {
      return text.getBytes(UTF_8);
    }
    throw new IllegalArgumentException("Not binary");
  }

  private static LocalDate date(Object value) {
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate();
    }
    if (value instanceof LocalDate date) {
      return date;
    }
    if (value instanceof LocalDateTime timestamp) {
      return timestamp.toLocalDate();
    }
    if (value instanceof Instant instant) {
      // The Node driver turns Arrow dates into Dates at UTC midnight.
      return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
    if (value instanceof java.util.Date date) {
      return new java.sql.Date(date.getTime()).toLocalDate();
    }
    return LocalDate.parse(value.toString().trim());
  }

  private static LocalDateTime timestamp(Object value) {
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toLocalDateTime();
    }
    if (value instanceof LocalDateTime timestamp) {
      return timestamp;
    }
    if (value instanceof OffsetDateTime timestamp) {
      return timestamp.toLocalDateTime();
    }
    if (value instanceof Instant instant) {
      // The Node driver turns Arrow timestamps into JavaScript Dates (instants); the engine's
      // session time zone in tests is the JVM's, which CI runs at UTC.
      return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
    String text = value.toString().trim();
    return LocalDateTime.parse(text.replace(' ', 'T'));
  }

  /** A complex value: JSON text (Hive, Spark's own rendering) parsed, anything else as is. */
  private static Object structured(Object value) {
    if (value instanceof String text) {
      try {
        return JSON.readValue(text, Object.class);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("Not JSON: " + value, e);
      }
    }
    return value;
  }

  private static String nested(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Number number) {
      if (number instanceof Double || number instanceof Float) {
        double asDouble = number.doubleValue();
        if (Double.isNaN(asDouble) || Double.isInfinite(asDouble)) {
          return Double.toString(asDouble);
        }
      }
      return plain(decimal(number));
    }
    if (value instanceof Boolean bool) {
      return bool.toString();
    }
    if (value instanceof String text) {
      return quote(text);
    }
    if (value instanceof Array array) {
      try {
        return nested(Arrays.asList((Object[]) array.getArray()));
      } catch (SQLException e) {
        throw new IllegalArgumentException("Cannot read " + value, e);
      }
    }
    if (value instanceof Struct struct) {
      try {
        return nested(Arrays.asList(struct.getAttributes()));
      } catch (SQLException e) {
        throw new IllegalArgumentException("Cannot read " + value, e);
      }
    }
    if (value instanceof Object[] array) {
      return nested(Arrays.asList(array));
    }
    if (value instanceof List<?> list) {
      return list.stream().map(CanonicalValues::nested).collect(Collectors.joining(",", "[", "]"));
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, String> sorted = new TreeMap<>();
      map.forEach((key, item) -> sorted.put(String.valueOf(key), nested(item)));
      return sorted.entrySet().stream()
          .map(entry -> quote(entry.getKey()) + ":" + entry.getValue())
          .collect(Collectors.joining(",", "{", "}"));
    }
    if (value instanceof byte[] bytes) {
      return quote(HexFormat.of().formatHex(bytes));
    }
    return quote(value.toString());
  }

  private static String quote(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
