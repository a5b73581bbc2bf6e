package io.sluice.gateway.rest;

import java.util.Map;

/**
 * {@code GET /health}: 200 once the gateway serves. Routes exist only once both ports listen, so
 * answering at all means the gateway is ready. Load balancers call it without a token.
 */
public final class HealthModule implements RestModule {
  @Override
  public void register(RestRoutes routes) {
    routes.publicGet("/health", request -> RestResponse.json(Map.of("status", "READY")));
  }
}
