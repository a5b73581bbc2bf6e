package io.sluice.engine.catalog;

/** A metastore call the gateway refused or could not answer; {@link #errorCode} is its code. */
public final class GatewayMetastoreException extends RuntimeException {
  private final String errorCode;

  GatewayMetastoreException(String errorCode, String message, Throwable cause) {
    super(message, cause);
    this.errorCode = errorCode;
  }

  public String errorCode() {
    return errorCode;
  }

  boolean alreadyExists() {
    return errorCode.equals("RESOURCE_ALREADY_EXISTS");
  }

  boolean notEmpty() {
    return errorCode.equals("INVALID_STATE");
  }
}
