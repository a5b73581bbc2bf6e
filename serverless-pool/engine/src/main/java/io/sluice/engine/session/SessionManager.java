package io.sluice.engine.session;

import io.sluice.engine.EngineSecret;
import io.sluice.engine.catalog.GovernedCatalogs;
import io.sluice.engine.error.FailureTranslator;
import io.sluice.engine.error.SqlStates;
import io.sluice.engine.error.Statuses;
import io.sluice.protocol.thrift.TOpenSessionReq;
import io.sluice.protocol.thrift.TOpenSessionResp;
import io.sluice.protocol.thrift.TSessionHandle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens, finds and closes client sessions. */
public final class SessionManager {
  /** The OpenSession configuration key naming the end user, for logging. */
  public static final String USER_KEY = "sluice.user";

  private static final Logger LOG = LoggerFactory.getLogger(SessionManager.class);

  private final SparkSession root;
  private final EngineSecret secret;
  private final Consumer<EngineSession> onClose;
  private final Map<UUID, EngineSession> sessions = new ConcurrentHashMap<>();

  /**
   * @param onClose called for each session being closed, to close its operations
   */
  public SessionManager(SparkSession root, EngineSecret secret, Consumer<EngineSession> onClose) {
    this.root = root;
    this.secret = secret;
    this.onClose = onClose;
  }

  /** Handles OpenSession: checks the secret, creates the Spark session, applies configuration. */
  public TOpenSessionResp open(TOpenSessionReq request) {
    NegotiatedProtocol protocol = NegotiatedProtocol.negotiate(request);
    TOpenSessionResp response =
        new TOpenSessionResp(Statuses.success(), protocol.version())
            .setConfiguration(new HashMap<>());
    if (!secret.matches(request.getPassword())) {
      LOG.warn("Refused a session for user {}: wrong engine secret", request.getUsername());
      return response.setStatus(
          Statuses.error(
              "Authentication failed: the password is not this engine's secret",
              SqlStates.INVALID_AUTHORIZATION));
    }
    Map<String, String> configuration = request.getConfiguration();
    String user =
        configuration != null && configuration.get(USER_KEY) != null
            ? configuration.get(USER_KEY)
            : request.getUsername();
    SparkSession spark = root.newSession();
    GovernedCatalogs.register(spark, user);
    try {
      SessionConfigurationApplier.apply(spark, configuration, request.getInitialNamespace());
    } catch (Exception failure) {
      LOG.info("Refused a session for user {}: {}", user, failure.getMessage());
      return response.setStatus(Statuses.error(FailureTranslator.translate(failure)));
    }
    EngineSession session = new EngineSession(HandleIdentity.random(), spark, user, protocol);
    sessions.put(session.handle().id(), session);
    response.setSessionHandle(session.toThrift());
    if (protocol.databricksClient()) {
      response.setCanUseMultipleCatalogs(true);
      if (request.isSetInitialNamespace()) {
        response.setInitialNamespace(request.getInitialNamespace());
      }
    }
    LOG.info("Opened {} with protocol {}", session, protocol.version());
    return response;
  }

  /** The open session {@code handle} names. */
  public EngineSession find(TSessionHandle handle) throws InvalidHandleException {
    if (handle == null || handle.getSessionId() == null) {
      throw new InvalidHandleException("Missing session handle");
    }
    HandleIdentity presented;
    try {
      presented = HandleIdentity.fromThrift(handle.getSessionId());
    } catch (IllegalArgumentException malformed) {
      throw new InvalidHandleException("Invalid session handle: " + malformed.getMessage());
    }
    EngineSession session = sessions.get(presented.id());
    if (session == null || !session.handle().secretMatches(presented)) {
      throw new InvalidHandleException("Invalid SessionHandle: " + presented);
    }
    return session;
  }

  /** Closes the session {@code handle} names, with its operations. */
  public void close(TSessionHandle handle) throws InvalidHandleException {
    EngineSession session = find(handle);
    if (sessions.remove(session.handle().id(), session)) {
      onClose.accept(session);
      LOG.info("Closed {}", session);
    }
  }

  /** Closes every session (engine shutdown). */
  public void closeAll() {
    List<EngineSession> open = new ArrayList<>(sessions.values());
    for (EngineSession session : open) {
      if (sessions.remove(session.handle().id(), session)) {
        onClose.accept(session);
      }
    }
  }

  public int openSessionCount() {
    return sessions.size();
  }
}
