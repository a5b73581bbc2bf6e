package io.sluice.gateway.statement;

import static java.util.Objects.requireNonNull;

import io.sluice.gateway.cli.GatewayCliService;
import io.sluice.gateway.cli.GatewayServices;
import io.sluice.gateway.cli.Statuses;
import io.sluice.gateway.history.StatementOrigin;
import io.sluice.gateway.thrift.CallContext;
import io.sluice.protocol.thrift.TCancelOperationReq;
import io.sluice.protocol.thrift.TCloseOperationReq;
import io.sluice.protocol.thrift.TCloseSessionReq;
import io.sluice.protocol.thrift.TExecuteStatementReq;
import io.sluice.protocol.thrift.TExecuteStatementResp;
import io.sluice.protocol.thrift.TFetchOrientation;
import io.sluice.protocol.thrift.TFetchResultsReq;
import io.sluice.protocol.thrift.TFetchResultsResp;
import io.sluice.protocol.thrift.TGetOperationStatusReq;
import io.sluice.protocol.thrift.TGetOperationStatusResp;
import io.sluice.protocol.thrift.TGetResultSetMetadataReq;
import io.sluice.protocol.thrift.TGetResultSetMetadataResp;
import io.sluice.protocol.thrift.TNamespace;
import io.sluice.protocol.thrift.TOpenSessionReq;
import io.sluice.protocol.thrift.TOpenSessionResp;
import io.sluice.protocol.thrift.TOperationHandle;
import io.sluice.protocol.thrift.TProtocolVersion;
import io.sluice.protocol.thrift.TSessionHandle;
import io.sluice.protocol.thrift.TStatus;
import io.sluice.protocol.thrift.TTableSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a Statement Execution API statement through the same sessions, engines and query history as
 * Thrift clients: a gateway session of its own (as the caller), ExecuteStatement, polling the
 * engine until the statement ends, then fetching the whole result into chunks and closing the
 * operation and session. Runs on a worker thread.
 */
final class StatementRunner {
  private static final Logger log = LoggerFactory.getLogger(StatementRunner.class);
  static final int CHUNK_ROWS = 10_000;

  /** Databricks caps INLINE results at 25 MiB. */
  static final long INLINE_BYTE_LIMIT = 25L * 1024 * 1024;

  private static final long FIRST_POLL_MILLIS = 20;
  private static final long LONGEST_POLL_MILLIS = 250;

  private final GatewayServices services;

  StatementRunner(GatewayServices services) {
    this.services = requireNonNull(services, "services is null");
  }

  /** A Thrift service acting for {@code principal}, or for the gateway itself when empty. */
  GatewayCliService cli(Optional<String> principal, String userAgent) {
    return new GatewayCliService(services, new CallContext(principal, "rest", "", userAgent));
  }

