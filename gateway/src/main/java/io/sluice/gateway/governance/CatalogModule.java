package io.sluice.gateway.governance;

import static io.sluice.gateway.governance.GovernedHandler.governed;
import static io.sluice.gateway.governance.PermissionsModule.requestId;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.gateway.rest.RestException;
import io.sluice.gateway.rest.RestModule;
import io.sluice.gateway.rest.RestRequest;
import io.sluice.gateway.rest.RestResponse;
import io.sluice.gateway.rest.RestRoutes;
import io.sluice.governance.Governance;
import io.sluice.governance.access.Access;
import io.sluice.governance.access.AccessRequest;
import io.sluice.governance.access.Action;
import io.sluice.governance.policy.ColumnMask;
import io.sluice.governance.policy.TablePolicies;
import io.sluice.governance.securable.ColumnDefinition;
import io.sluice.governance.securable.Securable;
import io.sluice.governance.securable.SecurableKind;
import io.sluice.governance.securable.SecurableName;
import io.sluice.governance.securable.SecurableType;
import io.sluice.governance.securable.TableDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Unity Catalog's catalogs, schemas and tables endpoints under {@code /api/2.1/unity-catalog/}.
 * Every call is decided by the access controller (and audited): listings show only what the caller
 * may browse, creating needs the USE gates and the CREATE privilege of the parent, reading one
 * object needs BROWSE, and {@code PATCH} (owner transfer) and {@code DELETE} need administration of
 * the object. The creator owns what it creates.
 */
public final class CatalogModule implements RestModule {
  private static final String BASE = "/api/2.1/unity-catalog/";

  private final Governance governance;

  public CatalogModule(Governance governance) {
    this.governance = requireNonNull(governance, "governance is null");
  }

  @Override
  public void register(RestRoutes routes) {
    routes.get(BASE + "catalogs", governed(this::listCatalogs));
    routes.post(BASE + "catalogs", governed(this::createCatalog));
    routes.get(BASE + "catalogs/{name}", governed(request -> get(request, SecurableType.CATALOG)));
    routes.patch(
        BASE + "catalogs/{name}", governed(request -> update(request, SecurableType.CATALOG)));
    routes.delete(
        BASE + "catalogs/{name}", governed(request -> drop(request, SecurableType.CATALOG)));

    routes.get(BASE + "schemas", governed(this::listSchemas));
    routes.post(BASE + "schemas", governed(this::createSchema));
    routes.get(BASE + "schemas/{name}", governed(request -> get(request, SecurableType.SCHEMA)));
    routes.patch(
        BASE + "schemas/{name}", governed(request -> update(request, SecurableType.SCHEMA)));
    routes.delete(
        BASE + "schemas/{name}", governed(request -> drop(request, SecurableType.SCHEMA)));

    routes.get(BASE + "tables", governed(this::listTables));
    routes.post(BASE + "tables", governed(this::createTable));
    routes.get(BASE + "tables/{name}", governed(request -> get(request, SecurableType.TABLE)));
    routes.patch(BASE + "tables/{name}", governed(request -> update(request, SecurableType.TABLE)));
    routes.delete(BASE + "tables/{name}", governed(request -> drop(request, SecurableType.TABLE)));
  }

  private RestResponse listCatalogs(RestRequest request) {
    return RestResponse.json(
        Map.of(
            "catalogs",
            visibleChildren(request, SecurableName.metastore(), SecurableType.CATALOG)));
  }

  private RestResponse listSchemas(RestRequest request) {
    SecurableName catalog = SecurableName.catalog(required(request, "catalog_name"));
    return RestResponse.json(
        Map.of("schemas", visibleChildren(request, catalog, SecurableType.SCHEMA)));
  }

  private RestResponse listTables(RestRequest request) {
    SecurableName schema =
        SecurableName.schema(required(request, "catalog_name"), required(request, "schema_name"));
    return RestResponse.json(
        Map.of("tables", visibleChildren(request, schema, SecurableType.TABLE)));
  }

