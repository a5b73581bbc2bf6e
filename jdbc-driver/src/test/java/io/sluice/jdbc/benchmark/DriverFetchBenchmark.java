package io.sluice.jdbc.benchmark;

import io.sluice.gateway.GatewayConfig;
import io.sluice.gateway.Sluice;
import io.sluice.gateway.testing.TestingClientDrivers;
import io.sluice.pool.EngineClasspath;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fetch throughput of this driver against the Apache Hive JDBC driver (3.1.3), same gateway, same
 * query, same run: {@code rows} rows of (BIGINT, DOUBLE, STRING), every value read with the typed
 * getter. Runs alternate (ours reading Arrow, ours reading columns, Hive, Hive with our page size,
 * then rotated) so machine noise hits all alike; the figures are medians. Each driver uses its
 * default fetch size (ours 10,000, Hive 1,000); Hive is also run with ours for reference. Ours with
 * {@code arrow=false} reads the same columnar pages the Hive driver reads, which separates what the
 * driver gains from what the Arrow result format gains.
 *
 * <p>Heap in use is sampled every 5 ms during each run and reported above the level measured after
 * a GC just before it; garbage not yet collected is included, so it says little about what is kept.
 * What the driver keeps is measured separately afterwards: our driver reads a result while a GC is
 * forced every twentieth of it, and the largest live heap seen is reported, for two result sizes at
 * the same fetch size and for two fetch sizes. Bounded by the fetch size means the first pair is
 * about equal and the second is not. The gateway runs in the same JVM, so its page buffers are
 * included.
 *
 * <p>Run with {@code ./sluice bench driver [rows] [repeats]} (defaults 10,000,000 and 3).
 */
public final class DriverFetchBenchmark {
  private DriverFetchBenchmark() {}

  public static void main(String[] arguments) throws Exception {
    long rows = arguments.length > 0 ? Long.parseLong(arguments[0]) : 10_000_000L;
    int repeats = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 3;
    String query = query(rows);
    Path home = Paths.get(System.getProperty("sluice.home", "..")).toAbsolutePath().normalize();
    Path data = Files.createTempDirectory("sluice-driver-benchmark-");
    GatewayConfig config =
        GatewayConfig.defaults(data, EngineClasspath.fromBuildTree(home)).withPorts(0, 0);
    try (Sluice sluice = Sluice.start(config)) {
      String ourUrl =
          "jdbc:sluice://127.0.0.1:" + sluice.binaryPort() + ";token=" + sluice.adminToken();
      String hiveUrl = "jdbc:hive2://127.0.0.1:" + sluice.binaryPort() + "/default";
      TestingClientDrivers hive = TestingClientDrivers.hiveJdbc();
      try (Connection ours = DriverManager.getConnection(ourUrl);
          Connection oursWithColumns = DriverManager.getConnection(ourUrl + ";arrow=false");
          Connection theirs = hive.connect(hiveUrl, "token", sluice.adminToken())) {
        System.out.printf(
            Locale.ROOT, "Warming up (%,d rows each)...%n", Math.min(rows, 1_000_000));
        String warmUp = query(Math.min(rows, 1_000_000));
        fetch(ours, warmUp, 0);
        fetch(oursWithColumns, warmUp, 0);
        fetch(theirs, warmUp, 0);

        Contender sluiceArrow = new Contender("Sluice JDBC (Arrow)", ours, 0, repeats);
        Contender sluiceColumns =
            new Contender("Sluice JDBC (arrow=false)", oursWithColumns, 0, repeats);
        Contender hiveDefaults =
            new Contender("Hive JDBC 3.1.3 (default fetch 1000)", theirs, 0, repeats);
        Contender hiveLargePages =
            new Contender("Hive JDBC 3.1.3 (fetch 10000)", theirs, 10_000, repeats);
        List<Contender> contenders =
            List.of(sluiceArrow, sluiceColumns, hiveDefaults, hiveLargePages);
        for (int repeat = 0; repeat < repeats; repeat++) {
          // Each repeat starts with a different one, so that no driver always follows the same
          // one (the engine's GC after a large result lands on whoever comes next).
          StringBuilder line = new StringBuilder("repeat " + (repeat + 1) + ":");
          for (int turn = 0; turn < contenders.size(); turn++) {
            Contender contender = contenders.get((repeat + turn) % contenders.size());
            contender.runs[repeat] = fetch(contender.connection, query, contender.fetchSize);
          }
          for (Contender contender : contenders) {
            line.append(" | ").append(contender.name).append(' ').append(contender.runs[repeat]);
            if (contender.runs[repeat].checksum != sluiceArrow.runs[repeat].checksum) {
              throw new IllegalStateException("The drivers read different values");
            }
          }
          System.out.println(line);
        }
        System.out.printf(Locale.ROOT, "%nRows per run: %,d (BIGINT, DOUBLE, STRING)%n", rows);
        for (Contender contender : contenders) {
          report(contender.name, contender.runs);
        }
        for (Contender sluiceContender : List.of(sluiceArrow, sluiceColumns)) {
          Run[] runs = sluiceContender.runs;
          System.out.printf(
              Locale.ROOT,
              "Ratio %s / Hive, fetching:   %.2fx (defaults), %.2fx (same page size)%n",
              sluiceContender.name,
              medianFetchRate(runs) / medianFetchRate(hiveDefaults.runs),
              medianFetchRate(runs) / medianFetchRate(hiveLargePages.runs));
          System.out.printf(
              Locale.ROOT,
              "Ratio %s / Hive, end to end: %.2fx (defaults), %.2fx (same page size)%n",
              sluiceContender.name,
              medianRate(runs) / medianRate(hiveDefaults.runs),
              medianRate(runs) / medianRate(hiveLargePages.runs));
        }
        reportLiveHeap(ours, rows);
      }
    }
  }

