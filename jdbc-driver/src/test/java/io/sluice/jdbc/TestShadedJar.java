package io.sluice.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sluice.gateway.testing.TestingClientDrivers;
import io.sluice.gateway.testing.TestingSluice;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The built, shaded driver jar (not the classes in {@code target/classes}): small, with everything
 * relocated under {@code io.sluice.jdbc}, and usable in one class loader together with the Hive
 * JDBC driver, another libthrift and another Netty. Runs after {@code package}.
 */
public class TestShadedJar {
  private static final long SIZE_LIMIT_BYTES = 5L * 1024 * 1024;

  private Path shadedJar;

  @BeforeEach
  void locateJar() {
    String location = System.getProperty("sluice.test.shadedJar");
    assumeTrue(
        location != null,
        "Runs in the integration-test phase (shaded-jar-test execution), after package");
    shadedJar = Paths.get(location);
  }

  @Test
  public void jarIsSmallAndHoldsOnlyRelocatedClasses() throws IOException {
    assertThat(Files.size(shadedJar)).isLessThan(SIZE_LIMIT_BYTES);
    List<String> leaked = new ArrayList<>();
    try (JarFile jar = new JarFile(shadedJar.toFile())) {
      jar.stream()
          .map(JarEntry::getName)
          .filter(name -> !name.endsWith("/"))
          .filter(name -> !name.startsWith("io/sluice/jdbc/"))
          .filter(name -> !name.startsWith("META-INF/"))
          .forEach(leaked::add);
      assertThat(jar.getEntry("META-INF/services/java.sql.Driver")).isNotNull();
      assertThat(jar.getEntry("io/sluice/jdbc/shaded/org/apache/thrift/TBase.class")).isNotNull();
      assertThat(
              jar.getEntry(
                  "io/sluice/jdbc/shaded/io/sluice/protocol/transport/SaslFrameDecoder.class"))
          .isNull();
    }
    assertThat(leaked).isEmpty();
  }

  @Test
  public void loadsBesideHiveJdbcAndOtherThriftAndNettyVersions() throws Exception {
    Path conflicting = Paths.get(System.getProperty("sluice.test.conflictingLibraries"));
    List<URL> urls = new ArrayList<>();
    // Other versions first, so that anything unrelocated in our jar would lose to them.
    try (Stream<Path> jars = Files.list(conflicting)) {
      for (Path jar : jars.sorted().toList()) {
        urls.add(jar.toUri().toURL());
      }
    }
    urls.add(
        TestingClientDrivers.clientsDirectory()
            .resolve(TestingClientDrivers.HIVE_JDBC_JAR)
            .toUri()
            .toURL());
    urls.add(shadedJar.toUri().toURL());
    TestingSluice gateway = TestingServers.gateway();
    try (URLClassLoader loader =
        new URLClassLoader(
            "application", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      List<String> drivers = new ArrayList<>();
      for (Driver driver : ServiceLoader.load(Driver.class, loader)) {
        drivers.add(driver.getClass().getName());
      }
      assertThat(drivers)
          .contains("io.sluice.jdbc.SluiceDriver", "org.apache.hive.jdbc.HiveDriver");
      // The application sees the other Thrift and Netty, not ours.
      assertThat(
              loader
                  .loadClass("org.apache.thrift.TBase")
                  .getProtectionDomain()
                  .getCodeSource()
                  .getLocation()
                  .getPath())
          .doesNotEndWith(shadedJar.getFileName().toString());
      assertThat(
              loader
                  .loadClass("io.netty.util.Version")
                  .getProtectionDomain()
                  .getCodeSource()
                  .getLocation()
                  .getPath())
          .contains("netty-common-4.1.118");

      Driver ours = instantiate(loader, "io.sluice.jdbc.SluiceDriver");
      Driver hive = instantiate(loader, TestingClientDrivers.HIVE_DRIVER_CLASS);
      Properties credentials = new Properties();
      credentials.setProperty("user", "token");
      credentials.setProperty("password", gateway.token());
      assertThat(
              selectAnswer(
                  ours.connect("jdbc:sluice://127.0.0.1:" + gateway.binaryPort(), credentials)))
          .isEqualTo(42);
      assertThat(
              selectAnswer(
                  hive.connect(
                      "jdbc:hive2://127.0.0.1:" + gateway.binaryPort() + "/default", credentials)))
          .isEqualTo(42);
      assertThat(
              selectAnswer(
                  ours.connect("jdbc:sluice://127.0.0.1:" + gateway.binaryPort(), credentials)))
          .isEqualTo(42);
    }
  }

  private static Driver instantiate(ClassLoader loader, String className) throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return Class.forName(className, true, loader)
          .asSubclass(Driver.class)
          .getDeclaredConstructor()
          .newInstance();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private static int selectAnswer(Connection connection) throws Exception {
    try (connection;
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT 40 + 2")) {
      result.next();
      return result.getInt(1);
    }
  }
}
