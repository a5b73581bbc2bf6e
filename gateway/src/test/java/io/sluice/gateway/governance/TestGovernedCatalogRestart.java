package io.sluice.gateway.governance;

import static io.sluice.gateway.governance.TestingGovernedClients.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.GatewayConfig;
import io.sluice.gateway.Sluice;
import io.sluice.gateway.testing.TestingClientDrivers;
import io.sluice.governance.principal.PrincipalType;
import io.sluice.pool.EngineClasspath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A table of the workspace catalog survives a restart of the gateway and its engine on the same
 * data directory: its definition is in governance and its data where governance says.
 */
@Timeout(600)
class TestGovernedCatalogRestart {
  @Test
  void aTableSurvivesRestartingGatewayAndEngine() throws Exception {
    Path dataDirectory =
        Files.createTempDirectory(Paths.get("target").toAbsolutePath(), "sluice-restart-");
    GatewayConfig config =
        GatewayConfig.defaults(
                dataDirectory,
                EngineClasspath.fromBuildTree(Paths.get("..").toAbsolutePath().normalize()))
            .withPorts(0, 0);
    try (Sluice first = Sluice.start(config);
        Connection connection = connect(first)) {
      execute(connection, "CREATE SCHEMA main.kept");
      execute(connection, "CREATE TABLE main.kept.events (id BIGINT, name STRING)");
      execute(connection, "INSERT INTO main.kept.events VALUES (1, 'start'), (2, 'stop')");
      execute(connection, "CREATE TABLE main.kept.logs (id INT, line STRING) USING parquet");
      execute(connection, "INSERT INTO main.kept.logs VALUES (7, 'seven')");
      execute(connection, "CREATE TABLE main.kept.orders (id INT, region STRING)");
      execute(connection, "INSERT INTO main.kept.orders VALUES (1, 'US'), (2, 'EU')");
      execute(
          connection,
          "CREATE FUNCTION main.kept.us_only(region STRING) RETURNS BOOLEAN RETURN region = 'US'");
      execute(
          connection, "ALTER TABLE main.kept.orders SET ROW FILTER main.kept.us_only ON (region)");
      first.governance().principals().create(PrincipalType.USER, "auditor", "Auditor", true);
      execute(connection, "GRANT SELECT ON TABLE main.kept.orders TO auditor");
      execute(connection, "ALTER TABLE main.kept.orders RENAME TO kept.us_orders");
    }
    try (Sluice second = Sluice.start(config);
        Connection connection = connect(second)) {
      assertThat(rows(connection, "SELECT id, name FROM main.kept.events ORDER BY id"))
          .containsExactly("1|start", "2|stop");
      assertThat(rows(connection, "SHOW TABLES IN main.kept"))
          .containsExactlyInAnyOrder(
              "kept|events|false", "kept|logs|false", "kept|us_orders|false");
      assertThat(rows(connection, "SELECT id, line FROM main.kept.logs"))
          .containsExactly("7|seven");
      // The renamed table kept its row filter and its grant.
      assertThat(rows(connection, "SELECT id, region FROM main.kept.us_orders"))
          .containsExactly("1|US");
      assertThat(rows(connection, "SHOW GRANTS auditor ON TABLE main.kept.us_orders"))
          .containsExactly("auditor|SELECT|TABLE|main.kept.us_orders");
    }
  }

  private static Connection connect(Sluice sluice) throws SQLException {
    return TestingClientDrivers.hiveJdbc()
        .connect(
            "jdbc:hive2://127.0.0.1:" + sluice.binaryPort() + "/default",
            "token",
            sluice.adminToken());
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
