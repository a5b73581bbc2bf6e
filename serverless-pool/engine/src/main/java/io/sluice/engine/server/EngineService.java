package io.sluice.engine.server;

import io.sluice.engine.error.EngineFailure;
import io.sluice.engine.error.FailureTranslator;
import io.sluice.engine.error.SqlStates;
import io.sluice.engine.error.Statuses;
import io.sluice.engine.operation.ExecuteStatement;
import io.sluice.engine.operation.FetchedPage;
import io.sluice.engine.operation.GetCatalogs;
import io.sluice.engine.operation.GetColumns;
import io.sluice.engine.operation.GetCrossReference;
import io.sluice.engine.operation.GetFunctions;
import io.sluice.engine.operation.GetPrimaryKeys;
import io.sluice.engine.operation.GetSchemas;
import io.sluice.engine.operation.GetTableTypes;
import io.sluice.engine.operation.GetTables;
import io.sluice.engine.operation.GetTypeInfo;
import io.sluice.engine.operation.JobGroupCanceller;
import io.sluice.engine.operation.Operation;
import io.sluice.engine.operation.OperationManager;
import io.sluice.engine.operation.OperationStateException;
import io.sluice.engine.result.ArrowResultRequest;
import io.sluice.engine.session.EngineSession;
import io.sluice.engine.session.InvalidHandleException;
import io.sluice.engine.session.SessionManager;
import io.sluice.protocol.rowset.ColumnDescriptor;
import io.sluice.protocol.rowset.ResultSchema;
import io.sluice.protocol.rowset.RowSetBuilder;
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
import io.sluice.protocol.thrift.TProtocolVersion;
import io.sluice.protocol.thrift.TRenewDelegationTokenReq;
import io.sluice.protocol.thrift.TRenewDelegationTokenResp;
import io.sluice.protocol.thrift.TSetClientInfoReq;
import io.sluice.protocol.thrift.TSetClientInfoResp;
import io.sluice.protocol.thrift.TStatus;
import io.sluice.protocol.thrift.TTypeId;
import java.util.HashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's TCLIService: every call answers with a status and never throws, so a bad request
 * fails only itself, never the connection or the server.
 */
public final class EngineService implements TCLIService.Iface {
  /** The schema of an operation-log fetch (fetchType 1): one string column, always empty. */
  private static final ResultSchema LOG_SCHEMA =
      ResultSchema.of(ColumnDescriptor.of("operation_log", TTypeId.STRING_TYPE));

  private static final short LOG_FETCH_TYPE = 1;
  private static final Logger LOG = LoggerFactory.getLogger(EngineService.class);

  private final SessionManager sessions;
  private final OperationManager operations;
  private final JobGroupCanceller canceller;
  private final ServerInfo serverInfo;

  public EngineService(
      SessionManager sessions,
      OperationManager operations,
      JobGroupCanceller canceller,
      String sparkVersion) {
    this.sessions = sessions;
    this.operations = operations;
    this.canceller = canceller;
    this.serverInfo = new ServerInfo(sparkVersion);
  }

  @Override
  public TOpenSessionResp OpenSession(TOpenSessionReq request) {
    try {
      TOpenSessionResp response = sessions.open(request);
      if (response.getSessionHandle() != null && request.isSetGetInfos()) {
        EngineSession session = sessions.find(response.getSessionHandle());
        response.setGetInfos(serverInfo.values(request.getGetInfos(), session));
      }
      return response;
    } catch (Exception failure) {
      return new TOpenSessionResp(failed(failure), TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10)
          .setConfiguration(new HashMap<>());
    }
  }

  @Override
  public TCloseSessionResp CloseSession(TCloseSessionReq request) {
    try {
      sessions.close(request.getSessionHandle());
      return new TCloseSessionResp(Statuses.success());
    } catch (Exception failure) {
      return new TCloseSessionResp(failed(failure));
    }
  }

  @Override
  public TGetInfoResp GetInfo(TGetInfoReq request) {
    try {
      EngineSession session = sessions.find(request.getSessionHandle());
      return serverInfo
          .value(request.getInfoType(), session)
          .map(value -> new TGetInfoResp(Statuses.success(), value))
          .orElseGet(
              () ->
                  new TGetInfoResp(
                      Statuses.error(
                          "Unrecognized GetInfoType value: " + request.getInfoType(),
                          SqlStates.INVALID_INFORMATION_TYPE),
                      TGetInfoValue.stringValue("")));
    } catch (Exception failure) {
      return new TGetInfoResp(failed(failure), TGetInfoValue.stringValue(""));
    }
  }

