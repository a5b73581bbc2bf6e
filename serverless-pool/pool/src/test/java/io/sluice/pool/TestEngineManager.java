package io.sluice.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class TestEngineManager {
  @TempDir Path dataDirectory;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService launcher = Executors.newCachedThreadPool();
  private final TestingClock clock = new TestingClock();

  @AfterEach
  void shutdown() {
    scheduler.shutdownNow();
    launcher.shutdownNow();
  }

  private EngineLaunchSpec spec(Map<String, String> conf) {
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    return new EngineLaunchSpec(
        java,
        List.of(),
        System.getProperty("java.class.path"),
        TestingEngineMain.class.getName(),
        dataDirectory,
        "local[1]",
        conf,
        dataDirectory.resolve("logs"),
        Duration.ofSeconds(30));
  }

  private EngineManager manager(EngineLaunchSpec spec) {
    return new EngineManager(
        "test",
        name -> EngineProcess.start(spec, name),
        WarehouseSettings.singleEngine(Duration.ofMinutes(10)),
        launcher,
        clock,
        Duration.ofSeconds(30),
        scheduler,
        Duration.ofHours(1));
  }

  @Test
  void startsOnFirstDemandAndReusesTheRunningEngine() throws Exception {
    try (EngineManager manager = manager(spec(Map.of()))) {
      assertThat(manager.running()).isEmpty();
      Engine first = manager.acquire();
      assertThat(first.isAlive()).isTrue();
      assertThat(first.secret()).hasSize(64);
      assertThat(manager.acquire()).isSameAs(first);
    }
  }

  @Test
  void replacesAnEngineThatDied() throws Exception {
    try (EngineManager manager = manager(spec(Map.of()))) {
      Engine first = manager.acquire();
      first.kill();
      Engine second = manager.acquire();
      assertThat(second).isNotSameAs(first);
      assertThat(second.generation()).isEqualTo(first.generation() + 1);
      assertThat(second.isAlive()).isTrue();
    }
  }

  @Test
  void stopsAfterTheIdleTimeoutAndNotBefore() throws Exception {
    try (EngineManager manager = manager(spec(Map.of()))) {
      Engine engine = manager.acquire();
      clock.advance(Duration.ofMinutes(9));
      manager.check();
      assertThat(engine.isAlive()).isTrue();

      engine.markUsed();
      clock.advance(Duration.ofMinutes(9));
      manager.check();
      assertThat(engine.isAlive()).isTrue();

      clock.advance(Duration.ofMinutes(2));
      manager.check();
      assertThat(engine.isAlive()).isFalse();
      assertThat(manager.running()).isEmpty();
      assertThat(manager.acquire().generation()).isEqualTo(engine.generation() + 1);
    }
  }

  @Test
  void closingTheManagerStopsItsEngine() throws Exception {
    EngineManager manager = manager(spec(Map.of()));
    Engine engine = manager.acquire();
    manager.close();
    assertThat(engine.isAlive()).isFalse();
    assertThatThrownBy(manager::acquire).isInstanceOf(EngineStartException.class);
  }

  @Test
  void anEngineThatFailsToStartReportsItsLog() {
    try (EngineManager manager = manager(spec(Map.of("fail", "true")))) {
      assertThatThrownBy(manager::acquire)
          .isInstanceOf(EngineStartException.class)
          .hasMessageContaining("exited with code 3")
          .hasMessageContaining("failing on purpose");
    }
  }
}
