package io.sluice.gateway.cli;

import static java.util.Objects.requireNonNull;

import io.sluice.gateway.auth.TokenAuthenticator;
import io.sluice.gateway.governance.GovernanceStatementService;
import io.sluice.gateway.governance.GovernedStatementAuthorizer;
import io.sluice.gateway.history.QueryRecorder;
import io.sluice.gateway.session.GatewaySession;
import io.sluice.gateway.session.SessionManager;
import io.sluice.gateway.warehouse.WarehouseRegistry;
import io.sluice.planner.SqlPlanner;
import io.sluice.pool.EngineManager;
import java.util.concurrent.Executor;

/**
 * What every Thrift call needs: sessions, warehouses and their engines, token authentication, the
 * query history, an executor for work that need not delay a reply, the SQL planner and the
 * authorizer every statement passes before it reaches an engine, and the governance statements the
 * gateway answers itself.
 */
public record GatewayServices(
    SessionManager sessions,
    WarehouseRegistry warehouses,
    TokenAuthenticator authenticator,
    QueryRecorder history,
    Executor background,
    SqlPlanner planner,
    GovernedStatementAuthorizer authorizer,
    GovernanceStatementService governanceStatements) {
  /** SQLSTATE for a session whose warehouse does not exist (the connection is refused). */
  public static final String UNKNOWN_WAREHOUSE = "08004";

  public GatewayServices {
    requireNonNull(sessions, "sessions is null");
    requireNonNull(warehouses, "warehouses is null");
    requireNonNull(authenticator, "authenticator is null");
    requireNonNull(history, "history is null");
    requireNonNull(background, "background is null");
    requireNonNull(planner, "planner is null");
    requireNonNull(authorizer, "authorizer is null");
    requireNonNull(governanceStatements, "governanceStatements is null");
  }

  /** The engines of the session's warehouse; fails when the warehouse has been deleted. */
  public EngineManager engines(GatewaySession session) throws SluiceException {
    return warehouses
        .find(session.warehouseId())
        .orElseThrow(
            () ->
                new SluiceException(
                    "Warehouse '" + session.warehouseId() + "' does not exist any more",
                    UNKNOWN_WAREHOUSE))
        .engines();
  }
}
