package io.sluice.gateway.cli;

import static java.util.Objects.requireNonNull;

import io.sluice.gateway.history.ClientInfo;
import io.sluice.gateway.history.LiveStatement;
import io.sluice.gateway.history.StatementOrigin;
import io.sluice.gateway.session.EngineSession;
import io.sluice.gateway.session.GatewayOperation;
import io.sluice.gateway.session.GatewaySession;
import io.sluice.gateway.session.NegotiatedProtocol;
import io.sluice.gateway.thrift.CallContext;
import io.sluice.gateway.thrift.ResultPageSize;
import io.sluice.gateway.warehouse.WarehouseSelection;
import io.sluice.governance.token.AuthenticatedToken;
import io.sluice.planner.StatementAnalysis;
import io.sluice.pool.Engine;
import io.sluice.pool.EngineStartException;
import io.sluice.pool.EngineUnavailableException;
import io.sluice.protocol.thrift.TCLIService;
import io.sluice.protocol.thrift.TCancelDelegationTokenReq;
import io.sluice.protocol.thrift.TCancelDelegationTokenResp;
import io.sluice.protocol.thrift.TCancelOperationReq;
import io.sluice.protocol.thrift.TCancelOperationResp;
import io.sluice.protocol.thrift.TCloseOperationReq;
import io.sluice.protocol.thrift.TCloseOperationResp;
import io.sluice.protocol.thrift.TCloseSessionReq;
import io.sluice.protocol.thrift.TCloseSessionResp;
import io.sluice.protocol.thrift.TExecuteStatementReq;
import io.sluice.protocol.thrift.TExecuteStatementResp;
import io.sluice.protocol.thrift.TFetchResultsReq;
import io.sluice.protocol.thrift.TFetchResultsResp;
import io.sluice.protocol.thrift.TGetCatalogsReq;
import io.sluice.protocol.thrift.TGetCatalogsResp;
import io.sluice.protocol.thrift.TGetColumnsReq;
import io.sluice.protocol.thrift.TGetColumnsResp;
import io.sluice.protocol.thrift.TGetCrossReferenceReq;
import io.sluice.protocol.thrift.TGetCrossReferenceResp;
import io.sluice.protocol.thrift.TGetDelegationTokenReq;
import io.sluice.protocol.thrift.TGetDelegationTokenResp;
import io.sluice.protocol.thrift.TGetFunctionsReq;
import io.sluice.protocol.thrift.TGetFunctionsResp;
import io.sluice.protocol.thrift.TGetInfoReq;
import io.sluice.protocol.thrift.TGetInfoResp;
import io.sluice.protocol.thrift.TGetInfoType;
import io.sluice.protocol.thrift.TGetInfoValue;
import io.sluice.protocol.thrift.TGetOperationStatusReq;
import io.sluice.protocol.thrift.TGetOperationStatusResp;
import io.sluice.protocol.thrift.TGetPrimaryKeysReq;
import io.sluice.protocol.thrift.TGetPrimaryKeysResp;
import io.sluice.protocol.thrift.TGetQueryIdReq;
import io.sluice.protocol.thrift.TGetQueryIdResp;
import io.sluice.protocol.thrift.TGetResultSetMetadataReq;
import io.sluice.protocol.thrift.TGetResultSetMetadataResp;
import io.sluice.protocol.thrift.TGetSchemasReq;
import io.sluice.protocol.thrift.TGetSchemasResp;
import io.sluice.protocol.thrift.TGetTableTypesReq;
import io.sluice.protocol.thrift.TGetTableTypesResp;
import io.sluice.protocol.thrift.TGetTablesReq;
import io.sluice.protocol.thrift.TGetTablesResp;
import io.sluice.protocol.thrift.TGetTypeInfoReq;
import io.sluice.protocol.thrift.TGetTypeInfoResp;
import io.sluice.protocol.thrift.TOpenSessionReq;
import io.sluice.protocol.thrift.TOpenSessionResp;
import io.sluice.protocol.thrift.TOperationHandle;
import io.sluice.protocol.thrift.TOperationState;
import io.sluice.protocol.thrift.TRenewDelegationTokenReq;
import io.sluice.protocol.thrift.TRenewDelegationTokenResp;
import io.sluice.protocol.thrift.TSessionHandle;
import io.sluice.protocol.thrift.TSetClientInfoReq;
import io.sluice.protocol.thrift.TSetClientInfoResp;
import io.sluice.protocol.thrift.TStatus;
import io.sluice.protocol.thrift.TStatusCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.thrift.TBase;
import org.apache.thrift.TException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TCLIService as clients see it, for one call. The gateway owns sessions and operation handles;
 * statements and metadata calls run on the session's engine session, and their operations get
 * gateway handles that map to the engine's. Failures become error statuses with a SQLSTATE; this
 * class never lets an exception reach the Thrift layer, which would turn it into an opaque
 * TApplicationException.
 */
