package io.sluice.gateway.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TestTestingNodeClient {
  private static final String PATH = "/sql/1.0/warehouses/default";

  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private HttpsServer server;

  @AfterEach
  void stopServer() {
    release.countDown();
    if (server != null) {
      server.stop(0);
    }
    executor.shutdownNow();
  }

  @Test
  void sendsBearerTokenOverTrustedTlsAndReportsUnauthorized() {
    int port = startServer(401);
    TestingNodeClient.Result result =
        TestingNodeClient.create()
            .run(
                request(port)
                    .caCertificate(TestingCertificates.shared().certificatePem())
                    .statement("SELECT 1")
                    .build());

    assertThat(result.driverVersion()).isEqualTo("2.1.0");
    assertThat(result.statements()).isEmpty();
    assertThat(result.error()).isPresent();
    assertThat(result.error().orElseThrow().httpStatus()).contains(401);
    assertThat(requests)
        .isNotEmpty()
        .allSatisfy(
            line ->
                assertThat(line)
                    .startsWith("POST " + PATH + " Bearer secret-token")
                    .contains("NodejsDatabricksSqlConnector/2.1.0"));
  }

  @Test
  void rejectsCertificateItWasNotToldToTrust(@TempDir Path directory) {
    int port = startServer(401);
    Path otherCertificate = TestingCertificates.createIn(directory).certificatePem();
    TestingNodeClient.Result result =
        TestingNodeClient.create()
            .run(request(port).caCertificate(otherCertificate).statement("SELECT 1").build());

    assertThat(result.error()).isPresent();
    assertThat(result.error().orElseThrow().message()).containsIgnoringCase("certificate");
    assertThat(requests).isEmpty();
  }

  @Test
  void killsNodeThatOutlivesItsTimeout() {
    int port = startServer(0);
    TestingNodeClient client = TestingNodeClient.create().withTimeout(Duration.ofSeconds(5));
    long start = System.nanoTime();
    assertThatThrownBy(
            () ->
                client.run(
                    request(port)
                        .caCertificate(TestingCertificates.shared().certificatePem())
                        .statement("SELECT 1")
                        .build()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("did not finish within PT5S");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void valuesJsonCannotCarryRoundTripLosslessly() throws Exception {
    String script =
        "const {encodeValue} = require('./encode-values');"
            + "process.stdout.write(JSON.stringify(encodeValue(["
            + "Buffer.from([0, 255, 16]), 12345678901234567890n, -5n,"
            + " new Date(Date.UTC(2024, 1, 29, 12, 34, 56, 789)),"
            + " NaN, -0, Infinity, -Infinity, 1.5, 42, 'text', true, null, undefined,"
            + " [1, [2]], {a: 1, b: 'x'}, {$binary: 'not a tag'}, new Map([['k', 1n]])"
            + "])));";
    Process process =
        new ProcessBuilder("node", "-e", script)
            .directory(TestingNodeClient.projectDirectory().toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();

    @SuppressWarnings("unchecked")
    List<Object> values =
        (List<Object>) TestingNodeClient.decode(new ObjectMapper().readTree(output));
    assertThat((byte[]) values.get(0)).containsExactly(0, 255, 16);
    assertThat(values.get(1)).isEqualTo(new BigInteger("12345678901234567890"));
    assertThat(values.get(2)).isEqualTo(BigInteger.valueOf(-5));
    assertThat(values.get(3)).isEqualTo(Instant.parse("2024-02-29T12:34:56.789Z"));
    assertThat((Double) values.get(4)).isNaN();
    assertThat(Double.doubleToRawLongBits((Double) values.get(5)))
        .isEqualTo(Double.doubleToRawLongBits(-0.0d));
    assertThat(values.get(6)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(values.get(7)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(values.get(8)).isEqualTo(1.5d);
    assertThat(values.get(9)).isEqualTo(42.0d);
    assertThat(values.get(10)).isEqualTo("text");
    assertThat(values.get(11)).isEqualTo(true);
    assertThat(values.get(12)).isNull();
    assertThat(values.get(13)).isNull();
    assertThat(values.get(14)).isEqualTo(List.of(1.0d, List.of(2.0d)));
    assertThat(values.get(15)).isEqualTo(Map.of("a", 1.0d, "b", "x"));
    assertThat(values.get(16)).isEqualTo(Map.of("$binary", "not a tag"));
    assertThat(values.get(17)).isEqualTo(Map.of("k", BigInteger.ONE));
  }

  private static TestingNodeClient.Request.Builder request(int port) {
    return TestingNodeClient.Request.builder("127.0.0.1", port, PATH, "secret-token");
  }

  /** An HTTPS server answering every request with {@code status}, or never when it is 0. */
  private int startServer(int status) {
    try {
      TestingCertificates certificates = TestingCertificates.shared();
      char[] password = "key".toCharArray();
      KeyManagerFactory keyManagers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(certificates.keyStore(password), password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers.getKeyManagers(), null, null);

      server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.setHttpsConfigurator(new HttpsConfigurator(context));
      server.createContext(
          "/",
          exchange -> {
            requests.add(
                exchange.getRequestMethod()
                    + " "
                    + exchange.getRequestURI().getPath()
                    + " "
                    + exchange.getRequestHeaders().getFirst("Authorization")
                    + " "
                    + exchange.getRequestHeaders().getFirst("User-Agent"));
            exchange.getRequestBody().readAllBytes();
            if (status == 0) {
              try {
                release.await(2, TimeUnit.MINUTES);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              exchange.close();
              return;
            }
            byte[] body = "unauthorized".getBytes(UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      server.setExecutor(executor);
      server.start();
      return server.getAddress().getPort();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
