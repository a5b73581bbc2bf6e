package io.sluice.jdbc.client;

import org.apache.thrift.transport.TTransportException;

/** The server refused the credentials (SASL BAD/ERROR, HTTP 401 or 403). */
public final class AuthenticationFailedException extends TTransportException {
  private static final long serialVersionUID = 1L;

  public AuthenticationFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
