package io.sluice.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Against the Sluice gateway, a result of simple types comes back as Arrow record batches, and
 * every getter reads from it exactly what it reads from the columnar form of the same result (the
 * connection property {@code arrow=false}).
 */
public class TestSluiceDriverArrowResults {
  private static final String SESSION_TIME_ZONE = ";conf.spark.sql.session.timeZone=";

  /** Every simple type, NULL in each column now and then, across DST changes and before 1970. */
  private static final String EVERY_SIMPLE_TYPE =
      "SELECT id,"
          + " IF(id % 11 = 1, NULL, CAST(id % 256 - 128 AS TINYINT)) tiny,"
          + " IF(id % 11 = 2, NULL, CAST(id * 13 % 65536 - 32768 AS SMALLINT)) small,"
          + " IF(id % 11 = 3, NULL, CAST(id * 104729 AS INT)) int_value,"
          + " IF(id % 11 = 4, NULL, id * 1000000007 - 4611686018427387904) big,"
          + " IF(id % 11 = 5, NULL, CAST(id / 7 AS FLOAT)) float_value,"
          + " IF(id % 11 = 6, NULL, id / 3D - 100) double_value,"
          + " IF(id % 11 = 7, NULL, CAST(id / 9 - 50 AS DECIMAL(20, 6))) dec_value,"
          + " IF(id % 11 = 8, NULL,"
          + " CAST(id * 123456789012345 - 99999999999999999 AS DECIMAL(38, 10)) / 7) wide_dec,"
          + " IF(id % 11 = 9, NULL, concat('row ', id, ' h\u00e9llo \u2713 \u4e16\u754c')) text,"
          + " IF(id % 11 = 10, NULL, CAST(concat('b', id) AS BINARY)) bytes,"
          + " IF(id % 13 = 0, NULL, id % 2 = 0) flag,"
          + " IF(id % 13 = 1, NULL, date_add(DATE'1969-12-25', CAST(id * 3 AS INT))) day,"
          + " IF(id % 13 = 2, NULL, TIMESTAMP'2024-03-10 00:59:59.5'"
          + " + make_interval(0, 0, 0, 0, 0, CAST(id AS INT), id / 1000)) ts,"
          + " IF(id % 13 = 3, NULL, CAST(TIMESTAMP'1969-12-31 23:59:00'"
          + " + make_interval(0, 0, 0, 0, 0, 0, id / 7) AS TIMESTAMP_NTZ)) ts_ntz"
          + " FROM range(0, 3000)";

  @Test
  public void simpleTypesReadThroughArrowAsThroughColumns() throws SQLException {
    for (String timeZone : List.of("America/Los_Angeles", "UTC", "Asia/Kolkata")) {
      String url = TestingServers.gatewayUrl() + SESSION_TIME_ZONE + timeZone;
      List<List<String>> arrow = read(url, EVERY_SIMPLE_TYPE, true);
      List<List<String>> columnar = read(url + ";arrow=false", EVERY_SIMPLE_TYPE, false);

      assertThat(arrow).hasSize(3000);
      assertThat(arrow).as("time zone %s", timeZone).isEqualTo(columnar);
    }
  }

  @Test
  public void limitsReadThroughArrowAsThroughColumns() throws SQLException {
    String query =
        "SELECT CAST(9223372036854775807 AS BIGINT) max_bigint,"
            + " CAST(-9223372036854775808 AS BIGINT) min_bigint,"
            + " CAST('99999999999999999999999999999999999999' AS DECIMAL(38,0)) max_decimal,"
            + " CAST('-0.00000000000000000000000000000000000001' AS DECIMAL(38,38)) tiny,"
            + " CAST('3.4028235E38' AS FLOAT) max_float, CAST('1.4E-45' AS FLOAT) min_float,"
            + " CAST('NaN' AS DOUBLE) nan, CAST('-Infinity' AS DOUBLE) negative_infinity,"
            + " DATE'0001-01-01' first_day, DATE'9999-12-31' last_day,"
            + " TIMESTAMP'0001-01-01 00:00:00' first_instant,"
            + " TIMESTAMP'9999-12-31 23:59:59.999999' last_instant, '' empty, X'' no_bytes,"
            + " TIMESTAMP'1800-06-01 12:00:00' nineteenth_century,"
            + " TIMESTAMP'1582-10-10 12:00:00' julian_gap, DATE'1582-10-10' julian_gap_day,"
            + " TIMESTAMP'1000-01-01 00:00:00.5' julian";
    // In UTC only: for instants before a zone's standard time (Los Angeles before 1883), Spark's
    // columnar text comes from java.sql.Timestamp and is minutes off the value Spark holds, which
    // Arrow carries and the driver shows.
    String url = TestingServers.gatewayUrl() + SESSION_TIME_ZONE + "UTC";

    assertThat(read(url, query, true)).isEqualTo(read(url + ";arrow=false", query, false));
  }

  @Test
  public void nestedResultsStayColumnar() throws SQLException {
    try (Connection connection = DriverManager.getConnection(TestingServers.gatewayUrl());
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT 1 id, array(1, 2) numbers")) {
      assertThat(result.unwrap(SluiceResultSet.class).isArrow()).isFalse();
      assertThat(result.next()).isTrue();
      assertThat(result.getString(2)).isEqualTo("[1,2]");
    }
  }

  /**
   * Reads {@code query} in small pages (so batches are cut by page boundaries) and renders what
   * every getter returns for every value, after checking the result's format.
   */
  private static List<List<String>> read(String url, String query, boolean expectArrow)
      throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.setFetchSize(700);
      try (ResultSet result = statement.executeQuery(query)) {
        assertThat(result.unwrap(SluiceResultSet.class).isArrow()).isEqualTo(expectArrow);
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          List<String> row = new ArrayList<>();
          for (int column = 1; column <= columns; column++) {
            row.add(everyGetter(result, column));
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }

  private static String everyGetter(ResultSet result, int column) {
    List<String> outcomes = new ArrayList<>();
    List<Getter> getters =
        List.of(
            () -> result.getObject(column),
            () -> result.getString(column),
            () -> result.getBoolean(column),
            () -> result.getByte(column),
            () -> result.getShort(column),
            () -> result.getInt(column),
            () -> result.getLong(column),
            () -> result.getFloat(column),
            () -> result.getDouble(column),
            () -> result.getBigDecimal(column),
            () -> result.getBytes(column),
            () -> result.getDate(column),
            () -> result.getTime(column),
            () -> result.getTimestamp(column),
            () -> result.getObject(column, LocalDate.class),
            () -> result.getObject(column, LocalDateTime.class),
            () -> result.getObject(column, BigInteger.class),
            () -> result.getObject(column, BigDecimal.class),
            () -> result.getObject(column, Date.class),
            () -> result.getObject(column, Time.class),
            () -> result.getObject(column, Timestamp.class));
    for (Getter getter : getters) {
      try {
        Object value = getter.get();
        String text =
            value instanceof byte[] bytes
                ? Arrays.toString(bytes)
                : value == null ? "null" : value.getClass().getSimpleName() + ":" + value;
        outcomes.add(text + (result.wasNull() ? " (null)" : ""));
      } catch (SQLException e) {
        outcomes.add(e.getSQLState() + ": " + e.getMessage());
      }
    }
    return String.join(" | ", outcomes);
  }

  @FunctionalInterface
  private interface Getter {
    Object get() throws SQLException;
  }
}
