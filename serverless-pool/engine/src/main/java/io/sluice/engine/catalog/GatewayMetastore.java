package io.sluice.engine.catalog;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The gateway's engine-facing metastore API, as one engine calls it: each request presents the
 * engine's secret and names the user it acts for. The gateway is the one source of truth for
 * catalogs, schemas and tables; nothing is cached here.
 *
 * <p>Spark creates catalog plugins by reflection, so the engine's one connection to the gateway is
 * installed once at engine start ({@link #install}) and found by plugins through {@link
 * #installed}.
 */
public final class GatewayMetastore {
  /** The Spark setting through which the gateway passes its URL at launch. */
  public static final String GATEWAY_URL_SETTING = "spark.sluice.gateway.url";

  static final String BASE_PATH = "/api/internal/engine-metastore/";
  static final String USER_HEADER = "X-Sluice-User";
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicReference<GatewayMetastore> INSTALLED = new AtomicReference<>();

  private final URI base;
  private final String secret;
  private final HttpClient client;

  GatewayMetastore(String gatewayUrl, String secret) {
    String url = requireNonNull(gatewayUrl, "gatewayUrl is null");
    this.base =
        URI.create((url.endsWith("/") ? url.substring(0, url.length() - 1) : url) + BASE_PATH);
    this.secret = requireNonNull(secret, "secret is null");
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** Makes the gateway at {@code gatewayUrl} this engine's metastore. */
  public static void install(String gatewayUrl, String secret) {
    INSTALLED.set(new GatewayMetastore(gatewayUrl, secret));
  }

  /** The gateway metastore, when the gateway launched this engine with its URL. */
  public static Optional<GatewayMetastore> installed() {
    return Optional.ofNullable(INSTALLED.get());
  }

  /** The catalogs {@code user} may see. */
  public List<String> catalogs(String user) {
    return names(get(user, "catalogs").orElseThrow(), "catalogs");
  }

  Optional<JsonNode> get(String user, String path) {
    return send(user, HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  Optional<JsonNode> post(String user, String path, JsonNode body) {
    return send(
        user,
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  Optional<JsonNode> delete(String user, String path) {
    return send(user, HttpRequest.newBuilder(base.resolve(path)).DELETE());
  }

  static ObjectMapper json() {
    return JSON;
  }

  /** Path segments, each URL-encoded: {@code path("tables", "main", "a b")}. */
  static String path(String... segments) {
    StringBuilder path = new StringBuilder();
    for (String segment : segments) {
      if (path.length() > 0) {
        path.append('/');
      }
      path.append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return path.toString();
  }

  static List<String> names(JsonNode answer, String field) {
    java.util.ArrayList<String> names = new java.util.ArrayList<>();
    answer.path(field).forEach(name -> names.add(name.asText()));
    return names;
  }

  /** The answer's JSON; empty for 404; {@link GatewayMetastoreException} for other failures. */
  private Optional<JsonNode> send(String user, HttpRequest.Builder request) {
    HttpResponse<String> response;
    try {
      response =
          client.send(
              request
                  .timeout(REQUEST_TIMEOUT)
                  .header("Authorization", "Bearer " + secret)
                  .header(USER_HEADER, user)
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new GatewayMetastoreException(
          "UNAVAILABLE", "The gateway's metastore cannot be reached: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GatewayMetastoreException("CANCELLED", "Interrupted calling the gateway", e);
    }
    JsonNode body = parse(response.body());
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    if (response.statusCode() / 100 != 2) {
      throw new GatewayMetastoreException(
          body.path("error_code").asText("HTTP_" + response.statusCode()),
          body.path("message").asText("The gateway answered " + response.statusCode()),
          null);
    }
    return Optional.of(body);
  }

  private static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (IOException e) {
      return JSON.createObjectNode().put("message", body);
    }
  }

  @Override
  public String toString() {
    return "GatewayMetastore[" + base + "]";
  }
}
