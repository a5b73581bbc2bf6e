package io.sluice.gateway.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.gateway.GatewayConfig;
import io.sluice.gateway.Sluice;
import io.sluice.gateway.testing.TestingClientDrivers;
import io.sluice.pool.EngineClasspath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Warehouses API round trip on a gateway of its own (no engine starts): Databricks shapes,
 * admin-only changes, validation, and definitions that survive a restart.
 */
@Timeout(120)
class TestWarehousesApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path dataDirectory;

  private Sluice start() throws Exception {
    Path home = Paths.get("..").toAbsolutePath().normalize();
    return Sluice.start(
        GatewayConfig.defaults(dataDirectory, EngineClasspath.fromBuildTree(home)).withPorts(0, 0));
  }

  private HttpResponse<String> call(
      Sluice sluice, String method, String path, String token, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sluice.httpPort() + path))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + token)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode ok(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static void assertError(HttpResponse<String> response, int status, String code)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(JSON.readTree(response.body()).get("error_code").asText()).isEqualTo(code);
  }

  private static List<String> names(JsonNode list) {
    List<String> names = new ArrayList<>();
    list.get("warehouses").forEach(warehouse -> names.add(warehouse.get("name").asText()));
    return names;
  }

  @Test
  void createGetEditListDeleteAndRestartKeepsDefinitions() throws Exception {
    String id;
    try (Sluice sluice = start()) {
      String admin = sluice.adminToken();
      JsonNode defaultWarehouse =
          ok(call(sluice, "GET", "/api/2.0/sql/warehouses/default", admin, null));
      assertThat(defaultWarehouse.get("id").asText()).isEqualTo("default");
      assertThat(defaultWarehouse.get("state").asText()).isEqualTo("STOPPED");
      assertThat(defaultWarehouse.get("odbc_params").get("path").asText())
          .isEqualTo("/sql/1.0/warehouses/default");

      JsonNode created =
          ok(
              call(
                  sluice,
                  "POST",
                  "/api/2.0/sql/warehouses",
                  admin,
                  "{\"name\": \"analytics\", \"cluster_size\": \"2X-Small\","
                      + " \"max_num_clusters\": 3, \"auto_stop_mins\": 15,"
                      + " \"enable_serverless_compute\": true, \"warehouse_type\": \"PRO\"}"));
      id = created.get("id").asText();
      assertThat(id).matches("[0-9a-f]{16}");

      JsonNode warehouse = ok(call(sluice, "GET", "/api/2.0/sql/warehouses/" + id, admin, null));
      assertThat(warehouse.get("name").asText()).isEqualTo("analytics");
      assertThat(warehouse.get("cluster_size").asText()).isEqualTo("2X-Small");
      assertThat(warehouse.get("min_num_clusters").asInt()).isEqualTo(1);
      assertThat(warehouse.get("max_num_clusters").asInt()).isEqualTo(3);
      assertThat(warehouse.get("auto_stop_mins").asInt()).isEqualTo(15);
      assertThat(warehouse.get("enable_serverless_compute").asBoolean()).isTrue();
      assertThat(warehouse.get("warehouse_type").asText()).isEqualTo("PRO");
      assertThat(warehouse.get("state").asText()).isEqualTo("STOPPED");
      assertThat(warehouse.get("num_clusters").asInt()).isZero();
      assertThat(warehouse.get("num_active_sessions").asInt()).isZero();
      assertThat(warehouse.get("num_running_queries").asInt()).isZero();
      assertThat(warehouse.get("num_queued_queries").asInt()).isZero();
      assertThat(warehouse.get("creator_name").asText()).isEqualTo("admin");
      assertThat(warehouse.get("jdbc_url").asText())
          .isEqualTo(
              "jdbc:databricks://127.0.0.1:"
                  + sluice.httpPort()
                  + "/default;transportMode=http;ssl=0;AuthMech=3;httpPath=/sql/1.0/warehouses/"
                  + id);

      ok(
          call(
              sluice,
              "POST",
              "/api/2.0/sql/warehouses/" + id + "/edit",
              admin,
              "{\"cluster_size\": \"Medium\", \"min_num_clusters\": 2}"));
      JsonNode edited = ok(call(sluice, "GET", "/api/2.0/sql/warehouses/" + id, admin, null));
      assertThat(edited.get("name").asText()).isEqualTo("analytics");
      assertThat(edited.get("cluster_size").asText()).isEqualTo("Medium");
      assertThat(edited.get("min_num_clusters").asInt()).isEqualTo(2);
      assertThat(edited.get("max_num_clusters").asInt()).isEqualTo(3);
      assertThat(edited.get("auto_stop_mins").asInt()).isEqualTo(15);

      ok(
          call(
              sluice,
              "POST",
              "/api/2.0/sql/warehouses",
              admin,
              "{\"name\": \"doomed\", \"cluster_size\": \"Small\"}"));
      JsonNode list = ok(call(sluice, "GET", "/api/2.0/sql/warehouses", admin, null));
      assertThat(names(list)).containsExactly("default", "analytics", "doomed");
      String doomed = list.get("warehouses").get(2).get("id").asText();
      ok(call(sluice, "DELETE", "/api/2.0/sql/warehouses/" + doomed, admin, null));
      assertError(
          call(sluice, "GET", "/api/2.0/sql/warehouses/" + doomed, admin, null),
          404,
          "RESOURCE_DOES_NOT_EXIST");
    }
    try (Sluice restarted = start()) {
      String admin = restarted.adminToken();
      JsonNode list = ok(call(restarted, "GET", "/api/2.0/sql/warehouses", admin, null));
      assertThat(names(list)).containsExactly("default", "analytics");
      JsonNode warehouse = ok(call(restarted, "GET", "/api/2.0/sql/warehouses/" + id, admin, null));
      assertThat(warehouse.get("cluster_size").asText()).isEqualTo("Medium");
      assertThat(warehouse.get("min_num_clusters").asInt()).isEqualTo(2);
      assertThat(warehouse.get("state").asText()).isEqualTo("STOPPED");
    }
  }

  @Test
  void onlyAdministratorsChangeWarehousesAndBadRequestsAreRefusedClearly() throws Exception {
    try (Sluice sluice = start()) {
      String admin = sluice.adminToken();
      String alice = sluice.tokens().create("alice", "test", Optional.empty());
      String body = "{\"name\": \"mine\", \"cluster_size\": \"Small\"}";

      assertError(
          call(sluice, "POST", "/api/2.0/sql/warehouses", alice, body), 403, "PERMISSION_DENIED");
      assertError(
          call(sluice, "POST", "/api/2.0/sql/warehouses/default/edit", alice, "{}"),
          403,
          "PERMISSION_DENIED");
      assertError(
          call(sluice, "DELETE", "/api/2.0/sql/warehouses/default", alice, null),
          403,
          "PERMISSION_DENIED");
      assertError(
          call(sluice, "POST", "/api/2.0/sql/warehouses/default/stop", alice, null),
          403,
          "PERMISSION_DENIED");
      assertThat(names(ok(call(sluice, "GET", "/api/2.0/sql/warehouses", alice, null))))
          .containsExactly("default");

      assertError(
          call(
              sluice,
              "POST",
              "/api/2.0/sql/warehouses",
              admin,
              "{\"name\": \"x\", \"cluster_size\": \"Huge\"}"),
          400,
          "INVALID_PARAMETER_VALUE");
      assertError(
          call(
              sluice,
              "POST",
              "/api/2.0/sql/warehouses",
              admin,
              "{\"name\": \"x\", \"cluster_size\": \"Small\", \"min_num_clusters\": 3,"
                  + " \"max_num_clusters\": 2}"),
          400,
          "INVALID_PARAMETER_VALUE");
      assertError(
          call(sluice, "POST", "/api/2.0/sql/warehouses", admin, "{\"cluster_size\": \"Small\"}"),
          400,
          "INVALID_PARAMETER_VALUE");
      assertError(
          call(sluice, "POST", "/api/2.0/sql/warehouses", admin, "{not json"),
          400,
          "INVALID_PARAMETER_VALUE");
      assertError(
          call(
              sluice,
              "POST",
              "/api/2.0/sql/warehouses",
              admin,
              "{\"name\": \"default\", \"cluster_size\": \"Small\"}"),
          409,
          "RESOURCE_ALREADY_EXISTS");
      assertError(
          call(sluice, "DELETE", "/api/2.0/sql/warehouses/default", admin, null),
          400,
          "INVALID_PARAMETER_VALUE");
      assertError(
          call(sluice, "GET", "/api/2.0/sql/warehouses/nope", alice, null),
          404,
          "RESOURCE_DOES_NOT_EXIST");
      assertThat(names(ok(call(sluice, "GET", "/api/2.0/sql/warehouses", admin, null))))
          .containsExactly("default");
    }
  }

  @Test
  void sessionsPickTheirWarehouseAndAnUnknownOneIsAClearError() throws Exception {
    try (Sluice sluice = start()) {
      String admin = sluice.adminToken();
      String id =
          ok(call(
                  sluice,
                  "POST",
                  "/api/2.0/sql/warehouses",
                  admin,
                  "{\"name\": \"analytics\", \"cluster_size\": \"Small\"}"))
              .get("id")
              .asText();
      Properties credentials = new Properties();
      credentials.setProperty("user", "token");
      credentials.setProperty("password", admin);
      String binary = "jdbc:hive2://127.0.0.1:" + sluice.binaryPort() + "/default";
      String http =
          "jdbc:hive2://127.0.0.1:"
              + sluice.httpPort()
              + "/default;transportMode=http;httpPath=sql/1.0/warehouses/";

      try (var connection =
          TestingClientDrivers.hiveJdbc()
              .connect(binary + "?sluice.warehouse=" + id, credentials)) {
        assertThat(sessions(sluice, admin, id)).isEqualTo(1);
        assertThat(sessions(sluice, admin, "default")).isZero();
      }
      try (var connection = TestingClientDrivers.hiveJdbc().connect(http + id, credentials)) {
        assertThat(sessions(sluice, admin, id)).isEqualTo(1);
      }
      try (var connection = TestingClientDrivers.hiveJdbc().connect(binary, credentials)) {
        assertThat(sessions(sluice, admin, "default")).isEqualTo(1);
      }
      assertThatThrownBy(
              () ->
                  TestingClientDrivers.hiveJdbc()
                      .connect(binary + "?sluice.warehouse=nope", credentials))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("Warehouse 'nope' does not exist");
      assertThatThrownBy(() -> TestingClientDrivers.hiveJdbc().connect(http + "nope", credentials))
          .isInstanceOf(SQLException.class);
    }
  }

  private int sessions(Sluice sluice, String token, String id) throws Exception {
    return ok(call(sluice, "GET", "/api/2.0/sql/warehouses/" + id, token, null))
        .get("num_active_sessions")
        .asInt();
  }
}
