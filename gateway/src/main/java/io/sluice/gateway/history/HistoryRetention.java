package io.sluice.gateway.history;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes history rows of statements that started longer ago than the retention period. */
public final class HistoryRetention {
  private static final Logger log = LoggerFactory.getLogger(HistoryRetention.class);

  private final QueryHistoryStore store;
  private final Clock clock;
  private final Duration retention;

  public HistoryRetention(QueryHistoryStore store, Clock clock, Duration retention) {
    this.store = requireNonNull(store, "store is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.retention = requireNonNull(retention, "retention is null");
  }

  /** Deletes what is past retention; returns how many statements went. Never throws. */
  public int purge() {
    try {
      int deleted = store.deleteStartedBefore(clock.millis() - retention.toMillis());
      if (deleted > 0) {
        log.info("Deleted {} query history rows older than {}", deleted, retention);
      }
      return deleted;
    } catch (RuntimeException e) {
      log.warn("Cannot purge the query history", e);
      return 0;
    }
  }
}
