package io.sluice.pool;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * What runs an engine's TCLIService: a process the gateway launched ({@link EngineProcess}) or a
 * HiveServer2-compatible server it was given ({@link RemoteEndpoint}).
 */
interface EngineBackend {
  String host();

  int port();

  /** The OpenSession password the backend expects (ignored by servers without authentication). */
  String secret();

  /** The process id, or -1 for a server the gateway did not start. */
  long pid();

  boolean isAlive();

  /** Completes when the backend is gone for good. */
  CompletableFuture<Void> exited();

  /** A sentence for users explaining how the backend ended, or that it still runs. */
  String describeExit();

  void stop(Duration grace);

  void kill();
}
