package io.sluice.gateway.warehouse;

import static java.util.Objects.requireNonNull;

import io.sluice.governance.warehouse.WarehouseDefinition;
import io.sluice.governance.warehouse.WarehouseStore;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every warehouse of the gateway: loaded from the store at start (with {@code default} created at
 * first start), changed through the Warehouses API, each with its engines. Definitions are written
 * to the store before the running warehouse changes, so a restart finds what the API last
 * confirmed.
 */
public final class WarehouseRegistry implements AutoCloseable {
  public static final String DEFAULT_ID = "default";

  private final WarehouseStore store;
  private final WarehouseEngineFactory engines;
  private final Map<String, Warehouse> warehouses = new ConcurrentHashMap<>();

  private WarehouseRegistry(WarehouseStore store, WarehouseEngineFactory engines) {
    this.store = requireNonNull(store, "store is null");
    this.engines = requireNonNull(engines, "engines is null");
  }

  /** Loads every stored warehouse, storing {@code defaultWarehouse} first if it is missing. */
  public static WarehouseRegistry load(
      WarehouseStore store, WarehouseEngineFactory engines, WarehouseDefinition defaultWarehouse) {
    store.createIfAbsent(defaultWarehouse);
    WarehouseRegistry registry = new WarehouseRegistry(store, engines);
    for (WarehouseDefinition definition : store.list()) {
      registry.add(definition);
    }
    return registry;
  }

  private Warehouse add(WarehouseDefinition definition) {
    Warehouse warehouse = new Warehouse(definition, engines);
    warehouses.put(definition.id(), warehouse);
    return warehouse;
  }

  public Optional<Warehouse> find(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(warehouses.get(id));
  }

  public boolean exists(String id) {
    return id != null && warehouses.containsKey(id);
  }

  /** Every warehouse, oldest first. */
  public List<Warehouse> list() {
    return warehouses.values().stream()
        .sorted(
            Comparator.comparing((Warehouse warehouse) -> warehouse.definition().createdAt())
                .thenComparing(Warehouse::id))
        .toList();
  }

  /** Stores and starts serving a new warehouse (its engines start on demand). */
  public Warehouse create(WarehouseDefinition definition) {
    engines.launchSpec(definition);
    store.create(definition);
    return add(definition);
  }

  /** Stores new settings and applies them; false when there is no such warehouse. */
  public boolean update(WarehouseDefinition definition) {
    Warehouse warehouse = warehouses.get(definition.id());
    if (warehouse == null) {
      return false;
    }
    engines.launchSpec(definition);
    if (!store.update(definition)) {
      return false;
    }
    WarehouseDefinition before = warehouse.definition();
    if (before.serverless() != definition.serverless()
        || !before.endpoints().equals(definition.endpoints())) {
      // Different clusters: a new runtime replaces the old one (its statements fail).
      warehouses.put(definition.id(), new Warehouse(definition, engines));
      warehouse.close();
      return true;
    }
    warehouse.redefine(definition);
    warehouse.engines().updateSettings(engines.settings(definition));
    return true;
  }

  /** Deletes a warehouse and stops its engines; false when there was none. */
  public boolean delete(String id) {
    Warehouse warehouse = warehouses.get(id);
    if (warehouse == null || !store.delete(id)) {
      return false;
    }
    warehouses.remove(id);
    warehouse.close();
    return true;
  }

  @Override
  public void close() {
    warehouses.values().forEach(Warehouse::close);
  }
}
