package io.sluice.gateway.compatibility;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.sluice.gateway.compatibility.CanonicalValues.NumericFidelity;
import io.sluice.gateway.compatibility.CanonicalValues.SparkType;
import io.sluice.gateway.testing.TestingSluice;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The compatibility scenarios, written once and run through every real client (Hive JDBC over each
 * transport, Databricks JDBC, the Databricks Node.js driver) against the shared testing gateway.
 *
 * <p>Every result is differential: the same statement runs straight on the Spark engine through
 * {@link TestingSluice#directEngineConnection()}, and both sides are rendered by {@link
 * CanonicalValues} with the client's {@link NumericFidelity} before comparison.
 *
 * <p>A subclass says how its client runs a statement, fetches pages, reads metadata, cancels, and
 * connects with a wrong token. Each subclass uses its own schema so suites never share tables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES) // lifecycle methods: the first one starts Spark
public abstract class BaseCompatibilityTest {
  /**
   * Runs for minutes, longer than any test waits for it, as 100,000 tasks of a few milliseconds
   * each: a cancel stops it within one task (Spark launches no further task of a canceled job,
   * while a single long CPU-bound task would only die when it next checks for being killed). It
   * used to sleep through {@code reflect}, which the gateway now refuses: reflect runs arbitrary
   * Java code on the engine.
   */
  protected static final String LONG_RUNNING_QUERY =
      "SELECT max(sha2(CAST(id AS STRING), 512)) FROM range(0, 200000000, 1, 100000)";

  protected static final int PAGED_ROWS = 100_000;
  protected static final int PAGE_SIZE = 1_000;

  protected static final String UNKNOWN_TABLE = "no_such_table";

  private TestingSluice sluice;
  private AllTypesTable table;

  /** The schema this suite owns, e.g. {@code compat_hive_binary}. */
  protected abstract String schema();

  /** How faithfully the client carries DECIMAL and BIGINT. */
  protected NumericFidelity numericFidelity() {
    return NumericFidelity.EXACT;
  }

  /** Opens whatever the client keeps across tests (a connection), once per suite. */
  protected void openClient() throws Exception {}

  protected void closeClient() throws Exception {}

  /** Runs statements in order in one session through the client; fails on the first error. */
  protected abstract void execute(List<String> statements) throws Exception;

  /** Runs a query through the client and returns every row as the client's values. */
  protected abstract QueryResult query(String sql) throws Exception;

  /** As {@link #query}, fetching at most {@code pageSize} rows per round trip. */
  protected abstract QueryResult queryInPages(String sql, int pageSize) throws Exception;

  /** Runs a statement expected to fail and returns the failure as the client reported it. */
  protected abstract ClientFailure failure(String sql) throws Exception;

  /**
   * Starts {@code sql}, cancels it from elsewhere after {@code delay} the way the client cancels,
   * then runs {@code followUp} in the same session.
   */
  protected abstract CancelOutcome cancelAfter(String sql, Duration delay, String followUp)
      throws Exception;

  /** Connects with a token the gateway never issued and runs {@code SELECT 1}. */
  protected abstract ClientFailure connectWithWrongToken() throws Exception;

  /** Metadata rows (column label in upper case to value) as the client's metadata API gives. */
  protected abstract List<Map<String, Object>> metadata(MetadataRequest request) throws Exception;

  /**
   * The {@code java.sql.Types} code the client reports in {@code getColumns} for a column of this
   * type, given the engine's. By default the engine's.
   */
  protected int expectedDataType(SparkType type, int engineDataType) {
    return engineDataType;
  }

  /** Extra, client-specific checks on a refused token (HTTP status, message). */
  protected void assertRefusedToken(ClientFailure failure) {}

  protected final TestingSluice sluice() {
    return sluice;
  }

  protected final AllTypesTable table() {
    return table;
  }

  @BeforeAll
  final void createTablesThroughClient() throws Exception {
    sluice = TestingSluice.shared();
    table = new AllTypesTable(schema());
    openClient();
    execute(table.setupStatements());
  }

