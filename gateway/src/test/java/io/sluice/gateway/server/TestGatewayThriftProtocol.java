package io.sluice.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.session.Handles;
import io.sluice.gateway.testing.TestingSluice;
import io.sluice.gateway.testing.TestingThriftHttpTransport;
import io.sluice.protocol.thrift.TCLIService;
import io.sluice.protocol.thrift.TExecuteStatementReq;
import io.sluice.protocol.thrift.TExecuteStatementResp;
import io.sluice.protocol.thrift.TFetchOrientation;
import io.sluice.protocol.thrift.TFetchResultsReq;
import io.sluice.protocol.thrift.TFetchResultsResp;
import io.sluice.protocol.thrift.TGetDelegationTokenReq;
import io.sluice.protocol.thrift.TGetInfoReq;
import io.sluice.protocol.thrift.TGetInfoType;
import io.sluice.protocol.thrift.TGetOperationStatusReq;
import io.sluice.protocol.thrift.TGetOperationStatusResp;
import io.sluice.protocol.thrift.TGetResultSetMetadataReq;
import io.sluice.protocol.thrift.TGetResultSetMetadataResp;
import io.sluice.protocol.thrift.TNamespace;
import io.sluice.protocol.thrift.TOpenSessionReq;
import io.sluice.protocol.thrift.TOpenSessionResp;
import io.sluice.protocol.thrift.TOperationHandle;
import io.sluice.protocol.thrift.TOperationState;
import io.sluice.protocol.thrift.TProtocolVersion;
import io.sluice.protocol.thrift.TSessionHandle;
import io.sluice.protocol.thrift.TSparkRowSetType;
import io.sluice.protocol.thrift.TStatusCode;
import java.net.URI;
import java.util.Map;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The gateway's answers field by field, as the Databricks and Hive drivers need them
 * (clients-protocol reference, section 0), over Thrift-over-HTTP with a generated client.
 */
@Timeout(180)
class TestGatewayThriftProtocol {
  private final TestingSluice sluice = TestingSluice.shared();

  private TCLIService.Client client() {
    URI uri = URI.create("http://127.0.0.1:" + sluice.httpPort() + "/sql/1.0/warehouses/default");
    return new TCLIService.Client(
        new TBinaryProtocol(new TestingThriftHttpTransport(uri, "Bearer " + sluice.token())));
  }

  private static TOpenSessionReq databricksOpenSession() {
    return new TOpenSessionReq()
        .setClient_protocol(TProtocolVersion.__HIVE_JDBC_WORKAROUND)
        .setClient_protocol_i64(TProtocolVersion.SPARK_CLI_SERVICE_PROTOCOL_V10.getValue())
        .setConfiguration(Map.of("timezone", "UTC"))
        .setInitialNamespace(new TNamespace().setSchemaName("default"))
        .setCanUseMultipleCatalogs(true);
  }

  @Test
  void databricksClientsGetASparkVersionAndTheExtensionFields() throws Exception {
    TCLIService.Client client = client();
    TOpenSessionResp session = client.OpenSession(databricksOpenSession());

    assertThat(session.getStatus().getStatusCode()).isEqualTo(TStatusCode.SUCCESS_STATUS);
    assertThat(session.getServerProtocolVersion())
        .isEqualTo(TProtocolVersion.SPARK_CLI_SERVICE_PROTOCOL_V7);
    assertThat(session.isSetConfiguration()).isTrue();
    assertThat(session.isCanUseMultipleCatalogs()).isTrue();
    assertThat(session.getInitialNamespace().getSchemaName()).isEqualTo("default");
    // The Databricks drivers parse handle guids and secrets as UUIDs.
    assertThat(uuid(session.getSessionHandle().getSessionId().getGuid()).version()).isEqualTo(4);
    assertThat(uuid(session.getSessionHandle().getSessionId().getSecret()).version()).isEqualTo(4);

    TOperationHandle operation =
        executeAndWait(client, session.getSessionHandle(), "SELECT 1 AS x");
    TGetResultSetMetadataResp metadata =
        client.GetResultSetMetadata(new TGetResultSetMetadataReq(operation));
    assertThat(metadata.getResultFormat()).isEqualTo(TSparkRowSetType.COLUMN_BASED_SET);
    assertThat(metadata.getSchema().getColumns())
        .extracting(column -> column.getColumnName())
        .containsExactly("x");

    TFetchResultsResp first =
        client.FetchResults(new TFetchResultsReq(operation, TFetchOrientation.FETCH_NEXT, 1000));
    assertThat(first.getResults().getColumns().get(0).getI32Val().getValues()).containsExactly(1);
    assertThat(first.isHasMoreRows()).isFalse();
    TFetchResultsResp extra =
        client.FetchResults(new TFetchResultsReq(operation, TFetchOrientation.FETCH_NEXT, 1000));
    assertThat(extra.getStatus().getStatusCode()).isEqualTo(TStatusCode.SUCCESS_STATUS);
    assertThat(extra.getResults().getColumns().get(0).getI32Val().getValues()).isEmpty();
    TFetchResultsResp again =
        client.FetchResults(new TFetchResultsReq(operation, TFetchOrientation.FETCH_FIRST, 1000));
    assertThat(again.getResults().getColumns().get(0).getI32Val().getValues()).containsExactly(1);
  }

