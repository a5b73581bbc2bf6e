package io.sluice.jdbc;

import io.sluice.gateway.testing.TestingSluice;
import io.sluice.gateway.testing.TestingSparkThriftServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The two servers the driver is tested against, each started once per test JVM: the Sluice gateway
 * (with its Spark 4 engine) and Spark 3.5.4's stock Thrift Server (binary, SASL PLAIN, any user).
 */
final class TestingServers {
  private static TestingSparkThriftServer sparkThriftServer;

  private TestingServers() {}

  static TestingSluice gateway() {
    return TestingSluice.shared();
  }

  /** {@code jdbc:sluice://127.0.0.1:<binary port>} with the admin token. */
  static String gatewayUrl() {
    return "jdbc:sluice://127.0.0.1:" + gateway().binaryPort() + ";token=" + gateway().token();
  }

  static synchronized TestingSparkThriftServer sparkThriftServer() {
    if (sparkThriftServer == null) {
      try {
        Path workDirectory =
            Files.createTempDirectory(Paths.get("target").toAbsolutePath(), "spark-thriftserver-");
        sparkThriftServer =
            TestingSparkThriftServer.start(
                workDirectory, TestingSparkThriftServer.Transport.BINARY_SASL_NONE);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime()
          .addShutdownHook(new Thread(sparkThriftServer::close, "testing-sts-shutdown"));
    }
    return sparkThriftServer;
  }

  /** {@code jdbc:sluice://127.0.0.1:<port>} as a named user (the server checks no password). */
  static String sparkThriftServerUrl() {
    return "jdbc:sluice://127.0.0.1:" + sparkThriftServer().port() + ";user=tester;password=any";
  }
}
