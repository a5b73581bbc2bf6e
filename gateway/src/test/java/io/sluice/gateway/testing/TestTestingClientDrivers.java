package io.sluice.gateway.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TestTestingClientDrivers {
  @Test
  void driversLiveInTheirOwnClassLoaders() throws Exception {
    TestingClientDrivers hive = TestingClientDrivers.hiveJdbc();
    TestingClientDrivers databricks = TestingClientDrivers.databricksJdbc();

    assertThat(hive.driver().getClass().getName())
        .isEqualTo(TestingClientDrivers.HIVE_DRIVER_CLASS);
    assertThat(databricks.driver().getClass().getName())
        .isEqualTo(TestingClientDrivers.DATABRICKS_DRIVER_CLASS);
    assertThat(hive.classLoader().getParent()).isSameAs(ClassLoader.getPlatformClassLoader());
    assertThat(databricks.classLoader()).isNotSameAs(hive.classLoader());

    // One loader per jar for the whole run.
    assertThat(TestingClientDrivers.hiveJdbc().classLoader()).isSameAs(hive.classLoader());

    // Nothing leaks either way: the tests cannot see the drivers or what they bundle, and the
    // drivers cannot see the test classpath.
    ClassLoader testClassLoader = TestTestingClientDrivers.class.getClassLoader();
    assertThatThrownBy(
            () -> Class.forName(TestingClientDrivers.HIVE_DRIVER_CLASS, false, testClassLoader))
        .isInstanceOf(ClassNotFoundException.class);
    Class<?> hiveOpenSession =
        Class.forName(
            "org.apache.hive.service.rpc.thrift.TOpenSessionReq", false, hive.classLoader());
    assertThat(hiveOpenSession.getClassLoader()).isSameAs(hive.classLoader());
    assertThatThrownBy(() -> Class.forName(hiveOpenSession.getName(), false, testClassLoader))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(
            () ->
                Class.forName(TestTestingClientDrivers.class.getName(), false, hive.classLoader()))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void driversAcceptOnlyTheirOwnUrls() throws Exception {
    TestingClientDrivers hive = TestingClientDrivers.hiveJdbc();
    TestingClientDrivers databricks = TestingClientDrivers.databricksJdbc();

    String databricksUrl =
        "jdbc:databricks://127.0.0.1:1/default;transportMode=http;ssl=0;"
            + "httpPath=/sql/1.0/warehouses/default;AuthMech=3;UID=token;PWD=x;EnableTelemetry=0";
    assertThat(databricks.acceptsUrl(databricksUrl)).isTrue();
    assertThat(databricks.acceptsUrl("jdbc:hive2://127.0.0.1:1/default")).isFalse();
    assertThat(hive.acceptsUrl("jdbc:hive2://127.0.0.1:1/default")).isTrue();
    assertThat(hive.acceptsUrl(databricksUrl)).isFalse();

    assertThatThrownBy(() -> databricks.connect("jdbc:hive2://127.0.0.1:1/default", "u", "p"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("does not accept the URL");
  }

  @Test
  void hiveDriverFailsClearlyWhereNothingListens() throws Exception {
    int port = unusedPort();
    long start = System.nanoTime();
    assertThatThrownBy(
            () ->
                TestingClientDrivers.hiveJdbc()
                    .connect("jdbc:hive2://127.0.0.1:" + port + "/default", "token", "secret"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("127.0.0.1:" + port)
        .hasMessageContaining("Could not open client transport");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void connectsWithoutTheJvmWideLoginTimeoutAndLeavesItAsItWas() throws Exception {
    // HikariCP sets DriverManager's login timeout, which the Hive driver would otherwise keep as
    // its socket read timeout for every statement.
    int previous = DriverManager.getLoginTimeout();
    DriverManager.setLoginTimeout(30);
    try {
      assertThatThrownBy(
              () ->
                  TestingClientDrivers.hiveJdbc()
                      .connect(
                          "jdbc:hive2://127.0.0.1:" + unusedPort() + "/default", "token", "secret"))
          .isInstanceOf(SQLException.class);
      assertThat(DriverManager.getLoginTimeout()).isEqualTo(30);
    } finally {
      DriverManager.setLoginTimeout(previous);
    }
  }

  @Test
  void hiveDriverSpeaksSaslPlainOnTheWire() throws Exception {
    // A listener that records the first bytes and hangs up: the Hive driver must open with a SASL
    // START frame naming PLAIN, then fail with an SQLException rather than hang.
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread listener =
          new Thread(
              () -> {
                try (Socket socket = server.accept()) {
                  InputStream input = socket.getInputStream();
                  byte[] header = input.readNBytes(10);
                  received.add(new String(header, 5, 5, StandardCharsets.US_ASCII));
                  received.add(Integer.toString(header[0]));
                } catch (IOException | RuntimeException e) {
                  received.add("listener failed: " + e);
                }
              },
              "sasl-listener");
      listener.start();
      assertThatThrownBy(
              () ->
                  TestingClientDrivers.hiveJdbc()
                      .connect(
                          "jdbc:hive2://127.0.0.1:" + server.getLocalPort() + "/default",
                          "token",
                          "secret"))
          .isInstanceOf(SQLException.class);
      listener.join(TimeUnit.SECONDS.toMillis(30));
    }
    // START status byte (1) then the mechanism name.
    assertThat(received).containsExactly("PLAIN", "1");
  }

  @Test
  void databricksDriverSendsBearerAndFailsFastOnUnauthorized() throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          received.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI().getPath()
                  + " "
                  + exchange.getRequestHeaders().getFirst("Authorization"));
          exchange.getRequestBody().readAllBytes();
          byte[] body =
              "{\"error_code\":\"UNAUTHENTICATED\",\"message\":\"bad token\"}"
                  .getBytes(StandardCharsets.UTF_8);
          int status = exchange.getRequestMethod().equals("POST") ? 401 : 404;
          exchange.sendResponseHeaders(status, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      String url =
          "jdbc:databricks://127.0.0.1:"
              + server.getAddress().getPort()
              + "/default;transportMode=http;ssl=0;httpPath=/sql/1.0/warehouses/default;"
              + "AuthMech=3;UID=token;PWD=wrong-token;EnableTelemetry=0";
      long start = System.nanoTime();
      assertThatThrownBy(
              () -> TestingClientDrivers.databricksJdbc().connect(url, new java.util.Properties()))
          .isInstanceOf(SQLException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    } finally {
      server.stop(0);
    }
    assertThat(received).contains("POST /sql/1.0/warehouses/default Bearer wrong-token");
  }

  private final List<String> received = new CopyOnWriteArrayList<>();

  private static int unusedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
