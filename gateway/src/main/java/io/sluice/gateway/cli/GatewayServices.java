package io.sluice.gateway.cli;

import static java.util.Objects.requireNonNull;

import io.sluice.gateway.auth.TokenAuthenticator;
import io.sluice.gateway.session.SessionManager;
import io.sluice.pool.EngineManager;

/** What every Thrift call needs: sessions, engines, and token authentication. */
public record GatewayServices(
    SessionManager sessions, EngineManager engines, TokenAuthenticator authenticator) {
  public GatewayServices {
    requireNonNull(sessions, "sessions is null");
    requireNonNull(engines, "engines is null");
    requireNonNull(authenticator, "authenticator is null");
  }
}
