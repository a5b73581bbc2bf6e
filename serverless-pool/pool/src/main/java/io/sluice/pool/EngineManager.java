package io.sluice.pool;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the lifecycle of the warehouse's engine: started on first demand, replaced on the next
 * demand after it dies, stopped after {@code idleTimeout} without use.
 *
 * <p>Starting happens under the manager's lock, so concurrent first statements wait for one engine
 * rather than each starting their own. The idle check runs on the given scheduler every {@code
 * idleCheckInterval} and reads time from the injected clock, so tests advance time instead of
 * sleeping.
 */
public final class EngineManager implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EngineManager.class);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final EngineStarter starter;
  private final Clock clock;
  private final Duration idleTimeout;
  private final Duration callTimeout;
  private final ScheduledFuture<?> idleCheck;
  private Engine current;
  private long generations;
  private boolean closed;

  /** How an engine process gets started; real launches use {@link EngineProcess#start}. */
  @FunctionalInterface
  public interface EngineStarter {
    EngineProcess start(String name) throws EngineStartException;
  }

  public EngineManager(
      EngineStarter starter,
      Clock clock,
      Duration idleTimeout,
      Duration callTimeout,
      ScheduledExecutorService scheduler,
      Duration idleCheckInterval) {
    this.starter = requireNonNull(starter, "starter is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.idleTimeout = requireNonNull(idleTimeout, "idleTimeout is null");
    this.callTimeout = requireNonNull(callTimeout, "callTimeout is null");
    this.idleCheck =
        scheduler.scheduleWithFixedDelay(
            this::stopIfIdle,
            idleCheckInterval.toMillis(),
            idleCheckInterval.toMillis(),
            TimeUnit.MILLISECONDS);
  }

  public static EngineManager launching(
      EngineLaunchSpec spec,
      Clock clock,
      Duration idleTimeout,
      ScheduledExecutorService scheduler) {
    return new EngineManager(
        name -> EngineProcess.start(spec, name),
        clock,
        idleTimeout,
        Duration.ofMinutes(30),
        scheduler,
        Duration.ofSeconds(5));
  }

  /** Returns the running engine, starting (or replacing a dead) one when needed. */
  public synchronized Engine acquire() throws EngineStartException {
    if (closed) {
      throw new EngineStartException("The gateway is shutting down", null);
    }
    if (current != null && current.isAlive()) {
      current.markUsed();
      return current;
    }
    if (current != null) {
      log.warn(
          "Engine generation {} died: {}; starting a replacement",
          current.generation(),
          current.describeExit());
      current.stop(Duration.ZERO);
      current = null;
    }
    long generation = ++generations;
    EngineProcess process = starter.start("engine-" + generation);
    current = new Engine(generation, process, callTimeout, clock);
    return current;
  }

  /** The running engine, if any, without starting one. */
  public synchronized Optional<Engine> running() {
    return Optional.ofNullable(current).filter(Engine::isAlive);
  }

  /** Stops the engine when it has not been used for the idle timeout. */
  public void stopIfIdle() {
    Engine idle;
    synchronized (this) {
      if (current == null || !clock.instant().isAfter(current.lastUsed().plus(idleTimeout))) {
        return;
      }
      idle = current;
      current = null;
    }
    log.info("Stopping engine generation {} after {} idle", idle.generation(), idleTimeout);
    idle.stop(STOP_GRACE);
  }

  @Override
  public void close() {
    Engine engine;
    synchronized (this) {
      closed = true;
      engine = current;
      current = null;
    }
    idleCheck.cancel(false);
    if (engine != null) {
      engine.stop(STOP_GRACE);
    }
  }
}
