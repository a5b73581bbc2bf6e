package io.sluice.governance.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.governance.securable.SecurableName;
import io.sluice.governance.store.GovernanceStore;
import io.sluice.governance.testing.TestingStores.StoreOpener;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the lineage store keeps and answers, the same on every database, across restarts. */
abstract class BaseLineageStoreTest {
  private static final SecurableName ORDERS = SecurableName.table("main", "sales", "orders");
  private static final SecurableName CUSTOMERS = SecurableName.table("main", "sales", "customers");
  private static final SecurableName SUMMARY = SecurableName.table("main", "reports", "summary");
  private static final SecurableName ARCHIVE = SecurableName.table("main", "reports", "archive");
  private static final Instant FIRST = Instant.parse("2026-11-21T10:00:00Z");
  private static final Instant SECOND = Instant.parse("2026-11-21T11:00:00Z");

  private StoreOpener opener;

  protected abstract StoreOpener stores();

  @BeforeEach
  void chooseStore() {
    opener = stores();
  }

  @Test
  void edgesReadBackFoldedByNeighborWithTheLatestTimeAndSurviveARestart() {
    try (GovernanceStore store = opener.open()) {
      LineageStore lineage = new LineageStore(store.database());
      lineage.record(
          List.of(
              new TableLineage(ORDERS, SUMMARY, "s1", "alice", FIRST),
              new TableLineage(CUSTOMERS, SUMMARY, "s1", "alice", FIRST)),
          List.of(
              new ColumnLineage(ORDERS, "total", SUMMARY, Optional.empty(), "s1", "alice", FIRST),
              new ColumnLineage(CUSTOMERS, "*", SUMMARY, Optional.empty(), "s1", "alice", FIRST)));
      lineage.record(
          List.of(
              new TableLineage(ORDERS, SUMMARY, "s2", "bob", SECOND),
              new TableLineage(SUMMARY, ARCHIVE, "s2", "bob", SECOND)),
          List.of(
              new ColumnLineage(
                  SUMMARY, "total", ARCHIVE, Optional.of("amount"), "s2", "bob", SECOND)));
    }
    opener.restartServer();
    try (GovernanceStore store = opener.open()) {
      LineageStore lineage = new LineageStore(store.database());
      assertThat(lineage.upstreamTables(SUMMARY))
          .containsExactly(
              new LineageNeighbor(CUSTOMERS, Optional.empty(), FIRST),
              new LineageNeighbor(ORDERS, Optional.empty(), SECOND));
      assertThat(lineage.downstreamTables(SUMMARY))
          .containsExactly(new LineageNeighbor(ARCHIVE, Optional.empty(), SECOND));
      assertThat(lineage.downstreamTables(ORDERS))
          .containsExactly(new LineageNeighbor(SUMMARY, Optional.empty(), SECOND));
      assertThat(lineage.upstreamTables(ORDERS)).isEmpty();

      assertThat(lineage.statements(ORDERS, SUMMARY, 10)).containsExactly("s2", "s1");
      assertThat(lineage.statements(ORDERS, SUMMARY, 1)).containsExactly("s2");
      assertThat(lineage.statements(SUMMARY, ORDERS, 10)).isEmpty();

      assertThat(lineage.upstreamColumns(SUMMARY, "anything"))
          .containsExactly(
              new LineageNeighbor(CUSTOMERS, Optional.of("*"), FIRST),
              new LineageNeighbor(ORDERS, Optional.of("total"), FIRST));
      assertThat(lineage.upstreamColumns(ARCHIVE, "amount"))
          .containsExactly(new LineageNeighbor(SUMMARY, Optional.of("total"), SECOND));
      assertThat(lineage.upstreamColumns(ARCHIVE, "other")).isEmpty();
      assertThat(lineage.downstreamColumns(ORDERS, "total"))
          .containsExactly(new LineageNeighbor(SUMMARY, Optional.empty(), FIRST));
      assertThat(lineage.downstreamColumns(ORDERS, "id")).isEmpty();
      assertThat(lineage.downstreamColumns(CUSTOMERS, "name"))
          .containsExactly(new LineageNeighbor(SUMMARY, Optional.empty(), FIRST));
      assertThat(lineage.downstreamColumns(SUMMARY, "total"))
          .containsExactly(new LineageNeighbor(ARCHIVE, Optional.of("amount"), SECOND));
    }
  }

  @Test
  void purgingDropsOnlyEdgesRecordedBeforeTheCutoff() {
    try (GovernanceStore store = opener.open()) {
      LineageStore lineage = new LineageStore(store.database());
      lineage.record(
          List.of(new TableLineage(ORDERS, SUMMARY, "s1", "alice", FIRST)),
          List.of(
              new ColumnLineage(ORDERS, "id", SUMMARY, Optional.empty(), "s1", "alice", FIRST)));
      lineage.record(
          List.of(new TableLineage(CUSTOMERS, SUMMARY, "s2", "alice", SECOND)), List.of());
      assertThat(lineage.purgeBefore(SECOND)).isEqualTo(2);
      assertThat(lineage.upstreamTables(SUMMARY))
          .containsExactly(new LineageNeighbor(CUSTOMERS, Optional.empty(), SECOND));
      assertThat(lineage.upstreamColumns(SUMMARY, "id")).isEmpty();
    }
  }
}
