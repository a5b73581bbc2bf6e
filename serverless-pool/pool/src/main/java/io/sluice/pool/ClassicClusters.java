package io.sluice.pool;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A classic warehouse: HiveServer2-compatible servers that already run (Spark Thrift Servers on a
 * user's cluster), registered as its clusters. A health check every few seconds marks each one
 * HEALTHY (it opened and closed a session) or UNHEALTHY; only healthy clusters that are not being
 * drained get statements, through the same slots and fair queue as a serverless warehouse ({@link
 * EngineManager#attached}). Draining a cluster sends it no new statements while its running ones
 * finish. Connections to a cluster are pooled and recycled after {@code connectionLifetime}.
 */
public final class ClassicClusters implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ClassicClusters.class);

  /** Whether an endpoint answers as a HiveServer2 server should. */
  @FunctionalInterface
  public interface HealthProbe {
    boolean isHealthy(String host, int port);
  }

  /** A cluster's health as the last check saw it. */
  public enum Health {
    UNKNOWN,
    HEALTHY,
    UNHEALTHY
  }

  /** One cluster as the API shows it. */
  public record ClusterStatus(String host, int port, Health health, boolean draining) {}

  private final String name;
  private final EngineManager scheduler;
  private final HealthProbe probe;
  private final Duration callTimeout;
  private final Duration connectionLifetime;
  private final Clock clock;
  private final List<Cluster> clusters = new ArrayList<>();
  private final ScheduledFuture<?> periodicCheck;
  private long generations;

  /**
   * Clusters at {@code endpoints}, checked every {@code checkInterval} (the first time after one
   * interval: call {@link #checkHealth} to put them in service sooner).
   */
  public ClassicClusters(
      String name,
      List<Endpoint> endpoints,
      WarehouseSettings settings,
      HealthProbe probe,
      Duration callTimeout,
      Duration connectionLifetime,
      Executor launcher,
      Clock clock,
      ScheduledExecutorService scheduledExecutor,
      Duration checkInterval) {
    this.name = requireNonNull(name, "name is null");
    this.probe = requireNonNull(probe, "probe is null");
    this.callTimeout = requireNonNull(callTimeout, "callTimeout is null");
    this.connectionLifetime = requireNonNull(connectionLifetime, "connectionLifetime is null");
    this.clock = requireNonNull(clock, "clock is null");
    for (Endpoint endpoint : endpoints) {
      clusters.add(new Cluster(endpoint.host(), endpoint.port()));
    }
    this.scheduler = EngineManager.attached(name, settings, launcher, clock, scheduledExecutor);
    this.periodicCheck =
        scheduledExecutor.scheduleWithFixedDelay(
            this::checkQuietly,
            checkInterval.toMillis(),
            checkInterval.toMillis(),
            TimeUnit.MILLISECONDS);
  }

  /** A registered server. */
  public record Endpoint(String host, int port) {
    public Endpoint {
      requireNonNull(host, "host is null");
    }
  }

  /** The slots and queue over the clusters in service. */
  public EngineManager scheduler() {
    return scheduler;
  }

  /** Probes every cluster and puts healthy, undrained ones in service, the others out. */
  public void checkHealth() {
    List<Cluster> snapshot;
    synchronized (this) {
      snapshot = List.copyOf(clusters);
    }
    for (Cluster cluster : snapshot) {
      boolean healthy = probe.isHealthy(cluster.host, cluster.port);
      synchronized (this) {
        Health before = cluster.health;
        cluster.health = healthy ? Health.HEALTHY : Health.UNHEALTHY;
        if (before != cluster.health) {
          log.info(
              "Warehouse {}: cluster {}:{} is {}",
              name,
              cluster.host,
              cluster.port,
              cluster.health);
        }
        if (!healthy && cluster.engine != null) {
          retire(cluster, "stopped answering health checks");
        }
        place(cluster);
      }
    }
  }

  private void checkQuietly() {
    try {
      checkHealth();
    } catch (RuntimeException e) {
      log.warn("Warehouse {}: health check failed", name, e);
    }
  }

  /** Starts or ends draining cluster {@code index} (0-based, in registration order). */
  public synchronized void drain(int index, boolean draining) {
    if (index < 0 || index >= clusters.size()) {
      throw new IllegalArgumentException(
          "Warehouse " + name + " has no cluster " + index + " (it has " + clusters.size() + ")");
    }
    Cluster cluster = clusters.get(index);
    cluster.draining = draining;
    if (draining && cluster.engine != null) {
      scheduler.detach(cluster.engine);
      cluster.drainedEngine = cluster.engine;
      cluster.engine = null;
    }
    place(cluster);
  }

  public synchronized List<ClusterStatus> status() {
    return clusters.stream()
        .map(
            cluster ->
                new ClusterStatus(cluster.host, cluster.port, cluster.health, cluster.draining))
        .toList();
  }

  /** Attaches a healthy, undrained cluster that is not in service yet. */
  private void place(Cluster cluster) {
    if (cluster.health == Health.HEALTHY && !cluster.draining && cluster.engine == null) {
      if (cluster.drainedEngine != null && cluster.drainedEngine.isAlive()) {
        cluster.engine = cluster.drainedEngine;
      } else {
        cluster.engine =
            new Engine(
                ++generations,
                new RemoteEndpoint(cluster.host, cluster.port),
                callTimeout,
                connectionLifetime,
                clock);
      }
      cluster.drainedEngine = null;
      scheduler.attach(cluster.engine);
    }
  }

  private void retire(Cluster cluster, String reason) {
    Engine engine = cluster.engine;
    cluster.engine = null;
    scheduler.detach(engine);
    engine.stop(Duration.ZERO);
    log.warn("Warehouse {}: cluster {}:{} {}", name, cluster.host, cluster.port, reason);
  }

  @Override
  public void close() {
    periodicCheck.cancel(false);
    scheduler.close();
    synchronized (this) {
      for (Cluster cluster : clusters) {
        for (Engine engine : new Engine[] {cluster.engine, cluster.drainedEngine}) {
          if (engine != null) {
            engine.stop(Duration.ZERO);
          }
        }
      }
    }
  }

  /** One registered server and its state. */
  private static final class Cluster {
    final String host;
    final int port;
    Health health = Health.UNKNOWN;
    boolean draining;
    Engine engine;
    Engine drainedEngine;

    Cluster(String host, int port) {
      this.host = host;
      this.port = port;
    }
  }
}