public final class GatewayCliService implements TCLIService.Iface {
  private static final Logger log = LoggerFactory.getLogger(GatewayCliService.class);

  private final GatewayServices services;
  private final CallContext context;

  public GatewayCliService(GatewayServices services, CallContext context) {
    this.services = requireNonNull(services, "services is null");
    this.context = requireNonNull(context, "context is null");
  }

  @Override
  public TOpenSessionResp OpenSession(TOpenSessionReq request) {
    NegotiatedProtocol protocol = NegotiatedProtocol.negotiate(request);
    TOpenSessionResp response = new TOpenSessionResp(Statuses.success(), protocol.version());
    Optional<AuthenticatedToken> token =
        services
            .authenticator()
            .authenticateToken(context.credential().orElse(request.getPassword()));
    Optional<String> principal =
        context.principal().or(() -> token.map(AuthenticatedToken::principal));
    if (principal.isEmpty()) {
      response.setStatus(
          Statuses.error(
              "Authentication failed: a valid personal access token is required"
                  + " (user name 'token', password '<personal access token>')",
              Statuses.INVALID_AUTHORIZATION));
      return protocol.isDatabricks() ? response : ExtensionFields.strip(response);
    }
    Map<String, String> configuration =
        request.isSetConfiguration() ? request.getConfiguration() : Map.of();
    String warehouse = WarehouseSelection.select(context.warehouse(), configuration);
    if (!services.warehouses().exists(warehouse)) {
      response.setStatus(
          Statuses.error(
              "Warehouse '" + warehouse + "' does not exist", GatewayServices.UNKNOWN_WAREHOUSE));
      return protocol.isDatabricks() ? response : ExtensionFields.strip(response);
    }
    GatewaySession session =
        services
            .sessions()
            .open(
                principal.get(),
                warehouse,
                token.map(AuthenticatedToken::tokenId),
                protocol,
                configuration,
                Optional.ofNullable(request.getInitialNamespace()));
    services.history().sessionOpened(session, ClientInfo.of(context, configuration));
    response.setSessionHandle(session.handle()).setConfiguration(new HashMap<>());
    if (!protocol.isDatabricks()) {
      return response;
    }
    response.setCanUseMultipleCatalogs(true);
    if (request.isSetInitialNamespace()) {
      response.setInitialNamespace(request.getInitialNamespace());
    }
    if (request.isSetGetInfos()) {
      List<TGetInfoValue> values = new ArrayList<>();
      for (TGetInfoType type : request.getGetInfos()) {
        values.add(ServerInfo.value(type).orElse(TGetInfoValue.stringValue("")));
      }
      response.setGetInfos(values);
    }
    return response;
  }

  @Override
  public TCloseSessionResp CloseSession(TCloseSessionReq request) {
    return respond(
        () -> {
          GatewaySession session =
              services.sessions().sessionToClose(request.getSessionHandle(), context.principal());
          services.governanceStatements().sessionClosed(session);
          for (GatewayOperation operation : services.sessions().close(session)) {
            services.history().statement(operation.clientHandle()).ifPresent(LiveStatement::closed);
            closeQuietly(operation);
          }
          services.history().sessionClosed(session);
          Optional<EngineSession> engineSession = session.openEngineSession();
          if (engineSession.isPresent()) {
            try {
              engineSession
                  .get()
                  .engine()
                  .client()
                  .CloseSession(
                      new io.sluice.protocol.thrift.TCloseSessionReq(engineSession.get().handle()));
            } catch (TException e) {
              log.debug("Engine session already gone", e);
            }
          }
          return new TCloseSessionResp(Statuses.success());
        },
        TCloseSessionResp::new);
  }

