package io.sluice.gateway.cli;

import io.sluice.protocol.thrift.TStatus;
import io.sluice.protocol.thrift.TStatusCode;

/** TStatus values the gateway answers with. */
public final class Statuses {
  /** SQLSTATE for a lost engine connection (connection failure). */
  public static final String CONNECTION_FAILURE = "08006";

  public static final String INVALID_AUTHORIZATION = "28000";
  public static final String FEATURE_NOT_SUPPORTED = "0A000";
  public static final String INTERNAL_ERROR = "XX000";

  private Statuses() {}

  public static TStatus success() {
    return new TStatus(TStatusCode.SUCCESS_STATUS);
  }

  public static TStatus error(String message, String sqlState) {
    return new TStatus(TStatusCode.ERROR_STATUS)
        .setErrorMessage(message)
        .setDisplayMessage(message)
        .setSqlState(sqlState)
        .setErrorCode(0);
  }

  public static boolean isSuccess(TStatus status) {
    return status != null
        && (status.getStatusCode() == TStatusCode.SUCCESS_STATUS
            || status.getStatusCode() == TStatusCode.SUCCESS_WITH_INFO_STATUS);
  }
}