  @Override
  public TExecuteStatementResp ExecuteStatement(TExecuteStatementReq request) {
    try {
      EngineSession session = sessions.find(request.getSessionHandle());
      if (request.getStatement() == null) {
        return new TExecuteStatementResp(
            Statuses.error("The statement is missing", SqlStates.SYNTAX_ERROR));
      }
      long rowLimit = request.isSetResultRowLimit() ? request.getResultRowLimit() : 0;
      ExecuteStatement operation =
          operations.start(
              new ExecuteStatement(
                  session,
                  request.getStatement(),
                  rowLimit,
                  ArrowResultRequest.of(request),
                  canceller),
              request.isRunAsync(),
              request.getQueryTimeout());
      return new TExecuteStatementResp(Statuses.success()).setOperationHandle(operation.toThrift());
    } catch (Exception failure) {
      return new TExecuteStatementResp(failed(failure));
    }
  }

  @Override
  public TGetTypeInfoResp GetTypeInfo(TGetTypeInfoReq request) {
    return startMetadata(
        () -> sessions.find(request.getSessionHandle()),
        GetTypeInfo::new,
        request.isRunAsync(),
        status -> new TGetTypeInfoResp(status),
        (response, handle) -> response.setOperationHandle(handle));
  }

  @Override
  public TGetCatalogsResp GetCatalogs(TGetCatalogsReq request) {
    return startMetadata(
        () -> sessions.find(request.getSessionHandle()),
        GetCatalogs::new,
        request.isRunAsync(),
        status -> new TGetCatalogsResp(status),
        (response, handle) -> response.setOperationHandle(handle));
  }

  @Override
  public TGetSchemasResp GetSchemas(TGetSchemasReq request) {
    return startMetadata(
        () -> sessions.find(request.getSessionHandle()),
        session -> new GetSchemas(session, request.getCatalogName(), request.getSchemaName()),
        request.isRunAsync(),
        status -> new TGetSchemasResp(status),
        (response, handle) -> response.setOperationHandle(handle));
  }

  @Override
  public TGetTablesResp GetTables(TGetTablesReq request) {
    return startMetadata(
        () -> sessions.find(request.getSessionHandle()),
        session ->
            new GetTables(
                session,
                request.getCatalogName(),
                request.getSchemaName(),
                request.getTableName(),
                request.getTableTypes()),
        request.isRunAsync(),
        status -> new TGetTablesResp(status),
        (response, handle) -> response.setOperationHandle(handle));
  }

  @Override
  public TGetTableTypesResp GetTableTypes(TGetTableTypesReq request) {
    return startMetadata(
        () -> sessions.find(request.getSessionHandle()),
        GetTableTypes::new,
        request.isRunAsync(),
        status -> new TGetTableTypesResp(status),
        (response, handle) -> response.setOperationHandle(handle));
  }

  @Override
  public TGetColumnsResp GetColumns(TGetColumnsReq request) {
    return startMetadata(
        () -> sessions.find(request.getSessionHandle()),
        session ->
            new GetColumns(
                session,
                request.getCatalogName(),
                request.getSchemaName(),
                request.getTableName(),
                request.getColumnName()),
        request.isRunAsync(),
        status -> new TGetColumnsResp(status),
        (response, handle) -> response.setOperationHandle(handle));
  }

  @Override
  public TGetFunctionsResp GetFunctions(TGetFunctionsReq request) {
    return startMetadata(
        () -> sessions.find(request.getSessionHandle()),
        session ->
            new GetFunctions(
                session,
                request.getCatalogName(),
                request.getSchemaName(),
                request.getFunctionName()),
        request.isRunAsync(),
        status -> new TGetFunctionsResp(status),
        (response, handle) -> response.setOperationHandle(handle));
  }

  @Override
  public TGetPrimaryKeysResp GetPrimaryKeys(TGetPrimaryKeysReq request) {
    return startMetadata(
        () -> sessions.find(request.getSessionHandle()),
        GetPrimaryKeys::new,
        request.isRunAsync(),
        status -> new TGetPrimaryKeysResp(status),
        (response, handle) -> response.setOperationHandle(handle));
  }

  @Override
  public TGetCrossReferenceResp GetCrossReference(TGetCrossReferenceReq request) {
    return startMetadata(
        () -> sessions.find(request.getSessionHandle()),
        GetCrossReference::new,
        request.isRunAsync(),
        status -> new TGetCrossReferenceResp(status),
        (response, handle) -> response.setOperationHandle(handle));
  }

  @Override
  public TGetOperationStatusResp GetOperationStatus(TGetOperationStatusReq request) {
    try {
      return operations.find(request.getOperationHandle()).status();
    } catch (Exception failure) {
      return new TGetOperationStatusResp(failed(failure));
    }
  }

