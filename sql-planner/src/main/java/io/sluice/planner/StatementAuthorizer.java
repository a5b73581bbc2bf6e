package io.sluice.planner;

import java.util.Map;

/**
 * Decides whether a principal may run an analyzed statement. Implemented by the gateway over
 * governance (not in this module): it resolves each {@link ObjectReference} against the metastore
 * (builtin functions need no privilege; {@link ObjectType#TEMPORARY_VIEW} references were checked
 * when the view was created), and fails with one {@code INSUFFICIENT_PERMISSIONS} error (SQLSTATE
 * 42501) naming every missing privilege. A statement an authorizer refused is never forwarded, and
 * its effect on the session (USE, temporary views) is not applied.
 */
public interface StatementAuthorizer {
  /**
   * @param session the session the statement was resolved in (before the statement's own effect)
   * @param analysis what the planner learned about the statement
   * @return what stands in for each table the statement reads that has a row filter or column
   *     masks, and for each view; tables not in the map are read as they are
   */
  Map<ObjectName, ReadRewrite> authorize(SessionContext session, StatementAnalysis analysis)
      throws PlanningException;

  /**
   * The functions of the metastore the statement calls, after {@link #authorize} allowed it: each
   * call is replaced by the function's body. None by default.
   */
  default Map<ObjectName, InlinedFunction> functions(
      SessionContext session, StatementAnalysis analysis) throws PlanningException {
    return Map.of();
  }

  /**
   * The engine text with what only the gateway can answer answered (who runs the statement and the
   * groups they are in); as given by default.
   */
  default String answerIdentity(String engineSql) throws PlanningException {
    return engineSql;
  }
}
