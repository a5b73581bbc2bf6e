package io.sluice.jdbc;

import static java.util.Objects.requireNonNull;

import io.sluice.jdbc.client.HiveServerSession;
import io.sluice.jdbc.client.ServerErrors;
import io.sluice.jdbc.config.ConnectionConfig;
import io.sluice.jdbc.config.ConnectionProperties;
import io.sluice.protocol.thrift.TGetInfoType;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.ClientInfoStatus;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One session on a HiveServer2-protocol server.
 *
 * <p>Auto-commit is always on: every statement commits when it finishes, there are no transactions,
 * and {@code setAutoCommit(false)} is refused. {@link #setReadOnly} is accepted as a hint.
 */
final class SluiceConnection implements Connection {
  private final String url;
  private final ConnectionConfig config;
  private final HiveServerSession session;
  private final Set<SluiceStatement> statements = ConcurrentHashMap.newKeySet();
  private final Properties clientInfo = new Properties();
  private final ExecutorService prefetcher;
  private volatile boolean closed;
  private boolean readOnly;
  private int networkTimeoutMillis;
  private String dbmsName;

  SluiceConnection(String url, ConnectionConfig config) throws SQLException {
    this.url = requireNonNull(url, "url is null");
    this.config = requireNonNull(config, "config is null");
    this.session = HiveServerSession.open(config);
    this.networkTimeoutMillis =
        Math.toIntExact(config.required(ConnectionProperties.SOCKET_TIMEOUT).toMillis());
    this.prefetcher =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, "sluice-jdbc-prefetch");
              thread.setDaemon(true);
              return thread;
            });
    try {
      var catalog = config.value(ConnectionProperties.CATALOG);
      if (catalog.isPresent()) {
        setCatalog(catalog.get());
      }
      var schema = config.value(ConnectionProperties.SCHEMA);
      if (schema.isPresent()) {
        setSchema(schema.get());
      }
    } catch (SQLException e) {
      close();
      throw e;
    }
  }

  HiveServerSession session() throws SQLException {
    checkOpen();
    return session;
  }

  /**
   * Where result pages are fetched ahead of the reader; empty when the prefetch property is off.
   */
  Optional<Executor> pagePrefetcher() {
    return config.required(ConnectionProperties.PREFETCH)
        ? Optional.of(prefetcher)
        : Optional.empty();
  }

  String url() {
    return url;
  }

  ConnectionConfig config() {
    return config;
  }

  int defaultFetchSize() {
    return config.required(ConnectionProperties.FETCH_SIZE);
  }

  int defaultQueryTimeoutSeconds() {
    return Math.toIntExact(config.required(ConnectionProperties.QUERY_TIMEOUT).toSeconds());
  }

  /** The server's DBMS name (GetInfo), asked once. */
  synchronized String dbmsName() throws SQLException {
    if (dbmsName == null) {
      dbmsName = session().info(TGetInfoType.CLI_DBMS_NAME);
    }
    return dbmsName;
  }

  void statementClosed(SluiceStatement statement) {
    statements.remove(statement);
  }

  private <T extends SluiceStatement> T register(T statement) {
    statements.add(statement);
    return statement;
  }

  @Override
  public Statement createStatement() throws SQLException {
    checkOpen();
    return register(new SluiceStatement(this));
  }

  @Override
  public Statement createStatement(int resultSetType, int resultSetConcurrency)
      throws SQLException {
    checkResultSetOptions(resultSetType, resultSetConcurrency, ResultSet.CLOSE_CURSORS_AT_COMMIT);
    return createStatement();
  }

  @Override
  public Statement createStatement(
      int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
    checkResultSetOptions(resultSetType, resultSetConcurrency, resultSetHoldability);
    return createStatement();
  }

  @Override
  public PreparedStatement prepareStatement(String sql) throws SQLException {
    checkOpen();
    return register(new SluicePreparedStatement(this, requireNonNull(sql, "sql is null")));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
      throws SQLException {
    checkResultSetOptions(resultSetType, resultSetConcurrency, ResultSet.CLOSE_CURSORS_AT_COMMIT);
    return prepareStatement(sql);
  }

  @Override
  public PreparedStatement prepareStatement(
      String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability)
      throws SQLException {
    checkResultSetOptions(resultSetType, resultSetConcurrency, resultSetHoldability);
    return prepareStatement(sql);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
    if (autoGeneratedKeys != Statement.NO_GENERATED_KEYS) {
      throw new SQLFeatureNotSupportedException("Generated keys are not supported");
    }
    return prepareStatement(sql);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
    throw new SQLFeatureNotSupportedException("Generated keys are not supported");
  }

  @Override
  public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
    throw new SQLFeatureNotSupportedException("Generated keys are not supported");
  }

  @Override
  public CallableStatement prepareCall(String sql) throws SQLException {
    throw new SQLFeatureNotSupportedException("Stored procedures are not supported");
  }

  @Override
  public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency)
      throws SQLException {
    throw new SQLFeatureNotSupportedException("Stored procedures are not supported");
  }

  @Override
  public CallableStatement prepareCall(
      String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability)
      throws SQLException {
    throw new SQLFeatureNotSupportedException("Stored procedures are not supported");
  }

  private void checkResultSetOptions(int type, int concurrency, int holdability)
      throws SQLException {
    checkOpen();
    if (type != ResultSet.TYPE_FORWARD_ONLY) {
      throw new SQLFeatureNotSupportedException("Only forward-only result sets are supported");
    }
    if (concurrency != ResultSet.CONCUR_READ_ONLY) {
      throw new SQLFeatureNotSupportedException("Only read-only result sets are supported");
    }
    if (holdability != ResultSet.CLOSE_CURSORS_AT_COMMIT
        && holdability != ResultSet.HOLD_CURSORS_OVER_COMMIT) {
      throw new SQLException("Unknown holdability " + holdability, "HY024");
    }
  }

  @Override
  public String nativeSQL(String sql) throws SQLException {
    checkOpen();
    return sql;
  }

  @Override
  public void setAutoCommit(boolean autoCommit) throws SQLException {
    checkOpen();
    if (!autoCommit) {
      throw new SQLFeatureNotSupportedException(
          "Transactions are not supported: every statement commits on its own");
    }
  }

  @Override
  public boolean getAutoCommit() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public void commit() throws SQLException {
    checkOpen();
    throw new SQLException("commit() is not allowed in auto-commit mode", "25000");
  }

  @Override
  public void rollback() throws SQLException {
    checkOpen();
    throw new SQLException("rollback() is not allowed in auto-commit mode", "25000");
  }

  @Override
  public void rollback(Savepoint savepoint) throws SQLException {
    throw new SQLFeatureNotSupportedException("Savepoints are not supported");
  }

  @Override
  public Savepoint setSavepoint() throws SQLException {
    throw new SQLFeatureNotSupportedException("Savepoints are not supported");
  }

  @Override
  public Savepoint setSavepoint(String name) throws SQLException {
    throw new SQLFeatureNotSupportedException("Savepoints are not supported");
  }

  @Override
  public void releaseSavepoint(Savepoint savepoint) throws SQLException {
    throw new SQLFeatureNotSupportedException("Savepoints are not supported");
  }

  @Override
  public void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      for (SluiceStatement statement : statements) {
        try {
          statement.close();
        } catch (SQLException ignored) {
          // Closing everything: the session close below releases what is left on the server.
        }
      }
    } finally {
      session.close();
      prefetcher.shutdownNow();
    }
  }

  @Override
  public boolean isClosed() {
    return closed || session.isClosed();
  }

  @Override
  public DatabaseMetaData getMetaData() throws SQLException {
    checkOpen();
    return new SluiceDatabaseMetaData(this);
  }

  @Override
  public void setReadOnly(boolean readOnly) throws SQLException {
    checkOpen();
    this.readOnly = readOnly;
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    checkOpen();
    return readOnly;
  }

  /** Switches the session's current catalog ({@code SET CATALOG}). */
  @Override
  public void setCatalog(String catalog) throws SQLException {
    checkOpen();
    if (catalog == null) {
      return;
    }
    runQuietly("SET CATALOG " + quoteIdentifier(catalog));
  }

  @Override
  public String getCatalog() throws SQLException {
    return singleValue("SELECT current_catalog()");
  }

  /** Switches the session's current schema ({@code USE}). */
  @Override
  public void setSchema(String schema) throws SQLException {
    checkOpen();
    if (schema == null) {
      return;
    }
    runQuietly("USE " + quoteIdentifier(schema));
  }

  @Override
  public String getSchema() throws SQLException {
    return singleValue("SELECT current_database()");
  }

  static String quoteIdentifier(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  private void runQuietly(String sql) throws SQLException {
    try (Statement statement = createStatement()) {
      statement.execute(sql);
    }
  }

  private String singleValue(String sql) throws SQLException {
    try (Statement statement = createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      return result.next() ? result.getString(1) : null;
    }
  }

  @Override
  public void setTransactionIsolation(int level) throws SQLException {
    checkOpen();
    if (level != TRANSACTION_NONE) {
      throw new SQLFeatureNotSupportedException("Transactions are not supported");
    }
  }

  @Override
  public int getTransactionIsolation() throws SQLException {
    checkOpen();
    return TRANSACTION_NONE;
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
  public Map<String, Class<?>> getTypeMap() throws SQLException {
    throw new SQLFeatureNotSupportedException("Type maps are not supported");
  }

  @Override
  public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
    throw new SQLFeatureNotSupportedException("Type maps are not supported");
  }

  @Override
  public void setHoldability(int holdability) throws SQLException {
    checkOpen();
    if (holdability != ResultSet.CLOSE_CURSORS_AT_COMMIT) {
      throw new SQLFeatureNotSupportedException("Only CLOSE_CURSORS_AT_COMMIT is supported");
    }
  }

  @Override
  public int getHoldability() throws SQLException {
    checkOpen();
    return ResultSet.CLOSE_CURSORS_AT_COMMIT;
  }

  @Override
  public Clob createClob() throws SQLException {
    throw new SQLFeatureNotSupportedException("CLOB locators are not supported");
  }

  @Override
  public Blob createBlob() throws SQLException {
    throw new SQLFeatureNotSupportedException("BLOB locators are not supported");
  }

  @Override
  public NClob createNClob() throws SQLException {
    throw new SQLFeatureNotSupportedException("NCLOB locators are not supported");
  }

  @Override
  public SQLXML createSQLXML() throws SQLException {
    throw new SQLFeatureNotSupportedException("SQLXML is not supported");
  }

  @Override
  public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
    throw new SQLFeatureNotSupportedException("ARRAY parameters are not supported");
  }

  @Override
  public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
    throw new SQLFeatureNotSupportedException("STRUCT parameters are not supported");
  }

  /**
   * Asks the server a cheap question (GetInfo, which wakes no engine) and waits at most {@code
   * timeout} seconds for the answer.
   */
  @Override
  public boolean isValid(int timeout) throws SQLException {
    if (timeout < 0) {
      throw new SQLException("Timeout must not be negative: " + timeout, "HY024");
    }
    if (isClosed()) {
      return false;
    }
    Future<String> answer = prefetcher.submit(() -> session.info(TGetInfoType.CLI_DBMS_VER));
    try {
      if (timeout == 0) {
        answer.get();
      } else {
        answer.get(timeout, TimeUnit.SECONDS);
      }
      return true;
    } catch (ExecutionException | TimeoutException e) {
      answer.cancel(true);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void setClientInfo(String name, String value) throws SQLClientInfoException {
    if (closed) {
      throw new SQLClientInfoException(
          "The connection is closed", Map.of(name, ClientInfoStatus.REASON_UNKNOWN));
    }
    if (value == null) {
      clientInfo.remove(name);
    } else {
      clientInfo.setProperty(name, value);
    }
  }

  @Override
  public void setClientInfo(Properties properties) throws SQLClientInfoException {
    if (closed) {
      throw new SQLClientInfoException("The connection is closed", Map.of());
    }
    clientInfo.clear();
    clientInfo.putAll(properties);
  }

  @Override
  public String getClientInfo(String name) throws SQLException {
    checkOpen();
    return clientInfo.getProperty(name);
  }

  @Override
  public Properties getClientInfo() throws SQLException {
    checkOpen();
    Properties copy = new Properties();
    copy.putAll(clientInfo);
    return copy;
  }

  /** Closes the connection at once, without waiting for the server. */
  @Override
  public void abort(Executor executor) throws SQLException {
    if (executor == null) {
      throw new SQLException("executor is null", "HY009");
    }
    if (closed) {
      return;
    }
    closed = true;
    session.abort();
    executor.execute(prefetcher::shutdownNow);
  }

  /** Bounds how long any one server call may take; the connection breaks if it is exceeded. */
  @Override
  public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
    checkOpen();
    if (milliseconds < 0) {
      throw new SQLException("Network timeout must not be negative: " + milliseconds, "HY024");
    }
    session.setReadTimeout(milliseconds);
    networkTimeoutMillis = milliseconds;
  }

  @Override
  public int getNetworkTimeout() throws SQLException {
    checkOpen();
    return networkTimeoutMillis;
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

  void checkOpen() throws SQLException {
    if (closed) {
      throw new SQLException("The connection is closed", ServerErrors.CONNECTION_DOES_NOT_EXIST);
    }
  }
}
