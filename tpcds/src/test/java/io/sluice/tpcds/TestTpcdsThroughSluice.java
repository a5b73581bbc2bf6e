package io.sluice.tpcds;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.testing.TestingSluice;
import io.sluice.pool.Engine;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * All 103 TPC-DS statements at scale 0.01, loaded through Sluice, run through Sluice and straight
 * on the same Spark engine: every answer must agree. The report lands in {@code
 * target/tpcds-report}.
 */
class TestTpcdsThroughSluice {
  private static final double SCALE = 0.01;
  private static final String SCHEMA = TpcdsLoader.defaultSchema(SCALE);
  private static final PrintStream OUT = System.out;

  private static List<String> firstLoad;

  @BeforeAll
  static void load() throws Exception {
    firstLoad =
        new TpcdsLoader(TestTpcdsThroughSluice::sluiceConnection, OUT).load(SCHEMA, SCALE, 2);
  }

  @Test
  void loadingAgainSkipsEveryFinishedTable() throws Exception {
    assertThat(firstLoad).hasSize(24);
    assertThat(
            new TpcdsLoader(TestTpcdsThroughSluice::sluiceConnection, OUT).load(SCHEMA, SCALE, 2))
        .isEmpty();
    try (Connection connection = sluiceConnection();
        var statement = connection.createStatement();
        var resultSet =
            statement.executeQuery("SELECT count(*) FROM " + SCHEMA + ".customer_demographics")) {
      resultSet.next();
      assertThat(resultSet.getLong(1)).isEqualTo(1_920_800L);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyQueryAgreesWithSparkDirect() throws Exception {
    RunReport report =
        new TpcdsRunner(
                TestTpcdsThroughSluice::sluiceConnection,
                Optional.of(TestTpcdsThroughSluice::directConnection),
                SCHEMA,
                OUT)
            .run(TpcdsQuery.all(), 1, SCALE);
    Path written = TpcdsCommand.write(report, Paths.get("target", "tpcds-report"));
    OUT.println("TPC-DS report: " + written.toAbsolutePath());
    return report.outcomes().stream()
        .map(
            outcome ->
                DynamicTest.dynamicTest(
                    outcome.name(),
                    () -> assertThat(outcome.problem()).as(outcome.name()).isEmpty()));
  }

  /** Our driver through the gateway. */
  private static Connection sluiceConnection() throws SQLException {
    TestingSluice sluice = TestingSluice.shared();
    return DriverManager.getConnection(
        "jdbc:sluice://127.0.0.1:" + sluice.binaryPort() + ";token=" + sluice.token());
  }

  /** Our driver straight to the engine's own Thrift port, around the gateway. */
  private static Connection directConnection() throws SQLException {
    Engine engine = TestingSluice.shared().engine();
    return DriverManager.getConnection(
        "jdbc:sluice://127.0.0.1:"
            + engine.port()
            + ";auth=nosasl;user=token;password="
            + engine.secret());
  }
}
