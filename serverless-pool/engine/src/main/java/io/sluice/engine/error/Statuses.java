package io.sluice.engine.error;

import io.sluice.protocol.thrift.TStatus;
import io.sluice.protocol.thrift.TStatusCode;

/** Builds {@code TStatus} values. */
public final class Statuses {
  private Statuses() {}

  public static TStatus success() {
    return new TStatus(TStatusCode.SUCCESS_STATUS);
  }

  public static TStatus error(EngineFailure failure) {
    return new TStatus(TStatusCode.ERROR_STATUS)
        .setErrorMessage(failure.message())
        .setDisplayMessage(failure.message())
        .setSqlState(failure.sqlState())
        .setErrorCode(0);
  }

  public static TStatus error(String message, String sqlState) {
    return error(new EngineFailure(message, sqlState));
  }
}
