package io.sluice.gateway.lineage;

import static java.util.Objects.requireNonNull;

import io.sluice.gateway.auth.AdminPolicy;
import io.sluice.gateway.rest.RestException;
import io.sluice.gateway.rest.RestModule;
import io.sluice.gateway.rest.RestRequest;
import io.sluice.gateway.rest.RestResponse;
import io.sluice.gateway.rest.RestRoutes;
import io.sluice.governance.GovernanceException;
import io.sluice.governance.lineage.LineageNeighbor;
import io.sluice.governance.lineage.LineageStore;
import io.sluice.governance.securable.SecurableName;
import io.sluice.governance.securable.SecurableType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Lineage in Databricks' REST shapes, for workspace admins only:
 *
 * <ul>
 *   <li>{@code GET /api/2.0/lineage-tracking/table-lineage} with {@code table_name} (three parts)
 *       and optional {@code include_entity_lineage}, as query parameters or a JSON body: {@code
 *       upstreams} and {@code downstreams}, each a list of {@code {"tableInfo": {"name",
 *       "catalog_name", "schema_name", "lineage_timestamp"}}}; with entity lineage each also has
 *       {@code queryInfos}, the statements that recorded the edge ({@code {"statement_id"}}, newest
 *       first, at most {@value #MAXIMUM_STATEMENTS}).
 *   <li>{@code GET /api/2.0/lineage-tracking/column-lineage} with {@code table_name} and {@code
 *       column_name}: {@code upstream_cols} and {@code downstream_cols}, each a list of {@code
 *       {"name", "catalog_name", "schema_name", "table_name", "lineage_timestamp"}}. Sluice records
 *       which source columns a statement names, not which target column each flowed into, so the
 *       upstream columns of a target column are those of every statement that wrote its table, and
 *       a downstream entry has no {@code name} when its target column is not known.
 * </ul>
 */
public final class LineageModule implements RestModule {
  static final int MAXIMUM_STATEMENTS = 100;

  private final LineageStore store;
  private final AdminPolicy admins;

  public LineageModule(LineageStore store, AdminPolicy admins) {
    this.store = requireNonNull(store, "store is null");
    this.admins = requireNonNull(admins, "admins is null");
  }

  @Override
  public void register(RestRoutes routes) {
    routes.get("/api/2.0/lineage-tracking/table-lineage", this::tableLineage);
    routes.get("/api/2.0/lineage-tracking/column-lineage", this::columnLineage);
  }

  private RestResponse tableLineage(RestRequest request) {
    requireAdmin(request);
    Map<String, Object> body = body(request);
    SecurableName table = tableName(parameter(request, body, "table_name"));
    boolean withEntities =
        Boolean.parseBoolean(
            optionalParameter(request, body, "include_entity_lineage").orElse("false"));
    List<Map<String, Object>> upstreams = new ArrayList<>();
    for (LineageNeighbor neighbor : store.upstreamTables(table)) {
      upstreams.add(
          tableEntry(
              neighbor,
              withEntities,
              () -> store.statements(neighbor.table(), table, MAXIMUM_STATEMENTS)));
    }
    List<Map<String, Object>> downstreams = new ArrayList<>();
    for (LineageNeighbor neighbor : store.downstreamTables(table)) {
      downstreams.add(
          tableEntry(
              neighbor,
              withEntities,
              () -> store.statements(table, neighbor.table(), MAXIMUM_STATEMENTS)));
    }
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("upstreams", upstreams);
    response.put("downstreams", downstreams);
    return RestResponse.json(response);
  }

  private RestResponse columnLineage(RestRequest request) {
    requireAdmin(request);
    Map<String, Object> body = body(request);
    SecurableName table = tableName(parameter(request, body, "table_name"));
    String column = parameter(request, body, "column_name").toLowerCase(Locale.ROOT);
    List<Map<String, Object>> upstream = new ArrayList<>();
    for (LineageNeighbor neighbor : store.upstreamColumns(table, column)) {
      upstream.add(columnEntry(neighbor));
    }
    List<Map<String, Object>> downstream = new ArrayList<>();
    for (LineageNeighbor neighbor : store.downstreamColumns(table, column)) {
      downstream.add(columnEntry(neighbor));
    }
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("upstream_cols", upstream);
    response.put("downstream_cols", downstream);
    return RestResponse.json(response);
  }

  private static Map<String, Object> tableEntry(
      LineageNeighbor neighbor,
      boolean withEntities,
      java.util.function.Supplier<List<String>> statements) {
    List<String> parts = neighbor.table().parts();
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("name", parts.get(2));
    info.put("catalog_name", parts.get(0));
    info.put("schema_name", parts.get(1));
    info.put("lineage_timestamp", neighbor.lastEventTime().toString());
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("tableInfo", info);
    if (withEntities) {
      List<Map<String, Object>> queries = new ArrayList<>();
      for (String statementId : statements.get()) {
        queries.add(Map.of("statement_id", statementId));
      }
      entry.put("queryInfos", queries);
    }
    return entry;
  }

  private static Map<String, Object> columnEntry(LineageNeighbor neighbor) {
    List<String> parts = neighbor.table().parts();
    Map<String, Object> entry = new LinkedHashMap<>();
    neighbor.column().ifPresent(column -> entry.put("name", column));
    entry.put("catalog_name", parts.get(0));
    entry.put("schema_name", parts.get(1));
    entry.put("table_name", parts.get(2));
    entry.put("lineage_timestamp", neighbor.lastEventTime().toString());
    return entry;
  }

  private void requireAdmin(RestRequest request) {
    if (!admins.isAdmin(request.requirePrincipal())) {
      throw RestException.permissionDenied("Only workspace administrators may read lineage");
    }
  }

  private static SecurableName tableName(String name) {
    try {
      return SecurableName.parse(SecurableType.TABLE, name);
    } catch (GovernanceException e) {
      throw RestException.invalidParameter(
          "table_name must be a table's full name, catalog.schema.table: " + e.getMessage());
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> body(RestRequest request) {
    return request.bodyAs(Map.class);
  }

  private static String parameter(RestRequest request, Map<String, Object> body, String name) {
    return optionalParameter(request, body, name)
        .filter(value -> !value.isBlank())
        .orElseThrow(() -> RestException.invalidParameter("Missing required parameter " + name));
  }

  /** A query parameter, or else the same field of the JSON body. */
  private static Optional<String> optionalParameter(
      RestRequest request, Map<String, Object> body, String name) {
    return request
        .queryParameter(name)
        .or(() -> Optional.ofNullable(body.get(name)).map(String::valueOf));
  }
}
