package io.sluice.gateway.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.governance.store.GovernanceStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The history table through the governance database's real migration, pool and H2. */
class TestQueryHistoryStore {
  private final GovernanceStore database =
      GovernanceStore.open(
          "jdbc:h2:mem:history-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
  private final QueryHistoryStore store = new QueryHistoryStore(database.dataSource());

  @AfterEach
  void close() {
    database.close();
  }

  static QueryRecord record(
      String id, String principal, StatementStatus status, long start, String text) {
    return new QueryRecord(
        id,
        "session",
        principal,
        new ClientInfo("binary", "Hive JDBC", "3.1.3", ""),
        "default",
        "engine-1",
        text,
        Optional.empty(),
        status,
        start,
        status.isFinal() ? OptionalLong.of(start + 5) : OptionalLong.empty(),
        status.isFinal() ? OptionalLong.of(start + 10) : OptionalLong.empty(),
        new PhaseDurations(1, 2, 3, 4),
        0,
        0,
        status == StatementStatus.FAILED ? Optional.of("boom") : Optional.empty(),
        status == StatementStatus.FAILED ? Optional.of("42P01") : Optional.empty(),
        false);
  }

  @Test
  void aRecordReadsBackAsWrittenAndUpdates() {
    QueryRecord running = record("a", "alice", StatementStatus.RUNNING, 1000, "SELECT 1");
    store.insert(running);
    assertThat(store.find("a")).contains(running);
    QueryRecord failed = record("a", "alice", StatementStatus.FAILED, 1000, "SELECT 1");
    store.update(failed);
    assertThat(store.find("a")).contains(failed);
    assertThat(store.find("missing")).isEmpty();
  }

  @Test
  void pagesWalkEveryRowOnceNewestFirstEvenWithEqualStartTimes() {
    for (int index = 0; index < 25; index++) {
      store.insert(
          record(
              String.format("id-%02d", index),
              "alice",
              StatementStatus.FINISHED,
              1000 + index / 3,
              "SELECT " + index));
    }
    List<String> seen = new ArrayList<>();
    Optional<PageCursor> after = Optional.empty();
    int pages = 0;
    do {
      QueryPage page = store.list(QueryFilter.ALL, 4, after);
      page.records().forEach(record -> seen.add(record.statementId()));
      after = page.next();
      pages++;
    } while (after.isPresent());
    assertThat(pages).isEqualTo(7);
    assertThat(seen).hasSize(25).doesNotHaveDuplicates();
    assertThat(seen.get(0)).isEqualTo("id-24");
    assertThat(seen.get(24)).isEqualTo("id-00");
  }

  @Test
  void filtersCombine() {
    store.insert(record("1", "alice", StatementStatus.FINISHED, 100, "SELECT * FROM sales"));
    store.insert(record("2", "alice", StatementStatus.FAILED, 200, "SELECT * FROM Sales_2024"));
    store.insert(record("3", "bob", StatementStatus.FAILED, 300, "select 100% of sales"));
    store.insert(record("4", "bob", StatementStatus.RUNNING, 400, "SHOW TABLES"));
    assertThat(ids(filter(Set.of("alice"), Set.of(), OptionalLong.empty(), Optional.empty())))
        .containsExactly("2", "1");
    assertThat(
            ids(
                filter(
                    Set.of(),
                    Set.of(StatementStatus.FAILED),
                    OptionalLong.empty(),
                    Optional.empty())))
        .containsExactly("3", "2");
    assertThat(ids(filter(Set.of(), Set.of(), OptionalLong.of(200), Optional.of("SALES"))))
        .containsExactly("3", "2");
    // LIKE wildcards in the search text match themselves only.
    assertThat(ids(filter(Set.of(), Set.of(), OptionalLong.empty(), Optional.of("100%"))))
        .containsExactly("3");
    assertThat(ids(filter(Set.of(), Set.of(), OptionalLong.empty(), Optional.of("sales_"))))
        .containsExactly("2");
    assertThat(
            ids(
                new QueryFilter(
                    Set.of(),
                    Set.of(),
                    Set.of("other"),
                    Set.of(),
                    OptionalLong.empty(),
                    OptionalLong.empty(),
                    Optional.empty())))
        .isEmpty();
  }

  @Test
  void retentionDeletesOnlyOlderStatements() {
    store.insert(record("old", "alice", StatementStatus.FINISHED, 100, "SELECT 1"));
    store.insert(record("new", "alice", StatementStatus.FINISHED, 5000, "SELECT 2"));
    java.time.Clock clock =
        java.time.Clock.fixed(java.time.Instant.ofEpochMilli(6000), java.time.ZoneOffset.UTC);
    int deleted = Retention.ofHistory(store, clock, java.time.Duration.ofSeconds(3)).purge();
    assertThat(deleted).isEqualTo(1);
    assertThat(ids(QueryFilter.ALL)).containsExactly("new");
  }

  @Test
  void throughputBucketsCountStatementsAndFailures() {
    store.insert(record("1", "alice", StatementStatus.FINISHED, 1000, "a"));
    store.insert(record("2", "alice", StatementStatus.FAILED, 1500, "b"));
    store.insert(record("3", "alice", StatementStatus.FINISHED, 3100, "c"));
    List<ThroughputBucket> buckets = store.throughput(QueryFilter.ALL, 1000, 1000, 10_000);
    assertThat(buckets)
        .containsExactly(
            new ThroughputBucket(1000, 2, 1, 10, 10), new ThroughputBucket(3000, 1, 0, 10, 10));
  }

  private QueryFilter filter(
      Set<String> principals,
      Set<StatementStatus> statuses,
      OptionalLong from,
      Optional<String> text) {
    return new QueryFilter(
        principals, statuses, Set.of(), Set.of(), from, OptionalLong.empty(), text);
  }

  private List<String> ids(QueryFilter filter) {
    return store.list(filter, 100, Optional.empty()).records().stream()
        .map(QueryRecord::statementId)
        .toList();
  }
}