  @Override
  public TCancelOperationResp CancelOperation(TCancelOperationReq request) {
    try {
      operations.find(request.getOperationHandle()).cancel();
      return new TCancelOperationResp(Statuses.success());
    } catch (Exception failure) {
      return new TCancelOperationResp(failed(failure));
    }
  }

  @Override
  public TCloseOperationResp CloseOperation(TCloseOperationReq request) {
    try {
      operations.close(request.getOperationHandle());
      return new TCloseOperationResp(Statuses.success());
    } catch (Exception failure) {
      return new TCloseOperationResp(failed(failure));
    }
  }

  @Override
  public TGetResultSetMetadataResp GetResultSetMetadata(TGetResultSetMetadataReq request) {
    try {
      return resultSetMetadata(operations.find(request.getOperationHandle()));
    } catch (Exception failure) {
      return new TGetResultSetMetadataResp(failed(failure));
    }
  }

  private static TGetResultSetMetadataResp resultSetMetadata(Operation operation) {
    try {
      return operation.metadata(operation.session().protocol().sparkRange());
    } catch (OperationStateException notReady) {
      return new TGetResultSetMetadataResp(Statuses.error(notReady.failure()));
    }
  }

  @Override
  public TFetchResultsResp FetchResults(TFetchResultsReq request) {
    try {
      Operation operation = operations.find(request.getOperationHandle());
      if (request.getFetchType() == LOG_FETCH_TYPE) {
        return new TFetchResultsResp(Statuses.success())
            .setHasMoreRows(false)
            .setResults(RowSetBuilder.empty(LOG_SCHEMA, 0));
      }
      FetchedPage page = operation.fetch(request.getOrientation(), request.getMaxRows());
      TFetchResultsResp response =
          new TFetchResultsResp(Statuses.success())
              .setHasMoreRows(page.hasMoreRows())
              .setResults(page.rowSet());
      if (request.isIncludeResultSetMetadata()) {
        response.setResultSetMetadata(resultSetMetadata(operation));
      }
      return response;
    } catch (OperationStateException notReady) {
      return new TFetchResultsResp(Statuses.error(notReady.failure()));
    } catch (Exception failure) {
      return new TFetchResultsResp(failed(failure));
    }
  }

  @Override
  public TGetDelegationTokenResp GetDelegationToken(TGetDelegationTokenReq request) {
    return new TGetDelegationTokenResp(delegationTokensUnsupported());
  }

  @Override
  public TCancelDelegationTokenResp CancelDelegationToken(TCancelDelegationTokenReq request) {
    return new TCancelDelegationTokenResp(delegationTokensUnsupported());
  }

  @Override
  public TRenewDelegationTokenResp RenewDelegationToken(TRenewDelegationTokenReq request) {
    return new TRenewDelegationTokenResp(delegationTokensUnsupported());
  }

  @Override
  public TGetQueryIdResp GetQueryId(TGetQueryIdReq request) {
    try {
      return new TGetQueryIdResp(
          operations.find(request.getOperationHandle()).handle().id().toString());
    } catch (Exception failure) {
      return new TGetQueryIdResp("");
    }
  }

  @Override
  public TSetClientInfoResp SetClientInfo(TSetClientInfoReq request) {
    try {
      sessions.find(request.getSessionHandle());
      return new TSetClientInfoResp(Statuses.success());
    } catch (Exception failure) {
      return new TSetClientInfoResp(failed(failure));
    }
  }

  private static TStatus delegationTokensUnsupported() {
    return Statuses.error("Delegation tokens are not supported", SqlStates.FEATURE_NOT_SUPPORTED);
  }

  private static TStatus failed(Exception failure) {
    if (failure instanceof InvalidHandleException invalid) {
      return Statuses.error(invalid.getMessage(), SqlStates.FUNCTION_SEQUENCE_ERROR);
    }
    LOG.warn("Request failed", failure);
    EngineFailure translated = FailureTranslator.translate(failure);
    return Statuses.error(translated);
  }

  /** Finds the session of a metadata request. */
  @FunctionalInterface
  private interface SessionLookup {
    EngineSession find() throws InvalidHandleException;
  }

  /** Sets the operation handle on a metadata response. */
  @FunctionalInterface
  private interface HandleSetter<R> {
    void set(R response, TOperationHandle handle);
  }

  private <R> R startMetadata(
      SessionLookup lookup,
      Function<EngineSession, Operation> factory,
      boolean runAsync,
      Function<TStatus, R> responseFactory,
      HandleSetter<R> handleSetter) {
    try {
      EngineSession session = lookup.find();
      Operation operation = operations.start(factory.apply(session), runAsync, 0);
      R response = responseFactory.apply(Statuses.success());
      handleSetter.set(response, operation.toThrift());
      return response;
    } catch (Exception failure) {
      return responseFactory.apply(failed(failure));
    }
  }
}
