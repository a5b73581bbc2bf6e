package io.sluice.gateway.session;

import static java.util.Objects.requireNonNull;

import io.sluice.gateway.cli.SluiceException;
import io.sluice.gateway.cli.Statuses;
import io.sluice.planner.PlannerSession;
import io.sluice.planner.PlanningException;
import io.sluice.planner.SessionContext;
import io.sluice.planner.SqlPlanner;
import io.sluice.planner.StatementAnalysis;
import io.sluice.planner.StatementAuthorizer;
import io.sluice.planner.StatementKind;
import io.sluice.pool.Engine;
import io.sluice.protocol.thrift.TNamespace;
import io.sluice.protocol.thrift.TOpenSessionReq;
import io.sluice.protocol.thrift.TOpenSessionResp;
import io.sluice.protocol.thrift.TProtocolVersion;
import io.sluice.protocol.thrift.TSessionHandle;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.thrift.TException;

/**
 * A client session. Its engine session is opened on first use and reopened, with the client's
 * original settings, when the engine it was on has been replaced (after a crash or an idle stop).
 */
public final class GatewaySession {
  /** The engine session is opened with the newest protocol the engine speaks. */
  private static final long ENGINE_PROTOCOL =
      TProtocolVersion.SPARK_CLI_SERVICE_PROTOCOL_V8.getValue();

  private final TSessionHandle handle;
  private final String principal;
  private final String warehouseId;
  private final NegotiatedProtocol protocol;
  private final Map<String, String> configuration;
  private final Optional<TNamespace> initialNamespace;
  private final Optional<String> credentialId;
  private final Map<String, GatewayOperation> operations = new ConcurrentHashMap<>();
  private final PlannerSession planner;
  private EngineSession engineSession;

  GatewaySession(
      TSessionHandle handle,
      String principal,
      String warehouseId,
      NegotiatedProtocol protocol,
      Map<String, String> configuration,
      Optional<TNamespace> initialNamespace,
      Optional<String> credentialId) {
    this.handle = requireNonNull(handle, "handle is null");
    this.credentialId = requireNonNull(credentialId, "credentialId is null");
    this.principal = requireNonNull(principal, "principal is null");
    this.warehouseId = requireNonNull(warehouseId, "warehouseId is null");
    this.protocol = requireNonNull(protocol, "protocol is null");
    this.configuration =
        SessionSettings.forEngine(requireNonNull(configuration, "configuration is null"));
    this.initialNamespace = requireNonNull(initialNamespace, "initialNamespace is null");
    this.planner =
        new PlannerSession(
            SessionContext.initial(SessionSettings.initialSchema(configuration, initialNamespace)));
  }

  public TSessionHandle handle() {
    return handle;
  }

  public String principal() {
    return principal;
  }

  /** The id of the access token the session was opened with, re-checked on every call. */
  public Optional<String> credentialId() {
    return credentialId;
  }

  /** The catalog and schema the client asked to start in, if any. */
  public Optional<TNamespace> initialNamespace() {
    return initialNamespace;
  }

  public NegotiatedProtocol protocol() {
    return protocol;
  }

  /**
   * Plans and authorizes a statement in this session: its analysis with the text to send to the
   * engine, or the refusal as an error for the client. Nothing the planner or the authorizer
   * refuses reaches an engine. {@code catalogs} are the catalogs that exist now.
   */
  public StatementAnalysis plan(
      SqlPlanner sqlPlanner, String statement, Set<String> catalogs, StatementAuthorizer authorizer)
      throws SluiceException {
    StatementAnalysis analysis;
    try {
      analysis = planner.plan(sqlPlanner, statement == null ? "" : statement, catalogs, authorizer);
    } catch (PlanningException refused) {
      throw new SluiceException(refused.getMessage(), refused.sqlState());
    }
    if (analysis.kind() == StatementKind.GOVERNANCE) {
      // Governance answers the forms it knows before planning; what reaches here is a form it
      // does not support, and it must never reach an engine.
      throw new SluiceException(
          "This form of "
              + analysis.operation()
              + " is not supported; see the README's Governance section for the statements the"
              + " gateway answers",
          Statuses.FEATURE_NOT_SUPPORTED);
    }
    return analysis;
  }

  /** The warehouse this session's statements run on. */
  public String warehouseId() {
    return warehouseId;
  }

  /** The engine this session's state lives on, while it runs: its statements go there. */
  public synchronized Optional<Engine> pinnedEngine() {
    return openEngineSession().map(EngineSession::engine);
  }

  /**
   * The session's engine session on {@code engine}, opened with the client's original settings when
   * the session has none there (its first statement, or its engine was replaced).
   */
  public synchronized EngineSession engineSession(Engine engine)
      throws SluiceException, TException {
    if (engineSession != null && engineSession.engine() == engine) {
      return engineSession;
    }
    Map<String, String> engineConfiguration = new HashMap<>(configuration);
    engineConfiguration.put("sluice.user", principal);
    TOpenSessionReq request =
        new TOpenSessionReq()
            // Classic clusters (Spark's own Thrift server) read only the Hive field.
            .setClient_protocol(TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10)
            .setClient_protocol_i64(ENGINE_PROTOCOL)
            .setUsername(principal)
            .setPassword(engine.secret())
            .setConfiguration(engineConfiguration);
    initialNamespace.ifPresent(request::setInitialNamespace);
    TOpenSessionResp response = engine.client().OpenSession(request);
    if (!Statuses.isSuccess(response.getStatus())) {
      throw new SluiceException(
          response.getStatus().getErrorMessage(),
          Optional.ofNullable(response.getStatus().getSqlState()).orElse(Statuses.INTERNAL_ERROR));
    }
    engineSession = new EngineSession(engine, response.getSessionHandle());
    return engineSession;
  }

  /** The engine session, if one was opened and its engine still runs. */
  public synchronized Optional<EngineSession> openEngineSession() {
    return Optional.ofNullable(engineSession).filter(session -> session.engine().isAlive());
  }

  void addOperation(String key, GatewayOperation operation) {
    operations.put(key, operation);
  }

  void removeOperation(String key) {
    operations.remove(key);
  }

  Collection<GatewayOperation> operations() {
    return operations.values();
  }
}
