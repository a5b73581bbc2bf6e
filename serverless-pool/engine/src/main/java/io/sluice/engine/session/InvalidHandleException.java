package io.sluice.engine.session;

/** A session or operation handle that the engine does not know, or with the wrong secret. */
public final class InvalidHandleException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidHandleException(String message) {
    super(message);
  }
}
