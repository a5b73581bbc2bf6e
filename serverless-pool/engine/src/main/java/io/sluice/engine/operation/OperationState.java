package io.sluice.engine.operation;

import io.sluice.protocol.thrift.TOperationState;

/**
 * An operation's life: {@code PENDING -> RUNNING -> FINISHED | ERROR | CANCELED | TIMED_OUT}, and
 * {@code CLOSED} from any state. {@code INITIALIZED} is never reported: clients stop polling on it.
 */
public enum OperationState {
  PENDING(TOperationState.PENDING_STATE),
  RUNNING(TOperationState.RUNNING_STATE),
  FINISHED(TOperationState.FINISHED_STATE),
  ERROR(TOperationState.ERROR_STATE),
  CANCELED(TOperationState.CANCELED_STATE),
  TIMED_OUT(TOperationState.TIMEDOUT_STATE),
  CLOSED(TOperationState.CLOSED_STATE);

  private final TOperationState thriftState;

  OperationState(TOperationState thriftState) {
    this.thriftState = thriftState;
  }

  public TOperationState toThrift() {
    return thriftState;
  }

  /** Whether no further work happens in this state. */
  public boolean isTerminal() {
    return this != PENDING && this != RUNNING;
  }
}
