package io.sluice.pool;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;

/**
 * One Derby metastore served to every engine the gateway launches ({@code
 * io.sluice.engine.MetastoreMain}, a small process of its own), so that all engines of all
 * warehouses see the same tables: an embedded Derby metastore admits one engine at a time. It is
 * started on first use and again if it died; it stops when the gateway closes it (or dies). The
 * database is the one embedded engines used before ({@code <data>/metastore}, schema {@code APP}).
 */
public final class SharedMetastore implements AutoCloseable {
  public static final String MAIN_CLASS = "io.sluice.engine.MetastoreMain";
  static final String PASSWORD_VARIABLE = "SLUICE_METASTORE_PASSWORD";
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final EngineLaunchSpec spec;
  private EngineProcess process;
  private boolean closed;

  /** {@code engineSpec} is how engines launch; the metastore uses its JVM, classpath and data. */
  public SharedMetastore(EngineLaunchSpec engineSpec) {
    requireNonNull(engineSpec, "engineSpec is null");
    this.spec =
        new EngineLaunchSpec(
            engineSpec.javaExecutable(),
            java.util.List.of("-Xmx512m"),
            engineSpec.classpath(),
            MAIN_CLASS,
            engineSpec.dataDirectory(),
            "local[1]",
            Map.of(),
            engineSpec.logDirectory(),
            engineSpec.startTimeout());
  }

  /** What an engine needs to use the metastore: its Spark settings and environment. */
  public record Connection(Map<String, String> sparkConf, Map<String, String> environment) {}

  /** Connection details, starting the metastore process when it does not run. */
  public synchronized Connection connection() throws EngineStartException {
    if (closed) {
      throw new EngineStartException("The gateway is shutting down", null);
    }
    if (process == null || !process.isAlive()) {
      process = EngineProcess.start(spec, "metastore");
    }
    return new Connection(
        Map.of(
            "spark.hadoop.javax.jdo.option.ConnectionURL",
            "jdbc:derby://127.0.0.1:" + process.port() + "/metastore;create=true",
            "spark.hadoop.javax.jdo.option.ConnectionDriverName",
            "org.apache.derby.jdbc.ClientDriver",
            "spark.hadoop.javax.jdo.option.ConnectionUserName",
            "APP"),
        Map.of(PASSWORD_VARIABLE, process.secret()));
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (process != null) {
      process.stop(STOP_GRACE);
      process = null;
    }
  }
}
