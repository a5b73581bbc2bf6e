package io.sluice.protocol.transport;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How much time and memory one connection on the binary port may claim before it is closed.
 *
 * @param maxMessageBytes the largest Thrift message, and the largest SASL frame, accepted; larger
 *     ones close the connection as soon as their declared size is seen, without buffering them
 * @param handshakeTimeout how long a new connection may take to complete the SASL handshake, or,
 *     without SASL, to send its first complete message
 * @param partialMessageTimeout how long a partially received message or SASL frame may stay
 *     incomplete; this bounds clients that stall in the middle of a message
 */
public record ThriftTransportLimits(
    int maxMessageBytes, Duration handshakeTimeout, Duration partialMessageTimeout) {
  public ThriftTransportLimits {
    requireNonNull(handshakeTimeout, "handshakeTimeout is null");
    requireNonNull(partialMessageTimeout, "partialMessageTimeout is null");
    if (maxMessageBytes <= 0) {
      throw new IllegalArgumentException("maxMessageBytes must be positive: " + maxMessageBytes);
    }
    if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
      throw new IllegalArgumentException("handshakeTimeout must be positive: " + handshakeTimeout);
    }
    if (partialMessageTimeout.isNegative() || partialMessageTimeout.isZero()) {
      throw new IllegalArgumentException(
          "partialMessageTimeout must be positive: " + partialMessageTimeout);
    }
  }

  /** 16 MiB messages, 30 seconds to complete the handshake, 60 seconds to finish a message. */
  public static ThriftTransportLimits defaults() {
    return new ThriftTransportLimits(
        16 * 1024 * 1024, Duration.ofSeconds(30), Duration.ofSeconds(60));
  }
}
