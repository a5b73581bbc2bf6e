package io.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.protocol.thrift.TCLIService;
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
import io.sluice.protocol.thrift.TOpenSessionReq;
import io.sluice.protocol.thrift.TOpenSessionResp;
import io.sluice.protocol.thrift.TOperationHandle;
import io.sluice.protocol.thrift.TOperationState;
import io.sluice.protocol.thrift.TProtocolVersion;
import io.sluice.protocol.thrift.TSessionHandle;
import io.sluice.protocol.thrift.TStatusCode;
import io.sluice.protocol.thrift.TTableSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.transport.TSocket;

/**
 * A plain TCLIService client over unframed binary Thrift (Hive JDBC's {@code auth=noSasl}), with
 * helpers that run statements and read whole results.
 */
public final class TestingEngineClient implements AutoCloseable {
  private static final Set<TOperationState> TERMINAL =
      EnumSet.of(
          TOperationState.FINISHED_STATE,
          TOperationState.ERROR_STATE,
          TOperationState.CANCELED_STATE,
          TOperationState.CLOSED_STATE,
          TOperationState.TIMEDOUT_STATE);

  private final TSocket socket;
  private final TCLIService.Client client;

  public TestingEngineClient(int port) throws TException {
    socket = new TSocket("127.0.0.1", port);
    socket.setTimeout(120_000);
    socket.open();
    client = new TCLIService.Client(new TBinaryProtocol(socket));
  }

  public TCLIService.Client raw() {
    return client;
  }

  /** A Hive JDBC style session: protocol V10 and {@code use:database=default}. */
  public TSessionHandle openHiveSession() throws TException {
    TOpenSessionResp response =
        client.OpenSession(
            new TOpenSessionReq()
                .setClient_protocol(TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10)
                .setUsername("tester")
                .setPassword(TestingEngineProcess.SECRET)
                .setConfiguration(Map.of("use:database", "default")));
    assertThat(response.getStatus().getStatusCode()).isEqualTo(TStatusCode.SUCCESS_STATUS);
    return response.getSessionHandle();
  }

  /** A Databricks driver style session: {@code client_protocol_i64} SPARK V10. */
  public TSessionHandle openDatabricksSession() throws TException {
    TOpenSessionResp response =
        client.OpenSession(
            new TOpenSessionReq()
                .setClient_protocol(TProtocolVersion.__HIVE_JDBC_WORKAROUND)
                .setClient_protocol_i64(TProtocolVersion.SPARK_CLI_SERVICE_PROTOCOL_V10.getValue())
                .setUsername("token")
                .setPassword(TestingEngineProcess.SECRET)
                .setConfiguration(Map.of()));
    assertThat(response.getStatus().getStatusCode()).isEqualTo(TStatusCode.SUCCESS_STATUS);
    return response.getSessionHandle();
  }

  public void closeSession(TSessionHandle session) throws TException {
    client.CloseSession(new TCloseSessionReq(session));
  }

  /** Starts {@code sql} asynchronously and returns its handle. */
  public TOperationHandle start(TSessionHandle session, String sql) throws TException {
    TExecuteStatementResp response =
        client.ExecuteStatement(new TExecuteStatementReq(session, sql).setRunAsync(true));
    assertThat(response.getStatus().getStatusCode())
        .as("ExecuteStatement of %s: %s", sql, response.getStatus())
        .isEqualTo(TStatusCode.SUCCESS_STATUS);
    return response.getOperationHandle();
  }

  /** Polls until the operation reaches a terminal state. */
  public TGetOperationStatusResp awaitTerminal(TOperationHandle operation, Duration timeout)
      throws TException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      TGetOperationStatusResp status =
          client.GetOperationStatus(new TGetOperationStatusReq(operation));
      assertThat(status.getOperationState()).isNotEqualTo(TOperationState.INITIALIZED_STATE);
      if (TERMINAL.contains(status.getOperationState()) || System.nanoTime() > deadline) {
        return status;
      }
      Thread.sleep(20);
    }
  }

  /** Runs {@code sql} to completion and asserts it finished. */
  public TOperationHandle run(TSessionHandle session, String sql) throws Exception {
    TOperationHandle operation = start(session, sql);
    TGetOperationStatusResp status = awaitTerminal(operation, Duration.ofMinutes(3));
    assertThat(status.getOperationState())
        .as("%s ended with %s", sql, status.getErrorMessage())
        .isEqualTo(TOperationState.FINISHED_STATE);
    return operation;
  }

  public TTableSchema schema(TOperationHandle operation) throws TException {
    TGetResultSetMetadataResp response =
        client.GetResultSetMetadata(new TGetResultSetMetadataReq(operation));
    assertThat(response.getStatus().getStatusCode()).isEqualTo(TStatusCode.SUCCESS_STATUS);
    return response.getSchema();
  }

  public TFetchResultsResp fetch(
      TOperationHandle operation, TFetchOrientation orientation, long maxRows) throws TException {
    TFetchResultsResp response =
        client.FetchResults(new TFetchResultsReq(operation, orientation, maxRows));
    assertThat(response.getStatus().getStatusCode())
        .as("FetchResults: %s", response.getStatus())
        .isEqualTo(TStatusCode.SUCCESS_STATUS);
    return response;
  }

  /** Every row of a finished operation, fetched FETCH_NEXT until hasMoreRows is false. */
  public List<List<Object>> fetchAll(TOperationHandle operation) throws TException {
    List<List<Object>> rows = new ArrayList<>();
    while (true) {
      TFetchResultsResp page = fetch(operation, TFetchOrientation.FETCH_NEXT, 10_000);
      rows.addAll(RowSetReader.rows(page.getResults()));
      if (!page.isHasMoreRows()) {
        return rows;
      }
    }
  }

  /** Runs a query and returns all of its rows. */
  public List<List<Object>> query(TSessionHandle session, String sql) throws Exception {
    return fetchAll(run(session, sql));
  }

  public static Duration seconds(long seconds) {
    return Duration.ofSeconds(seconds);
  }

  @Override
  public void close() {
    socket.close();
  }
}