  @AfterAll
  final void dropSchema() throws Exception {
    try {
      closeClient();
    } finally {
      if (sluice != null) {
        try (Connection direct = sluice.directEngineConnection();
            Statement statement = direct.createStatement()) {
          statement.execute(table.dropSchemaStatement());
        }
      }
    }
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void everySparkTypeMatchesTheEngine() throws Exception {
    CanonicalValues canonical = new CanonicalValues(numericFidelity());
    QueryResult result = query(table.selectAll());
    assertThat(result.columnNames())
        .map(name -> name.toLowerCase(Locale.ROOT))
        .containsExactlyElementsOf(table.columnNames());

    List<List<String>> expected = canonical.renderRows(table.types(), direct(table.selectAll()));
    List<List<String>> actual = canonical.renderRows(table.types(), result.rows());
    assertThat(expected).hasSize(AllTypesTable.rowCount());
    assertThat(actual).hasSameSizeAs(expected);
    for (int row = 0; row < expected.size(); row++) {
      for (int column = 0; column < expected.get(row).size(); column++) {
        assertThat(actual.get(row).get(column))
            .as(
                "row %d column %s (client value %s)",
                row, table.columnNames().get(column), describe(result.rows().get(row).get(column)))
            .isEqualTo(expected.get(row).get(column));
      }
    }
    assertThat(actual.get(2)).as("the NULL row").containsOnlyNulls();
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void integersAndDecimalsAtTheirLimitsMatchTheEngine() throws Exception {
    assumeThat(numericFidelity())
        .as("this client carries BIGINT and DECIMAL as JavaScript numbers")
        .isEqualTo(NumericFidelity.EXACT);
    CanonicalValues canonical = new CanonicalValues(numericFidelity());
    List<SparkType> types = AllTypesTable.limitsTypes();
    assertThat(canonical.renderRows(types, query(AllTypesTable.limitsQuery()).rows()))
        .isEqualTo(canonical.renderRows(types, direct(AllTypesTable.limitsQuery())))
        .containsExactly(
            List.of(
                "9223372036854775807",
                "-9223372036854775808",
                "99999999999999999999999999999999999999",
                "-0.00000000000000000000000000000000000001"));
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void hundredThousandRowsArriveOverManyPages() throws Exception {
    String sql =
        "SELECT id, concat('row-', CAST(id AS STRING)) AS label, CAST(id AS DOUBLE) / 4 AS quarter"
            + " FROM range(0, "
            + PAGED_ROWS
            + ") ORDER BY id";
    List<SparkType> types = List.of(SparkType.BIGINT, SparkType.STRING, SparkType.DOUBLE);
    CanonicalValues canonical = new CanonicalValues(numericFidelity());

    QueryResult result = queryInPages(sql, PAGE_SIZE);
    Checksum actual = Checksum.of(canonical.renderRows(types, result.rows()));
    Checksum expected = Checksum.of(canonical.renderRows(types, direct(sql)));

    assertThat(actual.rows()).isEqualTo(PAGED_ROWS);
    assertThat(actual).isEqualTo(expected);
    result
        .pageCount()
        .ifPresent(pages -> assertThat(pages).isGreaterThanOrEqualTo(PAGED_ROWS / PAGE_SIZE));
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void metadataDescribesTheCreatedTable() throws Exception {
    // Catalogs: the same as the engine's.
    Set<Object> catalogs = column(metadata(MetadataRequest.catalogs()), "TABLE_CAT");
    try (Connection direct = sluice.directEngineConnection()) {
      DatabaseMetaData engine = direct.getMetaData();
      assertThat(catalogs).isEqualTo(column(rows(engine.getCatalogs()), "TABLE_CAT"));

      // Schemas: this suite's schema is there.
      List<Map<String, Object>> schemas = metadata(MetadataRequest.schemas(schema()));
      assertThat(column(schemas, "TABLE_SCHEM")).contains(schema());

      // Tables: the created table, with the engine's table type.
      List<Map<String, Object>> tables = metadata(MetadataRequest.tables(schema()));
      List<Map<String, Object>> engineTables = rows(engine.getTables(null, schema(), "%", null));
      assertThat(column(tables, "TABLE_NAME")).contains(AllTypesTable.TABLE);
      assertThat(row(tables, "TABLE_NAME", AllTypesTable.TABLE).get("TABLE_TYPE"))
          .isEqualTo(row(engineTables, "TABLE_NAME", AllTypesTable.TABLE).get("TABLE_TYPE"));
      assertThat(row(tables, "TABLE_NAME", AllTypesTable.TABLE).get("TABLE_SCHEM"))
          .isEqualTo(schema());

      // Columns: every column, in order, with the engine's type names and JDBC type codes.
      List<Map<String, Object>> columns =
          byOrdinal(metadata(MetadataRequest.columns(schema(), AllTypesTable.TABLE)));
      List<Map<String, Object>> engineColumns =
          byOrdinal(rows(engine.getColumns(null, schema(), AllTypesTable.TABLE, "%")));
      assertThat(columns)
          .extracting(row -> row.get("COLUMN_NAME"))
          .containsExactlyElementsOf(table.columnNames());
      // Databricks JDBC reports DECIMAL(38,10) as TYPE_NAME "DECIMAL" (precision and scale are in
      // COLUMN_SIZE and DECIMAL_DIGITS), so type names are compared without their parameters.
      assertThat(columns)
          .extracting(row -> baseTypeName(row.get("TYPE_NAME")))
          .containsExactlyElementsOf(
              engineColumns.stream().map(row -> baseTypeName(row.get("TYPE_NAME"))).toList());
      List<Integer> expectedDataTypes = new ArrayList<>();
      for (int index = 0; index < engineColumns.size(); index++) {
        expectedDataTypes.add(
            expectedDataType(
                AllTypesTable.COLUMNS.get(index).type(),
                ((Number) engineColumns.get(index).get("DATA_TYPE")).intValue()));
      }
      assertThat(columns)
          .extracting(row -> ((Number) row.get("DATA_TYPE")).intValue())
          .containsExactlyElementsOf(expectedDataTypes);

      // Spark reports a DECIMAL's COLUMN_SIZE as its storage size (16); JDBC means the precision.
      Map<String, Object> decimal = row(columns, "COLUMN_NAME", "c_decimal");
      Map<String, Object> engineDecimal = row(engineColumns, "COLUMN_NAME", "c_decimal");
      assertThat(((Number) decimal.get("COLUMN_SIZE")).intValue())
          .isIn(38, ((Number) engineDecimal.get("COLUMN_SIZE")).intValue());
      assertThat(((Number) decimal.get("DECIMAL_DIGITS")).intValue()).isEqualTo(10);
    }
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void unknownTableFailsWithSparkMessageAndSqlState42P01() throws Exception {
    String sql = "SELECT * FROM " + schema() + "." + UNKNOWN_TABLE;
    ClientFailure failure = failure(sql);
    assertThat(failure.message()).contains(UNKNOWN_TABLE).contains("TABLE_OR_VIEW_NOT_FOUND");
    assertThat(failure.sqlState()).contains("42P01");
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void cancellingALongQueryEndsItAndTheSessionStillWorks() throws Exception {
    CancelOutcome outcome =
        cancelAfter(LONG_RUNNING_QUERY, Duration.ofSeconds(2), "SELECT 1 AS one");
    assertThat(outcome.failure())
        .as("the cancelled query ends with an error or cancellation, not a result")
        .isPresent();
    assertThat(outcome.elapsed()).isLessThan(Duration.ofSeconds(60));
    assertThat(
            new CanonicalValues(numericFidelity())
                .renderRows(List.of(SparkType.INT), outcome.followUpRows()))
        .containsExactly(List.of("1"));
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void wrongTokenIsRefusedQuickly() throws Exception {
    long start = System.nanoTime();
    ClientFailure failure = connectWithWrongToken();
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    assertThat(elapsed).as("refused without retrying").isLessThan(Duration.ofSeconds(20));
    assertThat(failure.message()).isNotBlank();
    failure.httpStatus().ifPresent(status -> assertThat(status).isIn(401, 403));
    assertRefusedToken(failure);
  }

  // ------------------------------------------------------------------------------------------

  /** The rows of a query run straight on the engine, as Hive JDBC objects. */
  protected final List<List<Object>> direct(String sql) throws SQLException {
    try (Connection direct = sluice.directEngineConnection();
        Statement statement = direct.createStatement()) {
      statement.setFetchSize(10_000);
      try (ResultSet resultSet = statement.executeQuery(sql)) {
        return JdbcResults.read(resultSet).rows();
      }
    }
  }

  protected static List<Map<String, Object>> rows(ResultSet resultSet) throws SQLException {
    try (resultSet) {
      ResultSetMetaData metaData = resultSet.getMetaData();
      List<Map<String, Object>> rows = new ArrayList<>();
      while (resultSet.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int column = 1; column <= metaData.getColumnCount(); column++) {
          row.put(label(metaData.getColumnLabel(column)), resultSet.getObject(column));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  /** Metadata column labels in upper case, without a {@code table.} prefix. */
  protected static String label(String label) {
    int dot = label.lastIndexOf('.');
    return (dot >= 0 ? label.substring(dot + 1) : label).toUpperCase(Locale.ROOT);
  }

  private static Set<Object> column(List<Map<String, Object>> rows, String name) {
    return rows.stream().map(row -> row.get(name)).collect(Collectors.toSet());
  }

  private static Map<String, Object> row(
      List<Map<String, Object>> rows, String name, Object value) {
    return rows.stream()
        .filter(row -> value.equals(row.get(name)))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("No row with " + name + " = " + value + " in " + rows));
  }

  /** {@code DECIMAL(38,10)} becomes {@code DECIMAL}; {@code ARRAY<INT>} stays as it is. */
  private static String baseTypeName(Object typeName) {
    return String.valueOf(typeName).replaceFirst("\\(.*\\)$", "").toUpperCase(Locale.ROOT);
  }

  private static List<Map<String, Object>> byOrdinal(List<Map<String, Object>> rows) {
    Map<Integer, Map<String, Object>> sorted = new TreeMap<>();
    for (Map<String, Object> row : rows) {
      sorted.put(((Number) row.get("ORDINAL_POSITION")).intValue(), row);
    }
    return List.copyOf(sorted.values());
  }

  private static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof byte[] bytes) {
      return "byte[" + bytes.length + "]";
    }
    return value.getClass().getSimpleName() + " " + value;
  }

  // ------------------------------------------------------------------------------------------

  /** What a client returned for a query. {@code pageCount} if the client can tell. */
  public record QueryResult(
      List<String> columnNames, List<List<Object>> rows, Optional<Integer> pageCount) {
    public QueryResult {
      columnNames = List.copyOf(columnNames);
      rows = List.copyOf(rows);
      requireNonNull(pageCount, "pageCount is null");
    }
  }

  /** An error as the client reported it. */
  public record ClientFailure(
      String message, Optional<String> sqlState, Optional<Integer> httpStatus) {
    public ClientFailure {
      requireNonNull(message, "message is null");
      requireNonNull(sqlState, "sqlState is null");
      requireNonNull(httpStatus, "httpStatus is null");
    }

    public static ClientFailure of(SQLException exception) {
      StringBuilder message = new StringBuilder();
      for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
        if (cause.getMessage() != null) {
          message.append(message.length() == 0 ? "" : " / ").append(cause.getMessage());
        }
        if (cause.getCause() == cause) {
          break;
        }
      }
      return new ClientFailure(
          message.toString(), Optional.ofNullable(exception.getSQLState()), Optional.empty());
    }
  }

  /** How a cancelled query ended, and the rows of the statement run after it. */
  public record CancelOutcome(
      Optional<ClientFailure> failure, Duration elapsed, List<List<Object>> followUpRows) {
    public CancelOutcome {
      requireNonNull(failure, "failure is null");
      requireNonNull(elapsed, "elapsed is null");
      followUpRows = List.copyOf(followUpRows);
    }
  }

  /** A metadata lookup, in the terms of JDBC's DatabaseMetaData. */
  public record MetadataRequest(
      Kind kind, Optional<String> schemaPattern, Optional<String> tableName) {
    public enum Kind {
      CATALOGS,
      SCHEMAS,
      TABLES,
      COLUMNS
    }

    public MetadataRequest {
      requireNonNull(kind, "kind is null");
      requireNonNull(schemaPattern, "schemaPattern is null");
      requireNonNull(tableName, "tableName is null");
    }

    public static MetadataRequest catalogs() {
      return new MetadataRequest(Kind.CATALOGS, Optional.empty(), Optional.empty());
    }

    public static MetadataRequest schemas(String schema) {
      return new MetadataRequest(Kind.SCHEMAS, Optional.of(schema), Optional.empty());
    }

    public static MetadataRequest tables(String schema) {
      return new MetadataRequest(Kind.TABLES, Optional.of(schema), Optional.empty());
    }

    public static MetadataRequest columns(String schema, String table) {
      return new MetadataRequest(Kind.COLUMNS, Optional.of(schema), Optional.of(table));
    }
  }

  /** Row count and an order-sensitive CRC of the canonical rows. */
  record Checksum(long rows, long crc) {
    static Checksum of(List<List<String>> rows) {
      CRC32 crc = new CRC32();
      for (List<String> row : rows) {
        for (String value : row) {
          crc.update((value == null ? "\u0000NULL" : value).getBytes(StandardCharsets.UTF_8));
          crc.update(0x1f);
        }
        crc.update(0x1e);
      }
      return new Checksum(rows.size(), crc.getValue());
    }
  }
}
