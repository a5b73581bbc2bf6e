package io.sluice.gateway.history;

/** Told about every statement once its life is over (closed, failed to start, or canceled). */
@FunctionalInterface
public interface StatementListener {
  void statementCompleted(QueryRecord record);
}
