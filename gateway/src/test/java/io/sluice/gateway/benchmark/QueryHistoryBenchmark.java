package io.sluice.gateway.benchmark;

import io.sluice.gateway.history.ClientInfo;
import io.sluice.gateway.history.PageCursor;
import io.sluice.gateway.history.PhaseDurations;
import io.sluice.gateway.history.QueryFilter;
import io.sluice.gateway.history.QueryHistoryStore;
import io.sluice.gateway.history.QueryRecord;
import io.sluice.gateway.history.StatementStatus;
import io.sluice.governance.store.GovernanceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * How fast the pages of the web UI and the Query History API are with 100,000 statements in the
 * embedded database: the first page, a page deep in the list, filters, text search, and the
 * throughput chart. The baseline, in the same process, reads the page 50,000 rows deep the naive
 * way: OFFSET over an order no index serves. Every repetition binds a different (harmless) lower
 * bound on the start time, so H2 cannot answer from a cached result.
 *
 * <pre>
 * mvn -B -ntp -pl gateway -am test-compile -DskipTests
 * cd gateway && java -cp "target/test-classes:target/classes:$(cat target/gateway-test-classpath.txt)" \
 *   io.sluice.gateway.benchmark.QueryHistoryBenchmark [rows]
 * </pre>
 */
public final class QueryHistoryBenchmark {
  private static final int REPEATS = 31;

  private QueryHistoryBenchmark() {}

  public static void main(String[] arguments) throws Exception {
    int rows = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 100_000;
    Path directory = Files.createTempDirectory("sluice-history-benchmark");
    try (GovernanceStore database = GovernanceStore.openEmbedded(directory)) {
      QueryHistoryStore store = new QueryHistoryStore(database.dataSource());
      long loadStart = System.nanoTime();
      long now = fill(database, store, rows);
      System.out.printf(
          "loaded %,d statements in %.1f s%n", rows, (System.nanoTime() - loadStart) / 1e9);

      double baseline =
          median(
              floor -> {
                try (Connection connection = database.dataSource().getConnection();
                    PreparedStatement statement =
                        connection.prepareStatement(
                            "SELECT * FROM query_history WHERE start_time_ms > ?"
                                + " ORDER BY end_time_ms DESC OFFSET 50000 ROWS"
                                + " FETCH FIRST 50 ROWS ONLY")) {
                  statement.setLong(1, floor);
                  int count = 0;
                  try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                      count++;
                    }
                  }
                  return count;
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      System.out.printf("%-40s %9.2f ms%n", "baseline: OFFSET 50,000, unindexed order", baseline);

      PageCursor deep =
          store.list(QueryFilter.ALL, rows / 2, Optional.empty()).next().orElseThrow();
      report(
          "first page (50)",
          baseline,
          floor ->
              store.list(
                  filter(floor, Set.of(), Set.of(), Optional.empty()), 50, Optional.empty()));
      report(
          "page after row 50,000",
          baseline,
          floor ->
              store.list(
                  filter(floor, Set.of(), Set.of(), Optional.empty()), 50, Optional.of(deep)));
      report(
          "status FAILED, first page",
          baseline,
          floor ->
              store.list(
                  filter(floor, Set.of(), Set.of(StatementStatus.FAILED), Optional.empty()),
                  50,
                  Optional.empty()));
      report(
          "one user, first page",
          baseline,
          floor ->
              store.list(
                  filter(floor, Set.of("user7"), Set.of(), Optional.empty()),
                  50,
                  Optional.empty()));
      report(
          "text search, rare word (scans the text)",
          baseline,
          floor ->
              store.list(
                  filter(floor, Set.of(), Set.of(), Optional.of("needle")), 50, Optional.empty()));
      report(
          "throughput chart: 24 h in 60 buckets",
          baseline,
          floor ->
              store.throughput(
                  new QueryFilter(
                      Set.of(),
                      Set.of(),
                      Set.of(),
                      Set.of(),
                      OptionalLong.of(now - 86_400_000L - floor),
                      OptionalLong.of(now),
                      Optional.empty()),
                  now - 86_400_000L,
                  1_440_000L,
                  now));
    }
  }

  private static QueryFilter filter(
      long floor, Set<String> principals, Set<StatementStatus> statuses, Optional<String> text) {
    return new QueryFilter(
        principals,
        statuses,
        Set.of(),
        Set.of(),
        OptionalLong.of(-floor),
        OptionalLong.empty(),
        text);
  }

  /**
   * A hundred statements through the store, the rest in one INSERT ... SELECT over H2's
   * SYSTEM_RANGE (benchmark setup only) with the same spread: 50 users, three final statuses, seven
   * days of start times, one statement in 10,000 mentioning "needle".
   */
  private static long fill(GovernanceStore database, QueryHistoryStore store, int rows)
      throws Exception {
    long now = System.currentTimeMillis();
    for (int index = 0; index < 100; index++) {
      long start = now - index * 1000L;
      store.insert(
          new QueryRecord(
              "direct-" + index,
              "session",
              "user" + (index % 50),
              new ClientInfo("http", "Hive JDBC", "3.1.3", ""),
              "default",
              "engine-1",
              "SELECT " + index,
              Optional.empty(),
              StatementStatus.FINISHED,
              start,
              OptionalLong.of(start + 50),
              OptionalLong.of(start + 80),
              new PhaseDurations(1, 5, 44, 30),
              1,
              100,
              Optional.empty(),
              Optional.empty(),
              false));
    }
    String needle = "' WHERE note = ''needle'''";
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate(
          "INSERT INTO query_history (statement_id, session_id, principal, transport, client_name,"
              + " client_version, client_application, warehouse_id, engine_id, statement_text,"
              + " status, start_time_ms, execution_end_time_ms, end_time_ms, queued_ms,"
              + " planning_ms, executing_ms, fetching_ms, rows_produced, bytes_produced,"
              + " error_message, from_cache)"
              + " SELECT 'id-' || X, 'session-' || (X / 20), 'user' || MOD(X, 50), 'http',"
              + " 'Hive JDBC', '3.1.3', '', 'default', 'engine-1',"
              + " 'SELECT c' || X || ', sum(x) FROM sales_' || MOD(X, 200)"
              + " || CASE WHEN MOD(X, 10000) = 0 THEN "
              + needle
              + " ELSE '' END || ' GROUP BY 1',"
              + " CASE MOD(X, 3) WHEN 0 THEN 'FINISHED' WHEN 1 THEN 'FAILED' ELSE 'CANCELED' END,"
              + " st, st + 50, st + 80, 1, 5, 44, 30, MOD(X, 1000), MOD(X, 100000),"
              + " CASE MOD(X, 3) WHEN 1 THEN 'boom' END, FALSE"
              + " FROM (SELECT X, "
              + now
              + " - 100000 - MOD(X * 7919, 604800000) AS st FROM SYSTEM_RANGE(1, "
              + (rows - 100)
              + ")) generated");
    }
    return now;
  }

  private static void report(String name, double baseline, LongFunction<?> work) {
    double median = median(work);
    System.out.printf(
        "%-40s %9.2f ms  %7.1fx the baseline's speed%n", name, median, baseline / median);
  }

  /** Median milliseconds of {@code work}, each run with a different floor (1, 2, 3...). */
  private static double median(LongFunction<?> work) {
    long floor = 1;
    for (int warm = 0; warm < 5; warm++) {
      work.apply(floor++);
    }
    double[] times = new double[REPEATS];
    for (int index = 0; index < REPEATS; index++) {
      long start = System.nanoTime();
      work.apply(floor++);
      times[index] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(times);
    return times[REPEATS / 2];
  }
}