  /** One driver and fetch size under test, with its run of each repeat. */
  private static final class Contender {
    private final String name;
    private final Connection connection;
    private final int fetchSize;
    private final Run[] runs;

    Contender(String name, Connection connection, int fetchSize, int repeats) {
      this.name = name;
      this.connection = connection;
      this.fetchSize = fetchSize;
      this.runs = new Run[repeats];
    }
  }

  private static String query(long rows) {
    return "SELECT id, CAST(id AS DOUBLE) * 1.5 AS value, CONCAT('row-', CAST(id AS STRING)) AS label"
        + " FROM range("
        + rows
        + ")";
  }

  /**
   * Our driver's largest live heap while reading: for the default fetch size at a result of a tenth
   * of {@code rows} and of {@code rows}, and for ten times the fetch size at {@code rows}.
   */
  private static void reportLiveHeap(Connection connection, long rows) throws SQLException {
    int fetchSize = 10_000;
    long smaller = Math.max(rows / 10, 1);
    System.out.printf(
        Locale.ROOT,
        "%nSluice JDBC live heap while reading (largest after a forced GC every 1/20 of the"
            + " result):%n");
    long[][] cases = {{fetchSize, smaller}, {fetchSize, rows}, {fetchSize * 10L, rows}};
    for (long[] heapCase : cases) {
      long live = largestLiveHeap(connection, heapCase[1], (int) heapCase[0]);
      System.out.printf(
          Locale.ROOT,
          "  fetch size %,7d, %,11d rows: +%,.1f MiB%n",
          heapCase[0],
          heapCase[1],
          live / (1024.0 * 1024.0));
    }
  }

