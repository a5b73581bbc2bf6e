package io.sluice.gateway.compatibility;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The compatibility scenarios through a JDBC driver: one connection per suite, {@code
 * Statement.cancel()} from another thread, {@code DatabaseMetaData} for metadata.
 */
public abstract class BaseJdbcCompatibilityTest extends BaseCompatibilityTest {
  /** A token the gateway never issued. */
  protected static final String WRONG_TOKEN = "dapi-not-a-token-0000";

  private Connection connection;

  /** Opens a connection to the gateway authenticating with {@code token}. */
  protected abstract Connection connect(String token) throws SQLException;

  /** A connection for fetching in pages of {@code pageSize}; by default {@link #connect}. */
  protected Connection connectForPaging(String token, int pageSize) throws SQLException {
    return connect(token);
  }

  protected final Connection connection() {
    return connection;
  }

  @Override
  protected void openClient() throws SQLException {
    connection = connect(sluice().token());
  }

  @Override
  protected void closeClient() throws SQLException {
    if (connection != null) {
      connection.close();
    }
  }

  @Override
  protected void execute(List<String> statements) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  @Override
  protected QueryResult query(String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet resultSet = statement.executeQuery(sql)) {
      return JdbcResults.read(resultSet);
    }
  }

  @Override
  protected QueryResult queryInPages(String sql, int pageSize) throws SQLException {
    try (Connection paging = connectForPaging(sluice().token(), pageSize);
        Statement statement = paging.createStatement()) {
      statement.setFetchSize(pageSize);
      try (ResultSet resultSet = statement.executeQuery(sql)) {
        resultSet.setFetchSize(pageSize);
        return JdbcResults.read(resultSet);
      }
    }
  }

  @Override
  protected ClientFailure failure(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      try (ResultSet resultSet = statement.executeQuery(sql)) {
        JdbcResults.read(resultSet);
      } catch (SQLException e) {
        return ClientFailure.of(e);
      }
    }
    throw new AssertionError("Expected a failure from: " + sql);
  }

  @Override
  protected CancelOutcome cancelAfter(String sql, Duration delay, String followUp)
      throws SQLException {
    ScheduledExecutorService canceller = Executors.newSingleThreadScheduledExecutor();
    AtomicBoolean finished = new AtomicBoolean();
    Optional<ClientFailure> failure = Optional.empty();
    long start = System.nanoTime();
    try (Statement statement = connection.createStatement()) {
      // Keep cancelling until the query ends: a cancel that lands before the driver has an
      // operation handle is a no-op in some drivers.
      canceller.scheduleWithFixedDelay(
          () -> {
            if (!finished.get()) {
              try {
                statement.cancel();
              } catch (SQLException | RuntimeException ignored) {
                // Retried; the outcome is judged on the executing thread.
              }
            }
          },
          delay.toMillis(),
          1_000,
          TimeUnit.MILLISECONDS);
      try (ResultSet resultSet = statement.executeQuery(sql)) {
        JdbcResults.read(resultSet);
      } catch (SQLException e) {
        failure = Optional.of(ClientFailure.of(e));
      } finally {
        finished.set(true);
      }
    } finally {
      canceller.shutdownNow();
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    return new CancelOutcome(failure, elapsed, query(followUp).rows());
  }

  @Override
  protected ClientFailure connectWithWrongToken() {
    try (Connection refused = connect(WRONG_TOKEN);
        Statement statement = refused.createStatement();
        ResultSet resultSet = statement.executeQuery("SELECT 1")) {
      JdbcResults.read(resultSet);
    } catch (SQLException e) {
      return ClientFailure.of(e);
    }
    throw new AssertionError("A wrong token was accepted");
  }

  @Override
  protected List<Map<String, Object>> metadata(MetadataRequest request) throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    String schema = request.schemaPattern().orElse(null);
    return switch (request.kind()) {
      case CATALOGS -> rows(metaData.getCatalogs());
      case SCHEMAS -> rows(metaData.getSchemas(null, schema));
      case TABLES -> rows(metaData.getTables(null, schema, "%", null));
      case COLUMNS ->
          rows(metaData.getColumns(null, schema, request.tableName().orElseThrow(), "%"));
    };
  }
}
