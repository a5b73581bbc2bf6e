package io.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.protocol.thrift.TExecuteStatementReq;
import io.sluice.protocol.thrift.TExecuteStatementResp;
import io.sluice.protocol.thrift.TFetchOrientation;
import io.sluice.protocol.thrift.TFetchResultsReq;
import io.sluice.protocol.thrift.TFetchResultsResp;
import io.sluice.protocol.thrift.TGetDelegationTokenReq;
import io.sluice.protocol.thrift.TGetDelegationTokenResp;
import io.sluice.protocol.thrift.TGetOperationStatusReq;
import io.sluice.protocol.thrift.TGetOperationStatusResp;
import io.sluice.protocol.thrift.TGetQueryIdReq;
import io.sluice.protocol.thrift.TGetResultSetMetadataReq;
import io.sluice.protocol.thrift.TOperationHandle;
import io.sluice.protocol.thrift.TOperationState;
import io.sluice.protocol.thrift.TSessionHandle;
import io.sluice.protocol.thrift.TSetClientInfoReq;
import io.sluice.protocol.thrift.TStatusCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TestErrors {
  private static TestingEngineClient client;
  private static TSessionHandle session;

  @BeforeAll
  static void connect() throws Exception {
    client = TestingEngineProcess.shared().connect();
    session = client.openHiveSession();
  }

  @AfterAll
  static void disconnect() throws Exception {
    client.closeSession(session);
    client.close();
  }

  @Test
  void anUnknownTableFailsWithSparksSqlState() throws Exception {
    TOperationHandle operation = client.start(session, "SELECT * FROM no_such_table");

    TGetOperationStatusResp status =
        client.awaitTerminal(operation, TestingEngineClient.seconds(60));
    TFetchResultsResp fetch =
        client
            .raw()
            .FetchResults(new TFetchResultsReq(operation, TFetchOrientation.FETCH_NEXT, 10));

    assertThat(status.getOperationState()).isEqualTo(TOperationState.ERROR_STATE);
    assertThat(status.getSqlState()).isEqualTo("42P01");
    assertThat(status.getErrorMessage()).contains("TABLE_OR_VIEW_NOT_FOUND", "no_such_table");
    assertThat(status.getErrorMessage()).doesNotContain("'Project");
    assertThat(status.getOperationStarted()).isPositive();
    assertThat(status.getOperationCompleted()).isGreaterThanOrEqualTo(status.getOperationStarted());
    assertThat(fetch.getStatus().getStatusCode()).isEqualTo(TStatusCode.ERROR_STATUS);
    assertThat(fetch.getStatus().getSqlState()).isEqualTo("42P01");
  }

  @Test
  void filesAreNotTablesEvenStraightOnTheEngine() throws Exception {
    TOperationHandle operation =
        client.start(session, "SELECT * FROM parquet.`/etc` UNION ALL SELECT '${env:HOME}'");

    TGetOperationStatusResp status =
        client.awaitTerminal(operation, TestingEngineClient.seconds(60));

    assertThat(status.getOperationState()).isEqualTo(TOperationState.ERROR_STATE);
    assertThat(status.getErrorMessage()).contains("TABLE_OR_VIEW_NOT_FOUND", "`parquet`.`/etc`");
  }

  @Test
  void variablesAreNotSubstituted() throws Exception {
    assertThat(client.query(session, "SELECT '${env:HOME}'"))
        .containsExactly(List.of("${env:HOME}"));
  }

  @Test
  void aParseErrorKeepsSparksMessageAndSyntaxErrorState() throws Exception {
    TExecuteStatementResp response =
        client.raw().ExecuteStatement(new TExecuteStatementReq(session, "SELEC 1 FROM"));
    TGetOperationStatusResp status =
        client.raw().GetOperationStatus(new TGetOperationStatusReq(response.getOperationHandle()));

    assertThat(status.getOperationState()).isEqualTo(TOperationState.ERROR_STATE);
    assertThat(status.getSqlState()).isEqualTo("42601");
    assertThat(status.getErrorMessage()).contains("PARSE_SYNTAX_ERROR");
  }

  @Test
  void aRuntimeFailureReportsItsState() throws Exception {
    TOperationHandle operation =
        client.start(session, "SELECT assert_true(id < 0) FROM range(0, 3)");

    TGetOperationStatusResp status =
        client.awaitTerminal(operation, TestingEngineClient.seconds(60));

    assertThat(status.getOperationState()).isEqualTo(TOperationState.ERROR_STATE);
    assertThat(status.getSqlState()).isNotBlank();
    assertThat(status.getErrorMessage()).isNotBlank();
  }

  @Test
  void theEngineKeepsServingAfterErrors() throws Exception {
    client.start(session, "DROP TABLE definitely_missing_table");
    client.start(session, "");

    assertThat(client.query(session, "SELECT 40 + 2")).containsExactly(List.of(42));
  }

  @Test
  void unknownHandlesAndUnsupportedCallsFailCleanly() throws Exception {
    TOperationHandle finished = client.run(session, "SELECT 1");
    client.raw().CloseOperation(new io.sluice.protocol.thrift.TCloseOperationReq(finished));

    TGetOperationStatusResp closed =
        client.raw().GetOperationStatus(new TGetOperationStatusReq(finished));
    TGetDelegationTokenResp token =
        client.raw().GetDelegationToken(new TGetDelegationTokenReq(session, "owner", "renewer"));

    assertThat(closed.getStatus().getStatusCode()).isEqualTo(TStatusCode.ERROR_STATUS);
    assertThat(closed.getStatus().getErrorMessage()).contains("Invalid OperationHandle");
    assertThat(
            client
                .raw()
                .GetResultSetMetadata(new TGetResultSetMetadataReq(finished))
                .getStatus()
                .getStatusCode())
        .isEqualTo(TStatusCode.ERROR_STATUS);
    assertThat(token.getStatus().getStatusCode()).isEqualTo(TStatusCode.ERROR_STATUS);
    assertThat(token.getStatus().getErrorMessage())
        .isEqualTo("Delegation tokens are not supported");
    assertThat(token.getStatus().getSqlState()).isEqualTo("0A000");
  }

  @Test
  void queryIdAndClientInfoAreAnswered() throws Exception {
    TOperationHandle operation = client.run(session, "SELECT 1");

    String queryId = client.raw().GetQueryId(new TGetQueryIdReq(operation)).getQueryId();

    assertThat(queryId).hasSize(36);
    assertThat(
            client
                .raw()
                .SetClientInfo(
                    new TSetClientInfoReq(session).setConfiguration(Map.of("ApplicationName", "t")))
                .getStatus()
                .getStatusCode())
        .isEqualTo(TStatusCode.SUCCESS_STATUS);
  }
}
