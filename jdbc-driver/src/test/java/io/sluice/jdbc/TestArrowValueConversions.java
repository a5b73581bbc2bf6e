package io.sluice.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.jdbc.client.Column;
import io.sluice.protocol.thrift.TTypeId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An Arrow value (BigDecimal, LocalDate, LocalDateTime) must read through every getter exactly as
 * the text a columnar result carries for the same value does: same result, or the same error.
 */
class TestArrowValueConversions {
  private static final Calendar TOKYO = Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"));
  private static final List<Class<?>> TARGETS =
      List.of(
          Object.class,
          String.class,
          Boolean.class,
          Byte.class,
          Short.class,
          Integer.class,
          Long.class,
          Float.class,
          Double.class,
          BigDecimal.class,
          BigInteger.class,
          byte[].class,
          Date.class,
          Timestamp.class,
          Time.class,
          LocalDate.class,
          LocalDateTime.class,
          LocalTime.class,
          Instant.class,
          OffsetDateTime.class);

  static Stream<Arguments> values() {
    return Stream.of(
        decimal(10, 2, "123.45"),
        decimal(10, 2, "-123.45"),
        decimal(10, 2, "0.00"),
        decimal(3, 0, "1"),
        decimal(3, 0, "0"),
        decimal(3, 0, "-128"),
        decimal(38, 10, "9999999999999999999999999999.9999999999"),
        decimal(38, 10, "-0.0000000001"),
        decimal(20, 7, "0.0000001"),
        decimal(20, 0, "9223372036854775808"),
        Arguments.of(Column.of("d", TTypeId.DATE_TYPE), LocalDate.of(2024, 2, 29), "2024-02-29"),
        Arguments.of(Column.of("d", TTypeId.DATE_TYPE), LocalDate.of(1815, 12, 10), "1815-12-10"),
        Arguments.of(Column.of("d", TTypeId.DATE_TYPE), LocalDate.of(1, 1, 1), "0001-01-01"),
        timestamp(
            LocalDateTime.of(2024, 2, 29, 12, 34, 56, 789_000_000), "2024-02-29 12:34:56.789"),
        timestamp(LocalDateTime.of(2024, 2, 29, 12, 34, 56), "2024-02-29 12:34:56"),
        timestamp(LocalDateTime.of(2024, 2, 29, 0, 0), "2024-02-29 00:00:00"),
        timestamp(
            LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000), "1969-12-31 23:59:59.999999"),
        timestamp(LocalDateTime.of(2024, 3, 10, 2, 30, 0, 100_000), "2024-03-10 02:30:00.0001"));
  }

  private static Arguments decimal(int precision, int scale, String text) {
    Column column =
        new Column("n", TTypeId.DECIMAL_TYPE, Optional.of(precision), Optional.of(scale), "");
    return Arguments.of(column, new BigDecimal(text), text);
  }

  private static Arguments timestamp(LocalDateTime value, String text) {
    return Arguments.of(Column.of("ts", TTypeId.TIMESTAMP_TYPE), value, text);
  }

  @ParameterizedTest
  @MethodSource("values")
  void readsAsTheColumnarTextDoes(Column column, Object arrowValue, String columnarText) {
    assertThat(outcomes(column, arrowValue)).isEqualTo(outcomes(column, columnarText));
  }

  /** What each getter makes of {@code raw}: its value, or its error's SQLSTATE and message. */
  private static List<String> outcomes(Column column, Object raw) {
    List<Getter> getters = new ArrayList<>();
    getters.add(value -> ValueConversions.object(column, value));
    getters.add(value -> ValueConversions.string(column, value));
    getters.add(value -> ValueConversions.booleanValue(column, value));
    getters.add(value -> ValueConversions.longValue(column, value, Byte.MIN_VALUE, Byte.MAX_VALUE));
    getters.add(value -> ValueConversions.longValue(column, value, Long.MIN_VALUE, Long.MAX_VALUE));
    getters.add(value -> ValueConversions.doubleValue(column, value));
    getters.add(value -> ValueConversions.decimal(column, value));
    getters.add(value -> ValueConversions.bytes(column, value));
    getters.add(value -> ValueConversions.date(column, value, null));
    getters.add(value -> ValueConversions.date(column, value, TOKYO));
    getters.add(value -> ValueConversions.timestamp(column, value, null));
    getters.add(value -> ValueConversions.timestamp(column, value, TOKYO));
    getters.add(value -> ValueConversions.time(column, value, null));
    getters.add(value -> ValueConversions.time(column, value, TOKYO));
    for (Class<?> target : TARGETS) {
      getters.add(value -> ValueConversions.as(column, value, target));
    }
    List<String> outcomes = new ArrayList<>();
    for (Getter getter : getters) {
      try {
        Object value = getter.get(raw);
        outcomes.add(
            value instanceof byte[] bytes
                ? Arrays.toString(bytes)
                : value == null ? "null" : value.getClass().getName() + ":" + value);
      } catch (SQLException e) {
        outcomes.add(e.getSQLState() + ": " + e.getMessage());
      }
    }
    return outcomes;
  }

  @FunctionalInterface
  private interface Getter {
    Object get(Object raw) throws SQLException;
  }
}
