package io.sluice.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slots, queueing, scaling and stopping of a serverless warehouse, over stand-in engine processes
 * ({@link TestingEngineMain}) and a clock that moves only when the test says so.
 */
@Timeout(120)
class TestWarehouseScheduling {
  @TempDir Path dataDirectory;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService launcher = Executors.newCachedThreadPool();
  private final TestingClock clock = new TestingClock();

  @AfterEach
  void shutdown() {
    scheduler.shutdownNow();
    launcher.shutdownNow();
  }

  private EngineManager warehouse(WarehouseSettings settings, Map<String, String> conf) {
    EngineLaunchSpec spec =
        new EngineLaunchSpec(
            Paths.get(System.getProperty("java.home"), "bin", "java"),
            List.of(),
            System.getProperty("java.class.path"),
            TestingEngineMain.class.getName(),
            dataDirectory,
            "local[1]",
            conf,
            dataDirectory.resolve("logs"),
            Duration.ofSeconds(60));
    return new EngineManager(
        "w",
        name -> EngineProcess.start(spec, name),
        settings,
        launcher,
        clock,
        Duration.ofSeconds(30),
        scheduler,
        Duration.ofHours(1));
  }

  private static WarehouseSettings settings(int min, int max, int slots, int queueLimit) {
    return new WarehouseSettings(
        min, max, slots, queueLimit, Duration.ofMinutes(10), Duration.ofMinutes(2), false);
  }

  private static StatementSlot granted(SlotRequest request) throws Exception {
    return request.granted().get(60, TimeUnit.SECONDS);
  }

  private static List<StatementSlot> grantedAll(List<SlotRequest> requests) throws Exception {
    List<StatementSlot> slots = new ArrayList<>();
    for (SlotRequest request : requests) {
      slots.add(granted(request));
    }
    return slots;
  }

  @Test
  void tenStatementsRunPerEngineAndQueuedOnesAddEnginesUpToTheMaximum() throws Exception {
    try (EngineManager warehouse =
        warehouse(settings(1, 2, WarehouseSettings.DEFAULT_SLOTS_PER_ENGINE, 1000), Map.of())) {
      assertThat(warehouse.snapshot().state()).isEqualTo(WarehouseState.STOPPED);
      List<SlotRequest> first = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        first.add(warehouse.request("alice", Optional.empty()));
      }
      assertThat(warehouse.snapshot().startingEngines() + warehouse.snapshot().engines())
          .isEqualTo(1);
      List<StatementSlot> firstSlots = grantedAll(first);
      assertThat(firstSlots)
          .extracting(StatementSlot::engine)
          .containsOnly(firstSlots.get(0).engine());

      SlotRequest eleventh = warehouse.request("alice", Optional.empty());
      assertThat(eleventh.isWaiting()).isTrue();
      assertThat(warehouse.snapshot().engines() + warehouse.snapshot().startingEngines())
          .isEqualTo(2);
      StatementSlot eleventhSlot = granted(eleventh);
      assertThat(eleventhSlot.engine()).isNotSameAs(firstSlots.get(0).engine());

      List<SlotRequest> more = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        more.add(warehouse.request("bob", Optional.empty()));
      }
      List<StatementSlot> moreSlots = grantedAll(more.subList(0, 9));
      SlotRequest overflow = more.get(9);
      assertThat(overflow.isWaiting()).isTrue();
      WarehouseSnapshot full = warehouse.snapshot();
      assertThat(full.state()).isEqualTo(WarehouseState.RUNNING);
      assertThat(full.engines()).isEqualTo(2);
      assertThat(full.startingEngines()).isZero();
      assertThat(full.runningStatements()).isEqualTo(20);
      assertThat(full.queuedStatements()).isEqualTo(1);