  @Test
  void hiveClientsGetAHiveVersionAndNoExtensionFields() throws Exception {
    TCLIService.Client client = client();
    TOpenSessionResp session =
        client.OpenSession(
            new TOpenSessionReq()
                .setClient_protocol(TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10)
                .setConfiguration(Map.of("use:database", "default")));

    assertThat(session.getServerProtocolVersion())
        .isEqualTo(TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10);
    assertThat(session.isSetConfiguration()).isTrue();
    assertThat(session.isSetCanUseMultipleCatalogs()).isFalse();

    TOperationHandle operation =
        executeAndWait(client, session.getSessionHandle(), "SELECT 'a' AS s");
    TGetResultSetMetadataResp metadata =
        client.GetResultSetMetadata(new TGetResultSetMetadataReq(operation));
    assertThat(metadata.isSetSchema()).isTrue();
    assertThat(metadata.isSetResultFormat()).isFalse();
  }

  @Test
  void answersGetInfoAndRefusesDelegationTokensClearly() throws Exception {
    TCLIService.Client client = client();
    TSessionHandle session = client.OpenSession(databricksOpenSession()).getSessionHandle();

    assertThat(
            client.GetInfo(new TGetInfoReq(session, TGetInfoType.CLI_DBMS_NAME))
                .getInfoValue()
                .getStringValue())
        .isEqualTo("Spark SQL");
    var delegation =
        client.GetDelegationToken(new TGetDelegationTokenReq(session, "alice", "bob")).getStatus();
    assertThat(delegation.getStatusCode()).isEqualTo(TStatusCode.ERROR_STATUS);
    assertThat(delegation.getSqlState()).isEqualTo("0A000");
    assertThat(delegation.getErrorMessage()).contains("not supported");
  }

  @Test
  void cancelReachesTheEngineAndTheOperationEndsCanceled() throws Exception {
    TCLIService.Client client = client();
    TSessionHandle session = client.OpenSession(databricksOpenSession()).getSessionHandle();
    TExecuteStatementResp executed =
        client.ExecuteStatement(
            new TExecuteStatementReq(
                    session,
                    "SELECT max(sha2(CAST(id AS STRING), 512)) FROM range(0, 200000000, 1, 100000)")
                .setRunAsync(true));
    TOperationHandle operation = executed.getOperationHandle();

    var canceled =
        client.CancelOperation(new io.sluice.protocol.thrift.TCancelOperationReq(operation));
    assertThat(canceled.getStatus().getStatusCode()).isEqualTo(TStatusCode.SUCCESS_STATUS);
    assertThat(client.GetOperationStatus(new TGetOperationStatusReq(operation)).getOperationState())
        .isEqualTo(TOperationState.CANCELED_STATE);
    // The session still works after the cancel.
    TOperationHandle followUp = executeAndWait(client, session, "SELECT 2 AS y");
    TFetchResultsResp rows =
        client.FetchResults(new TFetchResultsReq(followUp, TFetchOrientation.FETCH_NEXT, 10));
    assertThat(rows.getResults().getColumns().get(0).getI32Val().getValues()).containsExactly(2);
  }

  @Test
  void anUnknownSessionHandleIsAnErrorStatusNotAFailure() throws Exception {
    TCLIService.Client client = client();
    TSessionHandle forged = new TSessionHandle(Handles.newIdentifier());
    TExecuteStatementResp response =
        client.ExecuteStatement(new TExecuteStatementReq(forged, "SELECT 1"));
    assertThat(response.getStatus().getStatusCode()).isEqualTo(TStatusCode.ERROR_STATUS);
    assertThat(response.getStatus().getErrorMessage()).contains("Invalid SessionHandle");
  }

  private static java.util.UUID uuid(byte[] bytes) {
    java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
    assertThat(bytes).hasSize(16);
    return new java.util.UUID(buffer.getLong(), buffer.getLong());
  }

  private static TOperationHandle executeAndWait(
      TCLIService.Client client, TSessionHandle session, String sql) throws Exception {
    TExecuteStatementResp executed =
        client.ExecuteStatement(new TExecuteStatementReq(session, sql).setRunAsync(true));
    assertThat(executed.getStatus().getStatusCode()).isEqualTo(TStatusCode.SUCCESS_STATUS);
    TOperationHandle operation = executed.getOperationHandle();
    while (true) {
      TGetOperationStatusResp status =
          client.GetOperationStatus(new TGetOperationStatusReq(operation));
      assertThat(status.getOperationState()).isNotEqualTo(TOperationState.INITIALIZED_STATE);
      if (status.getOperationState() == TOperationState.FINISHED_STATE) {
        return operation;
      }
      assertThat(status.getOperationState())
          .isIn(TOperationState.PENDING_STATE, TOperationState.RUNNING_STATE);
      Thread.sleep(20);
    }
  }
}
