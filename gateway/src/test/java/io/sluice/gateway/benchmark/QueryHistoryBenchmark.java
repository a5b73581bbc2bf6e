package io.sluice.gateway.benchmark;

import io.sluice.gateway.history.ClientInfo;
import io.sluice.gateway.history.PageCursor;
import io.sluice.gateway.history.PhaseDurations;
import io.sluice.gateway.history.QueryFilter;
import io.sluice.gateway.history.QueryHistoryStore;
import io.sluice.gateway.history.QueryPage;
import io.sluice.gateway.history.QueryRecord;
import io.sluice.gateway.history.StatementStatus;
import io.sluice.governance.store.GovernanceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How fast the history pages of the web UI and the Query History API are with 100,000 statements in
 * the embedded database: the first page, a page deep in the list, filters and text search, and the
 * throughput chart. The baseline is the same first page read the naive way, with OFFSET on an
 * unindexed order, in the same process.
 *
 * <pre>
 * mvn -B -ntp -pl gateway -am test-compile -DskipTests
 * java -cp "$(cat gateway/target/gateway-test-classpath.txt):gateway/target/test-classes:gateway/target/classes" \
 *   io.sluice.gateway.benchmark.QueryHistoryBenchmark [rows]
 * </pre>
 */
public final class QueryHistoryBenchmark {
  private static final int REPEATS = 30;

  private QueryHistoryBenchmark() {}

  public static void main(String[] arguments) throws Exception {
    int rows = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 100_000;
    Path directory = Files.createTempDirectory("sluice-history-benchmark");
    try (GovernanceStore database = GovernanceStore.openEmbedded(directory)) {
      QueryHistoryStore store = new QueryHistoryStore(database.dataSource());
      long loadStart = System.nanoTime();
      long now = fill(store, rows);
      System.out.printf("loaded %,d statements in %.1f s%n", rows, seconds(loadStart));

      double baseline =
          median(
              () -> {
                try (Connection connection = database.dataSource().getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet result =
                        statement.executeQuery(
                            "SELECT * FROM query_history ORDER BY end_time_ms DESC"
                                + " OFFSET 50000 ROWS FETCH FIRST 50 ROWS ONLY")) {
                  int count = 0;
                  while (result.next()) {
                    count++;
                  }
                  return count;
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      System.out.printf("baseline  OFFSET 50000 on an unindexed order   %8.2f ms%n", baseline);

      report("first page (50)", baseline, () -> store.list(QueryFilter.ALL, 50, Optional.empty()));
      PageCursor deep =
          store.list(QueryFilter.ALL, rows / 2, Optional.empty()).next().orElseThrow();
      report(
          "page after row 50,000",
          baseline,
          () -> store.list(QueryFilter.ALL, 50, Optional.of(deep)));
      report(
          "status FAILED, first page",
          baseline,
          () ->
              store.list(
                  filter(Set.of(), Set.of(StatementStatus.FAILED), Optional.empty()),
                  50,
                  Optional.empty()));
      report(
          "one user, first page",
          baseline,
          () ->
              store.list(
                  filter(Set.of("user7"), Set.of(), Optional.empty()), 50, Optional.empty()));
      report(
          "text search (rare word)",
          baseline,
          () ->
              store.list(filter(Set.of(), Set.of(), Optional.of("needle")), 50, Optional.empty()));
      report(
          "throughput, 24 h in 60 buckets",
          baseline,
          () ->
              store.throughput(
                  new QueryFilter(
                      Set.of(),
                      Set.of(),
                      Set.of(),
                      Set.of(),
                      OptionalLong.of(now - 86_400_000L),
                      OptionalLong.of(now),
                      Optional.empty()),
                  now - 86_400_000L,
                  1_440_000L,
                  now));
    }
  }

  private static QueryFilter filter(
      Set<String> principals, Set<StatementStatus> statuses, Optional<String> text) {
    return new QueryFilter(
        principals, statuses, Set.of(), Set.of(), OptionalLong.empty(), OptionalLong.empty(), text);
  }

  private static long fill(QueryHistoryStore store, int rows) {
    Random random = new Random(42);
    long now = System.currentTimeMillis();
    StatementStatus[] statuses = StatementStatus.values();
    for (int index = 0; index < rows; index++) {
      long start = now - (long) (random.nextDouble() * 7 * 86_400_000L);
      StatementStatus status = statuses[2 + random.nextInt(3)];
      String text =
          "SELECT c"
              + index
              + ", sum(x) FROM sales_"
              + random.nextInt(200)
              + (index % 10_000 == 0 ? " WHERE note = 'needle'" : "")
              + " GROUP BY 1";
      store.insert(
          new QueryRecord(
              "id-" + index,
              "session-" + (index / 20),
              "user" + random.nextInt(50),
              new ClientInfo("http", "Hive JDBC", "3.1.3", ""),
              "default",
              "engine-1",
              text,
              Optional.empty(),
              status,
              start,
              OptionalLong.of(start + 50),
              OptionalLong.of(start + 80),
              new PhaseDurations(1, 5, 44, 30),
              random.nextInt(1000),
              random.nextInt(100_000),
              status == StatementStatus.FAILED ? Optional.of("boom") : Optional.empty(),
              Optional.empty(),
              false));
    }
    return now;
  }

  private static void report(String name, double baseline, Supplier<?> work) {
    double median = median(work);
    System.out.printf(
        "%-46s %8.2f ms   %6.1fx faster than baseline%n", name, median, baseline / median);
  }

  private static double median(Supplier<?> work) {
    for (int warm = 0; warm < 5; warm++) {
      work.get();
    }
    double[] times = new double[REPEATS];
    for (int index = 0; index < REPEATS; index++) {
      long start = System.nanoTime();
      Object result = work.get();
      times[index] = (System.nanoTime() - start) / 1e6;
      if (result instanceof QueryPage page && page.records().isEmpty() && index == 0) {
        System.out.println("  (empty page)");
      }
    }
    Arrays.sort(times);
    return times[REPEATS / 2];
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
