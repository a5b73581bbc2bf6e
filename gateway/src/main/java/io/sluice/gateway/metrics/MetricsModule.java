package io.sluice.gateway.metrics;

import static java.util.Objects.requireNonNull;

import io.sluice.gateway.rest.RestModule;
import io.sluice.gateway.rest.RestResponse;
import io.sluice.gateway.rest.RestRoutes;
import java.util.function.Supplier;

/**
 * {@code GET /metrics} in Prometheus text format. Like every API it needs a token (Prometheus sends
 * one with {@code authorization: {credentials: <token>}} in its scrape config).
 */
public final class MetricsModule implements RestModule {
  private final GatewayMetrics metrics;
  private final Supplier<GatewayMetrics.Gauges> gauges;

  public MetricsModule(GatewayMetrics metrics, Supplier<GatewayMetrics.Gauges> gauges) {
    this.metrics = requireNonNull(metrics, "metrics is null");
    this.gauges = requireNonNull(gauges, "gauges is null");
  }

  @Override
  public void register(RestRoutes routes) {
    routes.get(
        "/metrics",
        request -> RestResponse.text(PrometheusText.CONTENT_TYPE, metrics.render(gauges.get())));
  }
}
