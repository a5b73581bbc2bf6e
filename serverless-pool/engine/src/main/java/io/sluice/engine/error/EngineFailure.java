package io.sluice.engine.error;

/** A failure as a client sees it: a message and a SQLSTATE. */
public record EngineFailure(String message, String sqlState) {

  public EngineFailure {
    message = message == null || message.isBlank() ? "Unknown error" : message;
    sqlState = sqlState == null ? SqlStates.INTERNAL_ERROR : sqlState;
  }
}