  @Override
  public TGetInfoResp GetInfo(TGetInfoReq request) {
    return respond(
        () -> {
          services.sessions().session(request.getSessionHandle(), context.principal());
          Optional<TGetInfoValue> value = ServerInfo.value(request.getInfoType());
          if (value.isEmpty()) {
            throw new SluiceException(
                "Unsupported GetInfo type " + request.getInfoType(),
                Statuses.FEATURE_NOT_SUPPORTED);
          }
          return new TGetInfoResp(Statuses.success(), value.get());
        },
        status -> new TGetInfoResp(status, TGetInfoValue.stringValue("")));
  }

  @Override
  public TExecuteStatementResp ExecuteStatement(TExecuteStatementReq request) {
    return executeStatement(request, Optional.empty());
  }

  /**
   * ExecuteStatement, recorded in the query history as it moves. Statements from a gateway API (the
   * Statement Execution API, which binds parameters into the text) say so in {@code origin}; the
   * history keeps the client's text and the text the engine ran.
   */
  public TExecuteStatementResp executeStatement(
      TExecuteStatementReq request, Optional<StatementOrigin> origin) {
    return respond(
        () -> {
          GatewaySession session =
              services.sessions().session(request.getSessionHandle(), context.principal());
          String statementText = Optional.ofNullable(request.getStatement()).orElse("");
          LiveStatement statement = services.history().received(session, statementText, origin);
          Optional<TExecuteStatementResp> governed =
              services.governanceStatements().execute(session, request);
          if (governed.isPresent()) {
            recordGatewayAnswer(statement, governed.get());
            return shape(session, governed.get());
          }
          StatementAnalysis planned;
          try {
            planned =
                session.plan(
                    services.planner(),
                    statementText,
                    services.authorizer().catalogNames(),
                    services
                        .authorizer()
                        .forStatement(session.principal(), Optional.of(statement.statementId())));
          } catch (SluiceException refused) {
            statement.failed(refused.getMessage(), Optional.of(refused.sqlState()));
            return new TExecuteStatementResp(
                Statuses.error(refused.getMessage(), refused.sqlState()));
          }
          statement.planned(planned);
          Optional<TExecuteStatementResp> answered =
              services
                  .governanceStatements()
                  .executePlanned(session, statement.statementId(), planned);
          if (answered.isPresent()) {
            recordGatewayAnswer(statement, answered.get());
            return shape(session, answered.get());
          }
          String engineSql = planned.engineSql();
          try {
            return shape(
                session,
                new StatementAdmission(services)
                    .execute(session, request.deepCopy().setStatement(engineSql), statement));
          } catch (Exception e) {
            statement.failed(e.getMessage(), Optional.of(sqlStateOf(e)));
            throw e;
          }
        },
        TExecuteStatementResp::new);
  }

  private static String sqlStateOf(Exception failure) {
    if (failure instanceof SluiceException sluice) {
      return sluice.sqlState();
    }
    return failure instanceof EngineUnavailableException
        ? Statuses.CONNECTION_FAILURE
        : Statuses.INTERNAL_ERROR;
  }

  @Override
  public TGetTypeInfoResp GetTypeInfo(TGetTypeInfoReq request) {
    return startOperation(
        request.getSessionHandle(),
        engine ->
            engine
                .engine()
                .client()
                .GetTypeInfo(request.deepCopy().setSessionHandle(engine.handle())),
        TGetTypeInfoResp::getOperationHandle,
        TGetTypeInfoResp::setOperationHandle,
        TGetTypeInfoResp::new);
  }

