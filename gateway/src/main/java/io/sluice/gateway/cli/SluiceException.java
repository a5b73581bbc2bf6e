package io.sluice.gateway.cli;

import static java.util.Objects.requireNonNull;

/** A failure to report to the client as an error status with a message and SQLSTATE. */
public class SluiceException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String sqlState;

  public SluiceException(String message, String sqlState) {
    this(message, sqlState, null);
  }

  public SluiceException(String message, String sqlState, Throwable cause) {
    super(requireNonNull(message, "message is null"), cause);
    this.sqlState = requireNonNull(sqlState, "sqlState is null");
  }

  public String sqlState() {
    return sqlState;
  }
}
