package io.sluice.planner;

/**
 * Decides whether a principal may run an analyzed statement. Implemented by governance (not in this
 * module): it resolves each {@link ObjectReference} against the metastore (builtin functions need
 * no privilege; {@link ObjectType#TEMPORARY_VIEW} references were checked when the view was
 * created), and fails with one {@code INSUFFICIENT_PERMISSIONS} error (SQLSTATE 42501) naming every
 * missing privilege. The planner never forwards a statement that an authorizer refused.
 */
@FunctionalInterface
public interface StatementAuthorizer {
  void authorize(String principal, StatementAnalysis analysis) throws PlanningException;
}
