package io.sluice.gateway.testing;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real third-party JDBC driver, loaded from its jar in {@code gateway/target/clients} in a class
 * loader of its own.
 *
 * <p>The driver jars are kept off the test classpath on purpose: the Hive standalone jar bundles an
 * old, unshaded libthrift (and Hadoop, Jetty, log4j…) that would clash with the gateway's. Each jar
 * gets one {@link URLClassLoader} per test run whose parent is the platform class loader, so the
 * driver sees only the JDK (including {@code java.sql}) and its own jar, and nothing it bundles
 * leaks into the tests.
 *
 * <p>Connections are opened by calling {@link Driver#connect} on a driver instance created here,
 * not through {@link java.sql.DriverManager}: the Hive driver registers itself with DriverManager
 * from its own loader, and DriverManager refuses drivers the caller's loader cannot see. While a
 * driver connects, the thread's context class loader is the driver's loader, so anything the driver
 * looks up through it (service loaders, logging back ends) comes from its own jar.
 */
public final class TestingClientDrivers {
  /** Apache Hive JDBC 3.1.3, standalone classifier. Speaks binary (SASL/NOSASL) and HTTP. */
  public static final String HIVE_JDBC_JAR = "hive-jdbc-3.1.3-standalone.jar";

  public static final String HIVE_DRIVER_CLASS = "org.apache.hive.jdbc.HiveDriver";

  /** Databricks JDBC 3.4.5 (the open-source driver, not the legacy Simba one). HTTP only. */
  public static final String DATABRICKS_JDBC_JAR = "databricks-jdbc-3.4.5.jar";

  public static final String DATABRICKS_DRIVER_CLASS = "com.databricks.client.jdbc.Driver";

  /** Overrides where the client jars are looked for; defaults to {@code target/clients}. */
  public static final String CLIENTS_DIRECTORY_PROPERTY = "sluice.test.clients.directory";

  private static final Map<Path, URLClassLoader> CLASS_LOADERS_BY_JAR = new ConcurrentHashMap<>();

  private final Path jar;
  private final ClassLoader classLoader;
  private final Driver driver;

  private TestingClientDrivers(Path jar, String driverClassName) {
    this.jar = requireNonNull(jar, "jar is null");
    requireNonNull(driverClassName, "driverClassName is null");
    this.classLoader = classLoaderFor(jar);
    this.driver = instantiate(classLoader, driverClassName, jar);
  }

  /** Apache Hive JDBC 3.1.3 standalone ({@code org.apache.hive.jdbc.HiveDriver}). */
  public static TestingClientDrivers hiveJdbc() {
    return new TestingClientDrivers(clientJar(HIVE_JDBC_JAR), HIVE_DRIVER_CLASS);
  }

  /** Databricks JDBC 3.4.5 ({@code com.databricks.client.jdbc.Driver}). */
  public static TestingClientDrivers databricksJdbc() {
    return new TestingClientDrivers(clientJar(DATABRICKS_JDBC_JAR), DATABRICKS_DRIVER_CLASS);
  }

  /** Any driver class from any jar in the clients directory. */
  public static TestingClientDrivers fromJar(String jarFileName, String driverClassName) {
    return new TestingClientDrivers(clientJar(jarFileName), driverClassName);
  }

  /**
   * Opens a connection with the driver.
   *
   * @throws SQLException whatever the driver throws, or one saying the driver does not accept the
   *     URL (where {@link Driver#connect} would return null)
   */
  public Connection connect(String url, Properties properties) throws SQLException {
    requireNonNull(url, "url is null");
    requireNonNull(properties, "properties is null");
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(classLoader);
    synchronized (DriverManager.class) {
      // The Hive driver takes DriverManager's JVM-wide login timeout as its socket read timeout
      // for the life of the connection. HikariCP (the in-process gateway's governance store) sets
      // that global to its connection timeout (30 s), which would cut off any statement slower
      // than that. A client application has no such setting, so connect as it would: without.
      int loginTimeout = DriverManager.getLoginTimeout();
      DriverManager.setLoginTimeout(0);
      try {
        Connection connection = driver.connect(url, properties);
        if (connection == null) {
          throw new SQLException(
              "Driver " + driver.getClass().getName() + " does not accept the URL " + url);
        }
        return connection;
      } finally {
        DriverManager.setLoginTimeout(loginTimeout);
        thread.setContextClassLoader(previous);
      }
    }
  }

  /** Opens a connection with {@code user} and {@code password} properties. */
  public Connection connect(String url, String user, String password) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", requireNonNull(user, "user is null"));
    properties.setProperty("password", requireNonNull(password, "password is null"));
    return connect(url, properties);
  }

  public boolean acceptsUrl(String url) throws SQLException {
    return driver.acceptsURL(requireNonNull(url, "url is null"));
  }

  public Driver driver() {
    return driver;
  }

  public ClassLoader classLoader() {
    return classLoader;
  }

  public Path jar() {
    return jar;
  }

  /** The directory holding the client jars: {@code gateway/target/clients} in a Maven build. */
  public static Path clientsDirectory() {
    String configured = System.getProperty(CLIENTS_DIRECTORY_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Paths.get(configured).toAbsolutePath();
    }
    // target/test-classes/ -> target/clients/, whatever the working directory is.
    try {
      URL location = TestingClientDrivers.class.getProtectionDomain().getCodeSource().getLocation();
      Path testClasses = Paths.get(location.toURI());
      if (Files.isDirectory(testClasses)) {
        return testClasses.getParent().resolve("clients");
      }
    } catch (URISyntaxException | RuntimeException ignored) {
      // Fall back to the working directory below.
    }
    return Paths.get("target", "clients").toAbsolutePath();
  }

  private static Path clientJar(String jarFileName) {
    Path jar = clientsDirectory().resolve(requireNonNull(jarFileName, "jarFileName is null"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "Client driver jar "
              + jar
              + " is missing. The gateway build copies it during generate-test-resources: run"
              + " 'mvn -pl gateway generate-test-resources' (or any build up to test), or set -D"
              + CLIENTS_DIRECTORY_PROPERTY
              + " to a directory holding it.");
    }
    return jar.toAbsolutePath().normalize();
  }

  private static ClassLoader classLoaderFor(Path jar) {
    return CLASS_LOADERS_BY_JAR.computeIfAbsent(
        jar,
        path -> {
          try {
            return new URLClassLoader(
                "client-driver:" + path.getFileName(),
                new URL[] {path.toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
          } catch (MalformedURLException e) {
            throw new UncheckedIOException(new IOException("Bad jar path " + path, e));
          }
        });
  }

  private static Driver instantiate(ClassLoader classLoader, String driverClassName, Path jar) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(classLoader);
    try {
      Class<?> driverClass = Class.forName(driverClassName, true, classLoader);
      return driverClass.asSubclass(Driver.class).getDeclaredConstructor().newInstance();
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("No class " + driverClassName + " in " + jar, e);
    } catch (InstantiationException
        | IllegalAccessException
        | InvocationTargetException
        | NoSuchMethodException e) {
      throw new IllegalStateException("Cannot instantiate " + driverClassName + " from " + jar, e);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @Override
  public String toString() {
    return driver.getClass().getName() + " from " + jar.getFileName();
  }
}