  @Override
  public TGetCatalogsResp GetCatalogs(TGetCatalogsReq request) {
    return startOperation(
        request.getSessionHandle(),
        engine ->
            engine
                .engine()
                .client()
                .GetCatalogs(request.deepCopy().setSessionHandle(engine.handle())),
        TGetCatalogsResp::getOperationHandle,
        TGetCatalogsResp::setOperationHandle,
        TGetCatalogsResp::new);
  }

  @Override
  public TGetSchemasResp GetSchemas(TGetSchemasReq request) {
    return startOperation(
        request.getSessionHandle(),
        engine ->
            engine
                .engine()
                .client()
                .GetSchemas(request.deepCopy().setSessionHandle(engine.handle())),
        TGetSchemasResp::getOperationHandle,
        TGetSchemasResp::setOperationHandle,
        TGetSchemasResp::new);
  }

  @Override
  public TGetTablesResp GetTables(TGetTablesReq request) {
    return startOperation(
        request.getSessionHandle(),
        engine ->
            engine
                .engine()
                .client()
                .GetTables(request.deepCopy().setSessionHandle(engine.handle())),
        TGetTablesResp::getOperationHandle,
        TGetTablesResp::setOperationHandle,
        TGetTablesResp::new);
  }

  @Override
  public TGetTableTypesResp GetTableTypes(TGetTableTypesReq request) {
    return startOperation(
        request.getSessionHandle(),
        engine ->
            engine
                .engine()
                .client()
                .GetTableTypes(request.deepCopy().setSessionHandle(engine.handle())),
        TGetTableTypesResp::getOperationHandle,
        TGetTableTypesResp::setOperationHandle,
        TGetTableTypesResp::new);
  }

  @Override
  public TGetColumnsResp GetColumns(TGetColumnsReq request) {
    return startOperation(
        request.getSessionHandle(),
        engine ->
            engine
                .engine()
                .client()
                .GetColumns(request.deepCopy().setSessionHandle(engine.handle())),
        TGetColumnsResp::getOperationHandle,
        TGetColumnsResp::setOperationHandle,
        TGetColumnsResp::new);
  }

  @Override
  public TGetFunctionsResp GetFunctions(TGetFunctionsReq request) {
    return startOperation(
        request.getSessionHandle(),
        engine ->
            engine
                .engine()
                .client()
                .GetFunctions(request.deepCopy().setSessionHandle(engine.handle())),
        TGetFunctionsResp::getOperationHandle,
        TGetFunctionsResp::setOperationHandle,
        TGetFunctionsResp::new);
  }

  @Override
  public TGetPrimaryKeysResp GetPrimaryKeys(TGetPrimaryKeysReq request) {
    return startOperation(
        request.getSessionHandle(),
        engine ->
            engine
                .engine()
                .client()
                .GetPrimaryKeys(request.deepCopy().setSessionHandle(engine.handle())),
        TGetPrimaryKeysResp::getOperationHandle,
        TGetPrimaryKeysResp::setOperationHandle,
        TGetPrimaryKeysResp::new);
  }

  @Override
  public TGetCrossReferenceResp GetCrossReference(TGetCrossReferenceReq request) {
    return startOperation(
        request.getSessionHandle(),
        engine ->
            engine
                .engine()
                .client()
                .GetCrossReference(request.deepCopy().setSessionHandle(engine.handle())),
        TGetCrossReferenceResp::getOperationHandle,
        TGetCrossReferenceResp::setOperationHandle,
        TGetCrossReferenceResp::new);
  }

  @Override
  public TGetOperationStatusResp GetOperationStatus(TGetOperationStatusReq request) {
    if (services.governanceStatements().owns(request.getOperationHandle())) {
      return respond(
          () ->
              services
                  .governanceStatements()
                  .status(request.getOperationHandle(), context.principal()),
          TGetOperationStatusResp::new);
    }
    return onOperation(
        request.getOperationHandle(),
        operation -> {
          if (!operation.isBound()) {
            return QueuedStatus.of(operation);
          }
          try {
            TGetOperationStatusResp response =
                operation
                    .engineSession()
                    .engine()
                    .client()
                    .GetOperationStatus(
                        request.deepCopy().setOperationHandle(operation.engineHandle()));
            if (response.getOperationState() == TOperationState.INITIALIZED_STATE) {
              response.setOperationState(TOperationState.PENDING_STATE);
            }
            if (QueuedStatus.isFinal(response.getOperationState())) {
              operation.releaseSlot();
            }
            return reported(operation, response);
          } catch (EngineUnavailableException e) {
            operation.releaseSlot();
            String message = "The statement was aborted: " + e.getMessage();
            return reported(
                operation,
                new TGetOperationStatusResp(Statuses.success())
                    .setOperationState(TOperationState.ERROR_STATE)
                    .setErrorMessage(message)
                    .setDisplayMessage(message)
                    .setSqlState(Statuses.CONNECTION_FAILURE));
          }
        },
        TGetOperationStatusResp::new);
  }

