package io.sluice.gateway.governance;

import static io.sluice.gateway.governance.GovernedHandler.governed;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.sluice.gateway.history.QueryHistoryStore;
import io.sluice.gateway.rest.RestException;
import io.sluice.gateway.rest.RestHandler;
import io.sluice.gateway.rest.RestModule;
import io.sluice.gateway.rest.RestRequest;
import io.sluice.gateway.rest.RestResponse;
import io.sluice.gateway.rest.RestRoutes;
import io.sluice.gateway.warehouse.EngineLink;
import io.sluice.governance.Governance;
import io.sluice.governance.securable.ColumnDefinition;
import io.sluice.governance.securable.Securable;
import io.sluice.governance.securable.SecurableKind;
import io.sluice.governance.securable.SecurableName;
import io.sluice.governance.securable.SecurableType;
import io.sluice.governance.securable.TableDefinition;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The metastore as engines use it, under {@value #BASE}: the gateway is the one source of truth for
 * catalogs, schemas and tables, and an engine's {@code GovernedCatalog} reads and writes them here.
 *
 * <p>A call authenticates with the secret of a live engine this gateway launched ({@code
 * Authorization: Bearer <secret>}; anything else is 401) and names the user the engine acts for
 * ({@value #USER_HEADER}, the gateway's own session principal). Listings show only what that user
 * may see (BROWSE or any privilege, without an audit row per hidden object); what the user creates
 * the user owns. Whether a statement may do what it does is decided by the gateway's planner before
 * the engine runs it, not here.
 *
 * <p>Managed tables are Delta by default, or Parquet; their storage location is assigned here,
 * under the data directory's {@code tables/}, and the engine creates the table there. Dropping a
 * table answers with its definition so that the engine deletes a managed table's data. A renamed
 * table keeps its id, location, grants and policies; an altered table's columns and comment are
 * recorded here after the engine changed its storage.
 *
 * <p>Under {@code relations/} are the read-only tables the gateway computes ({@link
 * ServedRelations}): each catalog's {@code information_schema} and the {@code system} catalog.
 */
public final class EngineMetastoreModule implements RestModule {
  static final String BASE = "/api/internal/engine-metastore/";
  static final String USER_HEADER = "x-sluice-user";
  private static final String BEARER = "Bearer ";
  private static final Set<String> TABLE_FORMATS = Set.of("DELTA", "PARQUET");

  private final Governance governance;
  private final EngineLink engines;
  private final Path tablesDirectory;
  private final ServedRelations relations;

  public EngineMetastoreModule(
      Governance governance,
      EngineLink engines,
      Path tablesDirectory,
      QueryHistoryStore history,
      Clock clock) {
    this.governance = requireNonNull(governance, "governance is null");
    this.engines = requireNonNull(engines, "engines is null");
    this.tablesDirectory = requireNonNull(tablesDirectory, "tablesDirectory is null");
    this.relations = new ServedRelations(governance, history, clock);
  }

  @Override
  public void register(RestRoutes routes) {
    route(routes, "GET", "catalogs", this::listCatalogs);
    route(routes, "GET", "catalogs/{catalog}/schemas", this::listSchemas);
    route(routes, "POST", "schemas", this::createSchema);
    route(routes, "GET", "schemas/{catalog}/{schema}", this::getSchema);
    route(routes, "DELETE", "schemas/{catalog}/{schema}", this::dropSchema);
    route(routes, "GET", "schemas/{catalog}/{schema}/tables", this::listTables);
    route(routes, "POST", "tables", this::createTable);
    route(routes, "GET", "tables/{catalog}/{schema}/{table}", this::getTable);
    route(routes, "DELETE", "tables/{catalog}/{schema}/{table}", this::dropTable);
    route(routes, "POST", "tables/{catalog}/{schema}/{table}/rename", this::renameTable);
    route(routes, "POST", "tables/{catalog}/{schema}/{table}/definition", this::alterTable);
    route(routes, "GET", "relations/{catalog}/{schema}", relations::listRelations);
    route(routes, "GET", "relations/{catalog}/{schema}/{table}", relations::describeRelation);
    route(routes, "GET", "relations/{catalog}/{schema}/{table}/rows", relations::relationRows);
  }

  private void route(RestRoutes routes, String method, String path, EngineHandler handler) {
    routes.selfAuthenticated(method, BASE + path, governed(authenticated(handler)));
  }

  /** Checks the engine's secret, then serves the request for the user the engine names. */
  private RestHandler authenticated(EngineHandler handler) {
    return request -> {
      String authorization = request.header("authorization").orElse("");
      if (!authorization.startsWith(BEARER)
          || !engines.isLiveEngineSecret(authorization.substring(BEARER.length()).trim())) {
        throw new RestException(
            HttpResponseStatus.UNAUTHORIZED,
            "UNAUTHENTICATED",
            "Only the gateway's engines may call the engine metastore");
      }
      String user =
          request
              .header(USER_HEADER)
              .filter(name -> !name.isBlank())
              .orElseThrow(
                  () -> RestException.invalidParameter("Header X-Sluice-User is required"));
      if (governance.principals().find(user).isEmpty()) {
        throw new RestException(
            HttpResponseStatus.FORBIDDEN, "PERMISSION_DENIED", "Unknown user '" + user + "'");
      }
      return handler.handle(request, user);
    };
  }

  @FunctionalInterface
  interface EngineHandler {
    RestResponse handle(RestRequest request, String user) throws Exception;
  }

  private RestResponse listCatalogs(RestRequest request, String user) {
    return RestResponse.json(
        Map.of("catalogs", visibleNames(user, SecurableName.metastore(), SecurableType.CATALOG)));
  }

  private RestResponse listSchemas(RestRequest request, String user) {
    SecurableName catalog = SecurableName.catalog(request.pathParameter("catalog"));
    return RestResponse.json(Map.of("schemas", visibleNames(user, catalog, SecurableType.SCHEMA)));
  }

  private RestResponse listTables(RestRequest request, String user) {
    return RestResponse.json(
        Map.of("tables", visibleNames(user, schemaName(request), SecurableType.TABLE)));
  }

  private List<String> visibleNames(String user, SecurableName parent, SecurableType type) {
    return governance.securables().children(parent, type).stream()
        .filter(child -> governance.access().isVisible(user, child.name()))
        .map(child -> child.name().name())
        .toList();
  }

  private RestResponse getSchema(RestRequest request, String user) {
    return RestResponse.json(info(governance.securables().require(schemaName(request))));
  }

  private RestResponse createSchema(RestRequest request, String user) {
    JsonNode body = request.bodyAs(JsonNode.class);
    SecurableName schema =
        SecurableName.schema(requiredField(body, "catalog_name"), requiredField(body, "name"));
    return RestResponse.json(
        info(governance.securables().createSchema(schema, user, optionalField(body, "comment"))));
  }

  /**
   * Drops a schema; with {@code cascade=true} also what is left in it (the engine dropped the
   * tables and their data first; views and functions live only here).
   */
  private RestResponse dropSchema(RestRequest request, String user) {
    SecurableName schema = schemaName(request);
    Securable dropped = governance.securables().require(schema);
    boolean cascade = request.queryParameter("cascade").map(Boolean::parseBoolean).orElse(false);
    governance.securables().drop(schema, cascade);
    return RestResponse.json(info(dropped));
  }

  private RestResponse getTable(RestRequest request, String user) {
    return RestResponse.json(info(governance.securables().require(tableName(request))));
  }

  /**
   * Creates a managed table (Delta unless the engine asks for another format) at a new location.
   */
  private RestResponse createTable(RestRequest request, String user) {
    JsonNode body = request.bodyAs(JsonNode.class);
    SecurableName table =
        SecurableName.table(
            requiredField(body, "catalog_name"),
            requiredField(body, "schema_name"),
            requiredField(body, "name"));
    governance.securables().require(table.parent().orElseThrow());
    if (!optionalField(body, "table_type").orElse("MANAGED").equalsIgnoreCase("MANAGED")) {
      throw RestException.invalidParameter("Engines create managed tables only");
    }
    String format =
        optionalField(body, "data_source_format").orElse("DELTA").toUpperCase(Locale.ROOT);
    if (!TABLE_FORMATS.contains(format)) {
      throw RestException.invalidParameter(
          "Managed tables are Delta or Parquet tables, not " + format);
    }
    List<ColumnDefinition> columns = columns(body);
    String location = tablesDirectory.resolve(UUID.randomUUID().toString()).toUri().toString();
    TableDefinition definition =
        new TableDefinition(
            table,
            SecurableKind.MANAGED,
            columns,
            Optional.of(format),
            Optional.of(location),
            Optional.empty(),
            optionalField(body, "comment"));
    return RestResponse.json(info(governance.securables().createTable(definition, user)));
  }

  /** Drops the table and answers with what it was, so that the engine deletes managed data. */
  private RestResponse dropTable(RestRequest request, String user) {
    SecurableName table = tableName(request);
    Map<String, Object> dropped = info(governance.securables().require(table));
    governance.securables().drop(table, false);
    return RestResponse.json(dropped);
  }

  /** Moves the table to a new name in its catalog; it keeps its id, grants and policies. */
  private RestResponse renameTable(RestRequest request, String user) {
    SecurableName table = tableName(request);
    JsonNode body = request.bodyAs(JsonNode.class);
    SecurableName renamed =
        SecurableName.table(
            table.parts().get(0), requiredField(body, "schema_name"), requiredField(body, "name"));
    return RestResponse.json(info(governance.securables().renameTable(table, renamed)));
  }

  /** Records the columns and comment of a table whose storage the engine has altered. */
  private RestResponse alterTable(RestRequest request, String user) {
    SecurableName table = tableName(request);
    JsonNode body = request.bodyAs(JsonNode.class);
    governance.securables().alterTable(table, columns(body), optionalField(body, "comment"));
    return RestResponse.json(info(governance.securables().require(table)));
  }

  private static List<ColumnDefinition> columns(JsonNode body) {
    List<ColumnDefinition> columns = new ArrayList<>();
    for (JsonNode column : body.path("columns")) {
      columns.add(
          new ColumnDefinition(
              requiredField(column, "name"),
              requiredField(column, "type_text"),
              !column.has("nullable") || column.get("nullable").asBoolean(true),
              optionalField(column, "comment")));
    }
    return columns;
  }

  private Map<String, Object> info(Securable securable) {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("name", securable.name().name());
    info.put("full_name", securable.name().fullName());
    info.put("owner", securable.owner());
    securable.comment().ifPresent(comment -> info.put("comment", comment));
    if (securable.type() == SecurableType.TABLE) {
      info.put("table_type", securable.kind().name());
      securable.dataSourceFormat().ifPresent(format -> info.put("data_source_format", format));
      securable.storageLocation().ifPresent(location -> info.put("storage_location", location));
      List<Map<String, Object>> columns = new ArrayList<>();
      for (ColumnDefinition column : governance.securables().columns(securable.name())) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", column.name());
        entry.put("type_text", column.typeText());
        entry.put("nullable", column.nullable());
        column.comment().ifPresent(comment -> entry.put("comment", comment));
        columns.add(entry);
      }
      info.put("columns", columns);
    }
    return info;
  }

  private static SecurableName schemaName(RestRequest request) {
    return SecurableName.schema(request.pathParameter("catalog"), request.pathParameter("schema"));
  }

  private static SecurableName tableName(RestRequest request) {
    return SecurableName.table(
        request.pathParameter("catalog"),
        request.pathParameter("schema"),
        request.pathParameter("table"));
  }

  private static String requiredField(JsonNode body, String name) {
    return optionalField(body, name)
        .orElseThrow(() -> RestException.invalidParameter(name + " is required"));
  }

  private static Optional<String> optionalField(JsonNode body, String name) {
    return body.hasNonNull(name) && !body.get(name).asText().isBlank()
        ? Optional.of(body.get(name).asText())
        : Optional.empty();
  }
}
