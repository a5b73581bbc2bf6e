package io.sluice.gateway.history;

import io.sluice.planner.StatementAnalysis;

/**
 * Told about every statement once its life is over (closed, failed to start, or canceled), and
 * about what the planner learned of it once it was authorized and before it reaches an engine.
 */
@FunctionalInterface
public interface StatementListener {
  void statementCompleted(QueryRecord record);

  /** The statement {@code statementId} was planned and authorized; it goes to an engine next. */
  default void statementPlanned(String statementId, StatementAnalysis analysis) {}
}
