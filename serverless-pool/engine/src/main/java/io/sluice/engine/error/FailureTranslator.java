package io.sluice.engine.error;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.catalyst.parser.ParseException;

/**
 * Turns an exception into what the client sees. Spark's own errors keep their message and SQLSTATE
 * (a parse error without one gets 42601); anything else becomes a generic message with SQLSTATE
 * XX000.
 */
public final class FailureTranslator {
  private FailureTranslator() {}

  public static EngineFailure translate(Throwable failure) {
    Throwable unwrapped = unwrap(failure);
    if (unwrapped instanceof SparkThrowable sparkFailure) {
      String sqlState = sparkFailure.getSqlState();
      if (sqlState == null) {
        sqlState = nestedSqlState(unwrapped.getCause());
      }
      if (sqlState == null && unwrapped instanceof ParseException) {
        sqlState = SqlStates.SYNTAX_ERROR;
      }
      return new EngineFailure(messageOf(unwrapped), sqlState);
    }
    String nested = nestedSqlState(unwrapped.getCause());
    return new EngineFailure("Error running query: " + unwrapped, nested);
  }

  private static String messageOf(Throwable failure) {
    if (failure instanceof AnalysisException analysisFailure) {
      // getMessage() appends the analyzed plan; clients get the message alone.
      return analysisFailure.getSimpleMessage();
    }
    return failure.getMessage();
  }

  private static String nestedSqlState(Throwable cause) {
    for (Throwable current = cause; current != null; current = current.getCause()) {
      if (current instanceof SparkThrowable sparkFailure && sparkFailure.getSqlState() != null) {
        return sparkFailure.getSqlState();
      }
      if (current.getCause() == current) {
        break;
      }
    }
    return null;
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    while ((current instanceof ExecutionException
            || current instanceof CompletionException
            || current instanceof InvocationTargetException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
