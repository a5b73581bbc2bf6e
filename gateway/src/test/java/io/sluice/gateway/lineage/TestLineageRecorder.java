package io.sluice.gateway.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.history.ClientInfo;
import io.sluice.gateway.history.PhaseDurations;
import io.sluice.gateway.history.QueryRecord;
import io.sluice.gateway.history.Retention;
import io.sluice.gateway.history.StatementStatus;
import io.sluice.gateway.testing.TestingClock;
import io.sluice.governance.lineage.LineageNeighbor;
import io.sluice.governance.lineage.LineageStore;
import io.sluice.governance.securable.SecurableName;
import io.sluice.governance.store.GovernanceStore;
import io.sluice.planner.SessionContext;
import io.sluice.planner.SqlPlanner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Lineage is stored for statements that finished, from what the planner learned of them, with their
 * principal, id and end time; failed and canceled statements and reads store none.
 */
class TestLineageRecorder {
  private static final SecurableName ORDERS =
      SecurableName.table("spark_catalog", "sales", "orders");
  private static final SecurableName SUMMARY =
      SecurableName.table("spark_catalog", "sales", "summary");
  private static final Instant END = Instant.parse("2026-11-21T12:00:00Z");
  private static final Duration DAY = Duration.ofDays(1);

  private final GovernanceStore database =
      GovernanceStore.open(
          "jdbc:h2:mem:lineage-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
  private final LineageStore store = new LineageStore(database.database());
  private final LineageRecorder recorder =
      new LineageRecorder(store, table -> List.of(), new TestingClock());
  private final SqlPlanner planner = new SqlPlanner();

  @AfterEach
  void close() {
    database.close();
  }

  private void run(String statementId, String sql, StatementStatus status) throws Exception {
    recorder.statementPlanned(statementId, planner.analyze(sql, SessionContext.initial("sales")));
    recorder.statementCompleted(record(statementId, sql, status));
  }

  @Test
  void aFinishedWriteStoresItsTableAndColumnLineage() throws Exception {
    run("s1", "INSERT INTO summary SELECT o.id, o.total FROM orders o", StatementStatus.FINISHED);
    assertThat(store.upstreamTables(SUMMARY))
        .containsExactly(new LineageNeighbor(ORDERS, Optional.empty(), END));
    assertThat(store.statements(ORDERS, SUMMARY, 10)).containsExactly("s1");
    assertThat(store.upstreamColumns(SUMMARY, "id"))
        .containsExactly(
            new LineageNeighbor(ORDERS, Optional.of("id"), END),
            new LineageNeighbor(ORDERS, Optional.of("total"), END));
  }

  @Test
  void eachWrittenColumnRecordsTheSourceColumnsItIsComputedFrom() throws Exception {
    LineageRecorder knowingColumns =
        new LineageRecorder(
            store,
            table -> table.last().equals("summary") ? List.of("id", "amount") : List.of(),
            new TestingClock());
    String byPosition = "INSERT INTO summary SELECT o.id, o.total * 2 FROM orders o WHERE o.open";
    knowingColumns.statementPlanned(
        "s1", planner.analyze(byPosition, SessionContext.initial("sales")));
    knowingColumns.statementCompleted(record("s1", byPosition, StatementStatus.FINISHED));
    assertThat(store.upstreamColumns(SUMMARY, "amount"))
        .as("the target column at the same position; the filter column flows into the whole table")
        .containsExactly(
            new LineageNeighbor(ORDERS, Optional.of("open"), END),
            new LineageNeighbor(ORDERS, Optional.of("total"), END));
    assertThat(store.downstreamColumns(ORDERS, "id"))
        .containsExactly(new LineageNeighbor(SUMMARY, Optional.of("id"), END));

    run("s2", "INSERT INTO summary (amount) SELECT discount FROM orders", StatementStatus.FINISHED);
    assertThat(store.downstreamColumns(ORDERS, "discount"))
        .containsExactly(new LineageNeighbor(SUMMARY, Optional.of("amount"), END));
  }

  @Test
  void lineageOlderThanTheRetentionPeriodIsPurged() throws Exception {
    run("s1", "INSERT INTO summary SELECT o.id FROM orders o", StatementStatus.FINISHED);
    Retention keepADay =
        new Retention("lineage edges", store::purgeBefore, fixedAt(END.plusSeconds(3600)), DAY);
    assertThat(keepADay.purge()).isZero();
    assertThat(store.upstreamTables(SUMMARY)).hasSize(1);
    Retention aDayLater =
        new Retention(
            "lineage edges", store::purgeBefore, fixedAt(END.plus(DAY).plusSeconds(1)), DAY);
    assertThat(aDayLater.purge()).isEqualTo(2);
    assertThat(store.upstreamTables(SUMMARY)).isEmpty();
    assertThat(store.upstreamColumns(SUMMARY, "id")).isEmpty();
  }

  private static Clock fixedAt(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  @Test
  void failedAndCanceledWritesAndReadsStoreNothing() throws Exception {
    run("s1", "INSERT INTO summary SELECT * FROM orders", StatementStatus.FAILED);
    run("s2", "INSERT INTO summary SELECT * FROM orders", StatementStatus.CANCELED);
    run("s3", "SELECT * FROM orders", StatementStatus.FINISHED);
    recorder.statementCompleted(record("s4", "never planned", StatementStatus.FINISHED));
    assertThat(store.downstreamTables(ORDERS)).isEmpty();
    // A statement's planned lineage is used once: completing it again stores nothing more.
    run("s5", "INSERT INTO summary SELECT * FROM orders", StatementStatus.FINISHED);
    recorder.statementCompleted(record("s5", "again", StatementStatus.FINISHED));
    assertThat(store.statements(ORDERS, SUMMARY, 10)).containsExactly("s5");
  }

  private static QueryRecord record(String statementId, String text, StatementStatus status) {
    return new QueryRecord(
        statementId,
        "session",
        "admin",
        new ClientInfo("binary", "Hive JDBC", "3.1.3", ""),
        "default",
        "engine-1",
        text,
        Optional.empty(),
        status,
        END.toEpochMilli() - 1000,
        OptionalLong.of(END.toEpochMilli()),
        OptionalLong.of(END.toEpochMilli()),
        new PhaseDurations(1, 2, 3, 4),
        0,
        0,
        Optional.empty(),
        Optional.empty(),
        false);
  }
}
