package io.sluice.engine;

import io.sluice.engine.operation.OperationManager;
import io.sluice.engine.server.EngineThriftServer;
import io.sluice.engine.session.SessionManager;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's shutdown hook (SIGTERM, or {@code System.exit} at end of standard input): stops
 * accepting calls, closes sessions and operations, cancels Spark jobs and stops Spark. Stopping
 * Spark is bounded, because a task that never checks for interruption would otherwise keep the
 * process alive.
 */
final class EngineShutdown implements Runnable {
  private static final long SPARK_STOP_SECONDS = 20;
  private static final Logger LOG = LoggerFactory.getLogger(EngineShutdown.class);

  private final EngineThriftServer server;
  private final SessionManager sessions;
  private final OperationManager operations;
  private final SparkSession spark;

  EngineShutdown(
      EngineThriftServer server,
      SessionManager sessions,
      OperationManager operations,
      SparkSession spark) {
    this.server = server;
    this.sessions = sessions;
    this.operations = operations;
    this.spark = spark;
  }

  @Override
  public void run() {
    server.close();
    sessions.closeAll();
    operations.close();
    Thread stopper =
        new Thread(
            () -> {
              spark.sparkContext().cancelAllJobs();
              spark.stop();
            },
            "sluice-engine-spark-stop");
    stopper.setDaemon(true);
    stopper.start();
    try {
      stopper.join(TimeUnit.SECONDS.toMillis(SPARK_STOP_SECONDS));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    if (stopper.isAlive()) {
      LOG.warn("Spark did not stop within {} s; exiting anyway", SPARK_STOP_SECONDS);
    } else {
      LOG.info("Spark stopped");
    }
  }
}