  private List<Map<String, Object>> visibleChildren(
      RestRequest request, SecurableName parent, SecurableType type) {
    String caller = request.requirePrincipal();
    return governance.securables().children(parent, type).stream()
        .filter(child -> governance.access().isVisible(caller, child.name()))
        .map(this::info)
        .toList();
  }

  private RestResponse createCatalog(RestRequest request) {
    JsonNode body = request.bodyAs(JsonNode.class);
    String name = requiredField(body, "name");
    check(request, Action.CREATE_CATALOG, SecurableName.metastore());
    return RestResponse.json(
        info(
            governance
                .securables()
                .createCatalog(name, request.requirePrincipal(), optionalField(body, "comment"))));
  }

  private RestResponse createSchema(RestRequest request) {
    JsonNode body = request.bodyAs(JsonNode.class);
    SecurableName schema =
        SecurableName.schema(requiredField(body, "catalog_name"), requiredField(body, "name"));
    check(request, Action.CREATE_SCHEMA, schema.parent().orElseThrow());
    return RestResponse.json(
        info(
            governance
                .securables()
                .createSchema(schema, request.requirePrincipal(), optionalField(body, "comment"))));
  }

  private RestResponse createTable(RestRequest request) {
    JsonNode body = request.bodyAs(JsonNode.class);
    SecurableName table =
        SecurableName.table(
            requiredField(body, "catalog_name"),
            requiredField(body, "schema_name"),
            requiredField(body, "name"));
    check(request, Action.CREATE_TABLE, table.parent().orElseThrow());
    SecurableKind kind =
        switch (optionalField(body, "table_type").orElse("MANAGED").toUpperCase(Locale.ROOT)) {
          case "MANAGED" -> SecurableKind.MANAGED;
          case "EXTERNAL" -> SecurableKind.EXTERNAL;
          case "VIEW" -> SecurableKind.VIEW;
          default ->
              throw RestException.invalidParameter("table_type must be MANAGED, EXTERNAL or VIEW");
        };
    List<ColumnDefinition> columns = new ArrayList<>();
    for (JsonNode column : body.path("columns")) {
      columns.add(
          new ColumnDefinition(
              requiredField(column, "name"),
              optionalField(column, "type_text")
                  .orElseGet(() -> requiredField(column, "type_name")),
              !column.has("nullable") || column.get("nullable").asBoolean(true),
              optionalField(column, "comment")));
    }
    TableDefinition definition =
        new TableDefinition(
            table,
            kind,
            columns,
            kind == SecurableKind.VIEW
                ? Optional.empty()
                : Optional.of(
                    optionalField(body, "data_source_format")
                        .orElse("DELTA")
                        .toUpperCase(Locale.ROOT)),
            optionalField(body, "storage_location"),
            kind == SecurableKind.VIEW
                ? Optional.of(requiredField(body, "view_definition"))
                : Optional.empty(),
            optionalField(body, "comment"));
    return RestResponse.json(
        info(governance.securables().createTable(definition, request.requirePrincipal())));
  }

  private RestResponse get(RestRequest request, SecurableType type) {
    SecurableName name = SecurableName.parse(type, request.pathParameter("name"));
    Securable securable = governance.securables().require(name);
    check(request, Action.BROWSE, name);
    return RestResponse.json(info(securable));
  }

  /** Only ownership transfer ({@code owner}) is supported. */
  private RestResponse update(RestRequest request, SecurableType type) {
    SecurableName name = SecurableName.parse(type, request.pathParameter("name"));
    governance.securables().require(name);
    JsonNode body = request.bodyAs(JsonNode.class);
    for (String field : List.of("new_name", "comment", "properties")) {
      if (body.has(field)) {
        throw RestException.invalidParameter("Updating " + field + " is not supported; only owner");
      }
    }
    Optional<String> owner = optionalField(body, "owner");
    if (owner.isPresent()) {
      check(request, Action.TRANSFER_OWNERSHIP, name);
      governance.principals().require(owner.get());
      governance.securables().setOwner(name, owner.get());
    }
    return RestResponse.json(info(governance.securables().require(name)));
  }

