package io.sluice.gateway.benchmark;

import io.sluice.gateway.governance.GovernedStatementAuthorizer;
import io.sluice.governance.Governance;
import io.sluice.governance.store.GovernanceStore;
import io.sluice.planner.InlinedFunction;
import io.sluice.planner.ObjectName;
import io.sluice.planner.ReadRewrite;
import io.sluice.planner.SessionContext;
import io.sluice.planner.SqlPlanner;
import io.sluice.planner.StatementAnalysis;
import io.sluice.planner.StatementAuthorizer;
import io.sluice.planner.StatementRewriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * What the gateway does to a TPC-DS query before an engine sees it, per query: parse + classify +
 * resolve (the planner's analysis), AUTHORIZE against a real governance store (embedded H2, with
 * the audit rows each decision writes, and the per-statement reads of the catalog list and the
 * user's groups, as the gateway does them), and REWRITE with the row filter on {@code store_sales}
 * and the column mask on {@code customer}, as a non-admin user of the governed catalog {@link
 * TpcdsGovernedCatalog} registers. Cold is each query's first planning in this process (the first
 * paying class loading, the parser's DFA warm-up and the database's first statements); warm is
 * after warm-up rounds; p50 and p99 are over every query's runs. The baseline, run in the same
 * process on the same queries, is Spark's parser alone.
 *
 * <p>Share of end-to-end time: if a TPC-DS report ({@code tpcds/target/tpcds-report/report.md},
 * written by the tpcds module's run) exists, each query's warm median planning time is divided by
 * that query's Sluice time in the report; otherwise only absolute times are printed.
 *
 * <pre>
 * mvn -B -ntp -q -pl gateway -am test-compile
 * java -cp gateway/target/test-classes:gateway/target/classes:$(cat gateway/target/gateway-test-classpath.txt) \
 *     io.sluice.gateway.benchmark.GovernedPlannerBenchmark [warm rounds, default 30] [report.md]
 * </pre>
 */
public final class GovernedPlannerBenchmark {
  private GovernedPlannerBenchmark() {}

  /** One query's planning, phase by phase, in nanoseconds. */
  private record Timing(long analyze, long authorize, long rewrite) {
    long total() {
      return analyze + authorize + rewrite;
    }
  }

  public static void main(String[] arguments) throws Exception {
    int rounds = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 30;
    Path report =
        Paths.get(arguments.length > 1 ? arguments[1] : "tpcds/target/tpcds-report/report.md");
    Map<String, String> queries = TpcdsGovernedCatalog.queries();
    Path directory = Files.createTempDirectory("sluice-planner-benchmark");
    try (GovernanceStore store = GovernanceStore.openEmbedded(directory)) {
      Governance governance = Governance.open(store, Clock.systemUTC());
      TpcdsGovernedCatalog.register(governance);
      SqlPlanner planner = new SqlPlanner();
      GovernedStatementAuthorizer authorizer = new GovernedStatementAuthorizer(governance, planner);
      SessionContext session =
          new SessionContext(
              TpcdsGovernedCatalog.CATALOG,
              TpcdsGovernedCatalog.SCHEMA,
              authorizer.catalogNames(),
              Set.of());
      StatementAuthorizer user =
          authorizer.forStatement(TpcdsGovernedCatalog.USER, Optional.empty());

      List<Timing> cold = new ArrayList<>();
      int rewritten = 0;
      for (String sql : queries.values()) {
        cold.add(plan(planner, authorizer, session, sql));
      }
      for (String sql : queries.values()) {
        StatementAnalysis analysis = planner.analyze(sql, session);
        String engineSql = StatementRewriter.rewrite(analysis, user.authorize(session, analysis));
        rewritten += engineSql.equals(analysis.engineSql()) ? 0 : 1;
      }
      for (int round = 0; round < 10; round++) {
        for (String sql : queries.values()) {
          plan(planner, authorizer, session, sql);
          SqlPlanner.parseOnly(sql);
        }
      }
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      List<Timing> warm = new ArrayList<>();
      List<Long> warmCpu = new ArrayList<>();
      List<Long> parseOnly = new ArrayList<>();
      Map<String, List<Long>> perQuery = new LinkedHashMap<>();
      for (int round = 0; round < rounds; round++) {
        for (Map.Entry<String, String> query : queries.entrySet()) {
          long start = System.nanoTime();
          SqlPlanner.parseOnly(query.getValue());
          parseOnly.add(System.nanoTime() - start);
          long startCpu = threads.getCurrentThreadCpuTime();
          Timing timing = plan(planner, authorizer, session, query.getValue());
          warmCpu.add(threads.getCurrentThreadCpuTime() - startCpu);
          warm.add(timing);
          perQuery.computeIfAbsent(query.getKey(), name -> new ArrayList<>()).add(timing.total());
        }
      }

      System.out.printf(
          "TPC-DS parse + resolve + authorize + rewrite, %d queries (%d rewritten by a row filter"
              + " or mask), %d warm rounds, governance on embedded H2, user %s (Java %s)%n",
          queries.size(),
          rewritten,
          rounds,
          TpcdsGovernedCatalog.USER,
          System.getProperty("java.version"));
      print("cold  total", totals(cold));
      print("cold  analyze", phase(cold, Timing::analyze));
      print("cold  authorize", phase(cold, Timing::authorize));
      print("cold  rewrite", phase(cold, Timing::rewrite));
      print("warm  total", totals(warm));
      print("warm  analyze (parse+resolve)", phase(warm, Timing::analyze));
      print("warm  authorize", phase(warm, Timing::authorize));
      print("warm  rewrite", phase(warm, Timing::rewrite));
      print("warm  parse only (baseline)", parseOnly);
      print("warm  total, thread CPU", warmCpu);
      System.out.printf(
          "ratio warm total / Spark parse only: p50 %.2f, p99 %.2f%n",
          percentile(totals(warm), 50) / (double) percentile(parseOnly, 50),
          percentile(totals(warm), 99) / (double) percentile(parseOnly, 99));
      target("wall", totals(warm));
      target("thread CPU", warmCpu);
      System.out.printf(
          "load average %.1f on %d processors (wall time includes waiting for a core)%n",
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
          Runtime.getRuntime().availableProcessors());
      printShare(report, perQuery);
    } finally {
      deleteRecursively(directory);
    }
  }

  private static void target(String clock, List<Long> nanos) {
    System.out.printf(
        "targets (%s): warm p50 %.3f ms (<= 2 ms: %s), warm p99 %.3f ms (<= 10 ms: %s)%n",
        clock,
        percentile(nanos, 50) / 1e6,
        percentile(nanos, 50) <= 2_000_000 ? "met" : "MISSED",
        percentile(nanos, 99) / 1e6,
        percentile(nanos, 99) <= 10_000_000 ? "met" : "MISSED");
  }

  /**
   * One statement as the gateway plans it: the catalogs it may name and an authorizer for the
   * statement (both read from governance per statement), analysis, authorization with the metastore
   * functions it calls, rewrite and the identity functions answered.
   */
  private static Timing plan(
      SqlPlanner planner,
      GovernedStatementAuthorizer authorizer,
      SessionContext session,
      String sql)
      throws Exception {
    long start = System.nanoTime();
    SessionContext current = session.withCatalogs(authorizer.catalogNames());
    StatementAuthorizer user =
        authorizer.forStatement(
            TpcdsGovernedCatalog.USER, Optional.of(UUID.randomUUID().toString()));
    long prepared = System.nanoTime();
    StatementAnalysis analysis = planner.analyze(sql, current);
    long analyzed = System.nanoTime();
    Map<ObjectName, ReadRewrite> tables = user.authorize(current, analysis);
    Map<ObjectName, InlinedFunction> functions = user.functions(current, analysis);
    long authorized = System.nanoTime();
    user.answerIdentity(StatementRewriter.rewrite(analysis, tables, functions));
    long rewritten = System.nanoTime();
    return new Timing(
        analyzed - prepared, authorized - analyzed + prepared - start, rewritten - authorized);
  }

  /** Each query's warm median planning time as a share of its Sluice time in a TPC-DS report. */
  private static void printShare(Path report, Map<String, List<Long>> perQuery) throws IOException {
    if (!Files.isRegularFile(report)) {
      System.out.println(
          "share of end-to-end time: no TPC-DS report at "
              + report
              + "; absolute times only (run the tpcds module's benchmark first)");
      return;
    }
    Map<String, Double> sluiceMillis = reportTimes(report);
    List<Double> shares = new ArrayList<>();
    for (Map.Entry<String, List<Long>> query : perQuery.entrySet()) {
      Double endToEnd = sluiceMillis.get(query.getKey());
      if (endToEnd != null && endToEnd > 0) {
        shares.add(percentile(query.getValue(), 50) / 1e6 / endToEnd);
      }
    }
    if (shares.isEmpty()) {
      System.out.println("share of end-to-end time: " + report + " has no per-query times");
      return;
    }
    Collections.sort(shares);
    System.out.printf(
        "share of end-to-end time (%d queries of %s): median %.4f%%, max %.4f%%%n",
        shares.size(),
        report,
        shares.get(shares.size() / 2) * 100,
        shares.get(shares.size() - 1) * 100);
  }

  /** The Sluice column of the report's per-query table: {@code | q1 | rows | sluice ms | ...}. */
  private static Map<String, Double> reportTimes(Path report) throws IOException {
    Map<String, Double> times = new LinkedHashMap<>();
    for (String line : Files.readAllLines(report)) {
      String[] cells = line.split("\\|");
      if (cells.length > 3 && cells[1].trim().matches("q[0-9]+[ab]?")) {
        try {
          times.put(cells[1].trim(), Double.parseDouble(cells[3].trim()));
        } catch (NumberFormatException notATime) {
          // A query that failed in that run has no time.
        }
      }
    }
    return times;
  }

  private static List<Long> totals(List<Timing> timings) {
    return timings.stream().map(Timing::total).toList();
  }

  private static List<Long> phase(List<Timing> timings, ToLongFunction<Timing> phase) {
    return timings.stream().map(phase::applyAsLong).toList();
  }

  private static void print(String label, List<Long> nanos) {
    System.out.printf(
        "%-32s p50 %8.3f ms   p99 %8.3f ms   max %8.3f ms%n",
        label,
        percentile(nanos, 50) / 1e6,
        percentile(nanos, 99) / 1e6,
        percentile(nanos, 100) / 1e6);
  }

  private static long percentile(List<Long> nanos, int percent) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private static void deleteRecursively(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
