package io.sluice.gateway.governance;

import static io.sluice.gateway.governance.RelationColumn.string;
import static java.util.Objects.requireNonNull;

import io.sluice.governance.Governance;
import io.sluice.governance.grant.Grant;
import io.sluice.governance.securable.ColumnDefinition;
import io.sluice.governance.securable.Securable;
import io.sluice.governance.securable.SecurableKind;
import io.sluice.governance.securable.SecurableName;
import io.sluice.governance.securable.SecurableType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The {@value #SCHEMA} schema of every catalog of the metastore, with Databricks' relations and
 * column names. Rows show only what the caller may see, by the rule of listings (BROWSE or any
 * privilege on the object, through the USE gates):
 *
 * <ul>
 *   <li>{@code schemata}, {@code tables}, {@code columns}, {@code views}: visible schemas and
 *       tables; a view's text only for its owner (NULL for anyone else, as in Databricks).
 *   <li>{@code catalog_privileges}, {@code schema_privileges}, {@code table_privileges}: grants on
 *       visible objects, including grants inherited from an ancestor (then {@code inherited_from}
 *       names it). A caller who administers the object (a workspace admin, or the owner of it or of
 *       an ancestor) sees every grant on it; anyone else only the grants they hold themselves or
 *       through a group. MANAGE holders see only their own, as in Databricks. The grantor is not
 *       recorded per row and is NULL.
 * </ul>
 *
 * <p>The schema is read-only and exists in no store: it cannot be created, dropped or written.
 */
final class InformationSchema {
  static final String SCHEMA = "information_schema";

  private static final List<RelationColumn> PRIVILEGE_TAIL =
      List.of(string("privilege_type"), string("is_grantable"), string("inherited_from"));

  private final Governance governance;
  private final Map<String, Definition> relations;

  private record Definition(
      List<RelationColumn> columns, BiFunction<Securable, Caller, List<List<Object>>> rows) {}

  InformationSchema(Governance governance) {
    this.governance = requireNonNull(governance, "governance is null");
    this.relations =
        Map.of(
            "schemata",
            new Definition(
                columns(
                    "catalog_name",
                    "schema_name",
                    "schema_owner",
                    "comment",
                    "created:timestamp",
                    "created_by",
                    "last_altered:timestamp",
                    "last_altered_by"),
                this::schemata),
            "tables",
            new Definition(
                columns(
                    "table_catalog",
                    "table_schema",
                    "table_name",
                    "table_type",
                    "is_insertable_into",
                    "commit_action",
                    "table_owner",
                    "comment",
                    "created:timestamp",
                    "created_by",
                    "last_altered:timestamp",
                    "last_altered_by",
                    "data_source_format",
                    "storage_path"),
                this::tables),
            "columns",
            new Definition(
                columns(
                    "table_catalog",
                    "table_schema",
                    "table_name",
                    "column_name",
                    "ordinal_position:int",
                    "column_default",
                    "is_nullable",
                    "full_data_type",
                    "data_type",
                    "comment"),
                this::columns),
            "views",
            new Definition(
                columns(
                    "table_catalog",
                    "table_schema",
                    "table_name",
                    "view_definition",
                    "check_option",
                    "is_updatable",
                    "is_insertable_into",
                    "sql_path",
                    "is_materialized:boolean"),
                this::views),
            "catalog_privileges",
            new Definition(
                privilegeColumns("grantor", "grantee", "catalog_name"), this::catalogPrivileges),
            "schema_privileges",
            new Definition(
                privilegeColumns("grantor", "grantee", "catalog_name", "schema_name"),
                this::schemaPrivileges),
            "table_privileges",
            new Definition(
                privilegeColumns(
                    "grantor", "grantee", "table_catalog", "table_schema", "table_name"),
                this::tablePrivileges));
  }

  /** The relations' names, sorted. */
  List<String> names() {
    return relations.keySet().stream().sorted().toList();
  }

  /** The relation of {@code catalog}'s information_schema, if both exist. */
  Optional<ServedRelation> relation(String catalog, String name) {
    Definition definition = relations.get(name.toLowerCase(Locale.ROOT));
    Optional<Securable> catalogSecurable =
        governance.securables().find(SecurableName.catalog(catalog));
    if (definition == null || catalogSecurable.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new ServedRelation() {
          @Override
          public List<RelationColumn> columns() {
            return definition.columns();
          }

          @Override
          public Page rows(String user, Optional<String> pageToken) {
            Caller caller = new Caller(user);
            if (!caller.sees(catalogSecurable.get())) {
              return Page.of(List.of());
            }
            return Page.of(definition.rows().apply(catalogSecurable.get(), caller));
          }
        });
  }

  /** Who asks: the user, the groups it acts as, and what it may see. */
  private final class Caller {
    private final String user;
    private final Set<String> names = new LinkedHashSet<>();
    private final boolean admin;

    Caller(String user) {
      this.user = user;
      names.add(user);
      names.addAll(governance.principals().groupsOf(user));
      this.admin = governance.principals().isAdmin(user);
    }

    boolean sees(Securable securable) {
      return governance.access().isVisible(user, securable.name());
    }

    boolean owns(Securable securable) {
      return names.contains(securable.owner());
    }

    /** Whether every grant on {@code chain}'s last securable is the caller's to see. */
    boolean administers(List<Securable> chain) {
      return admin || chain.stream().anyMatch(this::owns);
    }
  }

  private List<Securable> visibleSchemas(Securable catalog, Caller caller) {
    return governance.securables().children(catalog.name(), SecurableType.SCHEMA).stream()
        .filter(caller::sees)
        .toList();
  }

  private List<Securable> visibleTables(Securable catalog, Caller caller) {
    List<Securable> tables = new ArrayList<>();
    for (Securable schema : visibleSchemas(catalog, caller)) {
      governance.securables().children(schema.name(), SecurableType.TABLE).stream()
          .filter(caller::sees)
          .forEach(tables::add);
    }
    return tables;
  }

  private List<List<Object>> schemata(Securable catalog, Caller caller) {
    List<List<Object>> rows = new ArrayList<>();
    for (Securable schema : visibleSchemas(catalog, caller)) {
      rows.add(
          row(
              catalog.name().name(),
              schema.name().name(),
              schema.owner(),
              schema.comment().orElse(null),
              schema.createdAt(),
              schema.createdBy(),
              schema.updatedAt(),
              schema.createdBy()));
    }
    rows.add(
        row(
            catalog.name().name(),
            SCHEMA,
            "System user",
            "Information schema",
            null,
            null,
            null,
            null));
    return rows;
  }

  private List<List<Object>> tables(Securable catalog, Caller caller) {
    List<List<Object>> rows = new ArrayList<>();
    for (Securable table : visibleTables(catalog, caller)) {
      List<String> parts = table.name().parts();
      boolean view = table.kind() == SecurableKind.VIEW;
      rows.add(
          row(
              parts.get(0),
              parts.get(1),
              parts.get(2),
              table.kind().name(),
              view ? "NO" : "YES",
              "PRESERVE",
              table.owner(),
              table.comment().orElse(null),
              table.createdAt(),
              table.createdBy(),
              table.updatedAt(),
              table.createdBy(),
              view ? null : table.dataSourceFormat().orElse(null),
              table.storageLocation().orElse(null)));
    }
    return rows;
  }

  private List<List<Object>> columns(Securable catalog, Caller caller) {
    List<List<Object>> rows = new ArrayList<>();
    for (Securable table : visibleTables(catalog, caller)) {
      List<String> parts = table.name().parts();
      int position = 0;
      for (ColumnDefinition column : governance.securables().columns(table.name())) {
        rows.add(
            row(
                parts.get(0),
                parts.get(1),
                parts.get(2),
                column.name(),
                position++,
                null,
                column.nullable() ? "YES" : "NO",
                column.typeText(),
                dataType(column.typeText()),
                column.comment().orElse(null)));
      }
    }
    return rows;
  }

  /** Databricks' {@code data_type}: the type's name without its parameters, upper case. */
  private static String dataType(String typeText) {
    String name = typeText.split("[<(]", 2)[0].trim().toUpperCase(Locale.ROOT);
    return switch (name) {
      case "INTEGER" -> "INT";
      case "BIGINT" -> "LONG";
      case "SMALLINT" -> "SHORT";
      case "TINYINT" -> "BYTE";
      default -> name;
    };
  }

  private List<List<Object>> views(Securable catalog, Caller caller) {
    List<List<Object>> rows = new ArrayList<>();
    for (Securable table : visibleTables(catalog, caller)) {
      if (table.kind() != SecurableKind.VIEW) {
        continue;
      }
      List<String> parts = table.name().parts();
      rows.add(
          row(
              parts.get(0),
              parts.get(1),
              parts.get(2),
              caller.owns(table) ? table.definition().orElse(null) : null,
              "NONE",
              "NO",
              "NO",
              null,
              false));
    }
    return rows;
  }

  private List<List<Object>> catalogPrivileges(Securable catalog, Caller caller) {
    return privileges(List.of(catalog), caller, List.of(catalog.name().name()));
  }

  private List<List<Object>> schemaPrivileges(Securable catalog, Caller caller) {
    List<List<Object>> rows = new ArrayList<>();
    for (Securable schema : visibleSchemas(catalog, caller)) {
      rows.addAll(
          privileges(
              List.of(catalog, schema),
              caller,
              List.of(catalog.name().name(), schema.name().name())));
    }
    return rows;
  }

  private List<List<Object>> tablePrivileges(Securable catalog, Caller caller) {
    List<List<Object>> rows = new ArrayList<>();
    for (Securable table : visibleTables(catalog, caller)) {
      List<Securable> chain =
          governance.securables().chain(table.name()).stream()
              .filter(securable -> securable.type() != SecurableType.METASTORE)
              .toList();
      rows.addAll(privileges(chain, caller, List.copyOf(table.name().parts())));
    }
    return rows;
  }

  /**
   * The grants that apply to the last securable of {@code chain} (from the catalog down), those the
   * caller may see, each as grantor, grantee, {@code names}, privilege, grantable and the ancestor
   * it is inherited from.
   */
  private List<List<Object>> privileges(List<Securable> chain, Caller caller, List<String> names) {
    Securable target = chain.get(chain.size() - 1);
    boolean seesAll = caller.administers(chain);
    List<List<Object>> rows = new ArrayList<>();
    for (Grant grant : governance.grants().grantsOn(chain)) {
      if (!target.type().accepts(grant.privilege())
          || !(seesAll || caller.names.contains(grant.principal()))) {
        continue;
      }
      List<Object> row = new ArrayList<>();
      row.add(null);
      row.add(grant.principal());
      row.addAll(names);
      row.add(grant.privilege().sqlName());
      row.add("NO");
      row.add(grant.securable().equals(target.name()) ? null : grant.securable().fullName());
      rows.add(row);
    }
    return rows;
  }

  private static List<RelationColumn> columns(String... specifications) {
    return Arrays.stream(specifications)
        .map(
            specification -> {
              String[] parts = specification.split(":", 2);
              return new RelationColumn(parts[0], parts.length == 2 ? parts[1] : "string");
            })
        .toList();
  }

  private static List<RelationColumn> privilegeColumns(String... leading) {
    List<RelationColumn> columns = new ArrayList<>(columns(leading));
    columns.addAll(PRIVILEGE_TAIL);
    return columns;
  }

  /** A row; values may be null. */
  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }
}
