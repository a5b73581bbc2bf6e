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

  /**
   * The password that authenticated the SASL PLAIN handshake (a personal access token), kept so
   * that the server can re-check on every call that it is still valid: revoking a token must end
   * the access of connections already open with it.
   */
  public static final AttributeKey<String> CREDENTIAL =
      AttributeKey.valueOf(TransportAttributes.class, "credential");

  private TransportAttributes() {}
}
