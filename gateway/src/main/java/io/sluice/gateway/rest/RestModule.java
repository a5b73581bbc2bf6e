package io.sluice.gateway.rest;

/**
 * A group of REST endpoints contributed by one feature (warehouses, history, principals...). The
 * gateway asks every module to register its routes once, at start.
 */
@FunctionalInterface
public interface RestModule {
  void register(RestRoutes routes);
}
