package io.sluice.gateway.session;

import static java.util.Objects.requireNonNull;

import io.sluice.gateway.cli.SluiceException;
import io.sluice.pool.SlotRequest;
import io.sluice.pool.StatementSlot;
import io.sluice.protocol.thrift.TOperationHandle;
import io.sluice.protocol.thrift.TStatus;
import java.util.Optional;

/**
 * An operation as the client knows it (a gateway-issued handle) and as the engine knows it. Engine
 * handles never reach clients.
 *
 * <p>A statement that had to wait for a slot in its warehouse's queue exists before it runs on an
 * engine: it is <em>queued</em> until {@link #bind} gives it its engine operation, or {@link #fail}
 * its error. Its slot is released exactly once, by whichever way the statement ends first
 * (finished, failed, cancelled or closed).
 */
public final class GatewayOperation {
  private final TOperationHandle clientHandle;
  private final GatewaySession session;
  private EngineSession engineSession;
  private TOperationHandle engineHandle;
  private SlotRequest queued;
  private StatementSlot slot;
  private TStatus failure;
  private boolean cancelled;

  GatewayOperation(
      TOperationHandle clientHandle,
      GatewaySession session,
      EngineSession engineSession,
      TOperationHandle engineHandle) {
    this.clientHandle = requireNonNull(clientHandle, "clientHandle is null");
    this.session = requireNonNull(session, "session is null");
    this.engineSession = engineSession;
    this.engineHandle = engineHandle;
  }

  public TOperationHandle clientHandle() {
    return clientHandle;
  }

  public GatewaySession session() {
    return session;
  }

  /** The engine session the operation runs in; fails while the statement is still queued. */
  public synchronized EngineSession engineSession() throws SluiceException {
    requireBound();
    return engineSession;
  }

  /** The engine's handle for the operation; fails while the statement is still queued. */
  public synchronized TOperationHandle engineHandle() throws SluiceException {
    requireBound();
    return engineHandle;
  }

  private void requireBound() throws SluiceException {
    if (engineHandle == null) {
      throw new SluiceException(
          failure != null
              ? failure.getErrorMessage()
              : cancelled
                  ? "The statement was cancelled before it ran"
                  : "The statement has not started yet: it waits for a slot in its warehouse",
          SessionManager.INVALID_HANDLE);
    }
  }

  /** Whether the operation runs (or ran) on an engine. */
  public synchronized boolean isBound() {
    return engineHandle != null;
  }

  /** Why a queued statement never ran, if it did not. */
  public synchronized Optional<TStatus> failure() {
    return Optional.ofNullable(failure);
  }

  public synchronized boolean isCancelled() {
    return cancelled;
  }

  /** Marks the statement as waiting for a slot. */
  public synchronized void queued(SlotRequest request) {
    this.queued = requireNonNull(request, "request is null");
  }

  /**
   * The slot the statement holds, released when the statement ends. Returns false (releasing it)
   * when the statement was cancelled or failed meanwhile and must not run.
   */
  public synchronized boolean holdSlot(StatementSlot slot) {
    this.slot = requireNonNull(slot, "slot is null");
    if (cancelled || failure != null) {
      slot.release();
      return false;
    }
    return true;
  }

  /**
   * The queued statement now runs on the engine. Returns false when it was cancelled meanwhile: the
   * caller then cancels the engine operation.
   */
  public synchronized boolean bind(EngineSession engineSession, TOperationHandle engineHandle) {
    this.engineSession = requireNonNull(engineSession, "engineSession is null");
    this.engineHandle = requireNonNull(engineHandle, "engineHandle is null");
    return !cancelled;
  }

  /** The queued statement cannot run; its slot, if any, is released. */
  public synchronized void fail(TStatus status) {
    this.failure = requireNonNull(status, "status is null");
    releaseSlot();
  }

  /**
   * Cancels the statement if it has not reached an engine yet (taking it out of the queue). Returns
   * true when it had not: then there is nothing to cancel on an engine.
   */
  public synchronized boolean cancelUnlessBound() {
    if (engineHandle != null) {
      return false;
    }
    cancelled = true;
    if (queued != null) {
      queued.cancel();
    }
    releaseSlot();
    return true;
  }

  /** Ends the statement's claim on its warehouse: its slot or its place in the queue. */
  public synchronized void releaseSlot() {
    if (queued != null && queued.isWaiting()) {
      queued.cancel();
    }
    if (slot != null) {
      slot.release();
    }
  }
}
