package io.sluice.pool;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A serverless warehouse's engines: it starts them, hands out statement slots on them, adds engines
 * when statements queue, removes idle ones, replaces dead ones and stops them all when the
 * warehouse has nothing to do.
 *
 * <p><b>Slots.</b> Each engine runs up to {@link WarehouseSettings#slotsPerEngine} statements at
 * once. {@link #request} grants a slot on the least loaded engine that may serve the statement, or
 * queues the request in a {@link StatementQueue} (fair across users, bounded by {@link
 * WarehouseSettings#queueLimit}). A released slot goes to the next eligible waiter at once. A
 * statement whose session already lives on an engine is <em>pinned</em> there, so that the
 * session's state (current schema, settings, temporary views) stays where it was made; new sessions
 * go anywhere. With {@link WarehouseSettings#enginePerUser} an engine serves one user only.
 *
 * <p><b>Scaling.</b> After every change the manager compares the waiting statements that a new
 * engine could serve with the slots of engines already starting, and starts more engines, up to
 * {@link WarehouseSettings#maxEngines}. While the warehouse runs it keeps at least {@link
 * WarehouseSettings#minEngines} (replacing dead ones at once: the process's exit triggers a check).
 * The periodic {@link #check} removes engines beyond the minimum that have been idle for {@link
 * WarehouseSettings#scaleInIdle}, and stops the warehouse when nothing ran or waited for {@link
 * WarehouseSettings#autoStop}. Time comes from the injected clock, so tests advance time instead of
 * sleeping.
 *
 * <p><b>Threads.</b> State is guarded by this object's lock. Engines start on {@code launcher}
 * (starting takes seconds); futures are completed and engines stopped after the lock is released.
 */
public final class EngineManager implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EngineManager.class);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);
  private static final String SHARED = "";

  /** After a failed start, the periodic check waits this long before starting engines again. */
  static final Duration RETRY_BACKOFF = Duration.ofSeconds(30);

  private final String name;

  /** Null for a warehouse whose engines are attached from outside (a classic warehouse). */
  private final EngineStarter starter;

  private final Executor launcher;
  private final Clock clock;
  private final Duration callTimeout;
  private final ScheduledFuture<?> periodicCheck;

  private final List<PooledEngine> engines = new ArrayList<>();
  private final Map<String, Integer> starting = new HashMap<>();
  private final Map<String, Integer> runningByUser = new HashMap<>();
  private final StatementQueue<SlotRequest> queue = new StatementQueue<>();
  private final List<Runnable> afterUnlock = new ArrayList<>();
  private WarehouseSettings settings;
  private Instant lastActivity;
  private boolean wanted;
  private boolean stopping;
  private boolean closed;
  private long generations;
  private long startFailures;
  private EngineStartException lastStartFailure;
  private Instant noRetryBefore = Instant.MIN;

  /** How an engine process gets started; real launches use {@link EngineProcess#start}. */
  @FunctionalInterface
  public interface EngineStarter {
    EngineProcess start(String name) throws EngineStartException;
  }

  public EngineManager(
      String name,
      EngineStarter starter,
      WarehouseSettings settings,
      Executor launcher,
      Clock clock,
      Duration callTimeout,
      ScheduledExecutorService scheduler,
      Duration checkInterval) {
    this.name = requireNonNull(name, "name is null");
    this.starter = starter;
    this.settings = requireNonNull(settings, "settings is null");
    this.launcher = requireNonNull(launcher, "launcher is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.callTimeout = requireNonNull(callTimeout, "callTimeout is null");
    this.lastActivity = clock.instant();
    this.periodicCheck =
        scheduler.scheduleWithFixedDelay(
            this::checkQuietly,
            checkInterval.toMillis(),
            checkInterval.toMillis(),
            TimeUnit.MILLISECONDS);
  }

  /**
   * A warehouse that starts no engines: {@link #attach} and {@link #detach} decide which ones serve
   * it (a classic warehouse's healthy clusters). Statements queue while none is attached.
   */
  public static EngineManager attached(
      String name,
      WarehouseSettings settings,
      Executor launcher,
      Clock clock,
      ScheduledExecutorService scheduler) {
    return new EngineManager(
        name,
        null,
        settings,
        launcher,
        clock,
        Duration.ofMinutes(30),
        scheduler,
        Duration.ofSeconds(5));
  }

  /**
   * Asks for a slot for one statement of {@code user}. {@code sessionEngine} is the engine the
   * statement's session lives on, if any; the statement then runs there while that engine lives.
   *
   * @throws QueueFullException when the queue holds its limit already
   * @throws EngineStartException when the warehouse has been deleted or the gateway stops
   */
  public SlotRequest request(String user, Optional<Engine> sessionEngine)
      throws QueueFullException, EngineStartException {
    SlotRequest request;
    synchronized (this) {
      checkOpen();
      removeDeadEngines();
      Engine pinned = sessionEngine.filter(this::isMember).orElse(null);
      request = new SlotRequest(this, user, ownerOf(user), pinned);
      wanted = true;
      noRetryBefore = Instant.MIN;
      lastActivity = clock.instant();
      Optional<PooledEngine> free = freeEngineFor(request);
      if (free.isPresent()) {
        queue.served(user);
        grant(request, free.get(), false);
      } else if (!queue.offer(user, request, settings.queueLimit())) {
        throw new QueueFullException(
            "The warehouse's queue is full: "
                + settings.queueLimit()
                + " statements are already waiting; try again later");
      } else {
        scale();
      }
    }
    runAfterUnlock();
    return request;
  }

  /**
   * An engine for work that takes no slot (metadata calls, opening a session): the session's engine
   * if it lives, else the least loaded one, starting one and waiting for it when none runs.
   */
  public Engine acquire(String user, Optional<Engine> sessionEngine) throws EngineStartException {
    Engine engine;
    synchronized (this) {
      String owner = ownerOf(user);
      long failuresBefore = startFailures;
      while (true) {
        checkOpen();
        removeDeadEngines();
        wanted = true;
        lastActivity = clock.instant();
        Optional<PooledEngine> found =
            sessionEngine
                .filter(this::isMember)
                .flatMap(this::pooled)
                .or(() -> leastLoaded(owner, Integer.MAX_VALUE));
        if (found.isPresent()) {
          engine = found.get().engine;
          engine.markUsed();
          break;
        }
        if (startFailures != failuresBefore && lastStartFailure != null) {
          throw lastStartFailure;
        }
        if (starter == null) {
          throw new EngineStartException(
              "Warehouse " + name + " has no healthy cluster in service", null);
        }
        if (starting.getOrDefault(owner, 0) == 0) {
          startEngine(owner);
        }
        try {
          wait(1000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new EngineStartException("Interrupted while waiting for an engine", e);
        }
      }
    }
    runAfterUnlock();
    return engine;
  }

  /** Any running engine, starting one when none runs. */
  public Engine acquire() throws EngineStartException {
    return acquire(SHARED, Optional.empty());
  }

  /** A running engine, if any, without starting one. */
  public synchronized Optional<Engine> running() {
    return engines.stream().map(pooled -> pooled.engine).filter(Engine::isAlive).findFirst();
  }

  /** The engines running now. */
  public synchronized List<Engine> engines() {
    return engines.stream().map(pooled -> pooled.engine).filter(Engine::isAlive).toList();
  }

  public synchronized WarehouseSnapshot snapshot() {
    int startingEngines = starting.values().stream().mapToInt(Integer::intValue).sum();
    WarehouseState state;
    if (closed) {
      state = WarehouseState.DELETED;
    } else if (stopping) {
      state = WarehouseState.STOPPING;
    } else if (!engines.isEmpty()) {
      state = WarehouseState.RUNNING;
    } else if (startingEngines > 0) {
      state = WarehouseState.STARTING;
    } else {
      state = WarehouseState.STOPPED;
    }
    int runningStatements = engines.stream().mapToInt(pooled -> pooled.running).sum();
    return new WarehouseSnapshot(
        state, engines.size(), startingEngines, runningStatements, queue.size());
  }

  public synchronized WarehouseSettings settings() {
    return settings;
  }

  /** New settings apply at once: limits to the next decision, sizes to engines started later. */
  public void updateSettings(WarehouseSettings newSettings) {
    synchronized (this) {
      settings = requireNonNull(newSettings, "newSettings is null");
      scale();
      dispatch();
    }
    runAfterUnlock();
  }

  /** Starts the warehouse's minimum of engines without waiting for them. */
  public void start() throws EngineStartException {
    synchronized (this) {
      checkOpen();
      wanted = true;
      noRetryBefore = Instant.MIN;
      lastActivity = clock.instant();
      scale();
    }
    runAfterUnlock();
  }

  /**
   * Stops every engine; running statements fail, waiting ones are refused. The next statement
   * starts the warehouse again.
   */
  public void stop() {
    List<PooledEngine> stopped;
    synchronized (this) {
      wanted = false;
      stopping = true;
      stopped = removeAllEngines("The warehouse was stopped while the statement waited");
    }
    runAfterUnlock();
    try {
      stopped.forEach(pooled -> pooled.engine.stop(STOP_GRACE));
    } finally {
      synchronized (this) {
        stopping = false;
      }
    }
  }

  /**
   * The periodic check: drops dead engines (and replaces them where needed), removes idle engines
   * beyond the minimum, and stops the warehouse after its auto-stop time without work.
   */
  public void check() {
    List<PooledEngine> idle = new ArrayList<>();
    synchronized (this) {
      if (closed) {
        return;
      }
      removeDeadEngines();
      Instant now = clock.instant();
      if (starter == null) {
        // Attached engines come and go with their health, not with load.
      } else if (autoStopDue(now)) {
        log.info("Warehouse {} stops after {} without work", name, settings.autoStop());
        wanted = false;
        idle.addAll(removeAllEngines("The warehouse stopped"));
      } else {
        idle.addAll(removeIdleEngines(now));
      }
      scale();
      dispatch();
    }
    runAfterUnlock();
    idle.forEach(pooled -> pooled.engine.stop(STOP_GRACE));
  }

  private void checkQuietly() {
    try {
      check();
    } catch (RuntimeException e) {
      log.warn("Warehouse {} check failed", name, e);
    }
  }

  @Override
  public void close() {
    List<PooledEngine> stopped;
    synchronized (this) {
      closed = true;
      wanted = false;
      stopped = removeAllEngines("The warehouse was deleted or the gateway is shutting down");
      notifyAll();
    }
    periodicCheck.cancel(false);
    runAfterUnlock();
    stopped.forEach(pooled -> pooled.engine.stop(STOP_GRACE));
  }

  /** Puts an engine the manager did not start into service. */
  public void attach(Engine engine) {
    synchronized (this) {
      if (closed || pooled(engine).isPresent()) {
        return;
      }
      engines.add(new PooledEngine(engine, SHARED, clock.instant()));
      dispatch();
      notifyAll();
    }
    runAfterUnlock();
  }

  /**
   * Takes an attached engine out of service: it gets no new statements; those running on it go on
   * (their slots are simply no longer counted). Sessions on it move elsewhere.
   */
  public void detach(Engine engine) {
    synchronized (this) {
      pooled(engine)
          .ifPresent(
              pooled -> {
                engines.remove(pooled);
                orphanPinnedRequests(engine);
              });
      dispatch();
    }
    runAfterUnlock();
  }

  void release(Engine engine, String user) {
    synchronized (this) {
      runningByUser.computeIfPresent(user, (key, count) -> count > 1 ? count - 1 : null);
      pooled(engine)
          .ifPresent(
              pooled -> {
                pooled.running--;
                if (pooled.running == 0) {
                  pooled.idleSince = clock.instant();
                }
              });
      lastActivity = clock.instant();
      dispatch();
    }
    runAfterUnlock();
  }

  boolean cancel(SlotRequest request) {
    boolean removed;
    synchronized (this) {
      removed = queue.remove(request.user(), request);
      if (removed) {
        afterUnlock.add(
            () ->
                request
                    .future()
                    .completeExceptionally(
                        new CancellationException("The statement was cancelled while queued")));
        scale();
      }
    }
    runAfterUnlock();
    return removed;
  }

  // ---- everything below runs under the lock ----

  private void checkOpen() throws EngineStartException {
    if (closed) {
      throw new EngineStartException(
          "Warehouse " + name + " was deleted or the gateway is shutting down", null);
    }
  }

  private String ownerOf(String user) {
    return settings.enginePerUser() ? user : SHARED;
  }

  private boolean isMember(Engine engine) {
    return pooled(engine).isPresent();
  }

  private Optional<PooledEngine> pooled(Engine engine) {
    return engines.stream().filter(pooled -> pooled.engine == engine).findFirst();
  }

  private Optional<PooledEngine> leastLoaded(String owner, int maximumRunning) {
    return engines.stream()
        .filter(pooled -> pooled.owner.equals(owner) && pooled.engine.isAlive())
        .filter(pooled -> pooled.running < maximumRunning)
        .min(Comparator.comparingInt(pooled -> pooled.running));
  }

  private Optional<PooledEngine> freeEngineFor(SlotRequest request) {
    if (request.pinned().isPresent()) {
      return pooled(request.pinned().get())
          .filter(pooled -> pooled.running < settings.slotsPerEngine());
    }
    return leastLoaded(request.owner(), settings.slotsPerEngine());
  }

  private boolean canServe(PooledEngine pooled, SlotRequest request) {
    return request.pinned().map(engine -> engine == pooled.engine).orElse(true)
        && pooled.owner.equals(request.owner());
  }

  private void grant(SlotRequest request, PooledEngine pooled, boolean deferred) {
    pooled.running++;
    runningByUser.merge(request.user(), 1, Integer::sum);
    lastActivity = clock.instant();
    StatementSlot slot = new StatementSlot(this, pooled.engine, request.user());
    if (deferred) {
      afterUnlock.add(() -> request.future().complete(slot));
    } else {
      request.future().complete(slot);
    }
  }

  /** Hands free slots to waiting statements, least loaded engines first. */
  private void dispatch() {
    boolean granted = true;
    while (granted && queue.size() > 0) {
      granted = false;
      List<PooledEngine> byLoad = new ArrayList<>(engines);
      byLoad.sort(Comparator.comparingInt(pooled -> pooled.running));
      for (PooledEngine pooled : byLoad) {
        if (pooled.running >= settings.slotsPerEngine() || !pooled.engine.isAlive()) {
          continue;
        }
        Optional<SlotRequest> next =
            queue.next(
                request -> canServe(pooled, request), user -> runningByUser.getOrDefault(user, 0));
        if (next.isPresent()) {
          grant(next.get(), pooled, true);
          granted = true;
          break;
        }
      }
    }
  }

  /** Starts the engines that waiting statements and the minimum call for. */
  private void scale() {
    if (closed || !wanted || starter == null || clock.instant().isBefore(noRetryBefore)) {
      return;
    }
    Map<String, Integer> waiting = new HashMap<>();
    queue.forEach(
        request -> {
          if (request.pinned().isEmpty()) {
            waiting.merge(request.owner(), 1, Integer::sum);
          }
        });
    if (!settings.enginePerUser()) {
      waiting.putIfAbsent(SHARED, 0);
    }
    for (Map.Entry<String, Integer> demand : waiting.entrySet()) {
      String owner = demand.getKey();
      long ownEngines = engines.stream().filter(pooled -> pooled.owner.equals(owner)).count();
      int freeSlots =
          engines.stream()
              .filter(pooled -> pooled.owner.equals(owner))
              .mapToInt(pooled -> Math.max(0, settings.slotsPerEngine() - pooled.running))
              .sum();
      int startingForOwner = starting.getOrDefault(owner, 0);
      int unserved = demand.getValue() - freeSlots - startingForOwner * settings.slotsPerEngine();
      int needed = (unserved + settings.slotsPerEngine() - 1) / settings.slotsPerEngine();
      int minimum = owner.equals(SHARED) ? settings.minEngines() : 0;
      needed = Math.max(needed, (int) (minimum - ownEngines - startingForOwner));
      for (int i = 0; i < needed && totalEngines() < settings.maxEngines(); i++) {
        startEngine(owner);
      }
    }
  }

  private int totalEngines() {
    return engines.size() + starting.values().stream().mapToInt(Integer::intValue).sum();
  }

  private void startEngine(String owner) {
    long generation = ++generations;
    String engineName = name + "-engine-" + generation;
    starting.merge(owner, 1, Integer::sum);
    log.info("Warehouse {} starts engine {}", name, engineName);
    launcher.execute(
        () -> {
          try {
            EngineProcess process = starter.start(engineName);
            engineStarted(owner, new Engine(generation, process, callTimeout, clock));
          } catch (EngineStartException e) {
            engineFailed(owner, e);
          } catch (RuntimeException e) {
            engineFailed(
                owner, new EngineStartException("Cannot start an engine: " + e.getMessage(), e));
          }
        });
  }

  private void engineStarted(String owner, Engine engine) {
    boolean keep;
    synchronized (this) {
      starting.merge(owner, -1, Integer::sum);
      keep = !closed && wanted && engine.isAlive();
      if (keep) {
        PooledEngine pooled = new PooledEngine(engine, owner, clock.instant());
        engines.add(pooled);
        engine.exited().thenRun(() -> launcher.execute(this::checkQuietly));
        dispatch();
        scale();
      }
      notifyAll();
    }
    runAfterUnlock();
    if (!keep) {
      engine.stop(STOP_GRACE);
    }
  }

  private void engineFailed(String owner, EngineStartException failure) {
    log.warn("Warehouse {} could not start an engine: {}", name, failure.getMessage());
    synchronized (this) {
      starting.merge(owner, -1, Integer::sum);
      startFailures++;
      lastStartFailure = failure;
      noRetryBefore = clock.instant().plus(RETRY_BACKOFF);
      boolean noneLeft =
          starting.getOrDefault(owner, 0) == 0
              && engines.stream().noneMatch(pooled -> pooled.owner.equals(owner));
      if (noneLeft) {
        for (SlotRequest waiting :
            queue.removeAll(
                request -> request.owner().equals(owner) && request.pinned().isEmpty())) {
          afterUnlock.add(() -> waiting.future().completeExceptionally(failure));
        }
      }
      notifyAll();
    }
    runAfterUnlock();
  }

  private void removeDeadEngines() {
    for (PooledEngine pooled : List.copyOf(engines)) {
      if (!pooled.engine.isAlive()) {
        log.warn(
            "Warehouse {}: engine generation {} died: {}",
            name,
            pooled.engine.generation(),
            pooled.engine.describeExit());
        engines.remove(pooled);
        Engine dead = pooled.engine;
        afterUnlock.add(() -> dead.stop(Duration.ZERO));
        orphanPinnedRequests(dead);
      }
    }
  }

  /** Statements pinned to a departed engine may now run anywhere (their session reopens). */
  private void orphanPinnedRequests(Engine departed) {
    queue.forEach(
        request -> {
          if (request.pinned().map(engine -> engine == departed).orElse(false)) {
            request.unpin();
          }
        });
  }

  private boolean autoStopDue(Instant now) {
    if (settings.autoStop().isZero() || engines.isEmpty() || queue.size() > 0) {
      return false;
    }
    Instant lastUse = lastActivity;
    for (PooledEngine pooled : engines) {
      if (pooled.running > 0) {
        return false;
      }
      if (pooled.engine.lastUsed().isAfter(lastUse)) {
        lastUse = pooled.engine.lastUsed();
      }
    }
    return !now.isBefore(lastUse.plus(settings.autoStop()));
  }

  private List<PooledEngine> removeIdleEngines(Instant now) {
    List<PooledEngine> removed = new ArrayList<>();
    List<PooledEngine> idleFirst = new ArrayList<>(engines);
    idleFirst.sort(Comparator.comparing(pooled -> pooled.idleSince));
    for (PooledEngine pooled : idleFirst) {
      long sameOwner = engines.stream().filter(other -> other.owner.equals(pooled.owner)).count();
      int keep = pooled.owner.equals(SHARED) ? settings.minEngines() : 0;
      Instant lastUse =
          pooled.engine.lastUsed().isAfter(pooled.idleSince)
              ? pooled.engine.lastUsed()
              : pooled.idleSince;
      boolean idle = pooled.running == 0 && !now.isBefore(lastUse.plus(settings.scaleInIdle()));
      if (idle && (sameOwner > keep || totalEngines() > settings.maxEngines())) {
        log.info(
            "Warehouse {} removes idle engine generation {}", name, pooled.engine.generation());
        engines.remove(pooled);
        removed.add(pooled);
        orphanPinnedRequests(pooled.engine);
      }
    }
    return removed;
  }

  private List<PooledEngine> removeAllEngines(String reason) {
    List<PooledEngine> removed = new ArrayList<>(engines);
    engines.clear();
    for (SlotRequest waiting : queue.removeAll(request -> true)) {
      afterUnlock.add(
          () -> waiting.future().completeExceptionally(new EngineStartException(reason, null)));
    }
    return removed;
  }

  private void runAfterUnlock() {
    List<Runnable> actions;
    synchronized (this) {
      if (afterUnlock.isEmpty()) {
        return;
      }
      actions = List.copyOf(afterUnlock);
      afterUnlock.clear();
    }
    actions.forEach(Runnable::run);
  }

  /** One engine with its load. */
  private static final class PooledEngine {
    final Engine engine;
    final String owner;
    int running;
    Instant idleSince;

    PooledEngine(Engine engine, String owner, Instant idleSince) {
      this.engine = engine;
      this.owner = owner;
      this.idleSince = idleSince;
    }
  }
}
