package io.sluice.governance;

import static java.util.Objects.requireNonNull;

/**
 * A governance request that cannot be carried out, with Databricks' error class (for example {@code
 * CATALOG_NOT_FOUND}) and the SQLSTATE that goes with it. The message starts with the error class
 * in brackets, as Databricks' messages do.
 */
public class GovernanceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String errorClass;
  private final String sqlState;

  public GovernanceException(String errorClass, String sqlState, String message) {
    super("[" + requireNonNull(errorClass, "errorClass is null") + "] " + message);
    this.errorClass = errorClass;
    this.sqlState = requireNonNull(sqlState, "sqlState is null");
  }

  public static GovernanceException notFound(String errorClass, String message) {
    return new GovernanceException(
        errorClass, errorClass.startsWith("TABLE") ? "42P01" : "42704", message);
  }

  public static GovernanceException alreadyExists(String errorClass, String message) {
    return new GovernanceException(errorClass, "42P07", message);
  }

  public static GovernanceException invalid(String message) {
    return new GovernanceException("INVALID_PARAMETER_VALUE", "22023", message);
  }

  public String errorClass() {
    return errorClass;
  }

  public String sqlState() {
    return sqlState;
  }
}
