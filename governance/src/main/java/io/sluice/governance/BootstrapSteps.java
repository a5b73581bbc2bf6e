package io.sluice.governance;

import static java.util.Objects.requireNonNull;

import io.sluice.governance.store.Database;
import java.time.Clock;

/**
 * Setup steps that run once in a database's life, however often the gateway starts: what a step
 * sets up may later be changed by an admin (a default grant revoked), and a restart must not undo
 * that.
 */
final class BootstrapSteps {
  private final Database database;
  private final Clock clock;

  BootstrapSteps(Database database, Clock clock) {
    this.database = requireNonNull(database, "database is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /**
   * Runs {@code work} unless {@code step} is recorded as done, then records it. Work that fails is
   * not recorded, so it runs again at the next start; work must therefore be idempotent.
   */
  void once(String step, Runnable work) {
    if (isDone(step)) {
      return;
    }
    work.run();
    try {
      database.update(
          "INSERT INTO bootstrap_step (step, done_at) VALUES (?, ?)", step, clock.instant());
    } catch (IllegalStateException e) {
      if (!Database.isUniqueViolation(e)) {
        throw e;
      }
    }
  }

  private boolean isDone(String step) {
    return database
        .queryOne("SELECT step FROM bootstrap_step WHERE step = ?", row -> row.getString(1), step)
        .isPresent();
  }
}
