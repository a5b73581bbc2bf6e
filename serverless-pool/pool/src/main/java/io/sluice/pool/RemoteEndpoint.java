package io.sluice.pool;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A HiveServer2-compatible server the gateway was given (a classic warehouse's cluster), as an
 * engine backend: alive until the gateway retires it (unhealthy, drained or removed). The server
 * itself is not the gateway's to stop.
 */
final class RemoteEndpoint implements EngineBackend {
  private final String host;
  private final int port;
  private final CompletableFuture<Void> retired = new CompletableFuture<>();
  private volatile String retiredBecause = "";

  RemoteEndpoint(String host, int port) {
    this.host = requireNonNull(host, "host is null");
    this.port = port;
  }

  void retire(String reason) {
    retiredBecause = reason;
    retired.complete(null);
  }

  @Override
  public String host() {
    return host;
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public String secret() {
    return "";
  }

  @Override
  public long pid() {
    return -1;
  }

  @Override
  public boolean isAlive() {
    return !retired.isDone();
  }

  @Override
  public CompletableFuture<Void> exited() {
    return retired.copy();
  }

  @Override
  public String describeExit() {
    return isAlive()
        ? "the HiveServer2 endpoint " + host + ":" + port + " is serving"
        : "the HiveServer2 endpoint " + host + ":" + port + " " + retiredBecause;
  }

  @Override
  public void stop(Duration grace) {
    retire("was taken out of service");
  }

  @Override
  public void kill() {
    retire("was taken out of service");
  }
}
