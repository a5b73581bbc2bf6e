package io.sluice.jdbc;

import static java.util.Objects.requireNonNull;

import io.sluice.jdbc.client.ServerOperation;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs SQL text. Each statement executes asynchronously on the server and is polled, so {@link
 * #cancel} from another thread stops it; {@link #setQueryTimeout} travels with the statement and
 * the server enforces it. Only one result set is open at a time.
 */
class SluiceStatement implements Statement {
  private final SluiceConnection connection;
  private final List<String> batch = new ArrayList<>();
  private volatile ServerOperation operation;
  private SluiceResultSet resultSet;
  private long updateCount = -1;
  private int queryTimeoutSeconds;
  private int fetchSize;
  private long maxRows;
  private boolean closed;
  private boolean closeOnCompletion;
  private boolean poolable;

  SluiceStatement(SluiceConnection connection) {
    this.connection = requireNonNull(connection, "connection is null");
    this.queryTimeoutSeconds = connection.defaultQueryTimeoutSeconds();
  }

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    return querySql(sql);
  }

  final ResultSet querySql(String sql) throws SQLException {
    if (!executeSql(sql)) {
      throw new SQLException("The statement returned no result set: " + sql, "07005");
    }
    return resultSet;
  }

  @Override
  public int executeUpdate(String sql) throws SQLException {
    return Math.toIntExact(executeLargeUpdate(sql));
  }

  @Override
  public long executeLargeUpdate(String sql) throws SQLException {
    return updateSql(sql);
  }

  final long updateSql(String sql) throws SQLException {
    executeSql(sql);
    // Spark's Thrift Server answers every statement with a (possibly empty) result set.
    if (resultSet != null) {
      resultSet.close();
    }
    return Math.max(updateCount, 0);
  }

  @Override
  public boolean execute(String sql) throws SQLException {
    return executeSql(sql);
  }

  final boolean executeSql(String sql) throws SQLException {
    checkOpen();
    requireNonNull(sql, "sql is null");
    closeResult();
    updateCount = -1;
    ServerOperation started = connection.session().execute(sql, queryTimeoutSeconds);
    operation = started;
    try {
      started.awaitCompletion();
    } catch (SQLException e) {
      operation = null;
      closeQuietly(started);
      throw e;
    }
    if (started.hasResultSet()) {
      resultSet =
          new SluiceResultSet(
              this,
              new ServerRows(started, effectiveFetchSize(), maxRows, connection.pagePrefetcher()),
              effectiveFetchSize());
      return true;
    }
    updateCount = started.modifiedRowCount().orElse(0L);
    operation = null;
    started.close();
    return false;
  }

  /** Runs a metadata operation as this statement's result. */
  ResultSet metadataResult(ServerOperation started, RowSourceDecorator decorator)
      throws SQLException {
    closeResult();
    operation = started;
    try {
      started.awaitCompletion();
    } catch (SQLException e) {
      operation = null;
      closeQuietly(started);
      throw e;
    }
    RowSource rows = new ServerRows(started, effectiveFetchSize(), 0, connection.pagePrefetcher());
    resultSet = new SluiceResultSet(this, decorator.decorate(rows), effectiveFetchSize());
    closeOnCompletion = true;
    return resultSet;
  }

  /** Whether a statement is executing or its result is being read. */
  boolean isRunning() {
    return operation != null;
  }

  /** The server operation executing or being read, or null (for tests of server failures). */
  ServerOperation operation() {
    return operation;
  }

  @Override
  public void cancel() throws SQLException {
    checkOpen();
    ServerOperation running = operation;
    if (running != null) {
      running.cancel();
    }
  }

  @Override
  public void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    closeResult();
    connection.statementClosed(this);
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  void resultClosed(SluiceResultSet closedResult) throws SQLException {
    if (resultSet == closedResult) {
      resultSet = null;
      operation = null;
      if (closeOnCompletion) {
        close();
      }
    }
  }

  void resultExhausted(SluiceResultSet exhausted) {
    if (resultSet == exhausted) {
      operation = null;
    }
  }

  private void closeResult() throws SQLException {
    SluiceResultSet current = resultSet;
    resultSet = null;
    if (current != null) {
      boolean closeAfter = closeOnCompletion;
      closeOnCompletion = false;
      current.close();
      closeOnCompletion = closeAfter;
    }
    operation = null;
  }

  private static void closeQuietly(ServerOperation operation) {
    try {
      operation.close();
    } catch (SQLException ignored) {
      // The statement's own failure is the one to report.
    }
  }

  int effectiveFetchSize() {
    return fetchSize > 0 ? fetchSize : connection.defaultFetchSize();
  }

  @Override
  public ResultSet getResultSet() throws SQLException {
    checkOpen();
    return resultSet;
  }

  @Override
  public int getUpdateCount() throws SQLException {
    checkOpen();
    return (int) Math.min(updateCount, Integer.MAX_VALUE);
  }

  @Override
  public long getLargeUpdateCount() throws SQLException {
    checkOpen();
    return updateCount;
  }

  @Override
  public boolean getMoreResults() throws SQLException {
    return getMoreResults(CLOSE_CURRENT_RESULT);
  }

  @Override
  public boolean getMoreResults(int current) throws SQLException {
    checkOpen();
    if (current != CLOSE_CURRENT_RESULT && resultSet != null) {
      throw new SQLFeatureNotSupportedException("Only one result set can be open at a time");
    }
    closeResult();
    updateCount = -1;
    return false;
  }

  @Override
  public void addBatch(String sql) throws SQLException {
    addToBatch(sql);
  }

  final void addToBatch(String sql) throws SQLException {
    checkOpen();
    batch.add(requireNonNull(sql, "sql is null"));
  }

  @Override
  public void clearBatch() throws SQLException {
    checkOpen();
    batch.clear();
  }

  /** Runs the batched statements one after another (the protocol has no batches). */
  @Override
  public int[] executeBatch() throws SQLException {
    long[] counts = executeLargeBatch();
    int[] result = new int[counts.length];
    for (int index = 0; index < counts.length; index++) {
      result[index] = (int) Math.min(counts[index], Integer.MAX_VALUE);
    }
    return result;
  }

  @Override
  public long[] executeLargeBatch() throws SQLException {
    return runBatch();
  }

  final long[] runBatch() throws SQLException {
    checkOpen();
    List<String> statements = List.copyOf(batch);
    batch.clear();
    long[] counts = new long[statements.size()];
    for (int index = 0; index < statements.size(); index++) {
      try {
        counts[index] = updateSql(statements.get(index));
      } catch (SQLException e) {
        long[] done = java.util.Arrays.copyOf(counts, index);
        throw new BatchUpdateException(e.getMessage(), e.getSQLState(), e.getErrorCode(), done, e);
      }
    }
    return counts;
  }

  @Override
  public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    requireNoGeneratedKeys(autoGeneratedKeys);
    return executeUpdate(sql);
  }

  @Override
  public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
    throw noGeneratedKeys();
  }

  @Override
  public int executeUpdate(String sql, String[] columnNames) throws SQLException {
    throw noGeneratedKeys();
  }

  @Override
  public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    requireNoGeneratedKeys(autoGeneratedKeys);
    return executeLargeUpdate(sql);
  }

  @Override
  public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
    throw noGeneratedKeys();
  }

  @Override
  public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
    throw noGeneratedKeys();
  }

  @Override
  public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
    requireNoGeneratedKeys(autoGeneratedKeys);
    return execute(sql);
  }

  @Override
  public boolean execute(String sql, int[] columnIndexes) throws SQLException {
    throw noGeneratedKeys();
  }

  @Override
  public boolean execute(String sql, String[] columnNames) throws SQLException {
    throw noGeneratedKeys();
  }

  @Override
  public ResultSet getGeneratedKeys() throws SQLException {
    throw noGeneratedKeys();
  }

  private static void requireNoGeneratedKeys(int autoGeneratedKeys) throws SQLException {
    if (autoGeneratedKeys != NO_GENERATED_KEYS) {
      throw noGeneratedKeys();
    }
  }

  private static SQLException noGeneratedKeys() {
    return new SQLFeatureNotSupportedException("Generated keys are not supported");
  }

  @Override
  public int getMaxFieldSize() throws SQLException {
    checkOpen();
    return 0;
  }

  @Override
  public void setMaxFieldSize(int max) throws SQLException {
    checkOpen();
    if (max != 0) {
      throw new SQLFeatureNotSupportedException("A maximum field size is not supported");
    }
  }

  @Override
  public int getMaxRows() throws SQLException {
    return (int) Math.min(getLargeMaxRows(), Integer.MAX_VALUE);
  }

  @Override
  public void setMaxRows(int max) throws SQLException {
    setLargeMaxRows(max);
  }

  @Override
  public long getLargeMaxRows() throws SQLException {
    checkOpen();
    return maxRows;
  }

  @Override
  public void setLargeMaxRows(long max) throws SQLException {
    checkOpen();
    if (max < 0) {
      throw new SQLException("Max rows must not be negative: " + max, "HY024");
    }
    maxRows = max;
  }

  /** Escape syntax ({@code {fn ...}}, {@code {ts ...}}) is never rewritten; SQL goes as written. */
  @Override
  public void setEscapeProcessing(boolean enable) throws SQLException {
    checkOpen();
  }

  @Override
  public int getQueryTimeout() throws SQLException {
    checkOpen();
    return queryTimeoutSeconds;
  }

  @Override
  public void setQueryTimeout(int seconds) throws SQLException {
    checkOpen();
    if (seconds < 0) {
      throw new SQLException("Query timeout must not be negative: " + seconds, "HY024");
    }
    queryTimeoutSeconds = seconds;
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    checkOpen();
    return null;
  }

  @Override
  public void clearWarnings() throws SQLException {
    checkOpen();
  }

  @Override
  public void setCursorName(String name) throws SQLException {
    throw new SQLFeatureNotSupportedException("Named cursors are not supported");
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    checkOpen();
    if (direction != ResultSet.FETCH_FORWARD) {
      throw new SQLFeatureNotSupportedException("Results are forward-only");
    }
  }

  @Override
  public int getFetchDirection() throws SQLException {
    checkOpen();
    return ResultSet.FETCH_FORWARD;
  }

  @Override
  public void setFetchSize(int rows) throws SQLException {
    checkOpen();
    if (rows < 0) {
      throw new SQLException("Fetch size must not be negative: " + rows, "HY024");
    }
    fetchSize = rows;
  }

  @Override
  public int getFetchSize() throws SQLException {
    checkOpen();
    return effectiveFetchSize();
  }

  @Override
  public int getResultSetConcurrency() {
    return ResultSet.CONCUR_READ_ONLY;
  }

  @Override
  public int getResultSetType() {
    return ResultSet.TYPE_FORWARD_ONLY;
  }

  @Override
  public int getResultSetHoldability() {
    return ResultSet.CLOSE_CURSORS_AT_COMMIT;
  }

  @Override
  public Connection getConnection() throws SQLException {
    checkOpen();
    return connection;
  }

  @Override
  public void setPoolable(boolean poolable) throws SQLException {
    checkOpen();
    this.poolable = poolable;
  }

  @Override
  public boolean isPoolable() throws SQLException {
    checkOpen();
    return poolable;
  }

  @Override
  public void closeOnCompletion() throws SQLException {
    checkOpen();
    closeOnCompletion = true;
  }

  @Override
  public boolean isCloseOnCompletion() throws SQLException {
    checkOpen();
    return closeOnCompletion;
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("Not a wrapper for " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }

  final void checkOpen() throws SQLException {
    if (closed) {
      throw new SQLException("The statement is closed", "HY010");
    }
    connection.checkOpen();
  }

  /** Adjusts the rows of a metadata result (e.g. 0-based ordinals to JDBC's 1-based). */
  @FunctionalInterface
  interface RowSourceDecorator {
    RowSource decorate(RowSource rows);
  }
}