  private TGetOperationStatusResp reported(
      GatewayOperation operation, TGetOperationStatusResp response) {
    services
        .history()
        .statement(operation.clientHandle())
        .ifPresent(statement -> statement.engineReported(response));
    return response;
  }

  @Override
  public TCancelOperationResp CancelOperation(TCancelOperationReq request) {
    if (services.governanceStatements().owns(request.getOperationHandle())) {
      return respond(
          () ->
              services
                  .governanceStatements()
                  .cancel(request.getOperationHandle(), context.principal()),
          TCancelOperationResp::new);
    }
    return onOperation(
        request.getOperationHandle(),
        operation -> {
          if (operation.cancelUnlessBound()) {
            services
                .history()
                .statement(operation.clientHandle())
                .ifPresent(LiveStatement::canceled);
            return new TCancelOperationResp(Statuses.success());
          }
          TCancelOperationResp response =
              operation
                  .engineSession()
                  .engine()
                  .client()
                  .CancelOperation(new TCancelOperationReq(operation.engineHandle()));
          if (Statuses.isSuccess(response.getStatus())) {
            services
                .history()
                .statement(operation.clientHandle())
                .ifPresent(LiveStatement::canceled);
          }
          operation.releaseSlot();
          return response;
        },
        TCancelOperationResp::new);
  }

  @Override
  public TCloseOperationResp CloseOperation(TCloseOperationReq request) {
    if (services.governanceStatements().owns(request.getOperationHandle())) {
      return respond(
          () ->
              services
                  .governanceStatements()
                  .close(request.getOperationHandle(), context.principal()),
          TCloseOperationResp::new);
    }
    return onOperation(
        request.getOperationHandle(),
        operation -> {
          services.sessions().forget(operation);
          services.history().statement(operation.clientHandle()).ifPresent(LiveStatement::closed);
          // The client is done with it; releasing it on the engine need not delay the reply.
          services.background().execute(() -> closeQuietly(operation));
          return new TCloseOperationResp(Statuses.success());
        },
        TCloseOperationResp::new);
  }

  @Override
  public TGetResultSetMetadataResp GetResultSetMetadata(TGetResultSetMetadataReq request) {
    if (services.governanceStatements().owns(request.getOperationHandle())) {
      return respond(
          () ->
              services
                  .governanceStatements()
                  .metadata(request.getOperationHandle(), context.principal()),
          TGetResultSetMetadataResp::new);
    }
    return onOperation(
        request.getOperationHandle(),
        operation ->
            operation
                .engineSession()
                .engine()
                .client()
                .GetResultSetMetadata(new TGetResultSetMetadataReq(operation.engineHandle())),
        TGetResultSetMetadataResp::new);
  }

  @Override
  public TFetchResultsResp FetchResults(TFetchResultsReq request) {
    if (services.governanceStatements().owns(request.getOperationHandle())) {
      return respond(
          () -> services.governanceStatements().fetch(request, context.principal()),
          TFetchResultsResp::new);
    }
    return onOperation(
        request.getOperationHandle(),
        operation -> {
          long started = services.history().now();
          TFetchResultsResp response =
              operation
                  .engineSession()
                  .engine()
                  .client()
                  .FetchResults(request.deepCopy().setOperationHandle(operation.engineHandle()));
          if (Statuses.isSuccess(response.getStatus())) {
            fetched(operation, request, ResultPageSize.of(response), 0, started);
          }
          return response;
        },
        TFetchResultsResp::new);
  }

