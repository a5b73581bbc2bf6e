package io.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.protocol.thrift.TCancelOperationReq;
import io.sluice.protocol.thrift.TCancelOperationResp;
import io.sluice.protocol.thrift.TFetchOrientation;
import io.sluice.protocol.thrift.TFetchResultsReq;
import io.sluice.protocol.thrift.TGetOperationStatusReq;
import io.sluice.protocol.thrift.TGetOperationStatusResp;
import io.sluice.protocol.thrift.TOperationHandle;
import io.sluice.protocol.thrift.TOperationState;
import io.sluice.protocol.thrift.TSessionHandle;
import io.sluice.protocol.thrift.TStatusCode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TestCancel {
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
  void cancelingALongQueryStopsItInCanceledState() throws Exception {
    TOperationHandle operation =
        // Many short tasks: Spark stops scheduling them at once, while a running task only ends
        // at its next interruption check.
        client.start(session, "SELECT count(*) FROM range(0, 100000000000, 1, 100000) a");
    TGetOperationStatusResp running = awaitState(operation, TOperationState.RUNNING_STATE);

    long canceledAt = System.nanoTime();
    TCancelOperationResp cancel = client.raw().CancelOperation(new TCancelOperationReq(operation));
    TGetOperationStatusResp status = client.awaitTerminal(operation, Duration.ofSeconds(30));

    assertThat(running.getOperationState()).isEqualTo(TOperationState.RUNNING_STATE);
    assertThat(cancel.getStatus().getStatusCode()).isEqualTo(TStatusCode.SUCCESS_STATUS);
    assertThat(status.getOperationState()).isEqualTo(TOperationState.CANCELED_STATE);
    assertThat(Duration.ofNanos(System.nanoTime() - canceledAt)).isLessThan(Duration.ofSeconds(10));
    assertThat(
            client
                .raw()
                .FetchResults(new TFetchResultsReq(operation, TFetchOrientation.FETCH_NEXT, 10))
                .getStatus()
                .getStatusCode())
        .isEqualTo(TStatusCode.ERROR_STATUS);
    // The canceled job no longer holds the cores: a new query completes promptly.
    assertThat(client.query(session, "SELECT count(*) FROM range(0, 1000)"))
        .containsExactly(List.of(1000L));
  }

  private static TGetOperationStatusResp awaitState(
      TOperationHandle operation, TOperationState wanted) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      TGetOperationStatusResp status =
          client.raw().GetOperationStatus(new TGetOperationStatusReq(operation));
      if (status.getOperationState() == wanted || System.nanoTime() > deadline) {
        return status;
      }
      Thread.sleep(20);
    }
  }
}
