package io.sluice.gateway.warehouse;

import static java.util.Objects.requireNonNull;

import io.sluice.governance.warehouse.WarehouseDefinition;
import io.sluice.pool.ClassicClusters;
import io.sluice.pool.ClusterSize;
import io.sluice.pool.EngineLaunchSpec;
import io.sluice.pool.EngineManager;
import io.sluice.pool.EngineProcess;
import io.sluice.pool.HiveServer2Probe;
import io.sluice.pool.WarehouseSettings;
import io.sluice.pool.WarmPool;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * Builds a serverless warehouse's {@link EngineManager} from its definition: engines are launched
 * from the gateway's base launch spec, sized by the warehouse's {@code cluster_size} (cores and
 * heap), and scheduled by its cluster counts and auto-stop time.
 *
 * <p>Every engine uses the gateway's shared metastore ({@link MetastoreEngineLauncher}), so all of
 * them see the same tables. A warehouse that needs an engine takes a warm one of its size from the
 * {@link WarmPool} when one is ready, and starts one otherwise.
 *
 * <p>With the default master {@code local[*]} an engine runs {@code local[cores]}; with a cluster
 * master ({@code spark://...}) it asks the cluster for {@code spark.cores.max} cores and gives
 * executors the engine's classpath (the workers must see the same paths, as on one machine or a
 * shared file system); any other master is used as given.
 */
public final class WarehouseEngineFactory {
  static final String DEFAULT_LOCAL_MASTER = "local[*]";
  static final Duration HEALTH_CHECK_INTERVAL = Duration.ofSeconds(5);
  static final Duration HEALTH_CHECK_TIMEOUT = Duration.ofSeconds(5);
  static final Duration CLASSIC_CONNECTION_LIFETIME = Duration.ofMinutes(30);

  private final EngineLaunchSpec base;
  private final MetastoreEngineLauncher engineLauncher;
  private final WarmPool warmPool;
  private final Executor launcher;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final Duration scaleInIdle;

  public WarehouseEngineFactory(
      EngineLaunchSpec base,
      MetastoreEngineLauncher engineLauncher,
      WarmPool warmPool,
      Executor launcher,
      Clock clock,
      ScheduledExecutorService scheduler,
      Duration scaleInIdle) {
    this.base = requireNonNull(base, "base is null");
    this.engineLauncher = requireNonNull(engineLauncher, "engineLauncher is null");
    this.warmPool = requireNonNull(warmPool, "warmPool is null");
    this.launcher = requireNonNull(launcher, "launcher is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.scheduler = requireNonNull(scheduler, "scheduler is null");
    this.scaleInIdle = requireNonNull(scaleInIdle, "scaleInIdle is null");
  }

  /** The engines of a warehouse whose current definition {@code definition} supplies. */
  EngineManager create(Supplier<WarehouseDefinition> definition) {
    warmPool.keepWarm(launchSpec(definition.get()));
    return new EngineManager(
        definition.get().id(),
        engineName -> {
          EngineLaunchSpec spec = launchSpec(definition.get());
          Optional<EngineProcess> warm = warmPool.take(spec);
          return warm.isPresent() ? warm.get() : engineLauncher.start(spec, engineName);
        },
        settings(definition.get()),
        launcher,
        clock,
        Duration.ofMinutes(30),
        scheduler,
        Duration.ofSeconds(5));
  }

  /** A classic warehouse's clusters, health-checked from now on. */
  ClassicClusters createClassic(WarehouseDefinition definition) {
    ClassicClusters clusters =
        new ClassicClusters(
            definition.id(),
            definition.endpoints().stream()
                .map(endpoint -> new ClassicClusters.Endpoint(endpoint.host(), endpoint.port()))
                .toList(),
            settings(definition),
            new HiveServer2Probe(HEALTH_CHECK_TIMEOUT),
            Duration.ofMinutes(30),
            CLASSIC_CONNECTION_LIFETIME,
            launcher,
            clock,
            scheduler,
            HEALTH_CHECK_INTERVAL);
    launcher.execute(clusters::checkHealth);
    return clusters;
  }

  WarehouseSettings settings(WarehouseDefinition definition) {
    return new WarehouseSettings(
        definition.minNumClusters(),
        definition.maxNumClusters(),
        WarehouseSettings.DEFAULT_SLOTS_PER_ENGINE,
        WarehouseSettings.DEFAULT_QUEUE_LIMIT,
        Duration.ofMinutes(definition.autoStopMinutes()),
        scaleInIdle,
        definition.enginePerUser());
  }

  /** How an engine of {@code definition} launches; fails for a size the gateway cannot run. */
  EngineLaunchSpec launchSpec(WarehouseDefinition definition) {
    ClusterSize size =
        ClusterSize.fromName(definition.clusterSize())
            .orElseThrow(
                () ->
                    new IllegalStateException("Unknown cluster size " + definition.clusterSize()));
    List<String> jvmOptions = new ArrayList<>(base.jvmOptions());
    jvmOptions.add("-Xmx" + size.memoryGigabytes() + "g");
    Map<String, String> sparkConf = new HashMap<>(base.sparkConf());
    String master = base.master();
    if (master.equals(DEFAULT_LOCAL_MASTER)) {
      master = "local[" + size.cores() + "]";
    } else if (master.startsWith("spark://")) {
      sparkConf.putIfAbsent("spark.cores.max", String.valueOf(size.cores()));
      // Executors run Spark from the engine's own jars (same paths on every worker).
      sparkConf.putIfAbsent("spark.executor.extraClassPath", base.classpath());
    }
    return new EngineLaunchSpec(
        base.javaExecutable(),
        jvmOptions,
        base.classpath(),
        base.mainClass(),
        base.dataDirectory(),
        master,
        sparkConf,
        base.logDirectory(),
        base.startTimeout(),
        base.environment());
  }
}