  /** Counts a served page of results (not the log pages some clients fetch) in the history. */
  private void fetched(
      GatewayOperation operation,
      TFetchResultsReq request,
      ResultPageSize size,
      long bytes,
      long startedMillis) {
    if (request.isSetFetchType() && request.getFetchType() != 0) {
      return;
    }
    services
        .history()
        .statement(operation.clientHandle())
        .ifPresent(
            statement ->
                statement.fetched(
                    size.rows(),
                    bytes,
                    services.history().now() - startedMillis,
                    !size.hasMoreRows()));
  }

  /**
   * FetchResults relayed as the engine encoded it (a {@code FetchResults_result} struct), or empty
   * when the answer must be built here instead (an unknown handle, a lost engine): then {@link
   * #FetchResults} gives it. Result pages carry no extension fields unless a Databricks client
   * asked for them, so they need no shaping.
   */
  public Optional<byte[]> encodedFetchResults(TFetchResultsReq request) {
    try {
      GatewayOperation operation =
          services.sessions().operation(request.getOperationHandle(), context.principal());
      long started = services.history().now();
      byte[] encoded =
          operation
              .engineSession()
              .engine()
              .fetchResultsEncoded(request.deepCopy().setOperationHandle(operation.engineHandle()));
      fetched(operation, request, ResultPageSize.ofEncoded(encoded), encoded.length, started);
      return Optional.of(encoded);
    } catch (SluiceException | TException e) {
      return Optional.empty();
    }
  }

  @Override
  public TGetDelegationTokenResp GetDelegationToken(TGetDelegationTokenReq request) {
    return new TGetDelegationTokenResp(delegationTokensNotSupported());
  }

  @Override
  public TCancelDelegationTokenResp CancelDelegationToken(TCancelDelegationTokenReq request) {
    return new TCancelDelegationTokenResp(delegationTokensNotSupported());
  }

  @Override
  public TRenewDelegationTokenResp RenewDelegationToken(TRenewDelegationTokenReq request) {
    return new TRenewDelegationTokenResp(delegationTokensNotSupported());
  }

  @Override
  public TGetQueryIdResp GetQueryId(TGetQueryIdReq request) throws TException {
    try {
      GatewayOperation operation =
          services.sessions().operation(request.getOperationHandle(), context.principal());
      // A statement's query id is its id in the query history.
      return new TGetQueryIdResp(
          services
              .history()
              .statement(operation.clientHandle())
              .map(LiveStatement::statementId)
              .orElseGet(
                  () ->
                      HexFormat.of()
                          .formatHex(operation.clientHandle().getOperationId().getGuid())));
    } catch (SluiceException e) {
      // TGetQueryIdResp has no status field: Hive's own server also answers with an exception.
      throw new TException(e.getMessage());
    }
  }

  @Override
  public TSetClientInfoResp SetClientInfo(TSetClientInfoReq request) {
    return respond(
        () -> {
          services.sessions().session(request.getSessionHandle(), context.principal());
          return new TSetClientInfoResp(Statuses.success());
        },
        TSetClientInfoResp::new);
  }

  /**
   * A governance statement (GRANT, SHOW GRANTS, ...) answered by the gateway; null when the
   * statement is the engine's.
   */
  /** Records the outcome of a statement the gateway answered itself, such as a GRANT. */
  private static void recordGatewayAnswer(LiveStatement statement, TExecuteStatementResp response) {
    if (response.getStatus().getStatusCode() == TStatusCode.ERROR_STATUS) {
      statement.failed(
          response.getStatus().getErrorMessage(),
          Optional.ofNullable(response.getStatus().getSqlState()));
    } else {
      statement.finished();
      // The gateway has the whole answer: the statement's life is over, as a failed one's is.
      statement.closed();
    }
  }

  private static TStatus delegationTokensNotSupported() {
    return Statuses.error(
        "Delegation tokens are not supported: authenticate with a personal access token",
        Statuses.FEATURE_NOT_SUPPORTED);
  }

