package io.sluice.gateway.cli;

import static java.util.Objects.requireNonNull;

import io.sluice.gateway.auth.TokenAuthenticator;
import io.sluice.gateway.governance.GovernanceStatementService;
import io.sluice.gateway.history.QueryRecorder;
import io.sluice.gateway.session.SessionManager;
import io.sluice.planner.SqlPlanner;
import io.sluice.pool.EngineManager;
import java.util.concurrent.Executor;

/**
 * What every Thrift call needs: sessions, engines, token authentication, the query history, an
 * executor for work that need not delay a reply, the SQL planner every statement passes before it
 * reaches an engine, and the governance statements the gateway answers itself.
 */
public record GatewayServices(
    SessionManager sessions,
    EngineManager engines,
    TokenAuthenticator authenticator,
    QueryRecorder history,
    Executor background,
    SqlPlanner planner,
    GovernanceStatementService governanceStatements) {
  public GatewayServices {
    requireNonNull(sessions, "sessions is null");
    requireNonNull(engines, "engines is null");
    requireNonNull(authenticator, "authenticator is null");
    requireNonNull(history, "history is null");
    requireNonNull(background, "background is null");
    requireNonNull(planner, "planner is null");
    requireNonNull(governanceStatements, "governanceStatements is null");
  }
}
