package io.sluice.gateway.history;

import static java.util.Objects.requireNonNull;

/**
 * A statement submitted through a gateway API rather than Thrift: the id the API already gave the
 * client, and the text as the client wrote it (before parameters were bound).
 */
public record StatementOrigin(String statementId, String clientText) {
  public StatementOrigin {
    requireNonNull(statementId, "statementId is null");
    requireNonNull(clientText, "clientText is null");
  }
}