  /**
   * Starts an operation on the session's engine session and gives the client a gateway handle for
   * it in place of the engine's.
   */
  private <R extends TBase<?, ?>> R startOperation(
      TSessionHandle handle,
      EngineCall<R> call,
      Function<R, TOperationHandle> engineHandle,
      BiConsumer<R, TOperationHandle> replaceHandle,
      Function<TStatus, R> failure) {
    return onEngine(
        handle,
        (session, engine) -> {
          R response = call.run(engine);
          TOperationHandle started = engineHandle.apply(response);
          if (started != null) {
            replaceHandle.accept(response, clientHandle(session, engine, started));
          }
          return response;
        },
        failure);
  }

  /** One call on an engine session. */
  @FunctionalInterface
  private interface EngineCall<R> {
    R run(EngineSession engine) throws TException;
  }

  private TOperationHandle clientHandle(
      GatewaySession session, EngineSession engine, TOperationHandle engineHandle) {
    return services.sessions().register(session, engine, engineHandle).clientHandle();
  }

  /** Ends an operation: its queue place or slot is given up, its engine operation closed. */
  private static void closeQuietly(GatewayOperation operation) {
    operation.cancelUnlessBound();
    operation.releaseSlot();
    if (!operation.isBound()) {
      return;
    }
    try {
      operation
          .engineSession()
          .engine()
          .client()
          .CloseOperation(new TCloseOperationReq(operation.engineHandle()));
    } catch (SluiceException | TException e) {
      log.debug("Engine operation already gone", e);
    }
  }

  /** Work on the session's engine session. */
  @FunctionalInterface
  private interface EngineWork<R> {
    R run(GatewaySession session, EngineSession engine) throws SluiceException, TException;
  }

  /** Work on one operation. */
  @FunctionalInterface
  private interface OperationWork<R> {
    R run(GatewayOperation operation) throws SluiceException, TException;
  }

  /** Work that produces a response. */
  @FunctionalInterface
  private interface Work<R> {
    R run() throws SluiceException, TException;
  }

  private <R extends TBase<?, ?>> R onEngine(
      TSessionHandle handle, EngineWork<R> work, Function<TStatus, R> failure) {
    return respond(
        () -> {
          GatewaySession session = services.sessions().session(handle, context.principal());
          Engine engine;
          try {
            engine = services.engines(session).acquire(session.principal(), session.pinnedEngine());
          } catch (EngineStartException e) {
            throw StatementAdmission.cannotStart(e);
          }
          return shape(session, work.run(session, session.engineSession(engine)));
        },
        failure);
  }

  private <R extends TBase<?, ?>> R onOperation(
      TOperationHandle handle, OperationWork<R> work, Function<TStatus, R> failure) {
    return respond(
        () -> {
          GatewayOperation operation = services.sessions().operation(handle, context.principal());
          return shape(operation.session(), work.run(operation));
        },
        failure);
  }

  /**
   * A response as the session's client expects it: Hive-family clients get no Databricks extension
   * fields, except an Arrow result's, which only a client that asked for Arrow receives.
   */
  private static <R extends TBase<?, ?>> R shape(GatewaySession session, R response) {
    return session.protocol().isDatabricks() || ExtensionFields.carriesArrowResult(response)
        ? response
        : ExtensionFields.strip(response);
  }

  private static <R> R respond(Work<R> work, Function<TStatus, R> failure) {
    try {
      return work.run();
    } catch (SluiceException e) {
      return failure.apply(Statuses.error(e.getMessage(), e.sqlState()));
    } catch (EngineUnavailableException e) {
      return failure.apply(Statuses.error(e.getMessage(), Statuses.CONNECTION_FAILURE));
    } catch (TException e) {
      log.warn("Engine call failed", e);
      return failure.apply(
          Statuses.error(
              "The engine failed to answer: " + e.getMessage(), Statuses.INTERNAL_ERROR));
    } catch (RuntimeException e) {
      log.error("Internal error", e);
      return failure.apply(
          Statuses.error("Internal error in the gateway: " + e, Statuses.INTERNAL_ERROR));
    }
  }
}
