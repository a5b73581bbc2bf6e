package io.sluice.engine.catalog;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

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

  /** The gateway's certificate (PEM) when it serves HTTPS, passed at launch. */
  public static final String GATEWAY_CERTIFICATE_SETTING = "spark.sluice.gateway.certificate";

  static final String BASE_PATH = "/api/internal/engine-metastore/";
  static final String USER_HEADER = "X-Sluice-User";
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicReference<GatewayMetastore> INSTALLED = new AtomicReference<>();

  private final URI base;
  private final String secret;
  private final HttpClient client;

  GatewayMetastore(String gatewayUrl, String secret, Optional<Path> certificate) {
    String url = requireNonNull(gatewayUrl, "gatewayUrl is null");
    this.base =
        URI.create((url.endsWith("/") ? url.substring(0, url.length() - 1) : url) + BASE_PATH);
    this.secret = requireNonNull(secret, "secret is null");
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
    certificate.ifPresent(path -> builder.sslContext(trusting(path)));
    this.client = builder.build();
  }

  /**
   * Makes the gateway at {@code gatewayUrl} this engine's metastore; over HTTPS the gateway's
   * {@code certificate} is trusted.
   */
  public static void install(String gatewayUrl, String secret, Optional<Path> certificate) {
    INSTALLED.set(new GatewayMetastore(gatewayUrl, secret, certificate));
  }

  /** TLS that trusts the certificates in the PEM file {@code certificate}. */
  private static SSLContext trusting(Path certificate) {
    try (InputStream input = Files.newInputStream(certificate)) {
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      int index = 0;
      for (Certificate entry :
          CertificateFactory.getInstance("X.509").generateCertificates(input)) {
        trusted.setCertificateEntry("gateway-" + index++, entry);
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(
          "Cannot trust the gateway's certificate " + certificate + ": " + e.getMessage(), e);
    }
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
