package io.sluice.engine.catalog;

import java.util.Map;
import org.apache.spark.SparkThrowable;

/**
 * What a governance catalog does not do (another table format, a LOCATION, a column rename): a
 * Spark error with SQLSTATE {@value #SQL_STATE}, so the client sees why and the gateway's usual
 * feature-not-supported code.
 */
public final class UnsupportedCatalogOperation extends RuntimeException implements SparkThrowable {
  static final String SQL_STATE = "0A000";
  private static final long serialVersionUID = 1L;

  UnsupportedCatalogOperation(String message) {
    super("[UNSUPPORTED_FEATURE] " + message);
  }

  @Override
  public String getCondition() {
    return "UNSUPPORTED_FEATURE";
  }

  @Override
  public String getSqlState() {
    return SQL_STATE;
  }

  @Override
  public Map<String, String> getMessageParameters() {
    return Map.of();
  }
}
