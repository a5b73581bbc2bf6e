package io.sluice.protocol.transport;

/**
 * The bytes on a connection are not a strict binary Thrift message within the configured limits.
 */
public final class MalformedThriftException extends Exception {
  private static final long serialVersionUID = 1L;

  public MalformedThriftException(String message) {
    super(message);
  }
}
