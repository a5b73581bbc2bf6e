package io.sluice.planner;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Planning time per TPC-DS query (parse + classify + resolve + analyze), cold (each query's first
 * analysis in this process, the first one also paying class loading and the parser's DFA warm-up)
 * and warm (after warm-up rounds), as p50 and p99 over every query's runs. The baseline, run in the
 * same process on the same queries, is Spark's parser alone; the ratio is what analysis adds.
 * Targets: warm p50 at most 2 ms, p99 at most 10 ms.
 *
 * <pre>
 * mvn -B -ntp -q -pl sql-planner -am test-compile
 * java -cp sql-planner/target/test-classes:sql-planner/target/classes:$(cat sql-planner/target/planner-test-classpath.txt) \
 *     io.sluice.planner.PlannerBenchmark [warm rounds, default 50]
 * </pre>
 */
public final class PlannerBenchmark {
  private PlannerBenchmark() {}

  public static void main(String[] arguments) throws Exception {
    int rounds = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 50;
    Map<String, String> queries = TpcdsQueries.all();
    SqlPlanner planner = new SqlPlanner();
    SessionContext session = SessionContext.initial("tpcds");

    List<Long> cold = new ArrayList<>();
    for (String sql : queries.values()) {
      long start = System.nanoTime();
      planner.analyze(sql, session);
      cold.add(System.nanoTime() - start);
    }
    for (int round = 0; round < 10; round++) {
      for (String sql : queries.values()) {
        planner.analyze(sql, session);
        SparkSqlParser.parseStatement(sql);
      }
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<Long> warm = new ArrayList<>();
    List<Long> warmCpu = new ArrayList<>();
    List<Long> parseOnly = new ArrayList<>();
    List<Long> parseOnlyCpu = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      for (String sql : queries.values()) {
        long startCpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        SparkSqlParser.parseStatement(sql);
        long parsedCpu = threads.getCurrentThreadCpuTime();
        long parsed = System.nanoTime();
        planner.analyze(sql, session);
        long analyzedCpu = threads.getCurrentThreadCpuTime();
        long analyzed = System.nanoTime();
        parseOnly.add(parsed - start);
        parseOnlyCpu.add(parsedCpu - startCpu);
        warm.add(analyzed - parsed);
        warmCpu.add(analyzedCpu - parsedCpu);
      }
    }
    System.out.printf(
        "TPC-DS planning, %d queries, %d warm rounds (Spark %s parser, Java %s)%n",
        queries.size(), rounds, "4.0.2", System.getProperty("java.version"));
    print("cold  analyze", cold);
    print("warm  analyze", warm);
    print("warm  parse only (baseline)", parseOnly);
    print("warm  analyze, thread CPU", warmCpu);
    print("warm  parse only, thread CPU", parseOnlyCpu);
    System.out.printf(
        "load average %.1f on %d processors (wall time includes waiting for a core)%n",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().availableProcessors());
    System.out.printf(
        "ratio warm analyze / parse only: p50 %.2f, p99 %.2f%n",
        percentile(warm, 50) / (double) percentile(parseOnly, 50),
        percentile(warm, 99) / (double) percentile(parseOnly, 99));
    target("wall", warm);
    target("thread CPU", warmCpu);
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

  private static void print(String label, List<Long> nanos) {
    System.out.printf(
        "%-30s p50 %8.3f ms   p99 %8.3f ms   max %8.3f ms%n",
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
}