  private static long largestLiveHeap(Connection connection, long rows, int fetchSize)
      throws SQLException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long sampleEvery = Math.max(rows / 20, 1);
    long largest = 0;
    try (Statement statement = connection.createStatement()) {
      statement.setFetchSize(fetchSize);
      System.gc();
      long baseline = memory.getHeapMemoryUsage().getUsed();
      try (ResultSet result = statement.executeQuery(query(rows))) {
        long read = 0;
        while (result.next()) {
          read++;
          if (read % sampleEvery == 0) {
            System.gc();
            largest = Math.max(largest, memory.getHeapMemoryUsage().getUsed() - baseline);
          }
        }
        if (read != rows) {
          throw new IllegalStateException("Read " + read + " rows of " + rows);
        }
      }
    }
    return largest;
  }

  private static Run fetch(Connection connection, String query, int fetchSize) throws SQLException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long baseline = memory.getHeapMemoryUsage().getUsed();
    AtomicLong peak = new AtomicLong(baseline);
    AtomicBoolean running = new AtomicBoolean(true);
    Thread sampler =
        new Thread(
            () -> {
              while (running.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(5);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
    long started = System.nanoTime();
    long fetchStarted;
    long clientCpuStarted;
    long rows = 0;
    long checksum = 0;
    try (Statement statement = connection.createStatement()) {
      if (fetchSize > 0) {
        statement.setFetchSize(fetchSize);
      }
      try (ResultSet result = statement.executeQuery(query)) {
        fetchStarted = System.nanoTime();
        clientCpuStarted = clientCpuNanos();
        while (result.next()) {
          checksum += result.getLong(1);
          checksum += (long) result.getDouble(2);
          checksum += result.getString(3).length();
          rows++;
        }
      }
    } finally {
      running.set(false);
    }
    long finished = System.nanoTime();
    return new Run(
        rows,
        finished - started,
        finished - fetchStarted,
        clientCpuNanos() - clientCpuStarted,
        Math.max(0, peak.get() - baseline),
        checksum);
  }

  /**
   * CPU time so far of the threads doing a driver's client work: this one (all of the Hive
   * driver's) and our driver's prefetch threads. The gateway's threads are not counted.
   */
  private static long clientCpuNanos() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long total = threads.getCurrentThreadCpuTime();
    for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (thread != null && thread.getThreadName().equals("sluice-jdbc-prefetch")) {
        total += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
      }
    }
    return total;
  }

  private static double medianRate(Run[] runs) {
    double[] rates = Arrays.stream(runs).mapToDouble(Run::rowsPerSecond).sorted().toArray();
    return rates[rates.length / 2];
  }

  private static double medianFetchRate(Run[] runs) {
    double[] rates = Arrays.stream(runs).mapToDouble(Run::fetchRowsPerSecond).sorted().toArray();
    return rates[rates.length / 2];
  }

  private static void report(String name, Run[] runs) {
    System.out.printf(
        Locale.ROOT,
        "%-38s %,12.0f rows/s fetching  %,12.0f rows/s end to end  client CPU %,4.0f ns/row"
            + "  heap in use +%,d MiB%n",
        name,
        medianFetchRate(runs),
        medianRate(runs),
        Arrays.stream(runs)
            .mapToDouble(Run::clientCpuNanosPerRow)
            .sorted()
            .toArray()[runs.length / 2],
        maxPeak(runs));
  }

  private static long maxPeak(Run[] runs) {
    return Arrays.stream(runs).mapToLong(run -> run.peakHeapBytes >> 20).max().orElse(0);
  }

  /**
   * One fetch: {@code elapsedNanos} from executeQuery to the last row, {@code fetchNanos} from the
   * end of executeQuery (the server has run the statement) to the last row: the part that is the
   * driver's; {@code clientCpuNanos} the CPU time the client's threads used while fetching.
   */
  private record Run(
      long rows,
      long elapsedNanos,
      long fetchNanos,
      long clientCpuNanos,
      long peakHeapBytes,
      long checksum) {
    double clientCpuNanosPerRow() {
      return (double) clientCpuNanos / rows;
    }

    double rowsPerSecond() {
      return rows * 1e9 / elapsedNanos;
    }

    double fetchRowsPerSecond() {
      return rows * 1e9 / fetchNanos;
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%,.0f rows/s end to end (executing %.1f s), %,.0f rows/s fetching, client CPU %,.0f"
              + " ns/row, +%,d MiB",
          rowsPerSecond(),
          (elapsedNanos - fetchNanos) / 1e9,
          fetchRowsPerSecond(),
          clientCpuNanosPerRow(),
          peakHeapBytes >> 20);
    }
  }
}
