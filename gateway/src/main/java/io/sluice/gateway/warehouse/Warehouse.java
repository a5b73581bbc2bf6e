package io.sluice.gateway.warehouse;

import static java.util.Objects.requireNonNull;

import io.sluice.governance.warehouse.WarehouseDefinition;
import io.sluice.pool.ClassicClusters;
import io.sluice.pool.EngineManager;
import java.util.Optional;

/**
 * A warehouse while the gateway runs: its stored definition and the engines serving it, launched by
 * the gateway (serverless) or registered clusters (classic).
 */
public final class Warehouse implements AutoCloseable {
  private volatile WarehouseDefinition definition;
  private final EngineManager engines;
  private final ClassicClusters classic;

  /** A serverless warehouse's engines launch with whatever its definition is when they start. */
  Warehouse(WarehouseDefinition definition, WarehouseEngineFactory factory) {
    this.definition = requireNonNull(definition, "definition is null");
    if (definition.serverless()) {
      this.classic = null;
      this.engines = factory.create(this::definition);
    } else {
      this.classic = factory.createClassic(definition);
      this.engines = classic.scheduler();
    }
  }

  /** A classic warehouse's clusters; empty for a serverless one. */
  public Optional<ClassicClusters> classic() {
    return Optional.ofNullable(classic);
  }

  @Override
  public void close() {
    if (classic != null) {
      classic.close();
    } else {
      engines.close();
    }
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
