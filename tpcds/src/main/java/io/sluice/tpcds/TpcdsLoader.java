package io.sluice.tpcds;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

/**
 * Loads the 24 TPC-DS tables at one scale into a schema, through SQL only: each table is copied
 * from the engine's {@code samples} catalog, where the generator runs inside Spark's tasks, into a
 * Delta table. Tables load in parallel, largest first. A finished table is marked with its scale,
 * and the copy is atomic, so running the load again skips what is done and redoes what is not.
 */
public final class TpcdsLoader {
  static final String SCALE_PROPERTY = "sluice.tpcds.scale";
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final ConnectionSource connections;
  private final PrintStream out;

  public TpcdsLoader(ConnectionSource connections, PrintStream out) {
    this.connections = requireNonNull(connections, "connections is null");
    this.out = requireNonNull(out, "out is null");
  }

  /** The schema name used when none is given: {@code tpcds_sf1}, {@code tpcds_sf0_01}. */
  public static String defaultSchema(double scale) {
    return "tpcds_sf" + scaleText(scale).replace('.', '_');
  }

  /** Loads every table not yet loaded at {@code scale}; returns the tables it loaded. */
  public List<String> load(String schema, double scale, int parallelism)
      throws SQLException, InterruptedException {
    if (!IDENTIFIER.matcher(schema).matches()) {
      throw new IllegalArgumentException("Schema name must be a plain identifier: " + schema);
    }
    if (!(scale > 0)) {
      throw new IllegalArgumentException("Scale factor must be positive: " + scale);
    }
    try (Connection connection = connections.open();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
    }
    Progress progress = new Progress(out, "Loading " + schema, TpcdsTables.LARGEST_FIRST.size());
    ConcurrentLinkedQueue<String> pending = new ConcurrentLinkedQueue<>(TpcdsTables.LARGEST_FIRST);
    List<String> loaded = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, parallelism));
    try {
      List<Future<Void>> results = new ArrayList<>();
      for (int worker = 0; worker < Math.max(1, parallelism); worker++) {
        results.add(
            workers.submit(
                () -> {
                  try (Connection connection = connections.open()) {
                    for (String table = pending.poll(); table != null; table = pending.poll()) {
                      if (loadTable(connection, schema, table, scale)) {
                        loaded.add(table);
                        progress.step(table);
                      } else {
                        progress.step(table + " (already loaded)");
                      }
                    }
                  }
                  return null;
                }));
      }
      for (Future<Void> result : results) {
        result.get();
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SQLException sqlException) {
        throw sqlException;
      }
      throw new IllegalStateException("Loading failed: " + e.getCause(), e.getCause());
    } finally {
      workers.shutdownNow();
    }
    return loaded;
  }

  private static boolean loadTable(Connection connection, String schema, String table, double scale)
      throws SQLException {
    String target = schema + "." + table;
    try (Statement statement = connection.createStatement()) {
      if (loadedScale(statement, schema, table).equals(scaleText(scale))) {
        return false;
      }
      String source = "samples." + defaultSchema(scale) + "." + table;
      statement.execute(
          "CREATE OR REPLACE TABLE "
              + target
              + " USING delta TBLPROPERTIES ('"
              + SCALE_PROPERTY
              + "' = '"
              + scaleText(scale)
              + "') AS SELECT "
              + selectList(statement, source)
              + " FROM "
              + source);
      return true;
    }
  }

  /** The source's columns, renamed where Spark's TPC-DS schema names them differently. */
  private static String selectList(Statement statement, String source) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (ResultSet description = statement.executeQuery("DESCRIBE " + source)) {
      while (description.next()) {
        String column = description.getString(1);
        if (column == null || column.isBlank() || column.startsWith("#")) {
          break;
        }
        String sparkName = TpcdsTables.SPARK_COLUMN_NAMES.get(column);
        columns.add(sparkName == null ? column : column + " AS " + sparkName);
      }
    }
    return String.join(", ", columns);
  }

  /** The scale a table was loaded at, or empty when it does not exist or never finished. */
  private static String loadedScale(Statement statement, String schema, String table)
      throws SQLException {
    boolean exists;
    try (ResultSet tables =
        statement.executeQuery("SHOW TABLES IN " + schema + " LIKE '" + table + "'")) {
      exists = tables.next();
    }
    if (!exists) {
      return "";
    }
    try (ResultSet properties =
        statement.executeQuery("SHOW TBLPROPERTIES " + schema + "." + table)) {
      while (properties.next()) {
        if (properties.getString(1).equals(SCALE_PROPERTY)) {
          return properties.getString(2);
        }
      }
    }
    return "";
  }

  static String scaleText(double scale) {
    return java.math.BigDecimal.valueOf(scale)
        .stripTrailingZeros()
        .toPlainString()
        .toLowerCase(Locale.ROOT);
  }
}
