package io.sluice.pool;

/** An engine could not be started; the message says why, for the user who ran a statement. */
public final class EngineStartException extends Exception {
  private static final long serialVersionUID = 1L;

  public EngineStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
