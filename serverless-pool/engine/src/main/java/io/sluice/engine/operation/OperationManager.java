package io.sluice.engine.operation;

import io.sluice.engine.session.EngineSession;
import io.sluice.engine.session.HandleIdentity;
import io.sluice.engine.session.InvalidHandleException;
import io.sluice.protocol.thrift.TOperationHandle;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Registers operations, runs them on the engine's worker pool and finds them by handle. */
public final class OperationManager implements AutoCloseable {
  private static final int WORKER_THREADS = 64;

  private final Map<UUID, Operation> operations = new ConcurrentHashMap<>();
  private final ThreadPoolExecutor workers;
  private final ScheduledExecutorService timeouts;

  public OperationManager() {
    workers =
        new ThreadPoolExecutor(
            WORKER_THREADS,
            WORKER_THREADS,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            daemonThreads("sluice-engine-operation-"));
    workers.allowCoreThreadTimeOut(true);
    timeouts = Executors.newSingleThreadScheduledExecutor(daemonThreads("sluice-engine-timeout-"));
  }

  /**
   * Registers and starts {@code operation}. With {@code runAsync} it returns at once; otherwise it
   * returns when the operation reached a terminal state. A positive {@code timeoutSeconds} cancels
   * the operation into TIMEDOUT_STATE when it runs that long.
   */
  public <T extends Operation> T start(T operation, boolean runAsync, long timeoutSeconds) {
    operations.put(operation.handle().id(), operation);
    operation.session().operationIds().add(operation.handle().id());
    Future<?> work = workers.submit(operation::execute);
    operation.attach(work);
    if (timeoutSeconds > 0) {
      timeouts.schedule(operation::timeOut, timeoutSeconds, TimeUnit.SECONDS);
    }
    if (!runAsync) {
      awaitQuietly(work);
    }
    return operation;
  }

  private static void awaitQuietly(Future<?> work) {
    try {
      work.get();
    } catch (CancellationException | ExecutionException ended) {
      // The operation records its own outcome.
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** The operation {@code handle} names, in any state but closed. */
  public Operation find(TOperationHandle handle) throws InvalidHandleException {
    if (handle == null || handle.getOperationId() == null) {
      throw new InvalidHandleException("Missing operation handle");
    }
    HandleIdentity presented;
    try {
      presented = HandleIdentity.fromThrift(handle.getOperationId());
    } catch (IllegalArgumentException malformed) {
      throw new InvalidHandleException("Invalid operation handle: " + malformed.getMessage());
    }
    Operation operation = operations.get(presented.id());
    if (operation == null || !operation.handle().secretMatches(presented)) {
      throw new InvalidHandleException("Invalid OperationHandle: " + presented);
    }
    return operation;
  }

  /** CloseOperation. */
  public void close(TOperationHandle handle) throws InvalidHandleException {
    Operation operation = find(handle);
    remove(operation);
  }

  /** Closes every operation of {@code session} (CloseSession). */
  public void closeSessionOperations(EngineSession session) {
    for (UUID id : session.operationIds()) {
      Operation operation = operations.get(id);
      if (operation != null) {
        remove(operation);
      }
    }
  }

  private void remove(Operation operation) {
    operation.close();
    operations.remove(operation.handle().id(), operation);
    operation.session().operationIds().remove(operation.handle().id());
  }

  public int openOperationCount() {
    return operations.size();
  }

  @Override
  public void close() {
    operations.values().forEach(this::remove);
    timeouts.shutdownNow();
    workers.shutdownNow();
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
