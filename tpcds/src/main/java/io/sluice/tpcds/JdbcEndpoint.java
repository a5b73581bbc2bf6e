package io.sluice.tpcds;

import static java.util.Objects.requireNonNull;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;

/**
 * A JDBC URL with its credentials, opened through the drivers on the classpath or through a driver
 * jar given on the command line (loaded in a class loader of its own, so that for example the Hive
 * driver's bundled libraries stay out of ours).
 */
public record JdbcEndpoint(
    String url, Optional<String> user, Optional<String> password, Optional<Path> driverJar)
    implements ConnectionSource {
  public JdbcEndpoint {
    requireNonNull(url, "url is null");
    requireNonNull(user, "user is null");
    requireNonNull(password, "password is null");
    requireNonNull(driverJar, "driverJar is null");
  }

  @Override
  public Connection open() throws SQLException {
    Properties properties = new Properties();
    user.ifPresent(value -> properties.setProperty("user", value));
    password.ifPresent(value -> properties.setProperty("password", value));
    if (driverJar.isEmpty()) {
      return DriverManager.getConnection(url, properties);
    }
    Driver driver = driverFromJar(driverJar.get());
    Connection connection = driver.connect(url, properties);
    if (connection == null) {
      throw new SQLException(
          "The driver in " + driverJar.get() + " does not accept " + url, "08001");
    }
    return connection;
  }

  private Driver driverFromJar(Path jar) throws SQLException {
    URL location;
    try {
      location = jar.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new SQLException("Bad driver jar path " + jar, "08001", e);
    }
    ClassLoader loader =
        new URLClassLoader(new URL[] {location}, ClassLoader.getPlatformClassLoader());
    for (Driver driver : ServiceLoader.load(Driver.class, loader)) {
      if (driver.acceptsURL(url)) {
        return driver;
      }
    }
    throw new SQLException("No driver in " + jar + " accepts " + url, "08001");
  }
}
