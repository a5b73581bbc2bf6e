package io.sluice.tpcds;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ./sluice tpcds load|run}: loads TPC-DS data through Sluice, or runs the queries through
 * Sluice and optionally straight on Spark and writes a report.
 */
public final class TpcdsCommand {
  private static final String USAGE =
      """
      Usage:
        ./sluice tpcds load --url JDBC_URL [--token T] [--scale 1] [--schema S] [--parallelism 2]
        ./sluice tpcds run  --url JDBC_URL [--token T] [--scale 1] [--schema S]
                            [--queries q1,q14,...] [--runs 3] [--out DIR]
                            [--direct-url JDBC_URL --direct-user U --direct-password P
                             --direct-driver-jar JAR]
        --token defaults to $SLUICE_TOKEN; --schema defaults to tpcds_sf<scale>.
      """;
  private static final Set<String> OPTIONS =
      Set.of(
          "url",
          "token",
          "user",
          "scale",
          "schema",
          "parallelism",
          "queries",
          "runs",
          "out",
          "driver-jar",
          "direct-url",
          "direct-user",
          "direct-password",
          "direct-driver-jar");

  private TpcdsCommand() {}

  public static void main(String[] arguments) throws Exception {
    PrintStream out = System.out;
    Deque<String> queue = new ArrayDeque<>(Arrays.asList(arguments));
    String action = queue.isEmpty() ? "" : queue.removeFirst();
    Map<String, String> options;
    try {
      options = options(queue);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    if (!options.containsKey("url") || !(action.equals("load") || action.equals("run"))) {
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    double scale = Double.parseDouble(options.getOrDefault("scale", "1"));
    String schema = options.getOrDefault("schema", TpcdsLoader.defaultSchema(scale));
    JdbcEndpoint sluice =
        new JdbcEndpoint(
            options.get("url"),
            Optional.of(options.getOrDefault("user", "token")),
            Optional.ofNullable(options.getOrDefault("token", System.getenv("SLUICE_TOKEN"))),
            Optional.ofNullable(options.get("driver-jar")).map(Paths::get));
    if (action.equals("load")) {
      int parallelism = Integer.parseInt(options.getOrDefault("parallelism", "2"));
      List<String> loaded = new TpcdsLoader(sluice, out).load(schema, scale, parallelism);
      out.printf(Locale.ROOT, "Loaded %d tables into %s%n", loaded.size(), schema);
      return;
    }
    Optional<ConnectionSource> direct =
        Optional.ofNullable(options.get("direct-url"))
            .map(
                url ->
                    new JdbcEndpoint(
                        url,
                        Optional.ofNullable(options.get("direct-user")),
                        Optional.ofNullable(options.get("direct-password")),
                        Optional.ofNullable(options.get("direct-driver-jar")).map(Paths::get)));
    List<TpcdsQuery> queries =
        options.containsKey("queries")
            ? TpcdsQuery.named(Arrays.asList(options.get("queries").split(",")))
            : TpcdsQuery.all();
    int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
    RunReport report = new TpcdsRunner(sluice, direct, schema, out).run(queries, runs, scale);
    Path directory = Paths.get(options.getOrDefault("out", "tpcds-report"));
    Path markdown = write(report, directory);
    out.printf(
        Locale.ROOT,
        "%d of %d queries passed; Sluice total %.0f ms%s%nReport: %s%n",
        report.outcomes().size() - report.failures().size(),
        report.outcomes().size(),
        report.sluiceTotalMillis(),
        report.totalRatio().isPresent()
            ? String.format(
                Locale.ROOT,
                ", Spark direct %.0f ms, ratio %.3f",
                report.directTotalMillis(),
                report.totalRatio().getAsDouble())
            : "",
        markdown.toAbsolutePath());
    report
        .failures()
        .forEach(failure -> out.println("  " + failure.name() + ": " + failure.problem()));
    if (!report.allPassed()) {
      System.exit(1);
    }
  }

  /** Writes {@code report.md} and {@code report.svg} into {@code directory}. */
  public static Path write(RunReport report, Path directory) throws IOException {
    Files.createDirectories(directory);
    Files.writeString(
        directory.resolve("report.svg"), SvgChart.render(report), StandardCharsets.UTF_8);
    Path markdown = directory.resolve("report.md");
    Files.writeString(
        markdown, MarkdownReport.render(report, "report.svg"), StandardCharsets.UTF_8);
    return markdown;
  }

  private static Map<String, String> options(Deque<String> arguments) {
    Map<String, String> options = new HashMap<>();
    while (!arguments.isEmpty()) {
      String flag = arguments.removeFirst();
      if (!flag.startsWith("--") || !OPTIONS.contains(flag.substring(2))) {
        throw new IllegalArgumentException("Unknown option: " + flag);
      }
      if (arguments.isEmpty()) {
        throw new IllegalArgumentException("Option " + flag + " needs a value");
      }
      options.put(flag.substring(2), arguments.removeFirst());
    }
    return options;
  }
}
