package io.sluice.planner;

import static java.util.Objects.requireNonNull;

/**
 * One client session's planning state: the {@link SessionContext} its statements are resolved in,
 * moved on by the statements that change it (USE, SET CATALOG, temporary views) once the planner
 * accepts them. Thread-safe.
 */
public final class PlannerSession {
  private SessionContext context;

  public PlannerSession(SessionContext context) {
    this.context = requireNonNull(context, "context is null");
  }

  /** Analyzes a statement in this session and applies its effect on the session. */
  public synchronized StatementAnalysis plan(SqlPlanner planner, String sql)
      throws PlanningException {
    StatementAnalysis analysis = planner.analyze(sql, context);
    analysis.sessionAfter().ifPresent(next -> context = next);
    return analysis;
  }

  public synchronized SessionContext context() {
    return context;
  }
}
