package io.sluice.jdbc.client;

import static java.util.Objects.requireNonNull;

import io.sluice.jdbc.arrow.ArrowSchema;
import io.sluice.protocol.thrift.TColumnDesc;
import io.sluice.protocol.thrift.TGetOperationStatusResp;
import io.sluice.protocol.thrift.TGetResultSetMetadataResp;
import io.sluice.protocol.thrift.TOperationHandle;
import io.sluice.protocol.thrift.TOperationState;
import io.sluice.protocol.thrift.TSparkRowSetType;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One running or finished operation on the server: wait for it, read its rows, cancel, close. */
public final class ServerOperation {
  private static final long FIRST_POLL_WAIT_MILLIS = 1;
  private static final long LONGEST_POLL_WAIT_MILLIS = 100;

  private final HiveServerSession session;
  private final TOperationHandle handle;
  private volatile boolean closed;
  private volatile boolean cancelled;
  private List<Column> columns;
  private ArrowPageDecoder arrowDecoder;

  ServerOperation(HiveServerSession session, TOperationHandle handle) throws SQLException {
    this.session = requireNonNull(session, "session is null");
    if (handle == null) {
      throw new SQLException("The server returned no operation handle", ServerErrors.GENERAL_ERROR);
    }
    this.handle = handle;
  }

  public boolean hasResultSet() {
    return handle.isHasResultSet();
  }

  /** The number of rows a finished statement changed, when the server says. */
  public Optional<Long> modifiedRowCount() {
    return handle.isSetModifiedRowCount()
        ? Optional.of((long) handle.getModifiedRowCount())
        : Optional.empty();
  }

  /**
   * Polls until the operation finishes.
   *
   * @throws SQLTimeoutException when the server timed it out
   * @throws SQLException with the server's SQLSTATE when it failed, HY008 when it was cancelled
   */
  public void awaitCompletion() throws SQLException {
    long wait = FIRST_POLL_WAIT_MILLIS;
    while (true) {
      TGetOperationStatusResp status = session.status(handle);
      ServerErrors.check(status.getStatus());
      TOperationState state = status.getOperationState();
      if (state == null) {
        throw new SQLException("The server sent no operation state", ServerErrors.GENERAL_ERROR);
      }
      switch (state) {
        case FINISHED_STATE:
          return;
        case ERROR_STATE:
          if (cancelled) {
            throw new SQLException(
                "The statement was cancelled: " + status.getErrorMessage(),
                ServerErrors.OPERATION_CANCELLED);
          }
          throw ServerErrors.serverError(
              status.getErrorMessage() == null ? "The statement failed" : status.getErrorMessage(),
              status.getSqlState(),
              status.getErrorCode());
        case CANCELED_STATE:
          throw new SQLException("The statement was cancelled", ServerErrors.OPERATION_CANCELLED);
        case TIMEDOUT_STATE:
          throw new SQLTimeoutException(
              "The statement ran longer than its query timeout", ServerErrors.TIMEOUT);
        case CLOSED_STATE:
          throw new SQLException(
              cancelled ? "The statement was cancelled" : "The statement was closed",
              cancelled ? ServerErrors.OPERATION_CANCELLED : ServerErrors.GENERAL_ERROR);
        case UKNOWN_STATE:
          throw new SQLException(
              "The statement is in an unknown state", ServerErrors.GENERAL_ERROR);
        default:
          break;
      }
      if (cancelled) {
        throw new SQLException("The statement was cancelled", ServerErrors.OPERATION_CANCELLED);
      }
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        cancel();
        throw new SQLException(
            "Interrupted while waiting for the statement", ServerErrors.OPERATION_CANCELLED, e);
      }
      wait = Math.min(wait * 2, LONGEST_POLL_WAIT_MILLIS);
    }
  }

  /** The result columns (asked once, with the result's format). */
  public List<Column> columns() throws SQLException {
    if (columns == null) {
      TGetResultSetMetadataResp response = session.resultSetMetadata(handle);
      ServerErrors.check(response.getStatus());
      List<Column> described = new ArrayList<>();
      if (response.getSchema() != null && response.getSchema().getColumns() != null) {
        for (TColumnDesc description : response.getSchema().getColumns()) {
          described.add(Column.from(description));
        }
      }
      if (response.getResultFormat() == TSparkRowSetType.ARROW_BASED_SET) {
        arrowDecoder = new ArrowPageDecoder(arrowSchema(response, described.size()));
      }
      columns = List.copyOf(described);
    }
    return columns;
  }

  /**
   * Whether the server sends this result as Arrow record batches (known after {@link #columns}).
   */
  public boolean isArrowResult() {
    return arrowDecoder != null;
  }

  private static ArrowSchema arrowSchema(TGetResultSetMetadataResp response, int columnCount)
      throws SQLException {
    if (!response.isSetArrowSchema()) {
      throw new SQLException(
          "The server announced an Arrow result without its Arrow schema",
          ServerErrors.GENERAL_ERROR);
    }
    ArrowSchema schema = ArrowSchema.read(response.bufferForArrowSchema());
    if (schema.fields().size() != columnCount) {
      throw new SQLException(
          "The server's Arrow schema has "
              + schema.fields().size()
              + " fields for "
              + columnCount
              + " result columns",
          ServerErrors.GENERAL_ERROR);
    }
    return schema;
  }

  /**
   * The next page of at most {@code maxRows} rows (Sluice slices Arrow batches to the rows asked
   * for; a server that does not may send more, which is read as it comes); an empty page means the
   * end. After {@link #cancel} no page is fetched: whatever the server would still send, the reader
   * gets HY008.
   */
  public ResultPage fetch(int maxRows) throws SQLException {
    if (cancelled) {
      throw new SQLException("The statement was cancelled", ServerErrors.OPERATION_CANCELLED);
    }
    int columnCount = columns().size();
    try {
      FetchResultsReader.FetchReply reply = session.fetch(handle, maxRows, columnCount);
      ServerErrors.check(reply.status());
      if (arrowDecoder != null) {
        return arrowDecoder.decode(reply.arrowBatches());
      }
      if (!reply.arrowBatches().isEmpty()) {
        throw new SQLException(
            "The server sent Arrow record batches for a result it announced as columnar",
            ServerErrors.GENERAL_ERROR);
      }
      return reply.page();
    } catch (SQLException e) {
      if (cancelled) {
        // A fetch that crossed the cancel: what the server says about it is the cancellation.
        throw new SQLException("The statement was cancelled", ServerErrors.OPERATION_CANCELLED, e);
      }
      throw e;
    }
  }

  /**
   * Asks the server to stop the operation; safe from any thread, idempotent. An operation that
   * already finished or was closed has nothing to stop.
   */
  public void cancel() throws SQLException {
    if (closed || cancelled) {
      return;
    }
    cancelled = true;
    try {
      ServerErrors.check(session.cancel(handle));
    } catch (SQLException e) {
      if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
        throw e;
      }
    }
  }

  public boolean isCancelled() {
    return cancelled;
  }

  /** Releases the operation on the server; idempotent. */
  public void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    if (!session.isClosed()) {
      ServerErrors.check(session.closeOperation(handle));
    }
  }
}
