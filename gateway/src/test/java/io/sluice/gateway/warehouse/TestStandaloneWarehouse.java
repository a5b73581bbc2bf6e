package io.sluice.gateway.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.GatewayConfig;
import io.sluice.gateway.Sluice;
import io.sluice.gateway.testing.TestingClientDrivers;
import io.sluice.gateway.testing.TestingSparkStandalone;
import io.sluice.pool.EngineClasspath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A warehouse whose engine runs on a real Spark standalone cluster (master and worker on loopback,
 * from Spark's own jars): queries through the gateway are answered by executors the worker launched
 * for the engine.
 */
@Timeout(900)
class TestStandaloneWarehouse {
  @Test
  void queriesRunOnExecutorsOfTheStandaloneCluster() throws Exception {
    Path home = Paths.get("..").toAbsolutePath().normalize();
    String classpath = EngineClasspath.fromBuildTree(home);
    Path work = Files.createTempDirectory(Paths.get("target").toAbsolutePath(), "standalone-");
    try (TestingSparkStandalone cluster =
            TestingSparkStandalone.start(work.resolve("cluster"), classpath, 2);
        Sluice sluice =
            Sluice.start(
                GatewayConfig.defaults(work.resolve("data"), classpath)
                    .withPorts(0, 0)
                    .withEngineMaster(cluster.masterUrl()))) {
      assertThat(cluster.applicationsRun()).isEmpty();
      try (Connection connection =
              TestingClientDrivers.hiveJdbc()
                  .connect(
                      "jdbc:hive2://127.0.0.1:" + sluice.binaryPort() + "/default",
                      "token",
                      sluice.adminToken());
          Statement statement = connection.createStatement()) {
        try (ResultSet sum =
            statement.executeQuery("SELECT sum(id), count(*) FROM range(0, 1000000, 1, 4)")) {
          assertThat(sum.next()).isTrue();
          assertThat(sum.getLong(1)).isEqualTo(499_999_500_000L);
          assertThat(sum.getLong(2)).isEqualTo(1_000_000L);
        }
      }
      // The worker launched executors for exactly one application: the warehouse's engine. (Reading
      // spark.master through the gateway is refused by the planner's SET allowlist.)
      assertThat(cluster.applicationsRun()).hasSize(1).allMatch(name -> name.startsWith("app-"));
    }
  }
}
