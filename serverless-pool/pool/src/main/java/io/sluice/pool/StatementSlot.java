package io.sluice.pool;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The right to run one statement on one engine. Release it when the statement finishes, fails, is
 * cancelled or closed; releasing twice is harmless, so every way out may release.
 */
public final class StatementSlot {
  private final EngineManager manager;
  private final Engine engine;
  private final String user;
  private final AtomicBoolean released = new AtomicBoolean();

  StatementSlot(EngineManager manager, Engine engine, String user) {
    this.manager = requireNonNull(manager, "manager is null");
    this.engine = requireNonNull(engine, "engine is null");
    this.user = requireNonNull(user, "user is null");
  }

  public Engine engine() {
    return engine;
  }

  public void release() {
    if (released.compareAndSet(false, true)) {
      manager.release(engine, user);
    }
  }

  public boolean isReleased() {
    return released.get();
  }
}
