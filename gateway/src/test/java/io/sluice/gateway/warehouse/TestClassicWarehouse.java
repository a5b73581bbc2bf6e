package io.sluice.gateway.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.gateway.testing.TestingClientDrivers;
import io.sluice.gateway.testing.TestingSluice;
import io.sluice.gateway.testing.TestingSparkThriftServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A classic warehouse over Spark 3.5.4's stock Thrift Server and a port where nothing listens:
 * health checks tell them apart, statements run on the healthy one (answers equal to asking the
 * server directly), and a drained cluster gets no new statements until it is back in service.
 */
@Timeout(900)
class TestClassicWarehouse {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestingSparkThriftServer server;
  private final TestingSluice sluice = TestingSluice.shared();

  @BeforeAll
  static void startServer() throws Exception {
    server =
        TestingSparkThriftServer.start(
            Files.createTempDirectory(Paths.get("target").toAbsolutePath(), "classic-sts-"));
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  private HttpResponse<String> call(String method, String path, String body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sluice.httpPort() + path))
                .header("Authorization", "Bearer " + sluice.token())
                .method(
                    method,
                    body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode ok(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private Connection connect(String warehouse) throws SQLException {
    Properties credentials = new Properties();
    credentials.setProperty("user", "token");
    credentials.setProperty("password", sluice.token());
    return TestingClientDrivers.hiveJdbc()
        .connect(
            "jdbc:hive2://127.0.0.1:"
                + sluice.httpPort()
                + "/default;transportMode=http;httpPath=sql/1.0/warehouses/"
                + warehouse,
            credentials);
  }

  private static List<List<Object>> rows(Connection connection, String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<Object> row = new ArrayList<>();
        for (int column = 1; column <= columns; column++) {
          row.add(result.getObject(column));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  @Test
  void statementsRunOnHealthyClustersAndDrainingHoldsNewOnes() throws Exception {
    int deadPort = closedPort();
    String id =
        ok(call(
                "POST",
                "/api/2.0/sql/warehouses",
                "{\"name\": \"classic-test\", \"cluster_size\": \"Small\","
                    + " \"enable_serverless_compute\": false, \"warehouse_type\": \"CLASSIC\","
                    + " \"endpoints\": [{\"host\": \"127.0.0.1\", \"port\": "
                    + server.port()
                    + "}, {\"host\": \"127.0.0.1\", \"port\": "
                    + deadPort
                    + "}]}"))
            .get("id")
            .asText();
    try {
      sluice.sluice().warehouses().find(id).orElseThrow().classic().orElseThrow().checkHealth();
      JsonNode warehouse = ok(call("GET", "/api/2.0/sql/warehouses/" + id, null));
      assertThat(warehouse.get("enable_serverless_compute").asBoolean()).isFalse();
      assertThat(warehouse.get("health").get("status").asText()).isEqualTo("DEGRADED");
      assertThat(warehouse.get("endpoints").get(0).get("health").asText()).isEqualTo("HEALTHY");
      assertThat(warehouse.get("endpoints").get(1).get("health").asText()).isEqualTo("UNHEALTHY");
      assertThat(warehouse.get("num_clusters").asInt()).isEqualTo(1);

      String query =
          "SELECT id, id * 2 AS twice, concat('row-', CAST(id AS STRING)) AS label"
              + " FROM range(0, 5) ORDER BY id";
      try (Connection gateway = connect(id);
          Connection direct =
              TestingClientDrivers.hiveJdbc().connect(server.jdbcUrl(), new Properties())) {
        assertThat(rows(gateway, query)).hasSize(5).isEqualTo(rows(direct, query));
        assertThat(rows(gateway, "SELECT version()").get(0).get(0).toString()).startsWith("3.5.4");
      }

      ok(call("POST", "/api/2.0/sql/warehouses/" + id + "/endpoints/0/drain", null));
      assertThat(
              ok(call("GET", "/api/2.0/sql/warehouses/" + id, null))
                  .get("endpoints")
                  .get(0)
                  .get("draining")
                  .asBoolean())
          .isTrue();
      try (Connection gateway = connect(id)) {
        CompletableFuture<List<List<Object>>> held =
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return rows(gateway, "SELECT 41 + 1");
                  } catch (SQLException e) {
                    throw new CompletionException(e);
                  }
                });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (ok(call("GET", "/api/2.0/sql/warehouses/" + id, null))
                .get("num_queued_queries")
                .asInt()
            != 1) {
          assertThat(System.nanoTime()).as("statement queued").isLessThan(deadline);
          Thread.sleep(50);
        }
        assertThat(held).isNotDone();
        ok(call("POST", "/api/2.0/sql/warehouses/" + id + "/endpoints/0/undrain", null));
        assertThat(held.get(120, TimeUnit.SECONDS).get(0).get(0)).isEqualTo(42);
      }
    } finally {
      ok(call("DELETE", "/api/2.0/sql/warehouses/" + id, null));
    }
  }
}
