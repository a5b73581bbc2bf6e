package io.sluice.protocol.transport;

import static java.util.Objects.requireNonNull;

/**
 * The client broke the SASL negotiation; the message is sent back to it with the status, so it must
 * not reveal anything the client should not learn.
 */
final class SaslNegotiationException extends Exception {
  private static final long serialVersionUID = 1L;

  private final SaslStatus replyStatus;

  SaslNegotiationException(SaslStatus replyStatus, String message) {
    super(message);
    this.replyStatus = requireNonNull(replyStatus, "replyStatus is null");
  }

  SaslNegotiationException(String message) {
    this(SaslStatus.BAD, message);
  }

  SaslStatus replyStatus() {
    return replyStatus;
  }
}