  void run(
      RestStatement statement,
      String engineText,
      String clientText,
      ExecuteStatementRequest request,
      String userAgent) {
    GatewayCliService cli = cli(Optional.of(statement.principal()), userAgent);
    TOpenSessionReq open =
        new TOpenSessionReq()
            .setClient_protocol(TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10)
            .setConfiguration(new HashMap<>());
    if (request.catalog() != null || request.schema() != null) {
      TNamespace namespace = new TNamespace();
      Optional.ofNullable(request.catalog()).ifPresent(namespace::setCatalogName);
      Optional.ofNullable(request.schema()).ifPresent(namespace::setSchemaName);
      open.setInitialNamespace(namespace);
    }
    TOpenSessionResp opened = cli.OpenSession(open);
    if (!Statuses.isSuccess(opened.getStatus())) {
      statement.failed(failure(opened.getStatus()));
      return;
    }
    TSessionHandle session = opened.getSessionHandle();
    TOperationHandle operation = null;
    try {
      TExecuteStatementResp executed =
          cli.executeStatement(
              new TExecuteStatementReq(session, engineText).setRunAsync(true),
              Optional.of(new StatementOrigin(statement.id(), clientText)));
      if (!Statuses.isSuccess(executed.getStatus()) || executed.getOperationHandle() == null) {
        statement.failed(failure(executed.getStatus()));
        return;
      }
      operation = executed.getOperationHandle();
      if (statement.running(operation)) {
        cli.CancelOperation(new TCancelOperationReq(operation));
      }
      TGetOperationStatusResp ended = awaitEnd(cli, operation);
      if (!Statuses.isSuccess(ended.getStatus())) {
        statement.failed(failure(ended.getStatus()));
        return;
      }
      switch (ended.getOperationState()) {
        case FINISHED_STATE -> fetch(cli, operation, statement, request);
        case CANCELED_STATE, CLOSED_STATE -> statement.canceled();
        default ->
            statement.failed(
                new RestStatement.Failure(
                    "BAD_REQUEST",
                    Optional.ofNullable(ended.getErrorMessage()).orElse("The statement failed"),
                    Optional.ofNullable(ended.getSqlState())));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      statement.failed(
          new RestStatement.Failure("ABORTED", "The gateway is shutting down", Optional.empty()));
    } catch (RuntimeException e) {
      log.warn("Statement {} failed in the gateway", statement.id(), e);
      statement.failed(
          new RestStatement.Failure(
              "INTERNAL_ERROR", "Internal error: " + e.getMessage(), Optional.empty()));
    } finally {
      if (operation != null) {
        cli.CloseOperation(new TCloseOperationReq(operation));
      }
      cli.CloseSession(new TCloseSessionReq(session));
    }
  }

  private static TGetOperationStatusResp awaitEnd(GatewayCliService cli, TOperationHandle operation)
      throws InterruptedException {
    long pause = FIRST_POLL_MILLIS;
    while (true) {
      TGetOperationStatusResp status =
          cli.GetOperationStatus(new TGetOperationStatusReq(operation));
      if (!Statuses.isSuccess(status.getStatus()) || status.getOperationState() == null) {
        return status;
      }
      switch (status.getOperationState()) {
        case FINISHED_STATE,
            ERROR_STATE,
            CANCELED_STATE,
            CLOSED_STATE,
            TIMEDOUT_STATE,
            UKNOWN_STATE -> {
          return status;
        }
        default -> {
          Thread.sleep(pause);
          pause = Math.min(LONGEST_POLL_MILLIS, pause * 2);
        }
      }
    }
  }

  private static void fetch(
      GatewayCliService cli,
      TOperationHandle operation,
      RestStatement statement,
      ExecuteStatementRequest request) {
    TGetResultSetMetadataResp metadata =
        cli.GetResultSetMetadata(new TGetResultSetMetadataReq(operation));
    if (!Statuses.isSuccess(metadata.getStatus())) {
      statement.failed(failure(metadata.getStatus()));
      return;
    }
    TTableSchema schema = metadata.getSchema();
    long rowLimit = request.rowLimit() == null ? Long.MAX_VALUE : request.rowLimit();
    long byteLimit =
        Math.min(
            INLINE_BYTE_LIMIT, request.byteLimit() == null ? Long.MAX_VALUE : request.byteLimit());
    List<RestStatement.Chunk> chunks = new ArrayList<>();
    long rows = 0;
    long bytes = 0;
    boolean truncated = false;
    boolean more = operation.isHasResultSet();
    while (more && !statement.cancelRequested()) {
      TFetchResultsResp page =
          cli.FetchResults(
              new TFetchResultsReq(operation, TFetchOrientation.FETCH_NEXT, CHUNK_ROWS));
      if (!Statuses.isSuccess(page.getStatus())) {
        statement.failed(failure(page.getStatus()));
        return;
      }
      List<List<String>> pageRows = ResultColumns.rows(page.getResults(), schema);
      more = page.isHasMoreRows() && !pageRows.isEmpty();
      if (rows + pageRows.size() > rowLimit) {
        pageRows = pageRows.subList(0, (int) (rowLimit - rows));
        truncated = true;
        more = false;
      }
      if (pageRows.isEmpty()) {
        break;
      }
      long pageBytes = jsonBytes(pageRows);
      if (bytes + pageBytes > byteLimit) {
        statement.failed(
            new RestStatement.Failure(
                "BAD_REQUEST",
                "The result exceeds the "
                    + byteLimit
                    + " byte limit of INLINE results; add a LIMIT or set row_limit",
                Optional.empty()));
        return;
      }
      chunks.add(new RestStatement.Chunk(chunks.size(), rows, pageRows, pageBytes));
      rows += pageRows.size();
      bytes += pageBytes;
    }
    if (statement.cancelRequested()) {
      statement.canceled();
      return;
    }
    statement.succeeded(
        new RestStatement.Result(ResultColumns.describe(schema), chunks, rows, truncated));
  }

  /** Roughly how many bytes the rows take as JSON. */
  private static long jsonBytes(List<List<String>> rows) {
    long bytes = 2;
    for (List<String> row : rows) {
      bytes += 3;
      for (String value : row) {
        bytes += value == null ? 5 : value.length() + 3;
      }
    }
    return bytes;
  }

  static RestStatement.Failure failure(TStatus status) {
    String message =
        status == null || status.getErrorMessage() == null
            ? "The statement failed"
            : status.getErrorMessage();
    Optional<String> sqlState = Optional.ofNullable(status == null ? null : status.getSqlState());
    String code =
        sqlState
            .map(state -> state.startsWith("08") ? "TEMPORARILY_UNAVAILABLE" : "BAD_REQUEST")
            .orElse("BAD_REQUEST");
    return new RestStatement.Failure(code, message, sqlState);
  }
}
