package io.sluice.engine.operation;

import io.sluice.engine.error.EngineFailure;
import io.sluice.engine.error.FailureTranslator;
import io.sluice.engine.error.SqlStates;
import io.sluice.engine.error.Statuses;
import io.sluice.engine.result.ResultPages;
import io.sluice.engine.session.EngineSession;
import io.sluice.engine.session.HandleIdentity;
import io.sluice.protocol.thrift.TFetchOrientation;
import io.sluice.protocol.thrift.TGetOperationStatusResp;
import io.sluice.protocol.thrift.TGetResultSetMetadataResp;
import io.sluice.protocol.thrift.TOperationHandle;
import io.sluice.protocol.thrift.TOperationType;
import io.sluice.protocol.thrift.TRowSet;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared life of every TCLIService operation: its handle, its state machine, its failure and
 * its result cursor. Subclasses only compute the result in {@link #run()} and, when their work can
 * be interrupted, stop it in {@link #interrupt()}.
 */
public abstract class Operation {
  /** Rows per page when a client asks for zero or fewer. */
  static final int DEFAULT_FETCH_ROWS = 1000;

  private static final Logger LOG = LoggerFactory.getLogger(Operation.class);

  private final HandleIdentity handle = HandleIdentity.random();
  private final EngineSession session;
  private final TOperationType type;
  private final Object cursorLock = new Object();
  private final PageReadAhead readAhead = new PageReadAhead();

  private OperationState state = OperationState.PENDING;
  private long startedMillis;
  private long completedMillis;
  private EngineFailure failure;
  private ResultPages result;
  private Long modifiedRowCount;
  private Future<?> work;
  private int position;

  protected Operation(EngineSession session, TOperationType type) {
    this.session = session;
    this.type = type;
  }

  /** Computes the complete result; runs on an engine worker thread in state RUNNING. */
  protected abstract ResultPages run() throws Exception;

  /** Stops work in progress after a cancel, timeout or close; the default does nothing. */
  protected void interrupt() {}

  /** A short description for logs. */
  protected abstract String describe();

  public final HandleIdentity handle() {
    return handle;
  }

  public final EngineSession session() {
    return session;
  }

  public final TOperationHandle toThrift() {
    return new TOperationHandle(handle.toThrift(), type, true);
  }

  /** Runs the operation to a terminal state; called once, by the operation manager. */
  final void execute() {
    synchronized (this) {
      if (state != OperationState.PENDING) {
        return;
      }
      state = OperationState.RUNNING;
      startedMillis = System.currentTimeMillis();
    }
    try {
      ResultPages computed = run();
      synchronized (this) {
        if (state == OperationState.RUNNING) {
          result = computed;
          finish(OperationState.FINISHED);
        }
      }
    } catch (Throwable thrown) {
      if (thrown instanceof VirtualMachineError fatal) {
        throw fatal;
      }
      EngineFailure translated = FailureTranslator.translate(thrown);
      synchronized (this) {
        if (state == OperationState.RUNNING) {
          failure = translated;
          finish(OperationState.ERROR);
          LOG.info("{} failed [{}]: {}", describe(), translated.sqlState(), translated.message());
          LOG.debug("{} failure", describe(), thrown);
        }
      }
    }
  }

  synchronized void attach(Future<?> work) {
    this.work = work;
  }

  /** CancelOperation: stops the work; a finished operation stays finished. */
  public void cancel() {
    stop(OperationState.CANCELED);
  }

  /** The statement's query timeout elapsed. */
  void timeOut() {
    stop(OperationState.TIMED_OUT);
  }

  private void stop(OperationState reason) {
    boolean wasActive;
    synchronized (this) {
      wasActive = !state.isTerminal();
      if (!wasActive) {
        return;
      }
      finish(reason);
      if (reason == OperationState.TIMED_OUT) {
        failure =
            new EngineFailure("The query timed out and was canceled", SqlStates.INTERNAL_ERROR);
      }
    }
    LOG.info("{} {}", describe(), reason == OperationState.CANCELED ? "canceled" : "timed out");
    stopWork();
  }

  /** CloseOperation: stops any work and releases the result. */
  public void close() {
    boolean wasActive;
    synchronized (this) {
      wasActive = !state.isTerminal();
      state = OperationState.CLOSED;
      if (completedMillis == 0) {
        completedMillis = System.currentTimeMillis();
      }
      result = null;
    }
    if (wasActive) {
      stopWork();
    }
  }

  private void stopWork() {
    try {
      interrupt();
    } catch (Exception ignored) {
      LOG.debug("Interrupting {} failed", describe(), ignored);
    }
    Future<?> running;
    synchronized (this) {
      running = work;
    }
    if (running != null) {
      running.cancel(true);
    }
  }

  private void finish(OperationState terminal) {
    state = terminal;
    completedMillis = System.currentTimeMillis();
  }

  /** Records the number of rows a DML statement changed. */
  protected final synchronized void modifiedRows(long count) {
    modifiedRowCount = count;
  }

  public final synchronized OperationState state() {
    return state;
  }

  /** GetOperationStatus. */
  public final synchronized TGetOperationStatusResp status() {
    TGetOperationStatusResp response =
        new TGetOperationStatusResp(Statuses.success())
            .setOperationState(state.toThrift())
            .setHasResultSet(true);
    if (startedMillis > 0) {
      response.setOperationStarted(startedMillis);
    }
    if (state.isTerminal() && completedMillis > 0) {
      response.setOperationCompleted(completedMillis);
    }
    if (failure != null && (state == OperationState.ERROR || state == OperationState.TIMED_OUT)) {
      response
          .setSqlState(failure.sqlState())
          .setErrorCode(0)
          .setErrorMessage(failure.message())
          .setDisplayMessage(failure.message());
    }
    if (modifiedRowCount != null && state == OperationState.FINISHED) {
      response.setNumModifiedRows(modifiedRowCount);
    }
    return response;
  }

  /**
   * GetResultSetMetadata: the schema and format of a finished operation's result; a columnar result
   * names its format only to clients speaking a Databricks protocol version.
   */
  public final TGetResultSetMetadataResp metadata(boolean databricksProtocol)
      throws OperationStateException {
    ResultPages pages = finishedResult();
    TGetResultSetMetadataResp metadata =
        new TGetResultSetMetadataResp(Statuses.success()).setSchema(pages.tableSchema());
    pages.describeFormat(metadata, databricksProtocol);
    return metadata;
  }

  /** FetchResults (FETCH_NEXT or FETCH_FIRST) of at most {@code maxRows} rows. */
  public final FetchedPage fetch(TFetchOrientation orientation, long maxRows)
      throws OperationStateException {
    ResultPages pages = finishedResult();
    if (orientation != TFetchOrientation.FETCH_NEXT
        && orientation != TFetchOrientation.FETCH_FIRST) {
      throw new OperationStateException(
          new EngineFailure(
              "The fetch orientation "
                  + orientation
                  + " is not supported; use FETCH_NEXT"
                  + " or FETCH_FIRST",
              SqlStates.FETCH_TYPE_OUT_OF_RANGE));
    }
    long wanted = maxRows <= 0 ? DEFAULT_FETCH_ROWS : maxRows;
    synchronized (cursorLock) {
      if (orientation == TFetchOrientation.FETCH_FIRST) {
        position = 0;
      }
      int total = pages.rowCount();
      int from = Math.min(position, total);
      int to = from + (int) Math.min(wanted, total - from);
      position = to;
      TRowSet rows = readAhead.take(pages, from, to);
      if (to < total) {
        readAhead.prepare(pages, to, to + (int) Math.min(wanted, total - to));
      }
      return new FetchedPage(rows, to < total);
    }
  }

  private synchronized ResultPages finishedResult() throws OperationStateException {
    return switch (state) {
      case FINISHED -> result;
      case ERROR, TIMED_OUT -> throw new OperationStateException(failure);
      case CANCELED ->
          throw new OperationStateException(
              new EngineFailure("The operation was canceled", SqlStates.FUNCTION_SEQUENCE_ERROR));
      case CLOSED ->
          throw new OperationStateException(
              new EngineFailure("The operation is closed", SqlStates.FUNCTION_SEQUENCE_ERROR));
      case PENDING, RUNNING ->
          throw new OperationStateException(
              new EngineFailure(
                  "The operation has not finished yet (state " + state + ")",
                  SqlStates.FUNCTION_SEQUENCE_ERROR));
    };
  }
}
