package io.sluice.pool;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Engines started ahead of demand, so that a stopped serverless warehouse answers its first
 * statement in about a second instead of waiting for Spark to start. For every launch spec it is
 * asked to keep warm (one per engine size in use) it holds {@code enginesPerSpec} started engines
 * that have already run a few statements ({@link EngineWarmUp}: Spark's code paths compiled by the
 * JIT). {@link #take} hands one out and starts its replacement in the background; a warm engine
 * that died is dropped. Zero engines per spec turns the pool off.
 */
public final class WarmPool implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WarmPool.class);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  /**
   * Starts an engine process for a spec (adding what every engine needs, such as the metastore).
   */
  @FunctionalInterface
  public interface Launcher {
    EngineProcess start(EngineLaunchSpec spec, String name) throws EngineStartException;
  }

  private final Launcher launcher;
  private final Executor executor;
  private final int enginesPerSpec;
  private final WarmUp warmUp;
  private final Map<EngineLaunchSpec, Deque<EngineProcess>> ready = new HashMap<>();
  private final Map<EngineLaunchSpec, Integer> starting = new HashMap<>();
  private final AtomicLong names = new AtomicLong();
  private boolean closed;

  /** Runs statements on a fresh engine before it is handed out ({@link EngineWarmUp}). */
  @FunctionalInterface
  public interface WarmUp {
    void run(EngineProcess engine) throws EngineStartException;
  }

  public WarmPool(Launcher launcher, Executor executor, int enginesPerSpec, WarmUp warmUp) {
    this.launcher = requireNonNull(launcher, "launcher is null");
    this.executor = requireNonNull(executor, "executor is null");
    this.warmUp = requireNonNull(warmUp, "warmUp is null");
    if (enginesPerSpec < 0) {
      throw new IllegalArgumentException("enginesPerSpec must not be negative");
    }
    this.enginesPerSpec = enginesPerSpec;
  }

  /** Keeps engines of {@code spec} warm from now on, starting them in the background. */
  public synchronized void keepWarm(EngineLaunchSpec spec) {
    ready.computeIfAbsent(spec, key -> new ArrayDeque<>());
    refill(spec);
  }

  /** A warm engine of {@code spec}, if one is ready; its replacement starts at once. */
  public Optional<EngineProcess> take(EngineLaunchSpec spec) {
    EngineProcess taken = null;
    synchronized (this) {
      Deque<EngineProcess> engines = ready.get(spec);
      while (engines != null && !engines.isEmpty() && taken == null) {
        EngineProcess candidate = engines.pollFirst();
        if (candidate.isAlive()) {
          taken = candidate;
        }
      }
      if (engines != null) {
        refill(spec);
      }
    }
    return Optional.ofNullable(taken);
  }

  /** Warm engines ready now for {@code spec}. */
  public synchronized int ready(EngineLaunchSpec spec) {
    Deque<EngineProcess> engines = ready.get(spec);
    return engines == null ? 0 : (int) engines.stream().filter(EngineProcess::isAlive).count();
  }

  /** Warm engines ready now, of every spec. */
  public synchronized int readyEngines() {
    return ready.values().stream()
        .mapToInt(engines -> (int) engines.stream().filter(EngineProcess::isAlive).count())
        .sum();
  }

  private void refill(EngineLaunchSpec spec) {
    if (closed) {
      return;
    }
    ready.get(spec).removeIf(engine -> !engine.isAlive());
    int missing = enginesPerSpec - ready.get(spec).size() - starting.getOrDefault(spec, 0);
    for (int i = 0; i < missing; i++) {
      starting.merge(spec, 1, Integer::sum);
      String name = "warm-engine-" + names.incrementAndGet();
      executor.execute(() -> startWarm(spec, name));
    }
  }

  private void startWarm(EngineLaunchSpec spec, String name) {
    EngineProcess process = null;
    try {
      process = launcher.start(spec, name);
      warmUp.run(process);
    } catch (EngineStartException | RuntimeException e) {
      log.warn("Warm engine {} failed: {}", name, e.getMessage());
      if (process != null) {
        process.stop(Duration.ZERO);
        process = null;
      }
    }
    boolean keep;
    synchronized (this) {
      starting.merge(spec, -1, Integer::sum);
      keep = process != null && !closed;
      if (keep) {
        ready.get(spec).addLast(process);
      }
    }
    if (!keep && process != null) {
      process.stop(STOP_GRACE);
    }
  }

  @Override
  public void close() {
    List<EngineProcess> stopped = new ArrayList<>();
    synchronized (this) {
      closed = true;
      ready.values().forEach(stopped::addAll);
      ready.clear();
    }
    stopped.forEach(engine -> engine.stop(STOP_GRACE));
  }
}
