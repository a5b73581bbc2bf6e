package io.sluice.gateway.session;

import io.sluice.gateway.cli.SluiceException;
import io.sluice.gateway.cli.Statuses;
import io.sluice.protocol.thrift.TNamespace;
import io.sluice.protocol.thrift.TOperationHandle;
import io.sluice.protocol.thrift.TOperationType;
import io.sluice.protocol.thrift.TSessionHandle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The gateway's open sessions and operations, looked up by handle. A handle is honoured only with
 * its secret, only for the principal that opened the session, and only while the access token the
 * session was opened with is still valid: revoking a token ends its sessions on their next call.
 */
public final class SessionManager {
  /** SQLSTATE for a handle that does not name a live session or operation. */
  public static final String INVALID_HANDLE = "HY010";

  private final Map<String, GatewaySession> sessions = new ConcurrentHashMap<>();
  private final Map<String, GatewayOperation> operations = new ConcurrentHashMap<>();
  private final Predicate<String> credentialValid;

  /** Sessions whose credentials are never re-checked (for tests without a token store). */
  public SessionManager() {
    this(credentialId -> true);
  }

  /** Sessions whose token, by id, must pass {@code credentialValid} on every call. */
  public SessionManager(Predicate<String> credentialValid) {
    this.credentialValid = credentialValid;
  }

  /** Opens a session without a token to re-check (the caller authenticated otherwise). */
  public GatewaySession open(
      String principal,
      String warehouseId,
      NegotiatedProtocol protocol,
      Map<String, String> configuration,
      Optional<TNamespace> initialNamespace) {
    return open(
        principal, warehouseId, Optional.empty(), protocol, configuration, initialNamespace);
  }

  /**
   * Opens a session on warehouse {@code warehouseId} for the principal the access token {@code
   * credentialId} authenticated.
   */
  public GatewaySession open(
      String principal,
      String warehouseId,
      Optional<String> credentialId,
      NegotiatedProtocol protocol,
      Map<String, String> configuration,
      Optional<TNamespace> initialNamespace) {
    TSessionHandle handle = new TSessionHandle(Handles.newIdentifier());
    GatewaySession session =
        new GatewaySession(
            handle,
            principal,
            warehouseId,
            protocol,
            configuration,
            initialNamespace,
            credentialId);
    sessions.put(Handles.key(handle.getSessionId()), session);
    return session;
  }

  /**
   * The session named by {@code handle}; {@code principal} is the caller's authenticated identity
   * when the transport has one (HTTP, SASL), which must own the session.
   */
  public GatewaySession session(TSessionHandle handle, Optional<String> principal)
      throws SluiceException {
    GatewaySession session = sessionToClose(handle, principal);
    requireValidCredential(session);
    return session;
  }

  /**
   * The session named by {@code handle}, for closing it: a session whose token was revoked may
   * still be closed, which frees what it holds.
   */
  public GatewaySession sessionToClose(TSessionHandle handle, Optional<String> principal)
      throws SluiceException {
    GatewaySession session =
        handle == null || !handle.isSetSessionId()
            ? null
            : sessions.get(Handles.key(handle.getSessionId()));
    if (session == null
        || !Handles.secretMatches(session.handle().getSessionId(), handle.getSessionId())
        || principal.filter(name -> !name.equals(session.principal())).isPresent()) {
      throw new SluiceException(
          "Invalid SessionHandle: the session does not exist or was closed", INVALID_HANDLE);
    }
    return session;
  }

  private void requireValidCredential(GatewaySession session) throws SluiceException {
    if (session.credentialId().filter(id -> !credentialValid.test(id)).isPresent()) {
      throw new SluiceException(
          "Authentication failed: the personal access token of this session was revoked or has"
              + " expired",
          Statuses.INVALID_AUTHORIZATION);
    }
  }

  /** Removes a session and returns its operations, which the caller closes on the engine. */
  public List<GatewayOperation> close(GatewaySession session) {
    sessions.remove(Handles.key(session.handle().getSessionId()));
    List<GatewayOperation> closed = List.copyOf(session.operations());
    closed.forEach(
        operation -> operations.remove(Handles.key(operation.clientHandle().getOperationId())));
    return closed;
  }

  public GatewayOperation register(
      GatewaySession session, EngineSession engineSession, TOperationHandle engineHandle) {
    TOperationType type =
        Optional.ofNullable(engineHandle.getOperationType()).orElse(TOperationType.UNKNOWN);
    TOperationHandle clientHandle =
        new TOperationHandle(Handles.newIdentifier(), type, engineHandle.isHasResultSet());
    if (engineHandle.isSetModifiedRowCount()) {
      clientHandle.setModifiedRowCount(engineHandle.getModifiedRowCount());
    }
    GatewayOperation operation =
        new GatewayOperation(clientHandle, session, engineSession, engineHandle);
    String key = Handles.key(clientHandle.getOperationId());
    operations.put(key, operation);
    session.addOperation(key, operation);
    return operation;
  }

  /**
   * Registers a statement that waits for a slot in its warehouse and has no engine operation yet.
   * Its handle says it has a result set, as every statement on our engines does.
   */
  public GatewayOperation registerQueued(GatewaySession session) {
    TOperationHandle clientHandle =
        new TOperationHandle(Handles.newIdentifier(), TOperationType.EXECUTE_STATEMENT, true);
    GatewayOperation operation = new GatewayOperation(clientHandle, session, null, null);
    String key = Handles.key(clientHandle.getOperationId());
    operations.put(key, operation);
    session.addOperation(key, operation);
    return operation;
  }

  public GatewayOperation operation(TOperationHandle handle, Optional<String> principal)
      throws SluiceException {
    GatewayOperation operation =
        handle == null || !handle.isSetOperationId()
            ? null
            : operations.get(Handles.key(handle.getOperationId()));
    if (operation == null
        || !Handles.secretMatches(
            operation.clientHandle().getOperationId(), handle.getOperationId())
        || principal.filter(name -> !name.equals(operation.session().principal())).isPresent()) {
      throw new SluiceException(
          "Invalid OperationHandle: the operation does not exist or was closed", INVALID_HANDLE);
    }
    requireValidCredential(operation.session());
    return operation;
  }

  public void forget(GatewayOperation operation) {
    String key = Handles.key(operation.clientHandle().getOperationId());
    operations.remove(key);
    operation.session().removeOperation(key);
  }

  public int sessionCount() {
    return sessions.size();
  }

  /** Open sessions on one warehouse. */
  public int sessionCount(String warehouseId) {
    return (int)
        sessions.values().stream()
            .filter(session -> session.warehouseId().equals(warehouseId))
            .count();
  }
}
