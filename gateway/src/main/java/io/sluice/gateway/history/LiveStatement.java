package io.sluice.gateway.history;

import static java.util.Objects.requireNonNull;

import io.sluice.gateway.session.GatewayOperation;
import io.sluice.planner.StatementAnalysis;
import io.sluice.protocol.thrift.TGetOperationStatusResp;
import io.sluice.protocol.thrift.TOperationState;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A statement that has not completed yet: its history row as it stands and the clock readings its
 * phase durations come from. Every change is written through to the store under this object's lock,
 * so the rows of one statement are written in order. Result pages are counted in memory and written
 * when the last page is served or the operation closes.
 */
public final class LiveStatement {
  private final QueryRecorder recorder;
  private QueryRecord record;
  private Optional<GatewayOperation> operation = Optional.empty();
  private long engineAssignedMillis = -1;
  private long acceptedMillis = -1;
  private long fetchingMillis;
  private long rows;
  private long bytes;
  private boolean completed;

  LiveStatement(QueryRecorder recorder, QueryRecord record) {
    this.recorder = requireNonNull(recorder, "recorder is null");
    this.record = requireNonNull(record, "record is null");
  }

  public synchronized QueryRecord record() {
    return record;
  }

  public String statementId() {
    return record.statementId();
  }

  /** The operation running the statement, once an engine accepted it. */
  public synchronized Optional<GatewayOperation> operation() {
    return operation;
  }

  /** The queue is behind the statement: {@code engineId} runs it. Planning starts. */
  public synchronized void engineAssigned(String engineId) {
    engineAssignedMillis = recorder.now();
    record =
        copy(
            engineId,
            record.status(),
            OptionalLong.empty(),
            OptionalLong.empty(),
            new PhaseDurations(engineAssignedMillis - record.startTimeMillis(), 0, 0, 0),
            Optional.empty(),
            Optional.empty());
  }

  /**
   * The engine accepted the statement as {@code accepted}. With {@code ranToEnd} the engine only
   * answered once it had run it (a synchronous ExecuteStatement): the whole call counts as
   * executing, and the engine's status, reported next, says how it ended.
   */
  public synchronized void accepted(GatewayOperation accepted, boolean ranToEnd) {
    acceptedMillis = ranToEnd && engineAssignedMillis >= 0 ? engineAssignedMillis : recorder.now();
    operation = Optional.of(accepted);
    recorder.track(this, accepted);
    record =
        copy(
            record.engineId(),
            StatementStatus.RUNNING,
            OptionalLong.empty(),
            OptionalLong.empty(),
            phases(0),
            Optional.empty(),
            Optional.empty());
    recorder.write(record);
  }

  /** The planner analyzed and the authorizer allowed the statement; an engine runs it next. */
  public void planned(StatementAnalysis analysis) {
    recorder.planned(this, analysis);
  }

  /** The statement could not start, or the engine reported it failed. */
  public synchronized void failed(String message, Optional<String> sqlState) {
    executionEnded(StatementStatus.FAILED, Optional.ofNullable(message), sqlState);
    if (operation.isEmpty()) {
      complete();
    }
  }

  /** What the engine answered to GetOperationStatus. */
  public void engineReported(TGetOperationStatusResp response) {
    TOperationState state = response.getOperationState();
    if (state == null) {
      return;
    }
    switch (state) {
      case FINISHED_STATE -> finished();
      case ERROR_STATE ->
          failed(
              Optional.ofNullable(response.getErrorMessage()).orElse("The statement failed"),
              Optional.ofNullable(response.getSqlState()));
      case CANCELED_STATE -> canceled();
      case TIMEDOUT_STATE ->
          failed("The statement timed out", Optional.ofNullable(response.getSqlState()));
      default -> {}
    }
  }

  /** The engine finished running it (or the client started reading results). */
  public synchronized void finished() {
    executionEnded(StatementStatus.FINISHED, Optional.empty(), Optional.empty());
  }

  public synchronized void canceled() {
    executionEnded(
        StatementStatus.CANCELED, Optional.of("The statement was canceled"), Optional.empty());
  }

  /** One page of results served: {@code pageRows} rows in {@code pageBytes} bytes. */
  public synchronized void fetched(
      long pageRows, long pageBytes, long elapsedMillis, boolean last) {
    if (record.status() == StatementStatus.RUNNING) {
      finished();
    }
    rows += pageRows;
    bytes += pageBytes;
    fetchingMillis += elapsedMillis;
    if (last && record.endTimeMillis().isEmpty()) {
      record = withResults(OptionalLong.of(recorder.now()));
      recorder.write(record);
    }
  }

  /** The client closed the operation (or its session); a statement still running is canceled. */
  public synchronized void closed() {
    if (!record.status().isFinal()) {
      executionEnded(
          StatementStatus.CANCELED,
          Optional.of("The client closed the statement before it finished"),
          Optional.empty());
    }
    complete();
  }

  private void executionEnded(
      StatementStatus status, Optional<String> message, Optional<String> sqlState) {
    if (record.status().isFinal()) {
      return;
    }
    long now = recorder.now();
    long executing = acceptedMillis < 0 ? 0 : now - acceptedMillis;
    boolean noResults = operation.map(o -> !o.clientHandle().isHasResultSet()).orElse(true);
    record =
        copy(
            record.engineId(),
            status,
            OptionalLong.of(now),
            status == StatementStatus.FINISHED && !noResults
                ? OptionalLong.empty()
                : OptionalLong.of(now),
            phases(executing),
            message,
            sqlState);
    recorder.write(record);
  }

  private void complete() {
    if (completed) {
      return;
    }
    completed = true;
    record =
        withResults(
            record.endTimeMillis().isPresent()
                ? record.endTimeMillis()
                : OptionalLong.of(recorder.now()));
    recorder.write(record);
    recorder.completed(this);
  }

  private QueryRecord withResults(OptionalLong endTime) {
    return new QueryRecord(
        record.statementId(),
        record.sessionId(),
        record.principal(),
        record.client(),
        record.warehouseId(),
        record.engineId(),
        record.statementText(),
        record.rewrittenText(),
        record.status(),
        record.startTimeMillis(),
        record.executionEndTimeMillis(),
        endTime,
        new PhaseDurations(
            record.phases().queuedMillis(),
            record.phases().planningMillis(),
            record.phases().executingMillis(),
            fetchingMillis),
        rows,
        bytes,
        record.errorMessage(),
        record.sqlState(),
        record.fromCache());
  }

  private PhaseDurations phases(long executing) {
    long queued = record.phases().queuedMillis();
    long planning =
        engineAssignedMillis < 0 || acceptedMillis < 0
            ? 0
            : Math.max(0, acceptedMillis - engineAssignedMillis);
    return new PhaseDurations(queued, planning, Math.max(0, executing), fetchingMillis);
  }

  private QueryRecord copy(
      String engineId,
      StatementStatus status,
      OptionalLong executionEnd,
      OptionalLong end,
      PhaseDurations phases,
      Optional<String> message,
      Optional<String> sqlState) {
    return new QueryRecord(
        record.statementId(),
        record.sessionId(),
        record.principal(),
        record.client(),
        record.warehouseId(),
        engineId,
        record.statementText(),
        record.rewrittenText(),
        status,
        record.startTimeMillis(),
        executionEnd,
        end,
        phases,
        rows,
        bytes,
        message,
        sqlState,
        record.fromCache());
  }
}
