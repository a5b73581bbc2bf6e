package io.sluice.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A classic warehouse's clusters: only healthy, undrained ones get statements; draining lets
 * running statements finish; connections are recycled after their maximum lifetime. Health comes
 * from a probe the test controls, time from a clock it advances.
 */
@Timeout(60)
class TestClassicClusters {
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService launcher = Executors.newCachedThreadPool();
  private final TestingClock clock = new TestingClock();
  private final Set<Integer> downPorts = ConcurrentHashMap.newKeySet();

  @AfterEach
  void shutdown() {
    scheduler.shutdownNow();
    launcher.shutdownNow();
  }

  private ClassicClusters clusters(int... ports) {
    return new ClassicClusters(
        "classic",
        java.util.Arrays.stream(ports)
            .mapToObj(port -> new ClassicClusters.Endpoint("127.0.0.1", port))
            .toList(),
        new WarehouseSettings(1, ports.length, 1, 100, Duration.ZERO, Duration.ZERO, false),
        (host, port) -> !downPorts.contains(port),
        Duration.ofSeconds(10),
        Duration.ofMinutes(30),
        launcher,
        clock,
        scheduler,
        Duration.ofHours(1));
  }

  private static StatementSlot granted(SlotRequest request) throws Exception {
    return request.granted().get(10, TimeUnit.SECONDS);
  }

  @Test
  void onlyHealthyClustersGetStatements() throws Exception {
    try (ClassicClusters clusters = clusters(10001, 10002)) {
      downPorts.add(10002);
      clusters.checkHealth();
      assertThat(clusters.status())
          .extracting(ClassicClusters.ClusterStatus::health)
          .containsExactly(ClassicClusters.Health.HEALTHY, ClassicClusters.Health.UNHEALTHY);
      EngineManager scheduler = clusters.scheduler();
      StatementSlot first = granted(scheduler.request("alice", Optional.empty()));
      assertThat(first.engine().port()).isEqualTo(10001);
      SlotRequest second = scheduler.request("alice", Optional.empty());
      assertThat(second.isWaiting()).isTrue();

      downPorts.remove(10002);
      clusters.checkHealth();
      assertThat(granted(second).engine().port()).isEqualTo(10002);

      downPorts.add(10001);
      clusters.checkHealth();
      assertThat(first.engine().isAlive()).isFalse();
      assertThat(scheduler.snapshot().engines()).isEqualTo(1);
      first.release();
      second.granted().get().release();
      assertThat(granted(scheduler.request("bob", Optional.empty())).engine().port())
          .isEqualTo(10002);
    }
  }

  @Test
  void aDrainedClusterFinishesItsWorkButGetsNoNewStatements() throws Exception {
    try (ClassicClusters clusters = clusters(10001, 10002)) {
      clusters.checkHealth();
      EngineManager scheduler = clusters.scheduler();
      StatementSlot running = granted(scheduler.request("alice", Optional.empty()));
      int drainedPort = running.engine().port();
      int drainedIndex = drainedPort == 10001 ? 0 : 1;
      clusters.drain(drainedIndex, true);
      assertThat(clusters.status().get(drainedIndex).draining()).isTrue();
      assertThat(running.engine().isAlive()).isTrue();

      StatementSlot elsewhere = granted(scheduler.request("bob", Optional.empty()));
      assertThat(elsewhere.engine().port()).isNotEqualTo(drainedPort);
      SlotRequest waiting = scheduler.request("carol", Optional.empty());
      assertThat(waiting.isWaiting()).isTrue();
      running.release();
      clusters.checkHealth();
      assertThat(waiting.isWaiting()).isTrue();

      clusters.drain(drainedIndex, false);
      assertThat(granted(waiting).engine().port()).isEqualTo(drainedPort);
    }
  }

  @Test
  void connectionsAreReusedUntilTheirMaximumLifetime() throws Exception {
    try (TestingHiveServer2 server = new TestingHiveServer2();
        EngineConnectionPool pool =
            new EngineConnectionPool(
                "127.0.0.1",
                server.port(),
                Duration.ofSeconds(10),
                Duration.ofMinutes(5),
                clock,
                () -> "gone")) {
      var request =
          new io.sluice.protocol.thrift.TOpenSessionReq()
              .setClient_protocol(
                  io.sluice.protocol.thrift.TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10);
      pool.client().OpenSession(request);
      pool.client().OpenSession(request);
      assertThat(server.connections()).isEqualTo(1);
      clock.advance(Duration.ofMinutes(4));
      pool.client().OpenSession(request);
      assertThat(server.connections()).isEqualTo(1);
      clock.advance(Duration.ofMinutes(1));
      pool.client().OpenSession(request);
      assertThat(server.connections()).isEqualTo(2);
      assertThat(pool.idleConnections()).isEqualTo(1);
    }
  }

  @Test
  void theRealProbeTellsAServingEndpointFromAClosedPort() throws Exception {
    try (TestingHiveServer2 server = new TestingHiveServer2()) {
      HiveServer2Probe probe = new HiveServer2Probe(Duration.ofSeconds(5));
      assertThat(probe.isHealthy("127.0.0.1", server.port())).isTrue();
      int port = server.port();
      server.close();
      assertThat(probe.isHealthy("127.0.0.1", port)).isFalse();
    }
  }
}
