package io.sluice.protocol.transport;

import io.netty.util.AttributeKey;

/** Channel attributes that the binary transport sets for the handlers after it. */
public final class TransportAttributes {
  /**
   * The principal authenticated by the SASL PLAIN handshake. Absent on NOSASL connections, whose
   * clients send their credentials in {@code TOpenSessionReq} instead.
   */
  public static final AttributeKey<String> PRINCIPAL =
      AttributeKey.valueOf(TransportAttributes.class, "principal");

  private TransportAttributes() {}
}