      moreSlots.get(0).release();
      moreSlots.get(0).release();
      assertThat(granted(overflow).engine()).isSameAs(moreSlots.get(0).engine());
      assertThat(warehouse.snapshot().runningStatements()).isEqualTo(20);
      assertThat(warehouse.snapshot().queuedStatements()).isZero();
    }
  }

  @Test
  void idleEnginesBeyondTheMinimumAreRemovedAndTheWarehouseStopsAfterAutoStop() throws Exception {
    try (EngineManager warehouse = warehouse(settings(1, 2, 1, 1000), Map.of())) {
      StatementSlot first = granted(warehouse.request("alice", Optional.empty()));
      StatementSlot second = granted(warehouse.request("alice", Optional.empty()));
      assertThat(warehouse.snapshot().engines()).isEqualTo(2);
      first.release();
      second.release();

      clock.advance(Duration.ofMinutes(1));
      warehouse.check();
      assertThat(warehouse.snapshot().engines()).isEqualTo(2);
      clock.advance(Duration.ofMinutes(1));
      warehouse.check();
      assertThat(warehouse.snapshot().engines()).isEqualTo(1);
      assertThat(List.of(first.engine(), second.engine())).filteredOn(Engine::isAlive).hasSize(1);

      clock.advance(Duration.ofMinutes(7));
      warehouse.check();
      assertThat(warehouse.snapshot().state()).isEqualTo(WarehouseState.RUNNING);
      clock.advance(Duration.ofMinutes(1));
      warehouse.check();
      assertThat(warehouse.snapshot().state()).isEqualTo(WarehouseState.STOPPED);
      assertThat(first.engine().isAlive() || second.engine().isAlive()).isFalse();

      clock.advance(Duration.ofHours(1));
      warehouse.check();
      assertThat(warehouse.snapshot().state()).isEqualTo(WarehouseState.STOPPED);
      StatementSlot restarted = granted(warehouse.request("alice", Optional.empty()));
      assertThat(restarted.engine().isAlive()).isTrue();
      assertThat(warehouse.snapshot().state()).isEqualTo(WarehouseState.RUNNING);
    }
  }

  @Test
  void aRunningStatementKeepsTheWarehouseFromStopping() throws Exception {
    try (EngineManager warehouse = warehouse(settings(1, 1, 10, 1000), Map.of())) {
      StatementSlot slot = granted(warehouse.request("alice", Optional.empty()));
      clock.advance(Duration.ofHours(2));
      warehouse.check();
      assertThat(slot.engine().isAlive()).isTrue();
      slot.release();
      clock.advance(Duration.ofMinutes(10));
      warehouse.check();
      assertThat(slot.engine().isAlive()).isFalse();
    }
  }

  @Test
  void theQueueRefusesStatementsBeyondItsLimit() throws Exception {
    try (EngineManager warehouse = warehouse(settings(1, 1, 1, 3), Map.of())) {
      StatementSlot running = granted(warehouse.request("alice", Optional.empty()));
      for (int i = 0; i < 3; i++) {
        assertThat(warehouse.request("alice", Optional.empty()).isWaiting()).isTrue();
      }
      assertThatThrownBy(() -> warehouse.request("bob", Optional.empty()))
          .isInstanceOf(QueueFullException.class)
          .hasMessageContaining("queue is full")
          .hasMessageContaining("3 statements");
      assertThat(warehouse.snapshot().queuedStatements()).isEqualTo(3);
      running.release();
      assertThat(warehouse.request("bob", Optional.empty()).isWaiting()).isTrue();
    }
  }

  @Test
  void aCancelledStatementLeavesTheQueueAndNeverGetsASlot() throws Exception {
    try (EngineManager warehouse = warehouse(settings(1, 1, 1, 10), Map.of())) {
      StatementSlot running = granted(warehouse.request("alice", Optional.empty()));
      SlotRequest cancelled = warehouse.request("bob", Optional.empty());
      SlotRequest next = warehouse.request("carol", Optional.empty());
      assertThat(cancelled.cancel()).isTrue();
      assertThat(cancelled.cancel()).isFalse();
      assertThatThrownBy(() -> cancelled.granted().get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(CancellationException.class);
      assertThat(warehouse.snapshot().queuedStatements()).isEqualTo(1);

      running.release();
      assertThat(granted(next).engine()).isSameAs(running.engine());
      assertThat(next.cancel()).isFalse();
    }
  }

  @Test
  void usersTakeTurnsForFreedSlots() throws Exception {
    try (EngineManager warehouse = warehouse(settings(1, 1, 1, 100), Map.of())) {
      StatementSlot slot = granted(warehouse.request("alice", Optional.empty()));
      List<SlotRequest> alice = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        alice.add(warehouse.request("alice", Optional.empty()));
      }
      SlotRequest bob = warehouse.request("bob", Optional.empty());

      slot.release();
      StatementSlot bobSlot = granted(bob);
      assertThat(alice).allMatch(SlotRequest::isWaiting);
      bobSlot.release();
      granted(alice.get(0)).release();
      granted(alice.get(1));
      assertThat(alice.get(2).isWaiting()).isTrue();
    }
  }

  @Test
  void aStatementOfASessionRunsOnItsEngineWhileThatEngineLives() throws Exception {
    try (EngineManager warehouse = warehouse(settings(2, 2, 1, 100), Map.of())) {
      StatementSlot first = granted(warehouse.request("alice", Optional.empty()));
      StatementSlot second = granted(warehouse.request("alice", Optional.empty()));
      assertThat(first.engine()).isNotSameAs(second.engine());
      first.release();
      SlotRequest pinnedToSecond = warehouse.request("alice", Optional.of(second.engine()));
      assertThat(pinnedToSecond.isWaiting()).isTrue();
      second.release();
      assertThat(granted(pinnedToSecond).engine()).isSameAs(second.engine());
    }
  }

  @Test
  void aDeadEngineIsReplacedAndItsWaitingStatementsMoveToTheReplacement() throws Exception {
    try (EngineManager warehouse = warehouse(settings(1, 1, 1, 100), Map.of())) {
      StatementSlot doomed = granted(warehouse.request("alice", Optional.empty()));
      SlotRequest waiting = warehouse.request("alice", Optional.of(doomed.engine()));
      doomed.engine().kill();
      warehouse.check();
      StatementSlot replacement = granted(waiting);
      assertThat(replacement.engine()).isNotSameAs(doomed.engine());
      assertThat(replacement.engine().generation()).isEqualTo(doomed.engine().generation() + 1);
      doomed.release();
      assertThat(warehouse.snapshot().runningStatements()).isEqualTo(1);
      assertThat(warehouse.snapshot().engines()).isEqualTo(1);
    }
  }

  @Test
  void whenNoEngineCanStartWaitingStatementsFailWithTheReason() throws Exception {
    try (EngineManager warehouse = warehouse(settings(1, 1, 10, 100), Map.of("fail", "true"))) {
      SlotRequest request = warehouse.request("alice", Optional.empty());
      assertThatThrownBy(() -> request.granted().get(60, TimeUnit.SECONDS))
          .hasCauseInstanceOf(EngineStartException.class)
          .hasMessageContaining("failing on purpose");
      assertThat(warehouse.snapshot().queuedStatements()).isZero();
    }
  }

  @Test
  void aFailedStartIsRetriedByTheNextStatementNotByAStartLoop() throws Exception {
    try (EngineManager warehouse = warehouse(settings(1, 1, 10, 100), Map.of("fail", "true"))) {
      SlotRequest first = warehouse.request("alice", Optional.empty());
      assertThatThrownBy(() -> first.granted().get(60, TimeUnit.SECONDS))
          .hasCauseInstanceOf(EngineStartException.class);
      warehouse.check();
      assertThat(warehouse.snapshot().startingEngines()).isZero();
      clock.advance(EngineManager.RETRY_BACKOFF.minusSeconds(1));
      warehouse.check();
      assertThat(warehouse.snapshot().startingEngines()).isZero();

      SlotRequest second = warehouse.request("alice", Optional.empty());
      assertThat(warehouse.snapshot().startingEngines()).isEqualTo(1);
      assertThatThrownBy(() -> second.granted().get(60, TimeUnit.SECONDS))
          .hasCauseInstanceOf(EngineStartException.class);
      clock.advance(EngineManager.RETRY_BACKOFF);
      warehouse.check();
      assertThat(warehouse.snapshot().startingEngines()).isEqualTo(1);
      // Wait for that start to fail too, so that no engine process outlives the test.
      assertThatThrownBy(warehouse::acquire).isInstanceOf(EngineStartException.class);
    }
  }

  @Test
  void stoppingTheWarehouseRefusesWaitingStatementsAndTheNextOneStartsItAgain() throws Exception {
    try (EngineManager warehouse = warehouse(settings(1, 1, 1, 100), Map.of())) {
      StatementSlot running = granted(warehouse.request("alice", Optional.empty()));
      SlotRequest waiting = warehouse.request("bob", Optional.empty());
      warehouse.stop();
      assertThat(running.engine().isAlive()).isFalse();
      assertThat(warehouse.snapshot().state()).isEqualTo(WarehouseState.STOPPED);
      assertThatThrownBy(() -> waiting.granted().get(10, TimeUnit.SECONDS))
          .hasCauseInstanceOf(EngineStartException.class)
          .hasMessageContaining("stopped");
      running.release();
      assertThat(granted(warehouse.request("bob", Optional.empty())).engine().isAlive()).isTrue();
    }
  }

  @Test
  void withOneEnginePerUserUsersNeverShareAnEngine() throws Exception {
    WarehouseSettings perUser =
        new WarehouseSettings(1, 3, 10, 100, Duration.ofMinutes(10), Duration.ofMinutes(2), true);
    try (EngineManager warehouse = warehouse(perUser, Map.of())) {
      StatementSlot alice = granted(warehouse.request("alice", Optional.empty()));
      StatementSlot bob = granted(warehouse.request("bob", Optional.empty()));
      StatementSlot aliceAgain = granted(warehouse.request("alice", Optional.empty()));
      assertThat(bob.engine()).isNotSameAs(alice.engine());
      assertThat(aliceAgain.engine()).isSameAs(alice.engine());
      assertThat(warehouse.snapshot().engines()).isEqualTo(2);
    }
  }
}
