package io.sluice.gateway.session;

import static java.util.Objects.requireNonNull;

import io.sluice.protocol.thrift.TOperationHandle;

/**
 * An operation as the client knows it (a gateway-issued handle) and as the engine knows it. Engine
 * handles never reach clients.
 */
public record GatewayOperation(
    TOperationHandle clientHandle,
    GatewaySession session,
    EngineSession engineSession,
    TOperationHandle engineHandle) {
  public GatewayOperation {
    requireNonNull(clientHandle, "clientHandle is null");
    requireNonNull(session, "session is null");
    requireNonNull(engineSession, "engineSession is null");
    requireNonNull(engineHandle, "engineHandle is null");
  }
}
