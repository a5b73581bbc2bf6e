package io.sluice.gateway.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.metrics.GatewayMetrics;
import io.sluice.gateway.session.GatewaySession;
import io.sluice.gateway.session.NegotiatedProtocol;
import io.sluice.gateway.session.SessionManager;
import io.sluice.gateway.testing.TestingClock;
import io.sluice.gateway.thrift.CallContext;
import io.sluice.governance.store.GovernanceStore;
import io.sluice.protocol.thrift.TOpenSessionReq;
import io.sluice.protocol.thrift.TProtocolVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the recorder writes as a statement moves, with time from a clock the test advances. (The
 * phases of statements that reach an engine are covered against a real engine in {@link
 * TestQueryHistory}.)
 */
class TestQueryRecorder {
  private final GovernanceStore database =
      GovernanceStore.open(
          "jdbc:h2:mem:recorder-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
  private final TestingClock clock = new TestingClock();
  private final List<QueryRecord> completed = new ArrayList<>();
  private final GatewayMetrics metrics = new GatewayMetrics();
  private final QueryRecorder recorder =
      new QueryRecorder(
          new QueryHistoryStore(database.dataSource()), clock, List.of(completed::add, metrics));
  private final GatewaySession session =
      new SessionManager()
          .open(
              "alice",
              "default",
              NegotiatedProtocol.negotiate(
                  new TOpenSessionReq()
                      .setClient_protocol(TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10)),
              Map.of(),
              Optional.empty());

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void aStatementThatCannotStartIsQueuedThenFailedWithItsQueueTime() {
    recorder.sessionOpened(
        session,
        ClientInfo.of(
            new CallContext(Optional.of("alice"), "http", "", "DatabricksJDBCDriverOSS/3.4.5 x"),
            Map.of()));
    LiveStatement statement = recorder.received(session, "SELECT 1", Optional.empty());
    QueryRecord queued = recorder.store().find(statement.statementId()).orElseThrow();
    assertThat(queued.status()).isEqualTo(StatementStatus.QUEUED);
    assertThat(queued.client().driverName()).isEqualTo("DatabricksJDBCDriverOSS");
    assertThat(queued.client().driverVersion()).isEqualTo("3.4.5");
    assertThat(recorder.count(StatementStatus.QUEUED)).isEqualTo(1);

    clock.advance(Duration.ofMillis(1500));
    statement.failed("Cannot start a Spark engine", Optional.of("08006"));

    QueryRecord failed = recorder.store().find(statement.statementId()).orElseThrow();
    assertThat(failed.status()).isEqualTo(StatementStatus.FAILED);
    assertThat(failed.errorMessage()).contains("Cannot start a Spark engine");
    assertThat(failed.sqlState()).contains("08006");
    assertThat(failed.endTimeMillis().getAsLong() - failed.startTimeMillis()).isEqualTo(1500);
    assertThat(recorder.live(statement.statementId())).isEmpty();
    assertThat(completed).containsExactly(failed);
    assertThat(metrics.render(new GatewayMetrics.Gauges(0, 0, 0, 0)))
        .contains("sluice_statements_total{status=\"failed\"} 1");
  }

  @Test
  void queuedTimeEndsWhenAnEngineIsAssigned() {
    LiveStatement statement = recorder.received(session, "SELECT 2", Optional.empty());
    clock.advance(Duration.ofMillis(250));
    statement.engineAssigned("engine-7");
    clock.advance(Duration.ofMillis(40));
    statement.failed("The engine refused it", Optional.of("42000"));
    QueryRecord record = recorder.store().find(statement.statementId()).orElseThrow();
    assertThat(record.engineId()).isEqualTo("engine-7");
    assertThat(record.phases().queuedMillis()).isEqualTo(250);
    assertThat(record.durationMillis(clock.millis())).isEqualTo(290);
  }

  @Test
  void apiStatementsKeepTheirIdAndTheClientsTextBesideTheBoundOne() {
    LiveStatement statement =
        recorder.received(
            session,
            "SELECT CAST(7 AS INT)",
            Optional.of(new StatementOrigin("rest-id-1", "SELECT :n")));
    assertThat(statement.statementId()).isEqualTo("rest-id-1");
    QueryRecord record = recorder.store().find("rest-id-1").orElseThrow();
    assertThat(record.statementText()).isEqualTo("SELECT :n");
    assertThat(record.rewrittenText()).contains("SELECT CAST(7 AS INT)");
  }
}
