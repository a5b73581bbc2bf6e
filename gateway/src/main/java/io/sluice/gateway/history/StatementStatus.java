package io.sluice.gateway.history;

/** Where a statement is in its life, with Databricks' Query History names. */
public enum StatementStatus {
  QUEUED,
  RUNNING,
  FINISHED,
  FAILED,
  CANCELED;

  /** Whether the statement will not change status again. */
  public boolean isFinal() {
    return this == FINISHED || this == FAILED || this == CANCELED;
  }
}
