package io.sluice.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Warm engines, over stand-in engine processes started inline (so every step is finished when the
 * call returns): kept per spec, warmed before they are handed out, replaced when taken, never
 * handed out dead, stopped with the pool.
 */
@Timeout(60)
class TestWarmPool {
  @TempDir Path dataDirectory;
  private final List<Long> warmed = new CopyOnWriteArrayList<>();

  private EngineLaunchSpec spec(String master) {
    return new EngineLaunchSpec(
        Paths.get(System.getProperty("java.home"), "bin", "java"),
        List.of(),
        System.getProperty("java.class.path"),
        TestingEngineMain.class.getName(),
        dataDirectory,
        master,
        Map.of(),
        dataDirectory.resolve("logs"),
        Duration.ofSeconds(30));
  }

  private WarmPool pool(int enginesPerSpec) {
    return new WarmPool(
        EngineProcess::start, Runnable::run, enginesPerSpec, engine -> warmed.add(engine.pid()));
  }

  @Test
  void aTakenEngineWasWarmedAndIsReplaced() throws Exception {
    EngineLaunchSpec small = spec("local[4]");
    try (WarmPool pool = pool(1)) {
      pool.keepWarm(small);
      assertThat(pool.ready(small)).isEqualTo(1);
      EngineProcess taken = pool.take(small).orElseThrow();
      assertThat(taken.isAlive()).isTrue();
      assertThat(warmed).contains(taken.pid());
      assertThat(pool.ready(small)).isEqualTo(1);
      assertThat(pool.take(spec("local[8]"))).isEmpty();
      taken.stop(Duration.ofSeconds(5));
    }
  }

  @Test
  void aDeadWarmEngineIsNeverHandedOut() throws Exception {
    EngineLaunchSpec small = spec("local[4]");
    List<EngineProcess> started = new CopyOnWriteArrayList<>();
    try (WarmPool pool =
        new WarmPool(
            (spec, name) -> {
              EngineProcess process = EngineProcess.start(spec, name);
              started.add(process);
              return process;
            },
            Runnable::run,
            1,
            engine -> {})) {
      pool.keepWarm(small);
      started.get(0).kill();
      assertThat(pool.take(small)).isEmpty();
      EngineProcess replacement = pool.take(small).orElseThrow();
      assertThat(replacement).isSameAs(started.get(1));
      assertThat(replacement.isAlive()).isTrue();
      started.forEach(process -> process.stop(Duration.ZERO));
    }
  }

  @Test
  void closingThePoolStopsWarmEnginesAndZeroKeepsNone() throws Exception {
    EngineLaunchSpec small = spec("local[4]");
    WarmPool pool = pool(2);
    pool.keepWarm(small);
    assertThat(pool.readyEngines()).isEqualTo(2);
    EngineProcess taken = pool.take(small).orElseThrow();
    pool.close();
    assertThat(taken.isAlive()).isTrue();
    assertThat(pool.readyEngines()).isZero();
    taken.stop(Duration.ZERO);

    try (WarmPool none = pool(0)) {
      none.keepWarm(small);
      assertThat(none.take(small)).isEmpty();
    }
  }

  @Test
  void anEngineThatFailsItsWarmUpIsStoppedNotKept() {
    List<EngineProcess> started = new CopyOnWriteArrayList<>();
    try (WarmPool pool =
        new WarmPool(
            (spec, name) -> {
              EngineProcess process = EngineProcess.start(spec, name);
              started.add(process);
              return process;
            },
            Runnable::run,
            1,
            engine -> {
              throw new EngineStartException("warm-up failed on purpose", null);
            })) {
      pool.keepWarm(spec("local[4]"));
      assertThat(pool.readyEngines()).isZero();
      assertThat(started).hasSize(1);
      assertThat(started.get(0).isAlive()).isFalse();
    }
  }
}
