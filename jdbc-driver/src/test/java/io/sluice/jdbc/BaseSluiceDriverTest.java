package io.sluice.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.sql.Struct;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a user of the driver relies on, written once against a URL. Subclasses choose the server
 * (Sluice gateway, Spark's Thrift Server) and how connections are obtained (DriverManager,
 * DataSource, a HikariCP pool).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BaseSluiceDriverTest {
  /**
   * A statement that runs for minutes unless cancelled: many short CPU-bound tasks, so a cancel
   * stops it at the next task. (Sleeping through {@code reflect} is refused by the gateway.)
   */
  private static final String SLOW_QUERY =
      "SELECT max(sha2(CAST(id AS STRING), 512)) FROM range(0, 200000000, 1, 100000)";

  /** The URL of the server under test, with credentials. */
  protected abstract String url();

  /** A new connection to {@link #url()}, through the entry point under test. */
  protected abstract Connection connect() throws SQLException;

  /** A schema private to this test class. */
  protected abstract String schema();

  @BeforeAll
  void createTable() throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema());
      statement.execute("DROP TABLE IF EXISTS " + schema() + ".people");
      statement.execute(
          "CREATE TABLE "
              + schema()
              + ".people (id BIGINT, name STRING, score DECIMAL(10,2), born DATE) USING parquet");
      statement.execute(
          "INSERT INTO "
              + schema()
              + ".people VALUES (1, 'ada', 12.50, DATE'1815-12-10'),"
              + " (2, 'o\\'brien', NULL, DATE'1990-01-01'), (3, 'zed', 99.99, NULL)");
    }
  }

  @AfterAll
  void dropSchema() throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema() + " CASCADE");
    } finally {
      closeEntryPoint();
    }
  }

  /** Whether connections are a pool's wrappers (which report closed use in their own way). */
  protected boolean pooled() {
    return false;
  }

  /** Releases what {@link #connect} holds (a pool); called once after every test. */
  protected void closeEntryPoint() {}

  @Test
  public void readsEveryKindOfValueWithJdbcConversions() throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                "SELECT CAST(7 AS TINYINT) t, CAST(300 AS SMALLINT) s, 70000 i,"
                    + " CAST(9007199254740993 AS BIGINT) b, CAST(1.5 AS FLOAT) f, 2.25D d,"
                    + " CAST('123.45' AS DECIMAL(10,2)) dec, 'text' str, X'00FF' bin, true bool,"
                    + " DATE'2024-02-29' dt, TIMESTAMP'2024-02-29 12:34:56.789' ts,"
                    + " array(1, 2, NULL) arr, map('k', 1) m, named_struct('a', 1, 'b', 'x') st,"
                    + " CAST(NULL AS INT) missing")) {
      assertThat(result.next()).isTrue();
      assertThat(result.getObject("t")).isEqualTo((byte) 7);
      assertThat(result.getObject("s")).isEqualTo((short) 300);
      assertThat(result.getObject("i")).isEqualTo(70000);
      assertThat(result.getObject("b")).isEqualTo(9007199254740993L);
      assertThat(result.getObject("f")).isEqualTo(1.5f);
      assertThat(result.getObject("d")).isEqualTo(2.25d);
      assertThat(result.getObject("dec")).isEqualTo(new BigDecimal("123.45"));
      assertThat(result.getObject("str")).isEqualTo("text");
      assertThat((byte[]) result.getObject("bin")).containsExactly(0x00, 0xFF);
      assertThat(result.getObject("bool")).isEqualTo(true);
      assertThat(result.getObject("dt")).isEqualTo(Date.valueOf("2024-02-29"));
      assertThat(result.getObject("ts")).isEqualTo(Timestamp.valueOf("2024-02-29 12:34:56.789"));

      // JDBC conversions between types.
      assertThat(result.getString("i")).isEqualTo("70000");
      assertThat(result.getLong("t")).isEqualTo(7L);
      assertThat(result.getInt("dec")).isEqualTo(123);
      assertThat(result.getDouble("dec")).isEqualTo(123.45);
      assertThat(result.getBigDecimal("b")).isEqualTo(new BigDecimal("9007199254740993"));
      assertThat(result.getString("f")).isEqualTo("1.5");
      assertThat(result.getObject("dt", java.time.LocalDate.class))
          .isEqualTo(java.time.LocalDate.of(2024, 2, 29));
      assertThat(result.getObject("ts", java.time.LocalDateTime.class))
          .isEqualTo(java.time.LocalDateTime.of(2024, 2, 29, 12, 34, 56, 789_000_000));
      assertThatThrownBy(() -> result.getByte("s"))
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22003"));
      assertThatThrownBy(() -> result.getInt("str"))
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22018"));

      // Arrays, maps and structs.
      assertThat(result.getArray("arr").getArray()).isEqualTo(new Object[] {1L, 2L, null});
      assertThat(result.getObject("m", Map.class)).isEqualTo(Map.of("k", 1L));
      assertThat(result.getObject("st", Struct.class).getAttributes())
          .isEqualTo(new Object[] {1L, "x"});

      assertThat(result.getInt("missing")).isZero();
      assertThat(result.wasNull()).isTrue();
      assertThat(result.getObject("missing")).isNull();
      assertThat(result.next()).isFalse();

      ResultSetMetaData metaData = result.getMetaData();
      assertThat(metaData.getColumnCount()).isEqualTo(16);
      assertThat(metaData.getColumnType(4)).isEqualTo(Types.BIGINT);
      assertThat(metaData.getColumnType(7)).isEqualTo(Types.DECIMAL);
      assertThat(metaData.getPrecision(7)).isEqualTo(10);
      assertThat(metaData.getScale(7)).isEqualTo(2);
      assertThat(metaData.getColumnType(13)).isEqualTo(Types.ARRAY);
      assertThat(metaData.getColumnClassName(4)).isEqualTo(Long.class.getName());
      assertThat(metaData.isNullable(1)).isEqualTo(ResultSetMetaData.columnNullableUnknown);
    }
  }

  @Test
  public void streamsLargeResultsInPagesAndHonoursMaxRows() throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.setFetchSize(1000);
      long sum = 0;
      int rows = 0;
      try (ResultSet result = statement.executeQuery("SELECT id FROM range(0, 25000)")) {
        while (result.next()) {
          sum += result.getLong(1);
          rows++;
        }
      }
      assertThat(rows).isEqualTo(25000);
      assertThat(sum).isEqualTo(24999L * 25000 / 2);

      statement.setMaxRows(10);
      try (ResultSet result = statement.executeQuery("SELECT id FROM range(0, 25000)")) {
        assertThat(readLongs(result)).hasSize(10);
      }
    }
  }

  @Test
  public void resultsAreCompleteAndInOrderWithAndWithoutPrefetchAtEveryFetchSize()
      throws SQLException {
    // 1001 rows: fetch sizes of 1, one that does not divide the result, one just under it and one
    // larger than it; each with the next page fetched ahead and without.
    List<String> expected = new ArrayList<>();
    for (int id = 0; id < 1001; id++) {
      expected.add(id + ":row-" + id + ":" + (id % 3 == 0 ? "null" : id * 0.5));
    }
    for (boolean prefetch : List.of(true, false)) {
      try (Connection connection = DriverManager.getConnection(url() + ";prefetch=" + prefetch);
          Statement statement = connection.createStatement()) {
        for (int fetchSize : List.of(1, 7, 1000, 5000)) {
          statement.setFetchSize(fetchSize);
          List<String> rows = new ArrayList<>();
          try (ResultSet result =
              statement.executeQuery(
                  "SELECT id, CONCAT('row-', CAST(id AS STRING)),"
                      + " IF(id % 3 = 0, NULL, id * 0.5D) FROM range(0, 1001) ORDER BY id")) {
            while (result.next()) {
              double half = result.getDouble(3);
              String third = result.wasNull() ? "null" : String.valueOf(half);
              rows.add(result.getLong(1) + ":" + result.getString(2) + ":" + third);
            }
          }
          assertThat(rows).as("prefetch=%s fetchSize=%s", prefetch, fetchSize).isEqualTo(expected);
        }
      }
    }
  }

  /** How many rows a result gave in all, and the error that ended it (null if it ended). */
  private record ReadOutcome(int rows, SQLException failure) {}

  /** Reads {@code result} to its end or its first error, counting on from {@code rowsRead}. */
  private static ReadOutcome readUntilFailure(ResultSet result, int rowsRead) {
    int rows = rowsRead;
    try {
      while (result.next()) {
        rows++;
      }
      return new ReadOutcome(rows, null);
    } catch (SQLException e) {
      return new ReadOutcome(rows, e);
    }
  }

  @Test
  public void aServerErrorOnALaterPageSurfacesFromNext() throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.setFetchSize(10);
      ResultSet result = statement.executeQuery("SELECT id FROM range(0, 1000)");
      assertThat(result.next()).isTrue();
      // The server forgets the operation while its pages are being read (as after an engine
      // restart): a page fetched later fails, and next() says so instead of ending quietly.
      statement.unwrap(SluiceStatement.class).operation().close();
      ReadOutcome outcome = readUntilFailure(result, 1);
      int rows = outcome.rows();
      SQLException failure = outcome.failure();
      assertThat((Object) failure).as("the error of a later page").isNotNull();
      assertThat(rows).isLessThan(1000);
      result.close();
      try (ResultSet again = statement.executeQuery("SELECT 4")) {
        assertThat(readLongs(again)).containsExactly(4L);
      }
    }
  }

  @Test
  public void cancelWhileReadingStopsTheResultWithinTwoPages() throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.setFetchSize(100);
      ResultSet result = statement.executeQuery("SELECT id FROM range(0, 100000)");
      assertThat(result.next()).isTrue();
      statement.cancel();
      // The rows of the current page and of at most one page fetched ahead are still delivered;
      // then next() reports the cancellation.
      ReadOutcome outcome = readUntilFailure(result, 1);
      int rows = outcome.rows();
      SQLException failure = outcome.failure();
      assertThat((Object) failure).as("cancellation reported by next()").isNotNull();
      assertThat(failure.getSQLState()).isEqualTo("HY008");
      assertThat(rows).isLessThanOrEqualTo(200);
      result.close();
      try (ResultSet again = statement.executeQuery("SELECT 5")) {
        assertThat(readLongs(again)).containsExactly(5L);
      }
    }
  }

  @Test
  public void closingAResultMidStreamLeavesTheConnectionUsable() throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.setFetchSize(10);
      ResultSet result = statement.executeQuery("SELECT id FROM range(0, 1000)");
      for (int row = 0; row < 15; row++) {
        assertThat(result.next()).isTrue();
        assertThat(result.getLong(1)).isEqualTo(row);
      }
      result.close();
      assertThat(result.isClosed()).isTrue();
      assertThatThrownBy(result::next).isInstanceOf(SQLException.class);
      try (ResultSet again = statement.executeQuery("SELECT id FROM range(0, 25)")) {
        assertThat(readLongs(again)).hasSize(25).startsWith(0L, 1L, 2L);
      }
    }
  }

  @Test
  public void preparedStatementBindsValuesAsDataNeverAsSql() throws SQLException {
    List<String> hostile =
        List.of(
            "' OR '1'='1",
            "o'brien",
            "\\' OR 1=1 --",
            "back\\slash\\",
            "'; DROP TABLE people; --",
            "`backtick` \"double\" ? question",
            "line\nbreak\ttab",
            "unicode \u00e9 \u4e16\u754c");
    try (Connection connection = connect();
        PreparedStatement echo = connection.prepareStatement("SELECT ? AS v, '?' AS literal");
        PreparedStatement lookup =
            connection.prepareStatement(
                "SELECT count(*) FROM " + schema() + ".people WHERE name = ?")) {
      for (String value : hostile) {
        echo.setString(1, value);
        try (ResultSet result = echo.executeQuery()) {
          assertThat(result.next()).isTrue();
          assertThat(result.getString(1)).isEqualTo(value);
          assertThat(result.getString(2)).isEqualTo("?");
        }
        lookup.setString(1, value);
        try (ResultSet result = lookup.executeQuery()) {
          assertThat(result.next()).isTrue();
          assertThat(result.getLong(1))
              .as("rows matching %s", value)
              .isEqualTo(value.equals("o'brien") ? 1 : 0);
        }
      }
      assertThat(countRows(connection, schema() + ".people")).isEqualTo(3);
    }
  }

  @Test
  public void preparedStatementBindsEveryType() throws SQLException {
    try (Connection connection = connect();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, typeof(?), ?")) {
      statement.setBoolean(1, true);
      statement.setByte(2, (byte) -8);
      statement.setShort(3, (short) 1234);
      statement.setInt(4, Integer.MIN_VALUE);
      statement.setLong(5, Long.MAX_VALUE);
      statement.setFloat(6, 0.1f);
      statement.setDouble(7, 1e-300);
      statement.setBigDecimal(8, new BigDecimal("-12345678901234567890.123456789"));
      statement.setBytes(9, new byte[] {1, 2, (byte) 0xFE});
      statement.setDate(10, Date.valueOf("2000-02-29"));
      statement.setTimestamp(11, Timestamp.valueOf("2001-02-03 04:05:06.123456"));
      statement.setNull(12, Types.VARCHAR);
      statement.setObject(13, 42L);
      statement.setObject(14, "x", Types.VARCHAR);
      try (ResultSet result = statement.executeQuery()) {
        assertThat(result.next()).isTrue();
        assertThat(result.getBoolean(1)).isTrue();
        assertThat(result.getByte(2)).isEqualTo((byte) -8);
        assertThat(result.getShort(3)).isEqualTo((short) 1234);
        assertThat(result.getInt(4)).isEqualTo(Integer.MIN_VALUE);
        assertThat(result.getLong(5)).isEqualTo(Long.MAX_VALUE);
        assertThat(result.getFloat(6)).isEqualTo(0.1f);
        assertThat(result.getDouble(7)).isEqualTo(1e-300);
        assertThat(result.getBigDecimal(8))
            .isEqualTo(new BigDecimal("-12345678901234567890.123456789"));
        assertThat(result.getBytes(9)).containsExactly(1, 2, 0xFE);
        assertThat(result.getDate(10)).isEqualTo(Date.valueOf("2000-02-29"));
        assertThat(result.getTimestamp(11))
            .isEqualTo(Timestamp.valueOf("2001-02-03 04:05:06.123456"));
        assertThat(result.getString(12)).isNull();
        assertThat(result.getString(13)).isEqualTo("bigint");
        assertThat(result.getString(14)).isEqualTo("x");
      }
      statement.clearParameters();
      assertThatThrownBy(statement::executeQuery)
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("07001"));
    }
  }

  @Test
  public void updatesAndBatches() throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      String table = schema() + ".events";
      statement.executeUpdate("DROP TABLE IF EXISTS " + table);
      statement.executeUpdate("CREATE TABLE " + table + " (id INT, kind STRING) USING parquet");
      try (PreparedStatement insert =
          connection.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)")) {
        for (int id = 1; id <= 3; id++) {
          insert.setInt(1, id);
          insert.setString(2, "kind-" + id);
          insert.addBatch();
        }
        assertThat(insert.executeBatch()).hasSize(3);
      }
      assertThat(countRows(connection, table)).isEqualTo(3);
    }
  }

  @Test
  public void serverErrorsCarryTheServersSqlState() throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM no_such_table_anywhere"))
          .isInstanceOfSatisfying(
              SQLException.class,
              e -> {
                assertThat(e.getSQLState()).isEqualTo("42P01");
                assertThat(e.getMessage()).containsIgnoringCase("no_such_table_anywhere");
              });
      // The connection stays usable.
      try (ResultSet result = statement.executeQuery("SELECT 1")) {
        assertThat(readLongs(result)).containsExactly(1L);
      }
    }
  }

  @Test
  public void cancelFromAnotherThreadStopsTheStatement() throws Exception {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      SluiceStatement sluiceStatement = statement.unwrap(SluiceStatement.class);
      CompletableFuture<Object> running =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return statement.executeQuery(SLOW_QUERY);
                } catch (SQLException e) {
                  return e;
                }
              });
      while (!sluiceStatement.isRunning() && !running.isDone()) {
        Thread.onSpinWait();
      }
      statement.cancel();
      Object outcome = running.get(2, TimeUnit.MINUTES);
      assertThat(outcome).isInstanceOf(SQLException.class);
      assertThat(((SQLException) outcome).getSQLState()).isEqualTo("HY008");
      try (ResultSet result = statement.executeQuery("SELECT 2")) {
        assertThat(readLongs(result)).containsExactly(2L);
      }
    }
  }

  @Test
  public void queryTimeoutIsEnforcedByTheServer() throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(2);
      assertThatThrownBy(() -> statement.executeQuery(SLOW_QUERY))
          .isInstanceOfSatisfying(
              SQLTimeoutException.class, e -> assertThat(e.getSQLState()).isEqualTo("HYT00"));
      statement.setQueryTimeout(0);
      try (ResultSet result = statement.executeQuery("SELECT 3")) {
        assertThat(readLongs(result)).containsExactly(3L);
      }
    }
  }

  @Test
  public void browsesMetadataAsDbeaverDoes() throws SQLException {
    try (Connection connection = connect()) {
      DatabaseMetaData metaData = connection.getMetaData();
      assertThat(metaData.getDatabaseProductName()).isEqualTo("Spark SQL");
      assertThat(metaData.getIdentifierQuoteString()).isEqualTo("`");
      assertThat(metaData.supportsTransactions()).isFalse();

      List<String> catalogs = new ArrayList<>();
      try (ResultSet result = metaData.getCatalogs()) {
        while (result.next()) {
          catalogs.add(result.getString("TABLE_CAT"));
        }
      }
      assertThat(catalogs).isNotNull();
      String catalog = catalogs.isEmpty() ? null : catalogs.get(0);

      List<String> schemas = new ArrayList<>();
      try (ResultSet result = metaData.getSchemas(catalog, null)) {
        while (result.next()) {
          schemas.add(result.getString("TABLE_SCHEM"));
        }
      }
      assertThat(schemas).contains("default", schema());

      List<String> tables = new ArrayList<>();
      try (ResultSet result = metaData.getTables(catalog, schema(), "%", null)) {
        while (result.next()) {
          tables.add(result.getString("TABLE_NAME"));
          assertThat(result.getString("TABLE_SCHEM")).isEqualTo(schema());
        }
      }
      assertThat(tables).contains("people");

      List<String> columns = new ArrayList<>();
      try (ResultSet result = metaData.getColumns(catalog, schema(), "people", "%")) {
        while (result.next()) {
          columns.add(
              result.getString("COLUMN_NAME")
                  + ":"
                  + result.getInt("DATA_TYPE")
                  + ":"
                  + result.getInt("ORDINAL_POSITION"));
        }
      }
      assertThat(columns)
          .containsExactly(
              "id:" + Types.BIGINT + ":1",
              "name:" + Types.VARCHAR + ":2",
              "score:" + Types.DECIMAL + ":3",
              "born:" + Types.DATE + ":4");

      try (Statement statement = connection.createStatement()) {
        statement.setMaxRows(200);
        try (ResultSet preview =
            statement.executeQuery(
                "SELECT * FROM `" + schema() + "`.`people` ORDER BY id LIMIT 200")) {
          assertThat(preview.getMetaData().getColumnCount()).isEqualTo(4);
          assertThat(readLongs(preview)).containsExactly(1L, 2L, 3L);
        }
      }
      try (ResultSet result = metaData.getTypeInfo()) {
        List<String> types = new ArrayList<>();
        while (result.next()) {
          types.add(result.getString("TYPE_NAME"));
        }
        assertThat(types).contains("BIGINT", "STRING", "DECIMAL");
      }
      try (ResultSet result = metaData.getPrimaryKeys(catalog, schema(), "people")) {
        assertThat(result.next()).isFalse();
      }
    }
  }

  @Test
  public void catalogAndSchemaFollowTheSession() throws SQLException {
    try (Connection connection = connect()) {
      assertThat(connection.getSchema()).isEqualTo("default");
      connection.setSchema(schema());
      assertThat(connection.getSchema()).isEqualTo(schema());
      assertThat(countRows(connection, "people")).isEqualTo(3);
      assertThat(connection.getCatalog()).isEqualTo("spark_catalog");
      assertThat(connection.getAutoCommit()).isTrue();
      assertThat(connection.isValid(10)).isTrue();
      connection.close();
      assertThat(connection.isValid(10)).isFalse();
      assertThatThrownBy(connection::createStatement)
          .isInstanceOfSatisfying(
              SQLException.class,
              e -> {
                if (!pooled()) {
                  assertThat(e.getSQLState()).isEqualTo("08003");
                }
              });
    }
  }

  static List<Long> readLongs(ResultSet result) throws SQLException {
    List<Long> values = new ArrayList<>();
    while (result.next()) {
      values.add(result.getLong(1));
    }
    return values;
  }

  static long countRows(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT count(*) FROM " + table)) {
      result.next();
      return result.getLong(1);
    }
  }
}
