package io.sluice.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.gateway.testing.TestingSluice;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The HTTP port's non-Thrift answers and its refusals. */
@Timeout(60)
class TestHttpEndpoints {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final TestingSluice sluice = TestingSluice.shared();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(
        request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + sluice.httpPort() + path);
  }

  @Test
  void healthAnswersWhenReady() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/health")));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).get("status").asText()).isEqualTo("READY");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/.well-known/databricks-config",
        "/oidc/.well-known/oauth-authorization-server",
        "/api/2.0/connector-service/feature-flags/OSS_JDBC/3.4.5"
      })
  void driverPreflightRequestsGetAJsonNotFound(String path) throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)));
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("content-type")).contains("application/json");
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("error_code").asText()).isEqualTo("ENDPOINT_NOT_FOUND");
    assertThat(body.get("message").asText()).contains(path);
  }

  @Test
  void thriftWithoutOrWithAWrongTokenIs401WithAJsonBody() throws Exception {
    byte[] anyBody = {(byte) 0x80, 1, 0, 1};
    for (String authorization :
        new String[] {null, "Bearer dapi-wrong", "Basic dG9rZW46d3Jvbmc="}) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri("/cliservice"))
              .header("Content-Type", "application/x-thrift")
              .POST(HttpRequest.BodyPublishers.ofByteArray(anyBody));
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      HttpResponse<String> response = send(request);
      assertThat(response.statusCode()).as(String.valueOf(authorization)).isEqualTo(401);
      assertThat(JSON.readTree(response.body()).get("error_code").asText())
          .isEqualTo("UNAUTHENTICATED");
    }
  }

  @Test
  void anUnknownWarehouseIsA404() throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(uri("/sql/1.0/warehouses/nope"))
                .header("Authorization", "Bearer " + sluice.token())
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1})));
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(response.body()).get("message").asText()).contains("nope");
  }

  @Test
  void garbageThriftIsA400AndTheGatewayKeepsServing() throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(uri("/cliservice"))
                .header("Authorization", "Bearer " + sluice.token())
                .POST(HttpRequest.BodyPublishers.ofByteArray("GET / HTTP/1.0 garbage".getBytes())));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(send(HttpRequest.newBuilder(uri("/health"))).statusCode()).isEqualTo(200);
  }
}
