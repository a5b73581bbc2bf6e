package io.sluice.gateway.history;

import static java.util.Objects.requireNonNull;

import io.sluice.gateway.rest.RestModule;
import io.sluice.gateway.rest.RestResponse;
import io.sluice.gateway.rest.RestRoutes;
import io.sluice.pool.Engine;
import io.sluice.pool.EngineManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/2.0/sluice/warehouse-activity}: each warehouse with its engines and how many
 * statements run and wait on it now, for the web UI's warehouses page. Today there is one
 * warehouse, {@code default}, with at most one engine.
 */
public final class WarehouseActivityModule implements RestModule {
  private final EngineManager engines;
  private final QueryRecorder recorder;

  public WarehouseActivityModule(EngineManager engines, QueryRecorder recorder) {
    this.engines = requireNonNull(engines, "engines is null");
    this.recorder = requireNonNull(recorder, "recorder is null");
  }

  @Override
  public void register(RestRoutes routes) {
    routes.get(
        "/api/2.0/sluice/warehouse-activity",
        request -> RestResponse.json(Map.of("warehouses", List.of(defaultWarehouse()))));
  }

  private Map<String, Object> defaultWarehouse() {
    Optional<Engine> running = engines.running();
    List<Map<String, Object>> engineRows = new ArrayList<>();
    running.ifPresent(
        engine -> {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("id", "engine-" + engine.generation());
          row.put("state", "RUNNING");
          row.put("pid", engine.pid());
          row.put("port", engine.port());
          engineRows.add(row);
        });
    Map<String, Object> warehouse = new LinkedHashMap<>();
    warehouse.put("id", QueryRecorder.DEFAULT_WAREHOUSE);
    warehouse.put("name", "Default warehouse");
    warehouse.put("state", running.isPresent() ? "RUNNING" : "STOPPED");
    warehouse.put("engines", engineRows);
    warehouse.put("running_statements", recorder.count(StatementStatus.RUNNING));
    warehouse.put("queued_statements", recorder.count(StatementStatus.QUEUED));
    return warehouse;
  }
}
