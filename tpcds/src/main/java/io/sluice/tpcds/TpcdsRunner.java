package io.sluice.tpcds;

import static java.util.Objects.requireNonNull;

import io.sluice.planner.OrderKeys;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Runs TPC-DS queries through Sluice and, when given, straight on Spark: each query {@code runs}
 * times on each side, alternating sides so both see the same machine, and taking turns at going
 * first (the second run of a query finds caches the first warmed). The first answers of the two
 * sides are compared; timings are medians.
 */
public final class TpcdsRunner {
  private final ConnectionSource sluice;
  private final Optional<ConnectionSource> direct;
  private final String schema;
  private final PrintStream out;

  public TpcdsRunner(
      ConnectionSource sluice, Optional<ConnectionSource> direct, String schema, PrintStream out) {
    this.sluice = requireNonNull(sluice, "sluice is null");
    this.direct = requireNonNull(direct, "direct is null");
    this.schema = requireNonNull(schema, "schema is null");
    this.out = requireNonNull(out, "out is null");
  }

  public RunReport run(List<TpcdsQuery> queries, int runs, double scale) throws SQLException {
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be at least 1: " + runs);
    }
    Progress progress = new Progress(out, "Running", queries.size());
    List<QueryOutcome> outcomes = new ArrayList<>();
    try (Connection sluiceConnection = useSchema(sluice.open());
        Connection directConnection = direct.isPresent() ? useSchema(direct.get().open()) : null) {
      for (int index = 0; index < queries.size(); index++) {
        TpcdsQuery query = queries.get(index);
        QueryOutcome outcome = runQuery(query, index, runs, sluiceConnection, directConnection);
        outcomes.add(outcome);
        progress.step(query.name() + (outcome.passed() ? "" : " FAILED"));
      }
    }
    return new RunReport(scale, runs, direct.isPresent(), outcomes);
  }

  /**
   * Points a connection at the data. ANSI mode is off on both sides: the queries were written for
   * engines where a division by zero yields NULL, and at small scales some of them divide by zero.
   */
  private Connection useSchema(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("USE " + schema);
      statement.execute("SET spark.sql.ansi.enabled = false");
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return connection;
  }

  private static QueryOutcome runQuery(
      TpcdsQuery query,
      int queryIndex,
      int runs,
      Connection sluiceConnection,
      Connection directConnection) {
    Side sluiceSide = new Side(sluiceConnection);
    Side directSide = directConnection == null ? null : new Side(directConnection);
    for (int run = 0; run < runs; run++) {
      boolean sluiceFirst = directSide == null || (queryIndex + run) % 2 == 0;
      if (sluiceFirst) {
        sluiceSide.run(query);
      }
      if (directSide != null) {
        directSide.run(query);
      }
      if (!sluiceFirst) {
        sluiceSide.run(query);
      }
    }
    Optional<String> difference = Optional.empty();
    if (directSide != null && sluiceSide.error == null && directSide.error == null) {
      difference =
          ResultComparison.difference(
              directSide.answer,
              sluiceSide.answer,
              query.ordersItsResult(),
              OrderKeys.outputColumns(query.sql()));
    }
    return new QueryOutcome(
        query.name(),
        sluiceSide.medianMillis(),
        directSide == null ? OptionalDouble.empty() : directSide.medianMillis(),
        Optional.ofNullable(sluiceSide.error),
        directSide == null ? Optional.empty() : Optional.ofNullable(directSide.error),
        difference,
        sluiceSide.answer == null ? 0 : sluiceSide.answer.rows().size());
  }

  /** One side's runs of one query: its first answer, its timings, its first error. */
  private static final class Side {
    private final Connection connection;
    private final List<Double> millis = new ArrayList<>();
    private QueryResult answer;
    private String error;

    Side(Connection connection) {
      this.connection = connection;
    }

    void run(TpcdsQuery query) {
      if (error != null) {
        return;
      }
      long start = System.nanoTime();
      try (Statement statement = connection.createStatement();
          ResultSet resultSet = statement.executeQuery(query.sql())) {
        QueryResult result = QueryResult.read(resultSet);
        millis.add((System.nanoTime() - start) / 1e6);
        if (answer == null) {
          answer = result;
        }
      } catch (SQLException e) {
        error = (e.getSQLState() == null ? "" : "[" + e.getSQLState() + "] ") + e.getMessage();
      }
    }

    OptionalDouble medianMillis() {
      if (error != null || millis.isEmpty()) {
        return OptionalDouble.empty();
      }
      double[] sorted = millis.stream().mapToDouble(Double::doubleValue).toArray();
      Arrays.sort(sorted);
      int middle = sorted.length / 2;
      return OptionalDouble.of(
          sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2);
    }
  }
}
