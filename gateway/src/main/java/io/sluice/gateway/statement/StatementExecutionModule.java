package io.sluice.gateway.statement;

import static java.util.Objects.requireNonNull;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.sluice.gateway.auth.AdminPolicy;
import io.sluice.gateway.cli.GatewayServices;
import io.sluice.gateway.history.LiveStatement;
import io.sluice.gateway.history.QueryRecord;
import io.sluice.gateway.history.QueryRecorder;
import io.sluice.gateway.rest.RestException;
import io.sluice.gateway.rest.RestModule;
import io.sluice.gateway.rest.RestRequest;
import io.sluice.gateway.rest.RestResponse;
import io.sluice.gateway.rest.RestRoutes;
import io.sluice.protocol.thrift.TCancelOperationReq;
import io.sluice.protocol.thrift.TOperationHandle;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Statement Execution API, {@code /api/2.0/sql/statements}: submit (waiting up to {@code
 * wait_timeout}), poll, fetch result chunks, cancel and close, with INLINE results in JSON_ARRAY or
 * ARROW_STREAM (a base64 Arrow IPC stream per chunk in {@code attachment}). Cancel also takes the
 * id of any running statement from the query history (a Thrift client's), which is how the web UI
 * cancels. Callers see their own statements; admins everyone's.
 */
public final class StatementExecutionModule implements RestModule {
  static final Duration RESULT_RETENTION = Duration.ofHours(1);
  private static final String BASE = "/api/2.0/sql/statements";
  private static final String DEFAULT_WAREHOUSE = "default";

  private final StatementRunner runner;
  private final QueryRecorder recorder;
  private final AdminPolicy admins;
  private final Executor executor;
  private final Map<String, RestStatement> statements = new ConcurrentHashMap<>();

  public StatementExecutionModule(GatewayServices services, AdminPolicy admins, Executor executor) {
    this.runner = new StatementRunner(services);
    this.recorder = services.history();
    this.admins = requireNonNull(admins, "admins is null");
    this.executor = requireNonNull(executor, "executor is null");
  }

  @Override
  public void register(RestRoutes routes) {
    routes.post(BASE, this::submit);
    routes.get(BASE + "/{statement_id}", this::get);
    routes.get(BASE + "/{statement_id}/result/chunks/{chunk_index}", this::chunk);
    routes.post(BASE + "/{statement_id}/cancel", this::cancel);
    routes.delete(BASE + "/{statement_id}", this::close);
  }

  private RestResponse submit(RestRequest request) throws InterruptedException {
    String principal = request.requirePrincipal();
    ExecuteStatementRequest body = request.bodyAs(ExecuteStatementRequest.class);
    if (body.statement() == null || body.statement().isBlank()) {
      throw RestException.invalidParameter("statement is required");
    }
    if (body.warehouseId() == null || body.warehouseId().isBlank()) {
      throw RestException.invalidParameter("warehouse_id is required");
    }
    if (!body.warehouseId().equals(DEFAULT_WAREHOUSE)) {
      throw RestException.notFound(
          "Warehouse '" + body.warehouseId() + "' does not exist; this gateway serves 'default'");
    }
    String disposition = upper(body.disposition(), "INLINE");
    if (!disposition.equals("INLINE")) {
      throw RestException.invalidParameter(
          "disposition " + disposition + " is not supported; use INLINE");
    }
    String format = upper(body.format(), "JSON_ARRAY");
    if (!format.equals("JSON_ARRAY") && !format.equals("ARROW_STREAM")) {
      throw RestException.invalidParameter(
          "format " + format + " is not supported; use JSON_ARRAY or ARROW_STREAM");
    }
    Duration wait = waitTimeout(body.waitTimeout());
    String onTimeout = upper(body.onWaitTimeout(), "CONTINUE");
    if (!onTimeout.equals("CONTINUE") && !onTimeout.equals("CANCEL")) {
      throw RestException.invalidParameter("on_wait_timeout must be CONTINUE or CANCEL");
    }
    if (body.rowLimit() != null && body.rowLimit() < 0) {
      throw RestException.invalidParameter("row_limit cannot be negative");
    }
    String engineText = ParameterBinder.bind(body.statement(), body.parameters());
    expireOldStatements();
    RestStatement statement =
        new RestStatement(UUID.randomUUID().toString(), principal, recorder.now(), format);
    statements.put(statement.id(), statement);
    String userAgent = request.header("user-agent").orElse("");
    executor.execute(() -> runner.run(statement, engineText, body.statement(), body, userAgent));
    if (!wait.isZero()) {
      try {
        statement.done().get(wait.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        if (onTimeout.equals("CANCEL")) {
          cancel(statement);
          try {
            statement.done().get(30, TimeUnit.SECONDS);
          } catch (TimeoutException | ExecutionException ignored) {
            // Answer with the state it reached.
          }
        }
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      }
    }
    return RestResponse.json(StatementJson.response(statement, true));
  }

  private RestResponse get(RestRequest request) {
    return RestResponse.json(StatementJson.response(visible(request), true));
  }

  private RestResponse chunk(RestRequest request) {
    RestStatement statement = visible(request);
    int index;
    try {
      index = Integer.parseInt(request.pathParameter("chunk_index"));
    } catch (NumberFormatException e) {
      throw RestException.invalidParameter("chunk_index must be a number");
    }
    RestStatement.Result result =
        statement
            .result()
            .orElseThrow(
                () ->
                    new RestException(
                        HttpResponseStatus.BAD_REQUEST,
                        "BAD_REQUEST",
                        "Statement "
                            + statement.id()
                            + " has no result ("
                            + statement.state()
                            + ")"));
    if (index < 0 || index >= Math.max(1, result.chunks().size())) {
      throw RestException.invalidParameter(
          "chunk_index " + index + " is out of range; the result has " + result.chunks().size());
    }
    return RestResponse.json(StatementJson.chunk(statement, result, index));
  }

  private RestResponse cancel(RestRequest request) {
    String caller = request.requirePrincipal();
    String id = request.pathParameter("statement_id");
    RestStatement statement = statements.get(id);
    if (statement != null) {
      checkVisible(caller, statement.principal(), id);
      cancel(statement);
      return RestResponse.emptyJson();
    }
    Optional<LiveStatement> live = recorder.live(id);
    if (live.isPresent()) {
      QueryRecord record = live.get().record();
      checkVisible(caller, record.principal(), id);
      Optional<TOperationHandle> handle = live.get().operation().map(o -> o.clientHandle());
      if (handle.isEmpty()) {
        throw new RestException(
            HttpResponseStatus.CONFLICT,
            "RESOURCE_CONFLICT",
            "Statement " + id + " is waiting for an engine and cannot be canceled yet");
      }
      runner.cli(Optional.empty(), "").CancelOperation(new TCancelOperationReq(handle.get()));
      return RestResponse.emptyJson();
    }
    Optional<QueryRecord> stored = recorder.store().find(id);
    if (stored.isPresent()) {
      checkVisible(caller, stored.get().principal(), id);
      return RestResponse.emptyJson();
    }
    throw notFound(id);
  }

  private void cancel(RestStatement statement) {
    statement
        .requestCancel()
        .ifPresent(
            handle ->
                runner.cli(Optional.empty(), "").CancelOperation(new TCancelOperationReq(handle)));
  }

  private RestResponse close(RestRequest request) {
    RestStatement statement = visible(request);
    cancel(statement);
    statement.close();
    return RestResponse.emptyJson();
  }

  private RestStatement visible(RestRequest request) {
    String id = request.pathParameter("statement_id");
    RestStatement statement = statements.get(id);
    if (statement == null) {
      throw notFound(id);
    }
    checkVisible(request.requirePrincipal(), statement.principal(), id);
    return statement;
  }

  /** Another user's statement is answered as not found, so its existence is not revealed. */
  private void checkVisible(String caller, String owner, String id) {
    if (!caller.equals(owner) && !admins.isAdmin(caller)) {
      throw notFound(id);
    }
  }

  private void expireOldStatements() {
    long oldest = recorder.now() - RESULT_RETENTION.toMillis();
    statements
        .values()
        .removeIf(statement -> statement.createdMillis() < oldest && statement.state().isFinal());
  }

  private static RestException notFound(String id) {
    return RestException.notFound("Statement " + id + " does not exist");
  }

  private static String upper(String value, String defaultValue) {
    return value == null || value.isBlank() ? defaultValue : value.trim().toUpperCase(Locale.ROOT);
  }

  /** {@code "0s"} or {@code "5s"} to {@code "50s"}, as Databricks allows; 10 s by default. */
  static Duration waitTimeout(String value) {
    if (value == null || value.isBlank()) {
      return Duration.ofSeconds(10);
    }
    String trimmed = value.trim().toLowerCase(Locale.ROOT);
    long seconds;
    try {
      if (!trimmed.endsWith("s")) {
        throw new NumberFormatException();
      }
      seconds = Long.parseLong(trimmed.substring(0, trimmed.length() - 1));
    } catch (NumberFormatException e) {
      throw RestException.invalidParameter(
          "wait_timeout must look like '10s', not '" + value + "'");
    }
    if (seconds != 0 && (seconds < 5 || seconds > 50)) {
      throw RestException.invalidParameter(
          "wait_timeout must be 0s or between 5s and 50s, not " + value);
    }
    return Duration.ofSeconds(seconds);
  }

  /** The JSON answers of this API. */
  static final class StatementJson {
    private StatementJson() {}

    static Map<String, Object> response(RestStatement statement, boolean withFirstChunk) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("statement_id", statement.id());
      Map<String, Object> status = new LinkedHashMap<>();
      status.put("state", statement.state().name());
      statement
          .failure()
          .ifPresent(
              failure -> {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("error_code", failure.errorCode());
                error.put("message", failure.message());
                status.put("error", error);
                failure.sqlState().ifPresent(state -> status.put("sql_state", state));
              });
      body.put("status", status);
      statement
          .result()
          .ifPresent(
              result -> {
                body.put("manifest", manifest(result, statement.format()));
                if (withFirstChunk) {
                  body.put("result", chunk(statement, result, 0));
                }
              });
      return body;
    }

    private static Map<String, Object> manifest(RestStatement.Result result, String format) {
      Map<String, Object> manifest = new LinkedHashMap<>();
      manifest.put("format", format);
      Map<String, Object> schema = new LinkedHashMap<>();
      schema.put("column_count", result.columns().size());
      schema.put("columns", result.columns());
      manifest.put("schema", schema);
      manifest.put("total_chunk_count", result.chunks().size());
      manifest.put(
          "chunks",
          result.chunks().stream()
              .map(
                  chunk -> {
                    Map<String, Object> description = new LinkedHashMap<>();
                    description.put("chunk_index", chunk.index());
                    description.put("row_offset", chunk.rowOffset());
                    description.put("row_count", chunk.rows().size());
                    description.put("byte_count", chunk.byteCount());
                    return description;
                  })
              .toList());
      manifest.put("total_row_count", result.totalRows());
      manifest.put(
          "total_byte_count",
          result.chunks().stream().mapToLong(RestStatement.Chunk::byteCount).sum());
      manifest.put("truncated", result.truncated());
      return manifest;
    }

    static Map<String, Object> chunk(
        RestStatement statement, RestStatement.Result result, int index) {
      Map<String, Object> data = new LinkedHashMap<>();
      if (result.chunks().isEmpty()) {
        data.put("chunk_index", 0);
        data.put("row_offset", 0);
        data.put("row_count", 0);
        if (statement.format().equals("ARROW_STREAM")) {
          data.put("attachment", ArrowChunks.attachment(result.columns(), List.of()));
        } else {
          data.put("data_array", List.of());
        }
        return data;
      }
      RestStatement.Chunk chunk = result.chunks().get(index);
      data.put("chunk_index", chunk.index());
      data.put("row_offset", chunk.rowOffset());
      data.put("row_count", chunk.rows().size());
      data.put("byte_count", chunk.byteCount());
      if (statement.format().equals("ARROW_STREAM")) {
        data.put("attachment", ArrowChunks.attachment(result.columns(), chunk.rows()));
      } else {
        data.put("data_array", chunk.rows());
      }
      if (index + 1 < result.chunks().size()) {
        data.put("next_chunk_index", index + 1);
        data.put(
            "next_chunk_internal_link",
            BASE + "/" + statement.id() + "/result/chunks/" + (index + 1));
      }
      return data;
    }
  }
}
