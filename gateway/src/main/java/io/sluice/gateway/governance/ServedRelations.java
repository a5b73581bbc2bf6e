package io.sluice.gateway.governance;

import static java.util.Objects.requireNonNull;

import io.sluice.gateway.history.QueryHistoryStore;
import io.sluice.gateway.rest.RestException;
import io.sluice.gateway.rest.RestRequest;
import io.sluice.gateway.rest.RestResponse;
import io.sluice.governance.Governance;
import io.sluice.governance.securable.SecurableName;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read-only relations engines read from the gateway (routes of {@link EngineMetastoreModule},
 * for the user the engine acts for): {@code <catalog>.information_schema.*} for every catalog of
 * the metastore, rows filtered for the user, and {@code system.*} for workspace admins only.
 *
 * <p>A relation is described first (its columns, answered when the engine loads the table) and its
 * rows are read when a query scans it, page by page ({@code next_page_token}). Timestamps and dates
 * travel as ISO-8601 text, structs as arrays of their fields' values, maps as objects.
 */
final class ServedRelations {
  private final Governance governance;
  private final InformationSchema informationSchema;
  private final SystemTables systemTables;

  ServedRelations(Governance governance, QueryHistoryStore history, Clock clock) {
    this.governance = requireNonNull(governance, "governance is null");
    this.informationSchema = new InformationSchema(governance);
    this.systemTables =
        new SystemTables(
            governance.audit(), history, new AdminCheck(governance.principals()), clock);
  }

  RestResponse listRelations(RestRequest request, String user) {
    String catalog = request.pathParameter("catalog");
    String schema = request.pathParameter("schema");
    Optional<List<String>> names;
    if (catalog.equals(GovernedStatementAuthorizer.SYSTEM)) {
      names = systemTables.names(schema);
    } else if (schema.equals(InformationSchema.SCHEMA)
        && governance.securables().find(SecurableName.catalog(catalog)).isPresent()) {
      names = Optional.of(informationSchema.names());
    } else {
      names = Optional.empty();
    }
    return RestResponse.json(
        Map.of(
            "tables",
            names.orElseThrow(
                () ->
                    RestException.notFound("Schema '" + catalog + "." + schema + "' not found"))));
  }

  RestResponse describeRelation(RestRequest request, String user) {
    List<Map<String, String>> columns = new ArrayList<>();
    for (RelationColumn column : relation(request, user).columns()) {
      columns.add(Map.of("name", column.name(), "type", column.type()));
    }
    return RestResponse.json(Map.of("columns", columns));
  }

  RestResponse relationRows(RestRequest request, String user) {
    ServedRelation.Page page =
        relation(request, user).rows(user, request.queryParameter("page_token"));
    Map<String, Object> body = new LinkedHashMap<>();
    List<Object> rows = new ArrayList<>();
    for (List<Object> row : page.rows()) {
      rows.add(json(row));
    }
    body.put("rows", rows);
    page.nextPageToken().ifPresent(token -> body.put("next_page_token", token));
    return RestResponse.json(body);
  }

  private ServedRelation relation(RestRequest request, String user) {
    String catalog = request.pathParameter("catalog");
    String schema = request.pathParameter("schema");
    String table = request.pathParameter("table");
    Optional<ServedRelation> relation;
    if (catalog.equals(GovernedStatementAuthorizer.SYSTEM)) {
      relation = systemTables.relation(schema, table, user);
    } else if (schema.equals(InformationSchema.SCHEMA)) {
      relation = informationSchema.relation(catalog, table);
    } else {
      relation = Optional.empty();
    }
    return relation.orElseThrow(
        () ->
            RestException.notFound(
                "Table '" + catalog + "." + schema + "." + table + "' not found"));
  }

  /** A value as JSON carries it: instants and dates as ISO-8601 text, lists and maps deeply. */
  private static Object json(Object value) {
    if (value instanceof Instant || value instanceof LocalDate) {
      return value.toString();
    }
    if (value instanceof List<?> list) {
      List<Object> converted = new ArrayList<>();
      list.forEach(element -> converted.add(json(element)));
      return converted;
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> converted = new LinkedHashMap<>();
      map.forEach((key, element) -> converted.put(key, json(element)));
      return converted;
    }
    return value;
  }
}