  private RestResponse drop(RestRequest request, SecurableType type) {
    SecurableName name = SecurableName.parse(type, request.pathParameter("name"));
    governance.securables().require(name);
    check(request, Action.DROP, name);
    boolean force = request.queryParameter("force").map(Boolean::parseBoolean).orElse(false);
    governance.securables().drop(name, force);
    return RestResponse.emptyJson();
  }

  private void check(RestRequest request, Action action, SecurableName securable) {
    governance
        .access()
        .check(
            AccessRequest.of(
                request.requirePrincipal(), requestId(), new Access(action, securable)));
  }

  private Map<String, Object> info(Securable securable) {
    Map<String, Object> info = new LinkedHashMap<>();
    SecurableName name = securable.name();
    info.put("name", name.name());
    if (name.type() != SecurableType.CATALOG) {
      info.put("catalog_name", name.parts().get(0));
    }
    if (name.type() == SecurableType.TABLE) {
      info.put("schema_name", name.parts().get(1));
    }
    info.put("full_name", name.fullName());
    info.put("owner", securable.owner());
    securable.comment().ifPresent(comment -> info.put("comment", comment));
    info.put("created_at", securable.createdAt().toEpochMilli());
    info.put("created_by", securable.createdBy());
    info.put("updated_at", securable.updatedAt().toEpochMilli());
    if (name.type() == SecurableType.CATALOG) {
      info.put("catalog_type", "MANAGED_CATALOG");
    }
    if (name.type() == SecurableType.TABLE) {
      info.put("table_type", securable.kind().name());
      securable.dataSourceFormat().ifPresent(format -> info.put("data_source_format", format));
      securable.storageLocation().ifPresent(location -> info.put("storage_location", location));
      if (securable.kind() == SecurableKind.VIEW) {
        securable.definition().ifPresent(text -> info.put("view_definition", text));
      }
      TablePolicies policies = governance.policies().policies(name);
      List<Map<String, Object>> columns = new ArrayList<>();
      int position = 0;
      for (ColumnDefinition column : governance.securables().columns(name)) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", column.name());
        entry.put("type_text", column.typeText());
        entry.put("type_name", typeName(column.typeText()));
        entry.put("position", position++);
        entry.put("nullable", column.nullable());
        column.comment().ifPresent(comment -> entry.put("comment", comment));
        for (ColumnMask mask : policies.columnMasks()) {
          if (mask.column().equals(column.name())) {
            entry.put(
                "mask",
                Map.of(
                    "function_name", mask.function().fullName(),
                    "using_column_names", mask.usingColumns()));
          }
        }
        columns.add(entry);
      }
      info.put("columns", columns);
      policies
          .rowFilter()
          .ifPresent(
              filter ->
                  info.put(
                      "row_filter",
                      Map.of(
                          "function_name", filter.function().fullName(),
                          "input_column_names", filter.arguments())));
    }
    return info;
  }

  /** Unity Catalog's type name: the type text's leading word, upper case ({@code DECIMAL}). */
  private static String typeName(String typeText) {
    String word = typeText.trim().split("[^A-Za-z_]", 2)[0].toUpperCase(Locale.ROOT);
    return switch (word) {
      case "BIGINT" -> "LONG";
      case "INTEGER" -> "INT";
      case "SMALLINT" -> "SHORT";
      case "TINYINT" -> "BYTE";
      default -> word;
    };
  }

  private static String required(RestRequest request, String name) {
    return request
        .queryParameter(name)
        .filter(value -> !value.isBlank())
        .orElseThrow(() -> RestException.invalidParameter(name + " is required"));
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
