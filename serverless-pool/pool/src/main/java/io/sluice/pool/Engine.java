package io.sluice.pool;

import static java.util.Objects.requireNonNull;

import io.sluice.protocol.thrift.TCLIService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A running engine as the gateway sees it: its process, a thread-safe client, a generation number
 * (so sessions opened on an engine that has since been replaced know to reopen), and the time it
 * was last used, from which the manager decides when it is idle.
 */
public final class Engine {
  private static final Duration LOST_CONNECTION_EXIT_WAIT = Duration.ofSeconds(2);

  private final long generation;
  private final EngineBackend process;
  private final EngineConnectionPool connections;
  private final Clock clock;
  private final AtomicReference<Instant> lastUsed;

  Engine(long generation, EngineBackend process, Duration callTimeout, Clock clock) {
    this(generation, process, callTimeout, Duration.ZERO, clock);
  }

  /** {@code connectionLifetime} recycles backend connections older than it; zero keeps them. */
  Engine(
      long generation,
      EngineBackend process,
      Duration callTimeout,
      Duration connectionLifetime,
      Clock clock) {
    this.generation = generation;
    this.process = requireNonNull(process, "process is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.connections =
        new EngineConnectionPool(
            process.host(),
            process.port(),
            callTimeout,
            connectionLifetime,
            clock,
            this::describeLostConnection);
    this.lastUsed = new AtomicReference<>(clock.instant());
  }

  public long generation() {
    return generation;
  }

  /** A client for this engine; every call counts as activity for the idle timer. */
  public TCLIService.Iface client() {
    markUsed();
    return connections.client();
  }

  /** FetchResults, with the engine's encoded reply; see {@link EngineConnectionPool}. */
  public byte[] fetchResultsEncoded(io.sluice.protocol.thrift.TFetchResultsReq request)
      throws org.apache.thrift.TException {
    markUsed();
    return connections.fetchResultsEncoded(request);
  }

  /** The secret every engine session must present in {@code TOpenSessionReq.password}. */
  public String secret() {
    return process.secret();
  }

  public String host() {
    return process.host();
  }

  public int port() {
    return process.port();
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Completes when the engine process has exited. */
  java.util.concurrent.CompletableFuture<Void> exited() {
    return process.exited();
  }

  /**
   * Why a connection to the engine failed. A killed process is seen to exit a moment after its
   * sockets close, so this waits briefly for the exit: the message then says how the engine ended,
   * and the manager no longer counts a dead engine as alive.
   */
  private String describeLostConnection() {
    try {
      process.exited().get(LOST_CONNECTION_EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // Still running (a network failure) or gone in an unexpected way: describe what is known.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return process.describeExit();
  }

  public String describeExit() {
    return process.describeExit();
  }

  public void markUsed() {
    lastUsed.set(clock.instant());
  }

  Instant lastUsed() {
    return lastUsed.get();
  }

  void stop(Duration grace) {
    connections.close();
    process.stop(grace);
  }

  void kill() {
    connections.close();
    process.kill();
  }
}
