package io.sluice.gateway.history;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what a store keeps of statements once it is older than the retention period: the query
 * history by the statements' start, lineage by the time it was recorded.
 */
public final class Retention {
  private static final Logger log = LoggerFactory.getLogger(Retention.class);

  private final String subject;
  private final ToIntFunction<Instant> deleteBefore;
  private final Clock clock;
  private final Duration retention;

  /**
   * @param subject what is deleted, for the log ("query history rows")
   * @param deleteBefore deletes what is older than its argument; returns how much went
   */
  public Retention(
      String subject, ToIntFunction<Instant> deleteBefore, Clock clock, Duration retention) {
    this.subject = requireNonNull(subject, "subject is null");
    this.deleteBefore = requireNonNull(deleteBefore, "deleteBefore is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.retention = requireNonNull(retention, "retention is null");
  }

  /** The query history's retention: statements that started before the period are deleted. */
  public static Retention ofHistory(QueryHistoryStore store, Clock clock, Duration retention) {
    return new Retention(
        "query history rows",
        cutoff -> store.deleteStartedBefore(cutoff.toEpochMilli()),
        clock,
        retention);
  }

  /** Deletes what is past retention; returns how much went. Never throws. */
  public int purge() {
    try {
      int deleted = deleteBefore.applyAsInt(clock.instant().minus(retention));
      if (deleted > 0) {
        log.info("Deleted {} {} older than {}", deleted, subject, retention);
      }
      return deleted;
    } catch (RuntimeException e) {
      log.warn("Cannot purge the {}", subject, e);
      return 0;
    }
  }
}
