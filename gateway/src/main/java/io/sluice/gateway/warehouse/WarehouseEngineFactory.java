package io.sluice.gateway.warehouse;

import static java.util.Objects.requireNonNull;

import io.sluice.governance.warehouse.WarehouseDefinition;
import io.sluice.pool.ClusterSize;
import io.sluice.pool.EngineLaunchSpec;
import io.sluice.pool.EngineManager;
import io.sluice.pool.EngineProcess;
import io.sluice.pool.WarehouseSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * Builds a serverless warehouse's {@link EngineManager} from its definition: engines are launched
 * from the gateway's base launch spec, sized by the warehouse's {@code cluster_size} (cores and
 * heap), and scheduled by its cluster counts and auto-stop time.
 *
 * <p>With the default master {@code local[*]} an engine runs {@code local[cores]}; with a cluster
 * master ({@code spark://...}) it asks the cluster for {@code spark.cores.max} cores; any other
 * master is used as given.
 */
public final class WarehouseEngineFactory {
  static final String DEFAULT_LOCAL_MASTER = "local[*]";

  private final EngineLaunchSpec base;
  private final Executor launcher;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final Duration scaleInIdle;

  public WarehouseEngineFactory(
      EngineLaunchSpec base,
      Executor launcher,
      Clock clock,
      ScheduledExecutorService scheduler,
      Duration scaleInIdle) {
    this.base = requireNonNull(base, "base is null");
    this.launcher = requireNonNull(launcher, "launcher is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.scheduler = requireNonNull(scheduler, "scheduler is null");
    this.scaleInIdle = requireNonNull(scaleInIdle, "scaleInIdle is null");
  }

  /** The engines of a warehouse whose current definition {@code definition} supplies. */
  EngineManager create(Supplier<WarehouseDefinition> definition) {
    return new EngineManager(
        definition.get().id(),
        engineName -> EngineProcess.start(launchSpec(definition.get()), engineName),
        settings(definition.get()),
        launcher,
        clock,
        Duration.ofMinutes(30),
        scheduler,
        Duration.ofSeconds(5));
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
        base.startTimeout());
  }
}
