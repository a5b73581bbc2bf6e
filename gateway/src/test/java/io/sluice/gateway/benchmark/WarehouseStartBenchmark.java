package io.sluice.gateway.benchmark;

import io.sluice.gateway.GatewayConfig;
import io.sluice.gateway.Sluice;
import io.sluice.governance.warehouse.WarehouseDefinition;
import io.sluice.pool.EngineClasspath;
import io.sluice.pool.EngineLaunchSpec;
import io.sluice.pool.EngineProcess;
import io.sluice.pool.SparkJvmOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Time to first result on a stopped serverless warehouse, in one run:
 *
 * <ol>
 *   <li>cold Spark: launch an engine process and run {@code SELECT 1} on it directly (the
 *       baseline);
 *   <li>cold warehouse: a gateway without warm engines, first {@code SELECT 1} on a stopped
 *       warehouse (connect, start an engine, run);
 *   <li>warm warehouse: a gateway keeping one warm engine, first {@code SELECT 1} on a stopped
 *       warehouse once the warm engine is ready.
 * </ol>
 *
 * Prints each time and the speed-up of the warm warehouse over the cold ones. Target: warm at most
 * 1 s and at least 5 times faster than cold. Run with {@code ./sluice bench warehouse-start
 * [rounds]}.
 */
public final class WarehouseStartBenchmark {
  private WarehouseStartBenchmark() {}

  public static void main(String[] arguments) throws Exception {
    int rounds = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 1;
    Path home = Paths.get(System.getProperty("sluice.home", ".")).toAbsolutePath();
    String classpath = EngineClasspath.fromBuildTree(home);
    Path data = Files.createTempDirectory("sluice-start-benchmark-");
    for (int round = 1; round <= rounds; round++) {
      double coldSpark = coldSpark(classpath, data.resolve("direct-" + round));
      double coldWarehouse = firstResult(classpath, data.resolve("cold-" + round), 0);
      double warmWarehouse = firstResult(classpath, data.resolve("warm-" + round), 1);
      System.out.printf(
          Locale.ROOT,
          "round %d: cold Spark %.2f s, cold warehouse %.2f s, warm warehouse %.2f s;"
              + " warm is %.1fx faster than cold Spark, %.1fx faster than a cold warehouse%n",
          round,
          coldSpark,
          coldWarehouse,
          warmWarehouse,
          coldSpark / warmWarehouse,
          coldWarehouse / warmWarehouse);
    }
  }

  /** Launch an engine and run SELECT 1 on it: what any cold Spark start costs. */
  private static double coldSpark(String classpath, Path data) throws Exception {
    EngineLaunchSpec spec =
        new EngineLaunchSpec(
            Paths.get(System.getProperty("java.home"), "bin", "java"),
            SparkJvmOptions.REQUIRED,
            classpath,
            EngineLaunchSpec.DEFAULT_MAIN_CLASS,
            data.resolve("engine"),
            "local[4]",
            Map.of(),
            data.resolve("logs"),
            Duration.ofMinutes(10));
    long started = System.nanoTime();
    EngineProcess engine = EngineProcess.start(spec, "cold-spark");
    try (ThriftBenchmarkClient client = new ThriftBenchmarkClient(engine.port(), engine.secret())) {
      client.run("SELECT 1", 1000);
      return seconds(System.nanoTime() - started);
    } finally {
      engine.stop(Duration.ofSeconds(10));
    }
  }

  /** A gateway with {@code warmEngines}; the first SELECT 1 on a new, stopped warehouse. */
  private static double firstResult(String classpath, Path data, int warmEngines) throws Exception {
    GatewayConfig config =
        GatewayConfig.defaults(data, classpath).withPorts(0, 0).withWarmEngines(warmEngines);
    try (Sluice sluice = Sluice.start(config)) {
      WarehouseDefinition definition =
          new WarehouseDefinition(
              "benchmark",
              "benchmark",
              "Small",
              1,
              1,
              10,
              true,
              "PRO",
              false,
              Sluice.ADMIN_PRINCIPAL,
              Instant.now(),
              List.of());
      sluice.warehouses().create(definition);
      if (warmEngines > 0) {
        System.out.println("Waiting for the warm engine...");
        while (sluice.warmPool().readyEngines() < warmEngines) {
          Thread.sleep(200);
        }
      }
      long started = System.nanoTime();
      try (ThriftBenchmarkClient client =
          new ThriftBenchmarkClient(
              sluice.binaryPort(),
              sluice.adminToken(),
              Map.of("sluice.warehouse", definition.id()))) {
        client.run("SELECT 1", 1000);
        return seconds(System.nanoTime() - started);
      }
    }
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
