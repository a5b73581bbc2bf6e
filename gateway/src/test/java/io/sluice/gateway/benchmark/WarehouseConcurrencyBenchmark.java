package io.sluice.gateway.benchmark;

import io.sluice.gateway.GatewayConfig;
import io.sluice.gateway.Sluice;
import io.sluice.gateway.testing.TestingSparkThriftServer;
import io.sluice.governance.warehouse.WarehouseDefinition;
import io.sluice.pool.EngineClasspath;
import io.sluice.pool.EngineManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Many concurrent clients running short queries for a fixed time: through a serverless warehouse
 * with two engines (ten slots each, the rest queued fairly) and, in the same run with the same
 * client code, straight to one Spark 3.5.4 Thrift Server. Prints throughput, p50 and p99 of each
 * and their ratios. Run with {@code ./sluice bench warehouse-concurrency [clients] [seconds]}
 * (defaults 200 and 60).
 */
public final class WarehouseConcurrencyBenchmark {
  private static final String QUERY = "SELECT count(*), sum(id) FROM range(0, 10000)";

  private WarehouseConcurrencyBenchmark() {}

  public static void main(String[] arguments) throws Exception {
    int clients = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 200;
    int seconds = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 60;
    Path home = Paths.get(System.getProperty("sluice.home", ".")).toAbsolutePath();
    Path data = Files.createTempDirectory("sluice-concurrency-benchmark-");
    GatewayConfig config =
        GatewayConfig.defaults(data, EngineClasspath.fromBuildTree(home)).withPorts(0, 0);
    try (Sluice sluice = Sluice.start(config)) {
      WarehouseDefinition definition =
          new WarehouseDefinition(
              "two-engines",
              "two-engines",
              "Small",
              2,
              2,
              0,
              true,
              "PRO",
              false,
              Sluice.ADMIN_PRINCIPAL,
              Instant.now(),
              List.of());
      sluice.warehouses().create(definition);
      EngineManager engines = sluice.warehouses().find(definition.id()).orElseThrow().engines();
      engines.start();
      System.out.println("Starting the warehouse's two engines...");
      while (engines.snapshot().engines() < 2) {
        Thread.sleep(500);
      }
      Map<String, String> warehouse = Map.of("sluice.warehouse", definition.id());
      // The reference server starts after the engines: on a small machine, starting three Spark
      // JVMs at once makes each of them slow to start.
      try (TestingSparkThriftServer stockServer =
          TestingSparkThriftServer.start(data.resolve("spark-thriftserver"))) {
        Result direct =
            run(
                "Spark Thrift Server direct",
                clients,
                seconds,
                () -> client(stockServer.port(), "", Map.of()));
        Result gateway =
            run(
                "two-engine warehouse",
                clients,
                seconds,
                () -> client(sluice.binaryPort(), sluice.adminToken(), warehouse));
        System.out.printf(
            Locale.ROOT,
            "%nwarehouse / direct: throughput %.2fx, p50 %.2fx, p99 %.2fx%n",
            gateway.throughput() / direct.throughput(),
            gateway.p50Millis() / direct.p50Millis(),
            gateway.p99Millis() / direct.p99Millis());
      }
    }
  }

  private static ThriftBenchmarkClient client(
      int port, String password, Map<String, String> configuration) {
    try {
      return new ThriftBenchmarkClient(port, password, configuration);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot connect: " + e.getMessage(), e);
    }
  }

  /** Queries per second and latency percentiles of one load run. */
  private record Result(double throughput, double p50Millis, double p99Millis) {}

  private static Result run(
      String name, int clients, int seconds, Supplier<ThriftBenchmarkClient> connect)
      throws Exception {
    List<ThriftBenchmarkClient> connections = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      connections.add(connect.get());
    }
    for (ThriftBenchmarkClient connection : connections) {
      connection.run(QUERY, 100);
    }
    long[][] latencies = new long[clients][];
    AtomicLong failures = new AtomicLong();
    CountDownLatch done = new CountDownLatch(clients);
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    for (int i = 0; i < clients; i++) {
      int index = i;
      Thread thread =
          new Thread(
              () -> {
                long[] own = new long[1024];
                int count = 0;
                while (System.nanoTime() < deadline) {
                  long started = System.nanoTime();
                  try {
                    connections.get(index).run(QUERY, 100);
                  } catch (Exception e) {
                    failures.incrementAndGet();
                    continue;
                  }
                  if (count == own.length) {
                    own = Arrays.copyOf(own, count * 2);
                  }
                  own[count++] = System.nanoTime() - started;
                }
                latencies[index] = Arrays.copyOf(own, count);
                done.countDown();
              },
              "client-" + i);
      thread.start();
    }
    done.await();
    for (ThriftBenchmarkClient connection : connections) {
      connection.close();
    }
    long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
    Result result =
        new Result(
            all.length / (double) seconds, percentile(all, 50) / 1e6, percentile(all, 99) / 1e6);
    System.out.printf(
        Locale.ROOT,
        "%s: %d clients, %d s: %d queries (%d failed), %.1f queries/s, p50 %.1f ms, p99 %.1f ms%n",
        name,
        clients,
        seconds,
        all.length,
        failures.get(),
        result.throughput(),
        result.p50Millis(),
        result.p99Millis());
    return result;
  }

  private static long percentile(long[] sorted, int percent) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[
        Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * percent / 100.0) - 1)];
  }
}
