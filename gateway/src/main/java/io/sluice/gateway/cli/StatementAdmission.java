package io.sluice.gateway.cli;

import static java.util.Objects.requireNonNull;

import io.sluice.gateway.history.LiveStatement;
import io.sluice.gateway.session.EngineSession;
import io.sluice.gateway.session.GatewayOperation;
import io.sluice.gateway.session.GatewaySession;
import io.sluice.pool.EngineStartException;
import io.sluice.pool.EngineUnavailableException;
import io.sluice.pool.QueueFullException;
import io.sluice.pool.SlotRequest;
import io.sluice.pool.StatementSlot;
import io.sluice.protocol.thrift.TCancelOperationReq;
import io.sluice.protocol.thrift.TExecuteStatementReq;
import io.sluice.protocol.thrift.TExecuteStatementResp;
import io.sluice.protocol.thrift.TGetOperationStatusReq;
import io.sluice.protocol.thrift.TStatus;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.thrift.TException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs ExecuteStatement through the session's warehouse: the statement first takes a slot on an
 * engine. With a slot free it runs at once, exactly as before. Otherwise an asynchronous statement
 * gets its handle at once and waits in the warehouse's queue (the client sees PENDING and may
 * cancel it); when a slot frees it is sent to that engine. A synchronous statement waits for its
 * slot before it runs. A full queue refuses the statement with SQLSTATE {@value #QUEUE_FULL}.
 */
final class StatementAdmission {
  /** SQLSTATE for a statement refused because the warehouse's queue is full. */
  static final String QUEUE_FULL = "53400";

  /** SQLSTATE for a statement cancelled before it ran (query canceled). */
  static final String CANCELLED = "57014";

  private static final Logger log = LoggerFactory.getLogger(StatementAdmission.class);

  private final GatewayServices services;

  StatementAdmission(GatewayServices services) {
    this.services = requireNonNull(services, "services is null");
  }

  /**
   * Runs {@code request} (already planned) on a slot of the session's warehouse, now or once one is
   * free, and tells {@code statement}, its history record, how it moves.
   */
  TExecuteStatementResp execute(
      GatewaySession session, TExecuteStatementReq request, LiveStatement statement)
      throws SluiceException, TException {
    SlotRequest slotRequest;
    try {
      slotRequest = services.engines(session).request(session.principal(), session.pinnedEngine());
    } catch (QueueFullException e) {
      throw new SluiceException(e.getMessage(), QUEUE_FULL);
    } catch (EngineStartException e) {
      throw cannotStart(e);
    }
    Optional<StatementSlot> granted = slotRequest.slotIfGranted();
    if (granted.isEmpty() && !request.isRunAsync()) {
      granted = Optional.of(await(slotRequest));
    }
    if (granted.isPresent()) {
      return runNow(session, request, granted.get(), statement);
    }
    GatewayOperation operation = services.sessions().registerQueued(session);
    operation.queued(slotRequest);
    slotRequest
        .granted()
        .whenCompleteAsync(
            (slot, failure) -> {
              if (failure != null) {
                TStatus status = failureStatus(failure);
                operation.fail(status);
                if (CANCELLED.equals(status.getSqlState())) {
                  statement.canceled();
                } else {
                  statement.failed(
                      status.getErrorMessage(), Optional.ofNullable(status.getSqlState()));
                }
              } else {
                runQueued(session, request, operation, slot, statement);
              }
            },
            services.background());
    return new TExecuteStatementResp(Statuses.success())
        .setOperationHandle(operation.clientHandle());
  }

  private TExecuteStatementResp runNow(
      GatewaySession session,
      TExecuteStatementReq request,
      StatementSlot slot,
      LiveStatement statement)
      throws SluiceException, TException {
    boolean handedOver = false;
    try {
      EngineSession engine = session.engineSession(slot.engine());
      statement.engineAssigned("engine-" + engine.engine().generation());
      TExecuteStatementResp response =
          engine
              .engine()
              .client()
              .ExecuteStatement(request.deepCopy().setSessionHandle(engine.handle()));
      if (!response.isSetOperationHandle()) {
        statement.failed(
            response.getStatus().getErrorMessage(),
            Optional.ofNullable(response.getStatus().getSqlState()));
        return response;
      }
      GatewayOperation operation =
          services.sessions().register(session, engine, response.getOperationHandle());
      statement.accepted(operation, !request.isRunAsync());
      if (request.isRunAsync()) {
        operation.holdSlot(slot);
        handedOver = true;
      } else {
        statement.engineReported(
            engine
                .engine()
                .client()
                .GetOperationStatus(new TGetOperationStatusReq(response.getOperationHandle())));
      }
      response.setOperationHandle(operation.clientHandle());
      return response;
    } finally {
      if (!handedOver) {
        slot.release();
      }
    }
  }

  private void runQueued(
      GatewaySession session,
      TExecuteStatementReq request,
      GatewayOperation operation,
      StatementSlot slot,
      LiveStatement statement) {
    if (!operation.holdSlot(slot)) {
      statement.canceled();
      return;
    }
    try {
      EngineSession engine = session.engineSession(slot.engine());
      statement.engineAssigned("engine-" + engine.engine().generation());
      TExecuteStatementResp response =
          engine
              .engine()
              .client()
              .ExecuteStatement(request.deepCopy().setSessionHandle(engine.handle()));
      if (!Statuses.isSuccess(response.getStatus()) || !response.isSetOperationHandle()) {
        operation.fail(response.getStatus());
        statement.failed(
            response.getStatus().getErrorMessage(),
            Optional.ofNullable(response.getStatus().getSqlState()));
        return;
      }
      if (operation.bind(engine, response.getOperationHandle())) {
        statement.accepted(operation, false);
      } else {
        statement.canceled();
        engine
            .engine()
            .client()
            .CancelOperation(new TCancelOperationReq(response.getOperationHandle()));
        operation.releaseSlot();
      }
    } catch (SluiceException e) {
      failQueued(operation, statement, Statuses.error(e.getMessage(), e.sqlState()));
    } catch (EngineUnavailableException e) {
      failQueued(
          operation,
          statement,
          Statuses.error(
              "The statement was aborted: " + e.getMessage(), Statuses.CONNECTION_FAILURE));
    } catch (TException | RuntimeException e) {
      log.warn("Starting a queued statement failed", e);
      failQueued(
          operation,
          statement,
          Statuses.error(
              "The engine failed to answer: " + e.getMessage(), Statuses.INTERNAL_ERROR));
    }
  }

  private static void failQueued(
      GatewayOperation operation, LiveStatement statement, TStatus status) {
    operation.fail(status);
    statement.failed(status.getErrorMessage(), Optional.ofNullable(status.getSqlState()));
  }

  private static StatementSlot await(SlotRequest slotRequest) throws SluiceException {
    try {
      return slotRequest.granted().get();
    } catch (ExecutionException e) {
      TStatus status = failureStatus(e.getCause());
      throw new SluiceException(status.getErrorMessage(), status.getSqlState());
    } catch (InterruptedException e) {
      slotRequest.cancel();
      Thread.currentThread().interrupt();
      throw new SluiceException("Interrupted while queued", Statuses.INTERNAL_ERROR);
    }
  }

  private static TStatus failureStatus(Throwable failure) {
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    if (cause instanceof CancellationException) {
      return Statuses.error("The statement was cancelled while queued", CANCELLED);
    }
    if (cause instanceof EngineStartException start) {
      SluiceException error = cannotStart(start);
      return Statuses.error(error.getMessage(), error.sqlState());
    }
    return Statuses.error("The statement could not start: " + cause, Statuses.INTERNAL_ERROR);
  }

  static SluiceException cannotStart(EngineStartException e) {
    return new SluiceException(
        "Cannot start a Spark engine for this warehouse: " + e.getMessage(),
        Statuses.CONNECTION_FAILURE,
        e);
  }
}
