package io.sluice.gateway.session;

import static java.util.Objects.requireNonNull;

import io.sluice.pool.Engine;
import io.sluice.protocol.thrift.TSessionHandle;

/** A client session's counterpart on one engine. */
public record EngineSession(Engine engine, TSessionHandle handle) {
  public EngineSession {
    requireNonNull(engine, "engine is null");
    requireNonNull(handle, "handle is null");
  }
}
