package io.sluice.planner;

import static java.util.Objects.requireNonNull;

/** A statement the planner refuses: the message and SQLSTATE go to the client unchanged. */
public final class PlanningException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String sqlState;

  public PlanningException(String message, String sqlState) {
    super(requireNonNull(message, "message is null"));
    this.sqlState = requireNonNull(sqlState, "sqlState is null");
  }

  /** The text is not Spark SQL. */
  public static PlanningException syntaxError(String message) {
    return new PlanningException(message, SqlStates.SYNTAX_ERROR);
  }

  /** The statement would bypass the gateway. */
  public static PlanningException refused(String message) {
    return new PlanningException(message, SqlStates.INSUFFICIENT_PRIVILEGE);
  }

  /** Valid Spark SQL that the gateway does not run. */
  public static PlanningException unsupported(String message) {
    return new PlanningException(message, SqlStates.FEATURE_NOT_SUPPORTED);
  }

  public String sqlState() {
    return sqlState;
  }
}
