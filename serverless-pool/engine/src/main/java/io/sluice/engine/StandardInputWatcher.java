package io.sluice.engine;

import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exits the engine when its standard input reaches end of file. The gateway holds the other end of
 * the pipe, so an engine never outlives its gateway, even one killed with SIGKILL.
 */
final class StandardInputWatcher {
  private static final Logger LOG = LoggerFactory.getLogger(StandardInputWatcher.class);

  private StandardInputWatcher() {}

  /** Starts a daemon thread that drains {@code input} and calls {@code System.exit(0)} at EOF. */
  static void exitOnEndOfInput(InputStream input) {
    Thread watcher =
        new Thread(
            () -> {
              byte[] buffer = new byte[256];
              try {
                while (input.read(buffer) >= 0) {
                  // The gateway never writes; anything it sends is ignored.
                }
                LOG.info("Standard input closed; the engine is shutting down");
              } catch (IOException readFailure) {
                LOG.warn("Standard input failed; the engine is shutting down", readFailure);
              }
              System.exit(0);
            },
            "sluice-engine-stdin-watcher");
    watcher.setDaemon(true);
    watcher.start();
  }
}
