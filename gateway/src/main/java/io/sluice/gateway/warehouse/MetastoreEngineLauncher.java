package io.sluice.gateway.warehouse;

import static java.util.Objects.requireNonNull;

import io.sluice.pool.EngineLaunchSpec;
import io.sluice.pool.EngineProcess;
import io.sluice.pool.EngineStartException;
import io.sluice.pool.SharedMetastore;
import io.sluice.pool.WarmPool;
import java.util.HashMap;
import java.util.Map;

/**
 * Launches engines on the gateway's shared metastore, so that every engine sees the same tables.
 *
 * <p>Every engine is told the gateway's URL, and its secret authenticates its calls to the
 * gateway's metastore while it lives ({@link EngineLink}).
 *
 * <p>An engine creates the metastore's tables when they are missing, and two engines doing so at
 * once deadlock in Derby. So until one engine has started on this gateway (the tables exist from
 * then on) engines start one at a time; afterwards they start in parallel.
 */
public final class MetastoreEngineLauncher implements WarmPool.Launcher {
  private final SharedMetastore metastore;
  private final EngineLink link;
  private final Object firstStart = new Object();
  private volatile boolean metastoreReady;

  public MetastoreEngineLauncher(SharedMetastore metastore, EngineLink link) {
    this.metastore = requireNonNull(metastore, "metastore is null");
    this.link = requireNonNull(link, "link is null");
  }

  @Override
  public EngineProcess start(EngineLaunchSpec spec, String name) throws EngineStartException {
    if (!metastoreReady) {
      synchronized (firstStart) {
        if (!metastoreReady) {
          EngineProcess first = launch(spec, name);
          metastoreReady = true;
          return first;
        }
      }
    }
    return launch(spec, name);
  }

  private EngineProcess launch(EngineLaunchSpec spec, String name) throws EngineStartException {
    SharedMetastore.Connection connection = metastore.connection();
    Map<String, String> sparkConf = new HashMap<>(connection.sparkConf());
    sparkConf.putAll(link.sparkConf());
    sparkConf.putAll(spec.sparkConf());
    Map<String, String> environment = new HashMap<>(spec.environment());
    environment.putAll(connection.environment());
    EngineProcess engine =
        EngineProcess.start(
            new EngineLaunchSpec(
                spec.javaExecutable(),
                spec.jvmOptions(),
                spec.classpath(),
                spec.mainClass(),
                spec.dataDirectory(),
                spec.master(),
                sparkConf,
                spec.logDirectory(),
                spec.startTimeout(),
                environment),
            name);
    link.launched(engine);
    return engine;
  }
}
