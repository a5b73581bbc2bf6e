package io.sluice.gateway.benchmark;

import io.sluice.gateway.GatewayConfig;
import io.sluice.gateway.Sluice;
import io.sluice.gateway.testing.TestingSparkThriftServer;
import io.sluice.pool.Engine;
import io.sluice.pool.EngineClasspath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Locale;

/**
 * What the gateway costs, measured against the same engine reached directly, in one run:
 *
 * <ul>
 *   <li>{@code SELECT 1} round trips (execute, fetch, close): median and p99 latency of each path,
 *       and the median added by the gateway;
 *   <li>a 1,000,000-row fetch: rows per second of each path and their ratio.
 * </ul>
 *
 * Both paths use the same client code and the same engine, and are interleaved (A, B, A, B ...) so
 * that machine noise hits both alike. For reference, the same client also runs against Spark
 * 3.5.4's stock Thrift Server (a different Spark, so only indicative). Run with {@code ./sluice
 * bench [roundTrips] [fetchRepeats]}.
 */
public final class GatewayOverheadBenchmark {
  private static final String BULK_QUERY =
      "SELECT id, id * 2 AS doubled, CAST(id AS STRING) AS text, id / 3.0 AS ratio FROM range(1000000)";

  private GatewayOverheadBenchmark() {}

  public static void main(String[] arguments) throws Exception {
    int roundTrips = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 2000;
    int fetchRepeats = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 5;
    Path home = Paths.get(System.getProperty("sluice.home", ".")).toAbsolutePath();
    Path data = Files.createTempDirectory("sluice-benchmark-");
    GatewayConfig config =
        GatewayConfig.defaults(data, EngineClasspath.fromBuildTree(home)).withPorts(0, 0);
    try (Sluice sluice = Sluice.start(config);
        TestingSparkThriftServer stockServer =
            TestingSparkThriftServer.start(data.resolve("spark-thriftserver"))) {
      Engine engine = sluice.engines().acquire();
      try (ThriftBenchmarkClient gateway =
              new ThriftBenchmarkClient(sluice.binaryPort(), sluice.adminToken());
          ThriftBenchmarkClient direct = new ThriftBenchmarkClient(engine.port(), engine.secret());
          ThriftBenchmarkClient stock = new ThriftBenchmarkClient(stockServer.port(), "")) {
        System.out.println("Warming up (JIT on every side)...");
        for (int i = 0; i < 500; i++) {
          gateway.run("SELECT 1", 1000);
          direct.run("SELECT 1", 1000);
          stock.run("SELECT 1", 1000);
        }
        stock.run(BULK_QUERY, 100_000);
        gateway.run(BULK_QUERY, 100_000);
        direct.run(BULK_QUERY, 100_000);

        long[] viaGateway = new long[roundTrips];
        long[] viaDirect = new long[roundTrips];
        long[] viaStock = new long[roundTrips];
        for (int i = 0; i < roundTrips; i++) {
          viaDirect[i] = time(() -> direct.run("SELECT 1", 1000));
          viaGateway[i] = time(() -> gateway.run("SELECT 1", 1000));
          viaStock[i] = time(() -> stock.run("SELECT 1", 1000));
        }
        Arrays.sort(viaGateway);
        Arrays.sort(viaDirect);
        Arrays.sort(viaStock);
        double gatewayMedian = millis(percentile(viaGateway, 50));
        double directMedian = millis(percentile(viaDirect, 50));
        System.out.printf(
            Locale.ROOT,
            "%nSELECT 1 round trip (execute + fetch + close), %d each, interleaved%n",
            roundTrips);
        System.out.printf(
            Locale.ROOT,
            "  direct to engine : p50 %.3f ms  p99 %.3f ms%n",
            directMedian,
            millis(percentile(viaDirect, 99)));
        System.out.printf(
            Locale.ROOT,
            "  through gateway  : p50 %.3f ms  p99 %.3f ms%n",
            gatewayMedian,
            millis(percentile(viaGateway, 99)));
        System.out.printf(
            Locale.ROOT,
            "  gateway adds     : p50 %+.3f ms (ratio %.3f)%n",
            gatewayMedian - directMedian,
            gatewayMedian / directMedian);
        System.out.printf(
            Locale.ROOT,
            "  Spark 3.5.4 STS  : p50 %.3f ms  p99 %.3f ms (reference)%n",
            millis(percentile(viaStock, 50)),
            millis(percentile(viaStock, 99)));

        double[] gatewayRate = new double[fetchRepeats];
        double[] directRate = new double[fetchRepeats];
        double[] stockRate = new double[fetchRepeats];
        for (int i = 0; i < fetchRepeats; i++) {
          directRate[i] = rowsPerSecond(direct, BULK_QUERY);
          gatewayRate[i] = rowsPerSecond(gateway, BULK_QUERY);
          stockRate[i] = rowsPerSecond(stock, BULK_QUERY);
        }
        Arrays.sort(gatewayRate);
        Arrays.sort(directRate);
        Arrays.sort(stockRate);
        double gatewayFetch = gatewayRate[fetchRepeats / 2];
        double directFetch = directRate[fetchRepeats / 2];
        System.out.printf(
            Locale.ROOT,
            "%n1,000,000-row fetch (4 columns, 100,000-row pages), median of %d, interleaved%n",
            fetchRepeats);
        System.out.printf(Locale.ROOT, "  direct to engine : %,.0f rows/s%n", directFetch);
        System.out.printf(Locale.ROOT, "  through gateway  : %,.0f rows/s%n", gatewayFetch);
        System.out.printf(
            Locale.ROOT, "  ratio            : %.3f of direct%n", gatewayFetch / directFetch);
        System.out.printf(
            Locale.ROOT,
            "  Spark 3.5.4 STS  : %,.0f rows/s (reference)%n",
            stockRate[fetchRepeats / 2]);
      }
    }
  }

  private interface Call {
    long run() throws Exception;
  }

  private static long time(Call call) throws Exception {
    long start = System.nanoTime();
    call.run();
    return System.nanoTime() - start;
  }

  private static double rowsPerSecond(ThriftBenchmarkClient client, String sql) throws Exception {
    long start = System.nanoTime();
    long rows = client.run(sql, 100_000);
    return rows / ((System.nanoTime() - start) / 1e9);
  }

  private static long percentile(long[] sorted, int percent) {
    return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)];
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }
}
