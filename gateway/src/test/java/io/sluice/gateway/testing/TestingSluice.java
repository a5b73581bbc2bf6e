package io.sluice.gateway.testing;

import io.sluice.gateway.GatewayConfig;
import io.sluice.gateway.Sluice;
import io.sluice.gateway.server.GatewayServer;
import io.sluice.pool.Engine;
import io.sluice.pool.EngineClasspath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * One real gateway (plain ports and TLS ports, sharing sessions, tokens and engines) in front of
 * one real Spark engine, shared by every test in the run. Its data directory lives under {@code
 * target/} so engine logs survive for inspection.
 */
public final class TestingSluice {
  private static TestingSluice shared;

  private final Sluice sluice;
  private final GatewayServer tlsServer;
  private final TestingCertificates certificates;
  private final java.util.Map<String, String> userTokens = new java.util.HashMap<>();

  private TestingSluice(Sluice sluice, GatewayServer tlsServer, TestingCertificates certificates) {
    this.sluice = sluice;
    this.tlsServer = tlsServer;
    this.certificates = certificates;
  }

  public static synchronized TestingSluice shared() {
    if (shared == null) {
      try {
        shared = start();
      } catch (Exception e) {
        throw new IllegalStateException("Cannot start the testing gateway: " + e.getMessage(), e);
      }
      Runtime.getRuntime()
          .addShutdownHook(new Thread(shared.sluice::close, "testing-sluice-shutdown"));
    }
    return shared;
  }

  private static TestingSluice start() throws Exception {
    Path home = Paths.get("..").toAbsolutePath().normalize();
    Path dataDirectory =
        Files.createTempDirectory(Paths.get("target").toAbsolutePath(), "sluice-data-");
    GatewayConfig config =
        GatewayConfig.defaults(dataDirectory, EngineClasspath.fromBuildTree(home)).withPorts(0, 0);
    Sluice sluice = Sluice.start(config);
    TestingCertificates certificates = TestingCertificates.shared();
    GatewayServer tlsServer =
        sluice.listen(config.withTls(certificates.certificatePem(), certificates.privateKeyPem()));
    return new TestingSluice(sluice, tlsServer, certificates);
  }

  public Sluice sluice() {
    return sluice;
  }

  public int binaryPort() {
    return sluice.binaryPort();
  }

  public int httpPort() {
    return sluice.httpPort();
  }

  /** Same gateway, TLS on both ports. */
  public int httpsPort() {
    return tlsServer.httpPort();
  }

  public int tlsBinaryPort() {
    return tlsServer.binaryPort();
  }

  /** A valid personal access token (the admin's). */
  public String token() {
    return sluice.adminToken();
  }

  public Path certificatePem() {
    return certificates.certificatePem();
  }

  public Path trustStore() {
    return certificates.trustStore();
  }

  public String trustStorePassword() {
    return certificates.trustStorePassword();
  }

  /** A personal access token of {@code principal}, created on first request. */
  public synchronized String tokenFor(String principal) {
    return userTokens.computeIfAbsent(
        principal, name -> sluice.tokens().create(name, "test user", java.util.Optional.empty()));
  }

  /** The running engine (started if needed). */
  public Engine engine() {
    try {
      return sluice.engines().acquire();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot start the engine: " + e.getMessage(), e);
    }
  }

  /**
   * Hive JDBC straight to the Spark engine's TCLIService port, bypassing the gateway: the reference
   * side of differential tests. The session is the admin's, as the gateway's sessions of {@link
   * #token()} are, so that both sides see the same governance catalogs.
   */
  public Connection directEngineConnection() throws SQLException {
    Engine engine = engine();
    Properties properties = new Properties();
    properties.setProperty("user", Sluice.ADMIN_PRINCIPAL);
    properties.setProperty("password", engine.secret());
    return TestingClientDrivers.hiveJdbc()
        .connect("jdbc:hive2://127.0.0.1:" + engine.port() + "/default;auth=noSasl", properties);
  }
}
