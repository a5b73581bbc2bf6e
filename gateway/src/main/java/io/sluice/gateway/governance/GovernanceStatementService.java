package io.sluice.gateway.governance;

import static java.util.Objects.requireNonNull;

import io.sluice.gateway.cli.ExtensionFields;
import io.sluice.gateway.cli.SluiceException;
import io.sluice.gateway.cli.Statuses;
import io.sluice.gateway.session.GatewaySession;
import io.sluice.gateway.session.Handles;
import io.sluice.gateway.session.SessionManager;
import io.sluice.governance.GovernanceException;
import io.sluice.governance.sql.GovernanceStatements;
import io.sluice.governance.sql.NameContext;
import io.sluice.governance.sql.StatementResult;
import io.sluice.planner.StatementAnalysis;
import io.sluice.protocol.rowset.ColumnDescriptor;
import io.sluice.protocol.rowset.ResultSchema;
import io.sluice.protocol.rowset.RowSetBuilder;
import io.sluice.protocol.thrift.TCancelOperationResp;
import io.sluice.protocol.thrift.TCloseOperationResp;
import io.sluice.protocol.thrift.TExecuteStatementReq;
import io.sluice.protocol.thrift.TExecuteStatementResp;
import io.sluice.protocol.thrift.TFetchOrientation;
import io.sluice.protocol.thrift.TFetchResultsReq;
import io.sluice.protocol.thrift.TFetchResultsResp;
import io.sluice.protocol.thrift.TGetOperationStatusResp;
import io.sluice.protocol.thrift.TGetResultSetMetadataResp;
import io.sluice.protocol.thrift.TOperationHandle;
import io.sluice.protocol.thrift.TOperationState;
import io.sluice.protocol.thrift.TOperationType;
import io.sluice.protocol.thrift.TSparkRowSetType;
import io.sluice.protocol.thrift.TTypeId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.thrift.TBase;

/**
 * Governance statements (GRANT, REVOKE, SHOW GRANTS, ...) answered by the gateway itself, never by
 * an engine. A statement that is one of them runs at once; its result rows are kept under a gateway
 * operation handle until the client closes it, and the usual status, metadata and fetch calls read
 * them. Calls on such a handle are honoured only for the session's own principal while its token is
 * valid, as for engine operations.
 */
public final class GovernanceStatementService {
  private final GovernanceStatements statements;
  private final GovernedViews views;
  private final SessionManager sessions;
  private final Map<String, LocalResult> results = new ConcurrentHashMap<>();

  public GovernanceStatementService(
      GovernanceStatements statements, GovernedViews views, SessionManager sessions) {
    this.statements = requireNonNull(statements, "statements is null");
    this.views = requireNonNull(views, "views is null");
    this.sessions = requireNonNull(sessions, "sessions is null");
  }

  /** A finished statement's rows and how far the client has fetched them. */
  private static final class LocalResult {
    private final TOperationHandle handle;
    private final GatewaySession session;
    private final ResultSchema schema;
    private final List<Object[]> rows;
    private int position;

    LocalResult(TOperationHandle handle, GatewaySession session, StatementResult result) {
      this.handle = handle;
      this.session = session;
      this.schema =
          new ResultSchema(
              result.columns().stream()
                  .map(column -> ColumnDescriptor.of(column, TTypeId.STRING_TYPE))
                  .toList());
      this.rows = result.rows().stream().map(row -> (Object[]) row.toArray(new String[0])).toList();
    }

    /** The next rows to send, {@code [from, to)}; FETCH_FIRST starts over. */
    synchronized int[] nextPage(TFetchOrientation orientation, long maxRows) {
      if (orientation == TFetchOrientation.FETCH_FIRST) {
        position = 0;
      }
      int from = position;
      int to =
          (int) Math.min(rows.size(), from + Math.max(0, Math.min(maxRows, Integer.MAX_VALUE)));
      position = to;
      return new int[] {from, to};
    }
  }

