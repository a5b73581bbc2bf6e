package io.sluice.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestStatementQueue {
  private final StatementQueue<String> queue = new StatementQueue<>();
  private final Map<String, Integer> running = new HashMap<>();

  private Optional<String> next() {
    Optional<String> next = queue.next(waiter -> true, user -> running.getOrDefault(user, 0));
    return next;
  }

  @Test
  void usersTakeTurnsWhateverTheyQueued() {
    queue.served("alice");
    for (int i = 1; i <= 4; i++) {
      queue.offer("alice", "alice-" + i, 100);
    }
    queue.offer("bob", "bob-1", 100);
    queue.offer("bob", "bob-2", 100);
    queue.offer("carol", "carol-1", 100);

    List<String> order = new ArrayList<>();
    Optional<String> next;
    while ((next = next()).isPresent()) {
      order.add(next.get());
    }
    assertThat(order)
        .containsExactly("bob-1", "carol-1", "alice-1", "bob-2", "alice-2", "alice-3", "alice-4");
    assertThat(queue.size()).isZero();
  }

  @Test
  void theUserRunningFewerStatementsGoesFirst() {
    running.put("alice", 3);
    running.put("bob", 1);
    queue.offer("alice", "alice-1", 100);
    queue.offer("bob", "bob-1", 100);
    assertThat(next()).contains("bob-1");
    assertThat(next()).contains("alice-1");
  }

  @Test
  void onlyEligibleWaitersAreTakenAndOrderWithinAUserIsKept() {
    queue.offer("alice", "alice-pinned", 100);
    queue.offer("alice", "alice-free", 100);
    assertThat(queue.next(waiter -> waiter.endsWith("free"), user -> 0)).contains("alice-free");
    assertThat(queue.next(waiter -> waiter.endsWith("free"), user -> 0)).isEmpty();
    assertThat(queue.size()).isEqualTo(1);
  }

  @Test
  void theLimitIsEnforcedAndRemovedWaitersFreeRoom() {
    assertThat(queue.offer("alice", "a", 2)).isTrue();
    assertThat(queue.offer("bob", "b", 2)).isTrue();
    assertThat(queue.offer("carol", "c", 2)).isFalse();
    assertThat(queue.remove("bob", "b")).isTrue();
    assertThat(queue.remove("bob", "b")).isFalse();
    assertThat(queue.offer("carol", "c", 2)).isTrue();
    assertThat(queue.removeAll(waiter -> true)).containsExactlyInAnyOrder("a", "c");
    assertThat(queue.size()).isZero();
  }
}
