package io.sluice.gateway;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything the gateway process is configured with. Ports of 0 pick a free port.
 *
 * @param engineClasspath the classpath engine processes are launched with
 * @param maxMessageBytes the largest Thrift message or HTTP body accepted from a client
 * @param handshakeTimeout time a new connection has to authenticate or send its first request
 * @param partialMessageTimeout time a client may take to finish sending a started request
 * @param connectionIdleTimeout an open connection with no traffic for this long is closed
 * @param engineIdleTimeout the default warehouse's auto-stop time when it is first created
 * @param historyRetention query history older than this is deleted
 * @param warmEngines engines kept started and warmed for each engine size in use, so that a stopped
 *     serverless warehouse answers its first statement quickly; 0 keeps none
 */
public record GatewayConfig(
    String host,
    int binaryPort,
    int httpPort,
    Path dataDirectory,
    Optional<Path> tlsCertificate,
    Optional<Path> tlsKey,
    Optional<String> adminToken,
    String engineClasspath,
    String engineMaster,
    int maxMessageBytes,
    Duration handshakeTimeout,
    Duration partialMessageTimeout,
    Duration connectionIdleTimeout,
    Duration engineIdleTimeout,
    int workerThreads,
    Duration historyRetention,
    int warmEngines) {
  public GatewayConfig {
    requireNonNull(host, "host is null");
    requireNonNull(dataDirectory, "dataDirectory is null");
    requireNonNull(tlsCertificate, "tlsCertificate is null");
    requireNonNull(tlsKey, "tlsKey is null");
    requireNonNull(adminToken, "adminToken is null");
    requireNonNull(engineClasspath, "engineClasspath is null");
    requireNonNull(engineMaster, "engineMaster is null");
    requireNonNull(handshakeTimeout, "handshakeTimeout is null");
    requireNonNull(partialMessageTimeout, "partialMessageTimeout is null");
    requireNonNull(connectionIdleTimeout, "connectionIdleTimeout is null");
    requireNonNull(engineIdleTimeout, "engineIdleTimeout is null");
    requireNonNull(historyRetention, "historyRetention is null");
    if (historyRetention.isNegative() || historyRetention.isZero()) {
      throw new IllegalArgumentException("historyRetention must be positive");
    }
    if (tlsCertificate.isPresent() != tlsKey.isPresent()) {
      throw new IllegalArgumentException("TLS needs both --tls-cert and --tls-key");
    }
    checkPort("binary", binaryPort);
    checkPort("HTTP", httpPort);
    if (maxMessageBytes <= 0 || workerThreads <= 0) {
      throw new IllegalArgumentException("maxMessageBytes and workerThreads must be positive");
    }
    if (warmEngines < 0) {
      throw new IllegalArgumentException("warmEngines must not be negative");
    }
  }

  /** Defaults for everything but where data lives and what engines run. */
  public static GatewayConfig defaults(Path dataDirectory, String engineClasspath) {
    return new GatewayConfig(
        "127.0.0.1",
        10000,
        10001,
        dataDirectory,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        engineClasspath,
        "local[*]",
        64 * 1024 * 1024,
        Duration.ofSeconds(30),
        Duration.ofSeconds(60),
        Duration.ofHours(1),
        Duration.ofMinutes(10),
        256,
        Duration.ofDays(30),
        0);
  }

  public boolean tlsEnabled() {
    return tlsCertificate.isPresent();
  }

  public GatewayConfig withPorts(int binaryPort, int httpPort) {
    return new GatewayConfig(
        host,
        binaryPort,
        httpPort,
        dataDirectory,
        tlsCertificate,
        tlsKey,
        adminToken,
        engineClasspath,
        engineMaster,
        maxMessageBytes,
        handshakeTimeout,
        partialMessageTimeout,
        connectionIdleTimeout,
        engineIdleTimeout,
        workerThreads,
        historyRetention,
        warmEngines);
  }

  public GatewayConfig withTls(Path certificate, Path key) {
    return new GatewayConfig(
        host,
        binaryPort,
        httpPort,
        dataDirectory,
        Optional.of(certificate),
        Optional.of(key),
        adminToken,
        engineClasspath,
        engineMaster,
        maxMessageBytes,
        handshakeTimeout,
        partialMessageTimeout,
        connectionIdleTimeout,
        engineIdleTimeout,
        workerThreads,
        historyRetention,
        warmEngines);
  }

  public GatewayConfig withTimeouts(
      Duration handshake, Duration partialMessage, Duration connectionIdle) {
    return new GatewayConfig(
        host,
        binaryPort,
        httpPort,
        dataDirectory,
        tlsCertificate,
        tlsKey,
        adminToken,
        engineClasspath,
        engineMaster,
        maxMessageBytes,
        handshake,
        partialMessage,
        connectionIdle,
        engineIdleTimeout,
        workerThreads,
        historyRetention,
        warmEngines);
  }

  public GatewayConfig withWarmEngines(int engines) {
    return new GatewayConfig(
        host,
        binaryPort,
        httpPort,
        dataDirectory,
        tlsCertificate,
        tlsKey,
        adminToken,
        engineClasspath,
        engineMaster,
        maxMessageBytes,
        handshakeTimeout,
        partialMessageTimeout,
        connectionIdleTimeout,
        engineIdleTimeout,
        workerThreads,
        historyRetention,
        engines);
  }

  public GatewayConfig withEngineMaster(String master) {
    return new GatewayConfig(
        host,
        binaryPort,
        httpPort,
        dataDirectory,
        tlsCertificate,
        tlsKey,
        adminToken,
        engineClasspath,
        master,
        maxMessageBytes,
        handshakeTimeout,
        partialMessageTimeout,
        connectionIdleTimeout,
        engineIdleTimeout,
        workerThreads,
        historyRetention,
        warmEngines);
  }

  public GatewayConfig withMaxMessageBytes(int bytes) {
    return new GatewayConfig(
        host,
        binaryPort,
        httpPort,
        dataDirectory,
        tlsCertificate,
        tlsKey,
        adminToken,
        engineClasspath,
        engineMaster,
        bytes,
        handshakeTimeout,
        partialMessageTimeout,
        connectionIdleTimeout,
        engineIdleTimeout,
        workerThreads,
        historyRetention,
        warmEngines);
  }

  public GatewayConfig withHistoryRetention(Duration retention) {
    return new GatewayConfig(
        host,
        binaryPort,
        httpPort,
        dataDirectory,
        tlsCertificate,
        tlsKey,
        adminToken,
        engineClasspath,
        engineMaster,
        maxMessageBytes,
        handshakeTimeout,
        partialMessageTimeout,
        connectionIdleTimeout,
        engineIdleTimeout,
        workerThreads,
        retention,
        warmEngines);
  }

  private static void checkPort(String name, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("Invalid " + name + " port: " + port);
    }
  }
}
