package io.sluice.jdbc;

import io.sluice.jdbc.config.SluiceUrl;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} over a URL and properties: every {@link #getConnection} opens a new session
 * (pool it with HikariCP: {@code dataSourceClassName=io.sluice.jdbc.SluiceDataSource} and {@code
 * dataSource.url=...}, or {@code jdbcUrl}).
 */
public final class SluiceDataSource implements DataSource {
  private volatile String url;
  private volatile Properties properties = new Properties();
  private volatile int loginTimeoutSeconds;
  private volatile PrintWriter logWriter;

  public SluiceDataSource() {}

  public SluiceDataSource(String url) {
    this.url = url;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  /** Sets one connection property (as if it were in the URL). */
  public void setProperty(String name, String value) {
    Properties copy = new Properties();
    copy.putAll(properties);
    copy.setProperty(name, value);
    properties = copy;
  }

  public void setUser(String user) {
    setProperty("user", user);
  }

  public void setPassword(String password) {
    setProperty("password", password);
  }

  public void setToken(String token) {
    setProperty("token", token);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return connect(properties);
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    Properties withUser = new Properties();
    withUser.putAll(properties);
    withUser.setProperty("user", user);
    withUser.setProperty("password", password);
    return connect(withUser);
  }

  private Connection connect(Properties connectionProperties) throws SQLException {
    String target = url;
    if (target == null) {
      throw new SQLException("The data source has no URL", SluiceUrl.INVALID_CONNECTION_STRING);
    }
    Properties effective = new Properties();
    effective.putAll(connectionProperties);
    if (loginTimeoutSeconds > 0 && !effective.containsKey("connectTimeout")) {
      effective.setProperty("connectTimeout", Integer.toString(loginTimeoutSeconds));
    }
    return new SluiceConnection(target, SluiceUrl.parse(target, effective));
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeoutSeconds = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeoutSeconds;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("The driver does not log through java.util.logging");
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
}
