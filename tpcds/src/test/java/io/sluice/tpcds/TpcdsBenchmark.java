package io.sluice.tpcds;

import io.sluice.gateway.GatewayConfig;
import io.sluice.gateway.Sluice;
import io.sluice.pool.Engine;
import io.sluice.pool.EngineClasspath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The TPC-DS benchmark: one gateway and its engine started here, the data loaded through Sluice at
 * the chosen scale with the Sluice JDBC driver (kept between runs under {@code
 * target/tpcds-benchmark-data}), then all 103 statements run through Sluice and straight on the
 * same engine, alternating, {@code runs} times each. Prints totals, geometric means and the ratio,
 * and writes the report and chart.
 *
 * <p>{@code ./sluice bench tpcds [scale] [runs] [q3,q64,...]}, default scale 1, 3 runs, all
 * queries.
 */
public final class TpcdsBenchmark {
  private TpcdsBenchmark() {}

  public static void main(String[] arguments) throws Exception {
    double scale = arguments.length > 0 ? Double.parseDouble(arguments[0]) : 1;
    int runs = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 3;
    List<TpcdsQuery> queries =
        arguments.length > 2
            ? TpcdsQuery.named(List.of(arguments[2].split(",")))
            : TpcdsQuery.all();
    Path home = Paths.get(System.getProperty("sluice.home", "..")).toAbsolutePath().normalize();
    Path dataDirectory = home.resolve("tpcds/target/tpcds-benchmark-data");
    Files.createDirectories(dataDirectory);
    GatewayConfig config =
        GatewayConfig.defaults(dataDirectory, EngineClasspath.fromBuildTree(home)).withPorts(0, 0);
    try (Sluice sluice = Sluice.start(config)) {
      ConnectionSource throughSluice =
          () ->
              DriverManager.getConnection(
                  "jdbc:sluice://127.0.0.1:"
                      + sluice.binaryPort()
                      + ";token="
                      + sluice.adminToken());
      ConnectionSource direct =
          () -> {
            Engine engine;
            try {
              engine = sluice.engines().acquire();
            } catch (Exception e) {
              throw new SQLException("Cannot start the engine: " + e.getMessage(), "08001", e);
            }
            return DriverManager.getConnection(
                "jdbc:sluice://127.0.0.1:"
                    + engine.port()
                    + ";auth=nosasl;user=token;password="
                    + engine.secret());
          };
      String schema = TpcdsLoader.defaultSchema(scale);
      long loadStart = System.nanoTime();
      new TpcdsLoader(throughSluice, System.out).load(schema, scale, 2);
      System.out.printf(Locale.ROOT, "Load: %.1f s%n", (System.nanoTime() - loadStart) / 1e9);
      RunReport report =
          new TpcdsRunner(throughSluice, Optional.of(direct), schema, System.out)
              .run(queries, runs, scale);
      Path directory = home.resolve("tpcds/target/tpcds-benchmark-report");
      Path markdown = TpcdsCommand.write(report, directory);
      System.out.printf(
          Locale.ROOT,
          "Scale %s, %d runs: Sluice total %.0f ms (geomean %.1f ms), direct total %.0f ms"
              + " (geomean %.1f ms), ratio %.3f; %d of %d answers identical%nReport: %s%n",
          TpcdsLoader.scaleText(scale),
          runs,
          report.sluiceTotalMillis(),
          report.sluiceGeometricMeanMillis(),
          report.directTotalMillis(),
          report.directGeometricMeanMillis(),
          report.totalRatio().orElse(Double.NaN),
          report.outcomes().size() - report.failures().size(),
          report.outcomes().size(),
          markdown);
      report
          .failures()
          .forEach(failure -> System.out.println("  " + failure.name() + ": " + failure.problem()));
    }
  }
}
