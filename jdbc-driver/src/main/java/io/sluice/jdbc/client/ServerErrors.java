package io.sluice.jdbc.client;

import io.sluice.protocol.thrift.TStatus;
import io.sluice.protocol.thrift.TStatusCode;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import org.apache.thrift.TException;
import org.apache.thrift.transport.TTransportException;

/** Turns what the server or the network says into {@link SQLException}s with SQLSTATEs. */
public final class ServerErrors {
  /** Could not connect (class 08: connection exception). */
  public static final String UNABLE_TO_CONNECT = "08001";

  /** The connection broke while in use. */
  public static final String CONNECTION_FAILURE = "08006";

  /** The connection is closed. */
  public static final String CONNECTION_DOES_NOT_EXIST = "08003";

  public static final String INVALID_AUTHORIZATION = "28000";
  public static final String OPERATION_CANCELLED = "HY008";
  public static final String TIMEOUT = "HYT00";
  public static final String GENERAL_ERROR = "HY000";

  private ServerErrors() {}

  /** Fails unless {@code status} is a success; the exception carries the server's SQLSTATE. */
  public static void check(TStatus status) throws SQLException {
    if (status == null) {
      throw new SQLException("The server sent no status", GENERAL_ERROR);
    }
    TStatusCode code = status.getStatusCode();
    if (code == TStatusCode.SUCCESS_STATUS || code == TStatusCode.SUCCESS_WITH_INFO_STATUS) {
      return;
    }
    throw serverError(
        status.getErrorMessage() == null ? "The server reported " + code : status.getErrorMessage(),
        status.getSqlState(),
        status.getErrorCode());
  }

  public static SQLException serverError(String message, String sqlState, int errorCode) {
    String state = sqlState == null || sqlState.isBlank() ? GENERAL_ERROR : sqlState;
    if (state.equals(INVALID_AUTHORIZATION)) {
      return new SQLInvalidAuthorizationSpecException(message, state, errorCode);
    }
    if (state.startsWith("08")) {
      return new SQLNonTransientConnectionException(message, state, errorCode);
    }
    return new SQLException(message, state, errorCode);
  }

  /** A failure while connecting. */
  public static SQLException connectFailure(String target, Exception cause) {
    if (cause instanceof AuthenticationFailedException) {
      return new SQLInvalidAuthorizationSpecException(
          cause.getMessage(), INVALID_AUTHORIZATION, cause);
    }
    if (cause instanceof SQLException sql) {
      return sql;
    }
    return new SQLNonTransientConnectionException(
        "Cannot connect to " + target + ": " + describe(cause), UNABLE_TO_CONNECT, cause);
  }

  /** A failure of a call on an open connection. */
  public static SQLException callFailure(String call, TException cause) {
    if (cause instanceof AuthenticationFailedException) {
      return new SQLInvalidAuthorizationSpecException(
          cause.getMessage(), INVALID_AUTHORIZATION, cause);
    }
    if (cause instanceof TTransportException transport
        && transport.getCause() instanceof java.net.SocketTimeoutException) {
      return new SQLTimeoutException(
          call + " got no reply within the socket timeout", TIMEOUT, cause);
    }
    if (cause instanceof TTransportException) {
      return new SQLNonTransientConnectionException(
          call + " failed, the connection is broken: " + describe(cause),
          CONNECTION_FAILURE,
          cause);
    }
    return new SQLTransientConnectionException(
        call + " failed: " + describe(cause), CONNECTION_FAILURE, cause);
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    if (message == null && cause.getCause() != null) {
      message = cause.getCause().toString();
    }
    return message == null ? cause.getClass().getSimpleName() : message;
  }
}
