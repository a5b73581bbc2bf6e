package io.sluice.jdbc;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.sluice.jdbc.client.Column;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.sql.Array;
import java.sql.Date;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Struct;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JDBC's getter conversions from the values servers send (Boolean, Byte, Short, Integer, Long,
 * Double, String, ByteBuffer; from Arrow results also BigDecimal, LocalDate and LocalDateTime)
 * given the column's type. An Arrow value converts exactly as the text a columnar result carries
 * for it would: {@link #string} gives that text. A value that cannot become the requested type
 * fails with SQLSTATE 22018; a number out of the target's range with 22003.
 */
final class ValueConversions {
  private static final String INVALID_CAST = "22018";
  private static final String OUT_OF_RANGE = "22003";

  /** Spark's text of a DATE (HiveResult's date formatter). */
  private static final DateTimeFormatter DATE_TEXT = DateTimeFormatter.ISO_LOCAL_DATE;

  /** Spark's text of a TIMESTAMP: no fraction when it is zero, else without trailing zeros. */
  private static final DateTimeFormatter TIMESTAMP_TEXT =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral(' ')
          .appendPattern("HH:mm:ss")
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .toFormatter(Locale.ROOT);

  private ValueConversions() {}

  /** The value {@link java.sql.ResultSet#getObject(int)} returns. */
  static Object object(Column column, Object raw) throws SQLException {
    if (raw == null) {
      return null;
    }
    return switch (column.type()) {
      case TINYINT_TYPE -> (byte) longValue(column, raw, Byte.MIN_VALUE, Byte.MAX_VALUE);
      case SMALLINT_TYPE -> (short) longValue(column, raw, Short.MIN_VALUE, Short.MAX_VALUE);
      case INT_TYPE -> (int) longValue(column, raw, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case BIGINT_TYPE -> longValue(column, raw, Long.MIN_VALUE, Long.MAX_VALUE);
      case FLOAT_TYPE -> (float) doubleValue(column, raw);
      case DOUBLE_TYPE -> doubleValue(column, raw);
      case DECIMAL_TYPE -> decimal(column, raw);
      case BOOLEAN_TYPE -> booleanValue(column, raw);
      case BINARY_TYPE -> bytes(column, raw);
      case DATE_TYPE -> date(column, raw, null);
      case TIMESTAMP_TYPE -> timestamp(column, raw, null);
      default -> {
        if (raw instanceof ByteBuffer buffer) {
          yield bytes(column, buffer);
        }
        yield isArrowValue(raw) ? string(column, raw) : raw;
      }
    };
  }

  static String string(Column column, Object raw) {
    if (raw == null) {
      return null;
    }
    if (raw instanceof String text) {
      return text;
    }
    if (raw instanceof ByteBuffer buffer) {
      return new String(bytes(column, buffer), UTF_8);
    }
    if (raw instanceof Double number
        && column.type() == io.sluice.protocol.thrift.TTypeId.FLOAT_TYPE) {
      return Float.toString(number.floatValue());
    }
    if (raw instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (raw instanceof LocalDate date) {
      return DATE_TEXT.format(date);
    }
    if (raw instanceof LocalDateTime dateTime) {
      return TIMESTAMP_TEXT.format(dateTime);
    }
    return raw.toString();
  }

  /** A value only Arrow results give, which columnar results carry as text. */
  private static boolean isArrowValue(Object raw) {
    return raw instanceof BigDecimal || raw instanceof LocalDate || raw instanceof LocalDateTime;
  }

  /** A number columnar results also carry as a number. */
  private static boolean isWireNumber(Object raw) {
    return raw instanceof Number && !(raw instanceof BigDecimal);
  }

  static boolean booleanValue(Column column, Object raw) throws SQLException {
    if (raw == null) {
      return false;
    }
    if (raw instanceof Boolean value) {
      return value;
    }
    if (isWireNumber(raw)) {
      return ((Number) raw).doubleValue() != 0;
    }
    String text = string(column, raw).trim();
    if (text.equalsIgnoreCase("true") || text.equals("1")) {
      return true;
    }
    if (text.equalsIgnoreCase("false") || text.equals("0")) {
      return false;
    }
    throw cannotConvert(column, raw, "boolean");
  }

  static long longValue(Column column, Object raw, long minimum, long maximum) throws SQLException {
    if (raw == null) {
      return 0;
    }
    long value;
    if (raw instanceof Long
        || raw instanceof Integer
        || raw instanceof Short
        || raw instanceof Byte) {
      value = ((Number) raw).longValue();
    } else if (raw instanceof Boolean bool) {
      value = bool ? 1 : 0;
    } else {
      BigDecimal decimal = decimal(column, raw);
      try {
        value = decimal.setScale(0, java.math.RoundingMode.DOWN).longValueExact();
      } catch (ArithmeticException e) {
        throw outOfRange(column, raw);
      }
    }
    if (value < minimum || value > maximum) {
      throw outOfRange(column, raw);
    }
    return value;
  }

  static double doubleValue(Column column, Object raw) throws SQLException {
    if (raw == null) {
      return 0;
    }
    if (isWireNumber(raw)) {
      return ((Number) raw).doubleValue();
    }
    if (raw instanceof Boolean bool) {
      return bool ? 1 : 0;
    }
    try {
      return Double.parseDouble(string(column, raw).trim());
    } catch (NumberFormatException e) {
      throw cannotConvert(column, raw, "double");
    }
  }

  static BigDecimal decimal(Column column, Object raw) throws SQLException {
    if (raw == null) {
      return null;
    }
    if (raw instanceof BigDecimal decimal) {
      return decimal;
    }
    if (raw instanceof Long
        || raw instanceof Integer
        || raw instanceof Short
        || raw instanceof Byte) {
      return BigDecimal.valueOf(((Number) raw).longValue());
    }
    if (raw instanceof Double number) {
      if (number.isNaN() || number.isInfinite()) {
        throw cannotConvert(column, raw, "BigDecimal");
      }
      return column.type() == io.sluice.protocol.thrift.TTypeId.FLOAT_TYPE
          ? new BigDecimal(Float.toString(number.floatValue()))
          : BigDecimal.valueOf(number);
    }
    if (raw instanceof Boolean bool) {
      return bool ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    try {
      return new BigDecimal(string(column, raw).trim());
    } catch (NumberFormatException e) {
      throw cannotConvert(column, raw, "BigDecimal");
    }
  }

  static byte[] bytes(Column column, Object raw) {
    if (raw == null) {
      return null;
    }
    if (raw instanceof ByteBuffer buffer) {
      byte[] bytes = new byte[buffer.remaining()];
      buffer.duplicate().get(bytes);
      return bytes;
    }
    return string(column, raw).getBytes(UTF_8);
  }

  static Date date(Column column, Object raw, Calendar calendar) throws SQLException {
    LocalDate local = localDate(column, raw);
    if (local == null) {
      return null;
    }
    if (calendar == null) {
      return Date.valueOf(local);
    }
    return new Date(
        local.atStartOfDay(calendar.getTimeZone().toZoneId()).toInstant().toEpochMilli());
  }

  static Timestamp timestamp(Column column, Object raw, Calendar calendar) throws SQLException {
    LocalDateTime local = localDateTime(column, raw);
    if (local == null) {
      return null;
    }
    if (calendar == null) {
      return Timestamp.valueOf(local);
    }
    Instant instant = local.atZone(calendar.getTimeZone().toZoneId()).toInstant();
    return Timestamp.from(instant);
  }

  static Time time(Column column, Object raw, Calendar calendar) throws SQLException {
    LocalDateTime local = localDateTime(column, raw);
    if (local == null) {
      return null;
    }
    if (calendar == null) {
      return Time.valueOf(local.toLocalTime());
    }
    return new Time(local.atZone(calendar.getTimeZone().toZoneId()).toInstant().toEpochMilli());
  }

  static LocalDate localDate(Column column, Object raw) throws SQLException {
    if (raw == null) {
      return null;
    }
    if (raw instanceof LocalDate date) {
      return date;
    }
    if (raw instanceof LocalDateTime dateTime) {
      return dateTime.toLocalDate();
    }
    String text = string(column, raw).trim();
    try {
      if (text.length() > 10) {
        return localDateTime(column, raw).toLocalDate();
      }
      return LocalDate.parse(text);
    } catch (RuntimeException e) {
      throw cannotConvert(column, raw, "date");
    }
  }

  static LocalDateTime localDateTime(Column column, Object raw) throws SQLException {
    if (raw == null) {
      return null;
    }
    if (raw instanceof LocalDateTime dateTime) {
      return dateTime;
    }
    if (raw instanceof LocalDate date) {
      return date.atStartOfDay();
    }
    String text = string(column, raw).trim();
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay();
      }
      return Timestamp.valueOf(text).toLocalDateTime();
    } catch (RuntimeException e) {
      throw cannotConvert(column, raw, "timestamp");
    }
  }

  /** {@link java.sql.ResultSet#getObject(int, Class)}. */
  static <T> T as(Column column, Object raw, Class<T> type) throws SQLException {
    if (raw == null) {
      return null;
    }
    Object converted;
    if (type == Object.class) {
      converted = object(column, raw);
    } else if (type == String.class) {
      converted = string(column, raw);
    } else if (type == Boolean.class) {
      converted = booleanValue(column, raw);
    } else if (type == Byte.class) {
      converted = (byte) longValue(column, raw, Byte.MIN_VALUE, Byte.MAX_VALUE);
    } else if (type == Short.class) {
      converted = (short) longValue(column, raw, Short.MIN_VALUE, Short.MAX_VALUE);
    } else if (type == Integer.class) {
      converted = (int) longValue(column, raw, Integer.MIN_VALUE, Integer.MAX_VALUE);
    } else if (type == Long.class) {
      converted = longValue(column, raw, Long.MIN_VALUE, Long.MAX_VALUE);
    } else if (type == Float.class) {
      converted = (float) doubleValue(column, raw);
    } else if (type == Double.class) {
      converted = doubleValue(column, raw);
    } else if (type == BigDecimal.class) {
      converted = decimal(column, raw);
    } else if (type == BigInteger.class) {
      converted = decimal(column, raw).toBigInteger();
    } else if (type == byte[].class) {
      converted = bytes(column, raw);
    } else if (type == Date.class) {
      converted = date(column, raw, null);
    } else if (type == Timestamp.class) {
      converted = timestamp(column, raw, null);
    } else if (type == Time.class) {
      converted = time(column, raw, null);
    } else if (type == LocalDate.class) {
      converted = localDate(column, raw);
    } else if (type == LocalDateTime.class) {
      converted = localDateTime(column, raw);
    } else if (type == LocalTime.class) {
      converted = localDateTime(column, raw).toLocalTime();
    } else if (type == Instant.class) {
      converted = localDateTime(column, raw).atZone(ZoneId.systemDefault()).toInstant();
    } else if (type == OffsetDateTime.class) {
      converted = localDateTime(column, raw).atZone(ZoneId.systemDefault()).toOffsetDateTime();
    } else if (type == Array.class || type == List.class) {
      SluiceArray array = array(column, raw);
      converted = type == Array.class ? array : array.elements();
    } else if (type == Map.class) {
      converted = map(column, raw);
    } else if (type == Struct.class) {
      converted = struct(column, raw);
    } else {
      throw new SQLFeatureNotSupportedException(
          "Column " + column.name() + " cannot be read as " + type.getName());
    }
    return type.cast(converted);
  }

  static SluiceArray array(Column column, Object raw) throws SQLException {
    if (raw == null) {
      return null;
    }
    if (!(json(column, raw) instanceof List<?> elements)) {
      throw cannotConvert(column, raw, "array");
    }
    return new SluiceArray(elements);
  }

  static Map<?, ?> map(Column column, Object raw) throws SQLException {
    if (!(json(column, raw) instanceof Map<?, ?> map)) {
      throw cannotConvert(column, raw, "map");
    }
    return map;
  }

  static Struct struct(Column column, Object raw) throws SQLException {
    if (!(json(column, raw) instanceof Map<?, ?> fields)) {
      throw cannotConvert(column, raw, "struct");
    }
    return new SluiceStruct(JdbcTypes.typeName(column), new java.util.ArrayList<>(fields.values()));
  }

  private static Object json(Column column, Object raw) throws SQLException {
    try {
      return JsonValues.parse(raw.toString());
    } catch (IllegalArgumentException e) {
      throw new SQLDataException(
          "Column " + column.name() + ": " + e.getMessage(), INVALID_CAST, e);
    }
  }

  private static SQLException cannotConvert(Column column, Object raw, String target) {
    return new SQLDataException(
        "Cannot read value '"
            + string(column, raw)
            + "' of column "
            + column.name()
            + " as "
            + target,
        INVALID_CAST);
  }

  private static SQLException outOfRange(Column column, Object raw) {
    return new SQLDataException(
        "Value " + string(column, raw) + " of column " + column.name() + " is out of range",
        OUT_OF_RANGE);
  }
}