  /**
   * Runs the statement if it is a governance statement: the response to give the client, or empty
   * when the statement is the engine's.
   */
  public Optional<TExecuteStatementResp> execute(
      GatewaySession session, TExecuteStatementReq request) {
    TOperationHandle handle =
        new TOperationHandle(Handles.newIdentifier(), TOperationType.EXECUTE_STATEMENT, false);
    String statementId = HexFormat.of().formatHex(handle.getOperationId().getGuid());
    Optional<StatementResult> result;
    try {
      result =
          statements.execute(
              session.principal(), statementId, request.getStatement(), names(session));
    } catch (GovernanceException e) {
      return Optional.of(new TExecuteStatementResp(Statuses.error(e.getMessage(), e.sqlState())));
    }
    if (result.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(answer(session, handle, result.get()));
  }

  /**
   * Runs a planned and authorized statement if the gateway answers it itself (creating or dropping
   * a view of the metastore): the response, or empty when the statement is the engine's.
   */
  public Optional<TExecuteStatementResp> executePlanned(
      GatewaySession session, String statementId, StatementAnalysis analysis) {
    Optional<StatementResult> result;
    try {
      result = views.execute(session.principal(), statementId, analysis);
    } catch (GovernanceException e) {
      return Optional.of(new TExecuteStatementResp(Statuses.error(e.getMessage(), e.sqlState())));
    }
    return result.map(answered -> answer(session, answered));
  }

  /** Answers a statement the gateway ran itself with {@code result}, kept until closed. */
  public TExecuteStatementResp answer(GatewaySession session, StatementResult result) {
    return answer(
        session,
        new TOperationHandle(Handles.newIdentifier(), TOperationType.EXECUTE_STATEMENT, false),
        result);
  }

  private TExecuteStatementResp answer(
      GatewaySession session, TOperationHandle handle, StatementResult result) {
    handle.setHasResultSet(result.hasResultSet());
    results.put(Handles.key(handle.getOperationId()), new LocalResult(handle, session, result));
    return new TExecuteStatementResp(Statuses.success()).setOperationHandle(handle);
  }

  /** Whether {@code handle} names one of this service's operations. */
  public boolean owns(TOperationHandle handle) {
    return handle != null
        && handle.isSetOperationId()
        && results.containsKey(Handles.key(handle.getOperationId()));
  }

  public TGetOperationStatusResp status(TOperationHandle handle, Optional<String> principal)
      throws SluiceException {
    LocalResult result = require(handle, principal);
    return shaped(
        result,
        new TGetOperationStatusResp(Statuses.success())
            .setOperationState(TOperationState.FINISHED_STATE)
            .setHasResultSet(result.handle.isHasResultSet()));
  }

  public TGetResultSetMetadataResp metadata(TOperationHandle handle, Optional<String> principal)
      throws SluiceException {
    LocalResult result = require(handle, principal);
    return shaped(
        result,
        new TGetResultSetMetadataResp(Statuses.success())
            .setSchema(result.schema.toTableSchema())
            .setResultFormat(TSparkRowSetType.COLUMN_BASED_SET));
  }

  public TFetchResultsResp fetch(TFetchResultsReq request, Optional<String> principal)
      throws SluiceException {
    LocalResult result = require(request.getOperationHandle(), principal);
    if (request.isSetFetchType() && request.getFetchType() != 0) {
      // Operation logs: a governance statement has none.
      return new TFetchResultsResp(Statuses.success())
          .setHasMoreRows(false)
          .setResults(RowSetBuilder.empty(result.schema, 0));
    }
    int[] page = result.nextPage(request.getOrientation(), request.getMaxRows());
    int from = page[0];
    int to = page[1];
    return new TFetchResultsResp(Statuses.success())
        .setHasMoreRows(to < result.rows.size())
        .setResults(RowSetBuilder.page(result.schema, result.rows, from, to));
  }

  public TCloseOperationResp close(TOperationHandle handle, Optional<String> principal)
      throws SluiceException {
    require(handle, principal);
    results.remove(Handles.key(handle.getOperationId()));
    return new TCloseOperationResp(Statuses.success());
  }

  public TCancelOperationResp cancel(TOperationHandle handle, Optional<String> principal)
      throws SluiceException {
    require(handle, principal);
    return new TCancelOperationResp(Statuses.success());
  }

  /** Hive-family clients get no Databricks extension fields. */
  private static <R extends TBase<?, ?>> R shaped(LocalResult result, R response) {
    return result.session.protocol().isDatabricks() ? response : ExtensionFields.strip(response);
  }

  /** Forgets the results of a closed session. */
  public void sessionClosed(GatewaySession session) {
    results.values().removeIf(result -> result.session == session);
  }

  private LocalResult require(TOperationHandle handle, Optional<String> principal)
      throws SluiceException {
    LocalResult result = handle == null ? null : results.get(Handles.key(handle.getOperationId()));
    if (result == null
        || !Handles.secretMatches(result.handle.getOperationId(), handle.getOperationId())) {
      throw new SluiceException(
          "Invalid OperationHandle: the operation does not exist or was closed",
          SessionManager.INVALID_HANDLE);
    }
    sessions.session(result.session.handle(), principal);
    return result;
  }

  private static NameContext names(GatewaySession session) {
    return new NameContext(
        session
            .initialNamespace()
            .filter(namespace -> namespace.isSetCatalogName())
            .map(namespace -> namespace.getCatalogName()),
        session
            .initialNamespace()
            .filter(namespace -> namespace.isSetSchemaName())
            .map(namespace -> namespace.getSchemaName()));
  }
}
