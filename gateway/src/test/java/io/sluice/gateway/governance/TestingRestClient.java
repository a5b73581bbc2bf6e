package io.sluice.gateway.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** JSON over HTTP to the gateway's REST APIs as one token holder. */
final class TestingRestClient {
  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final int port;
  private final String token;

  TestingRestClient(int port, String token) {
    this.port = port;
    this.token = token;
  }

  /** An answer: status and JSON body (an empty object for an empty body). */
  record Answer(int status, JsonNode body) {}

  Answer get(String path) throws Exception {
    return send("GET", path, null);
  }

  Answer post(String path, Object body) throws Exception {
    return send("POST", path, body);
  }

  Answer patch(String path, Object body) throws Exception {
    return send("PATCH", path, body);
  }

  Answer delete(String path) throws Exception {
    return send("DELETE", path, null);
  }

  Answer send(String method, String path, Object body) throws Exception {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(method, publisher)
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    JsonNode json =
        response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    return new Answer(response.statusCode(), json);
  }
}
