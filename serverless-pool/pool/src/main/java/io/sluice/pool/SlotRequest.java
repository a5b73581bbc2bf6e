package io.sluice.pool;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A statement's request for a slot: granted at once when an engine has room, otherwise it waits in
 * the warehouse's queue until a slot frees or an engine starts. It fails with {@link
 * EngineStartException} when no engine could be started or the warehouse stopped, and with a {@link
 * java.util.concurrent.CancellationException} when cancelled while waiting.
 */
public final class SlotRequest {
  private final EngineManager manager;
  private final String user;
  private final String owner;
  private Engine pinned;
  private final CompletableFuture<StatementSlot> granted = new CompletableFuture<>();

  SlotRequest(EngineManager manager, String user, String owner, Engine pinned) {
    this.manager = requireNonNull(manager, "manager is null");
    this.user = requireNonNull(user, "user is null");
    this.owner = requireNonNull(owner, "owner is null");
    this.pinned = pinned;
  }

  /** Completes with the slot once granted. */
  public CompletableFuture<StatementSlot> granted() {
    return granted.copy();
  }

  /** The slot if it was granted already. */
  public Optional<StatementSlot> slotIfGranted() {
    return granted.isDone() && !granted.isCompletedExceptionally()
        ? Optional.of(granted.join())
        : Optional.empty();
  }

  /** Whether the request still waits in the queue. */
  public boolean isWaiting() {
    return !granted.isDone();
  }

  /** Takes the request out of the queue; false when it was no longer waiting. */
  public boolean cancel() {
    return manager.cancel(this);
  }

  String user() {
    return user;
  }

  /** Whose engines may serve it: the user with one engine per user, everyone ({@code ""}) else. */
  String owner() {
    return owner;
  }

  /** The engine the statement's session lives on, if it must run there. */
  Optional<Engine> pinned() {
    return Optional.ofNullable(pinned);
  }

  /** Frees the request to run anywhere: its engine is gone. The manager's lock is held. */
  void unpin() {
    pinned = null;
  }

  CompletableFuture<StatementSlot> future() {
    return granted;
  }
}
