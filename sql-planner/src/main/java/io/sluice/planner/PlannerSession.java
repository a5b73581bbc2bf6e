package io.sluice.planner;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Set;

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

  /**
   * Analyzes a statement in this session, with {@code catalogs} as the catalogs that exist now, has
   * {@code authorizer} decide on it, rewrites it with the row filters and column masks that apply,
   * and only then applies its effect on the session. The analysis returned carries the text the
   * engine must run.
   */
  public synchronized StatementAnalysis plan(
      SqlPlanner planner, String sql, Set<String> catalogs, StatementAuthorizer authorizer)
      throws PlanningException {
    SessionContext current = context.withCatalogs(catalogs);
    StatementAnalysis analysis = planner.analyze(sql, current);
    Map<ObjectName, ReadRewrite> tables = authorizer.authorize(current, analysis);
    StatementAnalysis rewritten =
        analysis.withEngineSql(
            authorizer.answerIdentity(
                StatementRewriter.rewrite(
                    analysis, tables, authorizer.functions(current, analysis))));
    context = analysis.sessionAfter().orElse(current);
    return rewritten;
  }

  public synchronized SessionContext context() {
    return context;
  }
}
