package io.sluice.gateway.cli;

import io.sluice.gateway.session.GatewayOperation;
import io.sluice.protocol.thrift.TGetOperationStatusResp;
import io.sluice.protocol.thrift.TOperationState;
import io.sluice.protocol.thrift.TStatus;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** GetOperationStatus for a statement that has not reached an engine. */
final class QueuedStatus {
  private static final Set<TOperationState> FINAL =
      EnumSet.of(
          TOperationState.FINISHED_STATE,
          TOperationState.ERROR_STATE,
          TOperationState.CANCELED_STATE,
          TOperationState.CLOSED_STATE,
          TOperationState.TIMEDOUT_STATE,
          TOperationState.UKNOWN_STATE);

  private QueuedStatus() {}

  /** Whether an engine operation in {@code state} has ended (its slot is free again). */
  static boolean isFinal(TOperationState state) {
    return state != null && FINAL.contains(state);
  }

  /** PENDING while it waits, CANCELED once cancelled, ERROR with the reason it could not run. */
  static TGetOperationStatusResp of(GatewayOperation operation) {
    TGetOperationStatusResp response = new TGetOperationStatusResp(Statuses.success());
    Optional<TStatus> failure = operation.failure();
    if (failure.isPresent()) {
      return response
          .setOperationState(TOperationState.ERROR_STATE)
          .setErrorMessage(failure.get().getErrorMessage())
          .setDisplayMessage(failure.get().getErrorMessage())
          .setSqlState(failure.get().getSqlState());
    }
    if (operation.isCancelled()) {
      return response.setOperationState(TOperationState.CANCELED_STATE);
    }
    return response.setOperationState(TOperationState.PENDING_STATE);
  }
}
