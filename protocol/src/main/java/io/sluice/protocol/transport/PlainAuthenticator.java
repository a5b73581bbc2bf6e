package io.sluice.protocol.transport;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Checks the user name and password of a SASL PLAIN handshake.
 *
 * <p>Called on the connection's event loop, so it must not block: do the work elsewhere and
 * complete the stage from there.
 */
@FunctionalInterface
public interface PlainAuthenticator {
  /**
   * Returns a stage that completes with the authenticated principal's name, or with empty when the
   * credentials are rejected. A stage that completes exceptionally is an internal error: the client
   * receives a SASL ERROR with a generic message and the failure is logged.
   */
  CompletionStage<Optional<String>> authenticate(String username, String password);
}
