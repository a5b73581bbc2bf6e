package io.sluice.gateway.warehouse;

import static java.util.Objects.requireNonNull;

import io.sluice.governance.warehouse.WarehouseDefinition;
import io.sluice.pool.EngineManager;

/** A warehouse while the gateway runs: its stored definition and the engines serving it. */
public final class Warehouse {
  private volatile WarehouseDefinition definition;
  private final EngineManager engines;

  /** The warehouse's engines launch with whatever its definition is when they start. */
  Warehouse(WarehouseDefinition definition, WarehouseEngineFactory factory) {
    this.definition = requireNonNull(definition, "definition is null");
    this.engines = factory.create(this::definition);
  }

  public String id() {
    return definition.id();
  }

  public WarehouseDefinition definition() {
    return definition;
  }

  public EngineManager engines() {
    return engines;
  }

  void redefine(WarehouseDefinition newDefinition) {
    this.definition = requireNonNull(newDefinition, "newDefinition is null");
  }
}
