package io.sluice.engine.operation;

import io.sluice.engine.error.EngineFailure;

/** A call that the operation cannot answer in its current state, or the operation's own failure. */
public final class OperationStateException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient EngineFailure failure;

  public OperationStateException(EngineFailure failure) {
    super(failure.message());
    this.failure = failure;
  }

  public EngineFailure failure() {
    return failure;
  }
}
