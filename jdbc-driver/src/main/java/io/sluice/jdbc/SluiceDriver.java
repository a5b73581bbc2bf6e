package io.sluice.jdbc;

import io.sluice.jdbc.config.ConnectionConfig;
import io.sluice.jdbc.config.SluiceUrl;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The Sluice JDBC driver: {@code jdbc:sluice://host:port[/catalog[/schema]][;key=value]*}, for
 * Sluice and any HiveServer2-protocol server. Registered with {@link DriverManager} when loaded and
 * through {@code META-INF/services/java.sql.Driver}.
 */
public final class SluiceDriver implements Driver {
  public static final String NAME = "Sluice JDBC";
  public static final int MAJOR_VERSION = 0;
  public static final int MINOR_VERSION = 1;

  static {
    try {
      DriverManager.registerDriver(new SluiceDriver());
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    ConnectionConfig config = SluiceUrl.parse(url, info);
    return new SluiceConnection(url, config);
  }

  @Override
  public boolean acceptsURL(String url) {
    return SluiceUrl.accepts(url);
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
    return SluiceUrl.propertyInfo(url, info);
  }

  @Override
  public int getMajorVersion() {
    return MAJOR_VERSION;
  }

  @Override
  public int getMinorVersion() {
    return MINOR_VERSION;
  }

  /** Not a full JDBC implementation: there are no transactions and no updatable results. */
  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("The driver does not log through java.util.logging");
  }
}
