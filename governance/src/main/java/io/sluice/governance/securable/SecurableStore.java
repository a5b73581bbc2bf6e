package io.sluice.governance.securable;

import static java.util.Objects.requireNonNull;

import io.sluice.governance.GovernanceException;
import io.sluice.governance.principal.PrincipalStore;
import io.sluice.governance.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The metastore's objects: catalogs, schemas, tables and views (with their columns) and SQL
 * functions, each with one owner. The creator of an object owns it. Dropping a catalog or schema
 * that still holds objects needs {@code cascade}; dropping an object drops its grants and policies.
 */
public final class SecurableStore {
  private static final String METASTORE_ID = "metastore";
  private static final String SELECT =
      "SELECT s.securable_id, s.securable_type, s.name, s.kind, p.name AS owner_name, s.comment,"
          + " s.data_source_format, s.storage_location, s.definition, s.created_at, s.created_by,"
          + " s.updated_at FROM securable s JOIN principal p ON p.principal_id = s.owner_id";

  private final Database database;
  private final PrincipalStore principals;
  private final Clock clock;

  public SecurableStore(Database database, PrincipalStore principals, Clock clock) {
    this.database = requireNonNull(database, "database is null");
    this.principals = requireNonNull(principals, "principals is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  public Securable createCatalog(String catalog, String owner, Optional<String> comment) {
    return insert(
        SecurableName.catalog(catalog),
        SecurableKind.CATALOG,
        owner,
        comment,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  public Securable createSchema(SecurableName schema, String owner, Optional<String> comment) {
    return insert(
        schema,
        SecurableKind.SCHEMA,
        owner,
        comment,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  public Securable createTable(TableDefinition table, String owner) {
    Securable created =
        insert(
            table.name(),
            table.kind(),
            owner,
            table.comment(),
            table.dataSourceFormat(),
            table.storageLocation(),
            table.viewText(),
            Optional.empty());
    database.transaction(
        session -> {
          int ordinal = 0;
          for (ColumnDefinition column : table.columns()) {
            session.update(
                "INSERT INTO table_column (table_id, ordinal, column_name, type_text, nullable,"
                    + " comment) VALUES (?, ?, ?, ?, ?, ?)",
                created.id(),
                ordinal++,
                column.name(),
                column.typeText(),
                column.nullable(),
                column.comment().orElse(null));
          }
          return null;
        });
    return created;
  }

  public Securable createFunction(FunctionDefinition function, String owner) {
    Securable created =
        insert(
            function.name(),
            SecurableKind.FUNCTION,
            owner,
            function.comment(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(function.body()),
            Optional.of(function.returnType()));
    database.transaction(
        session -> {
          int ordinal = 0;
          for (ColumnDefinition parameter : function.parameters()) {
            session.update(
                "INSERT INTO function_parameter (function_id, ordinal, parameter_name, type_text)"
                    + " VALUES (?, ?, ?, ?)",
                created.id(),
                ordinal++,
                parameter.name(),
                parameter.typeText());
          }
          return null;
        });
    return created;
  }

  private Securable insert(
      SecurableName name,
      SecurableKind kind,
      String owner,
      Optional<String> comment,
      Optional<String> dataSourceFormat,
      Optional<String> storageLocation,
      Optional<String> definition,
      Optional<String> returnType) {
    String ownerId = principals.require(owner).id();
    String parentId = requireParentId(name);
    Instant now = clock.instant();
    Securable securable =
        new Securable(
            UUID.randomUUID().toString(),
            name,
            kind,
            owner,
            comment,
            dataSourceFormat,
            storageLocation,
            definition,
            now,
            owner,
            now);
    try {
      database.update(
          "INSERT INTO securable (securable_id, securable_type, parent_id, name, full_name, kind,"
              + " owner_id, comment, data_source_format, storage_location, definition, return_type,"
              + " created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
              + " ?, ?, ?)",
          securable.id(),
          name.type(),
          parentId,
          name.name(),
          name.fullName(),
          kind,
          ownerId,
          comment.orElse(null),
          dataSourceFormat.orElse(null),
          storageLocation.orElse(null),
          definition.orElse(null),
          returnType.orElse(null),
          now,
          owner,
          now);
    } catch (IllegalStateException e) {
      if (Database.isUniqueViolation(e)) {
        throw alreadyExists(name);
      }
      throw e;
    }
    return securable;
  }

  public Optional<Securable> find(SecurableName name) {
    return resolve(name).map(chain -> chain.get(chain.size() - 1));
  }

  /** The securable, or Databricks' not-found error for its type. */
  public Securable require(SecurableName name) {
    return find(name).orElseThrow(() -> notFound(name));
  }

  /** The metastore, then each ancestor of {@code name}, then the securable itself. */
  public List<Securable> chain(SecurableName name) {
    return resolve(name).orElseThrow(() -> notFound(name));
  }

  /**
   * The securables on the way to {@code name}, metastore first, read level by level in one
   * transaction; empty when any level does not exist.
   */
  private Optional<List<Securable>> resolve(SecurableName name) {
    return database.transaction(
        session -> {
          List<Securable> chain = new ArrayList<>();
          chain.add(
              session
                  .queryOne(
                      SELECT + " WHERE s.securable_id = ?",
                      row -> securable(List.of(), row),
                      METASTORE_ID)
                  .orElseThrow(() -> notFound(SecurableName.metastore())));
          List<String> parts = name.parts();
          for (int index = 0; index < parts.size(); index++) {
            SecurableType type =
                index == parts.size() - 1
                    ? name.type()
                    : index == 0 ? SecurableType.CATALOG : SecurableType.SCHEMA;
            List<String> path = parts.subList(0, index + 1);
            Optional<Securable> level =
                session.queryOne(
                    SELECT + " WHERE s.parent_id = ? AND s.securable_type = ? AND s.name = ?",
                    row -> securable(path, row),
                    chain.get(index).id(),
                    type,
                    parts.get(index));
            if (level.isEmpty()) {
              return Optional.empty();
            }
            chain.add(level.get());
          }
          return Optional.of(chain);
        });
  }

  /** The children of {@code parent} of one type, by name. */
  public List<Securable> children(SecurableName parent, SecurableType type) {
    Securable container = require(parent);
    List<String> parentParts = container.name().parts();
    return database.query(
        SELECT + " WHERE s.parent_id = ? AND s.securable_type = ? ORDER BY s.name",
        row -> {
          List<String> parts = new ArrayList<>(parentParts);
          parts.add(row.getString("name"));
          return securable(parts, row);
        },
        container.id(),
        type);
  }

  public List<ColumnDefinition> columns(SecurableName table) {
    String id = findId(table).orElseThrow(() -> notFound(table));
    return database.query(
        "SELECT column_name, type_text, nullable, comment FROM table_column WHERE table_id = ?"
            + " ORDER BY ordinal",
        row ->
            new ColumnDefinition(
                row.getString("column_name"),
                row.getString("type_text"),
                row.getBoolean("nullable"),
                Optional.ofNullable(row.getString("comment"))),
        id);
  }

  public FunctionDefinition function(SecurableName function) {
    Securable securable = require(function);
    List<ColumnDefinition> parameters =
        database.query(
            "SELECT parameter_name, type_text FROM function_parameter WHERE function_id = ?"
                + " ORDER BY ordinal",
            row -> ColumnDefinition.of(row.getString(1), row.getString(2)),
            securable.id());
    String returnType =
        database
            .queryOne(
                "SELECT return_type FROM securable WHERE securable_id = ?",
                row -> row.getString(1),
                securable.id())
            .orElseThrow();
    return new FunctionDefinition(
        function, parameters, returnType, securable.definition().orElse(""), securable.comment());
  }

  /** Makes {@code owner} the one owner of the securable. */
  public void setOwner(SecurableName name, String owner) {
    String ownerId = principals.require(owner).id();
    String id = findId(name).orElseThrow(() -> notFound(name));
    database.update(
        "UPDATE securable SET owner_id = ?, updated_at = ? WHERE securable_id = ?",
        ownerId,
        clock.instant(),
        id);
  }

  /** Changes a view's query; its grants and owner stay. */
  public void replaceViewDefinition(SecurableName view, String query) {
    Securable existing = require(view);
    if (existing.kind() != SecurableKind.VIEW) {
      throw new GovernanceException(
          "EXPECT_VIEW_NOT_TABLE", "42809", view.describe() + " is a table, not a view.");
    }
    database.update(
        "UPDATE securable SET definition = ?, updated_at = ? WHERE securable_id = ?",
        query,
        clock.instant(),
        existing.id());
  }

  /**
   * Renames a table or view, within its catalog: it keeps its id, and with it its owner, grants,
   * row filter and column masks. Views that read it by its old name no longer find it.
   */
  public Securable renameTable(SecurableName from, SecurableName to) {
    if (from.type() != SecurableType.TABLE || to.type() != SecurableType.TABLE) {
      throw GovernanceException.invalid("Only tables and views are renamed here");
    }
    if (!from.parts().get(0).equals(to.parts().get(0))) {
      throw new GovernanceException(
          "RENAME_ACROSS_CATALOGS",
          "0A000",
          "A table cannot be moved to another catalog: "
              + from.fullName()
              + " to "
              + to.fullName()
              + ".");
    }
    String id = findId(from).orElseThrow(() -> notFound(from));
    String parentId = requireParentId(to);
    try {
      database.update(
          "UPDATE securable SET parent_id = ?, name = ?, full_name = ?, updated_at = ? WHERE"
              + " securable_id = ?",
          parentId,
          to.name(),
          to.fullName(),
          clock.instant(),
          id);
    } catch (IllegalStateException e) {
      if (Database.isUniqueViolation(e)) {
        throw alreadyExists(to);
      }
      throw e;
    }
    return require(to);
  }

  /**
   * Replaces a table's columns and comment after its definition was altered. Columns may be added
   * and their comments changed; every existing column must stay, with its type, because grants, row
   * filters and column masks name columns.
   */
  public void alterTable(
      SecurableName table, List<ColumnDefinition> columns, Optional<String> comment) {
    Securable existing = require(table);
    if (existing.kind() == SecurableKind.VIEW) {
      throw new GovernanceException(
          "EXPECT_TABLE_NOT_VIEW", "42809", table.describe() + " is a view, not a table.");
    }
    Map<String, ColumnDefinition> byName = new HashMap<>();
    for (ColumnDefinition column : columns) {
      if (byName.put(column.name(), column) != null) {
        throw GovernanceException.invalid("Duplicate column " + column.name());
      }
    }
    for (ColumnDefinition current : columns(table)) {
      ColumnDefinition altered = byName.get(current.name());
      if (altered == null || !altered.typeText().equalsIgnoreCase(current.typeText())) {
        throw new GovernanceException(
            "UNSUPPORTED_COLUMN_CHANGE",
            "0A000",
            "Column "
                + current.name()
                + " of "
                + table.describe()
                + " cannot be dropped, renamed or retyped.");
      }
    }
    database.transaction(
        session -> {
          session.update("DELETE FROM table_column WHERE table_id = ?", existing.id());
          int ordinal = 0;
          for (ColumnDefinition column : columns) {
            session.update(
                "INSERT INTO table_column (table_id, ordinal, column_name, type_text, nullable,"
                    + " comment) VALUES (?, ?, ?, ?, ?, ?)",
                existing.id(),
                ordinal++,
                column.name(),
                column.typeText(),
                column.nullable(),
                column.comment().orElse(null));
          }
          session.update(
              "UPDATE securable SET comment = ?, updated_at = ? WHERE securable_id = ?",
              comment.orElse(null),
              clock.instant(),
              existing.id());
          return null;
        });
  }

  /**
   * Drops a securable with its grants and policies. A catalog or schema that is not empty is only
   * dropped with {@code cascade}, and then with everything in it.
   */
  public boolean drop(SecurableName name, boolean cascade) {
    if (name.type() == SecurableType.METASTORE) {
      throw GovernanceException.invalid("The metastore cannot be dropped");
    }
    Optional<String> id = findId(name);
    if (id.isEmpty()) {
      return false;
    }
    boolean hasChildren =
        database
                .queryOne(
                    "SELECT COUNT(*) FROM securable WHERE parent_id = ?",
                    row -> row.getLong(1),
                    id.get())
                .orElse(0L)
            > 0;
    if (hasChildren && !cascade) {
      throw new GovernanceException(
          name.type() == SecurableType.CATALOG ? "CATALOG_NOT_EMPTY" : "SCHEMA_NOT_EMPTY",
          "2BP01",
          name.describe() + " is not empty; use CASCADE to drop it with its contents.");
    }
    return database.update("DELETE FROM securable WHERE securable_id = ?", id.get()) == 1;
  }

  private static Securable securable(List<String> parts, ResultSet row) throws SQLException {
    SecurableType type = SecurableType.valueOf(row.getString("securable_type"));
    return new Securable(
        row.getString("securable_id"),
        new SecurableName(type, parts),
        SecurableKind.valueOf(row.getString("kind")),
        row.getString("owner_name"),
        Optional.ofNullable(row.getString("comment")),
        Optional.ofNullable(row.getString("data_source_format")),
        Optional.ofNullable(row.getString("storage_location")),
        Optional.ofNullable(row.getString("definition")),
        Database.instant(row, "created_at"),
        row.getString("created_by"),
        Database.instant(row, "updated_at"));
  }

  private Optional<String> findId(SecurableName name) {
    return database.transaction(
        session -> {
          Optional<String> id = Optional.of(METASTORE_ID);
          List<String> parts = name.parts();
          for (int index = 0; index < parts.size() && id.isPresent(); index++) {
            SecurableType type =
                index == parts.size() - 1
                    ? name.type()
                    : index == 0 ? SecurableType.CATALOG : SecurableType.SCHEMA;
            id =
                session.queryOne(
                    "SELECT securable_id FROM securable WHERE parent_id = ? AND securable_type = ?"
                        + " AND name = ?",
                    row -> row.getString(1),
                    id.get(),
                    type,
                    parts.get(index));
          }
          return id;
        });
  }

  private String requireParentId(SecurableName name) {
    SecurableName parent =
        name.parent().orElseThrow(() -> GovernanceException.invalid("No parent: " + name));
    return findId(parent).orElseThrow(() -> notFound(parent));
  }

  public static GovernanceException notFound(SecurableName name) {
    return switch (name.type()) {
      case METASTORE -> GovernanceException.notFound("METASTORE_DOES_NOT_EXIST", "No metastore.");
      case CATALOG ->
          GovernanceException.notFound(
              "CATALOG_NOT_FOUND", "The catalog '" + name.fullName() + "' cannot be found.");
      case SCHEMA ->
          GovernanceException.notFound(
              "SCHEMA_NOT_FOUND", "The schema '" + name.fullName() + "' cannot be found.");
      case TABLE ->
          GovernanceException.notFound(
              "TABLE_OR_VIEW_NOT_FOUND",
              "The table or view '" + name.fullName() + "' cannot be found.");
      case FUNCTION ->
          GovernanceException.notFound(
              "ROUTINE_NOT_FOUND", "The routine '" + name.fullName() + "' cannot be found.");
    };
  }

  private static GovernanceException alreadyExists(SecurableName name) {
    String errorClass =
        switch (name.type()) {
          case CATALOG -> "CATALOG_ALREADY_EXISTS";
          case SCHEMA -> "SCHEMA_ALREADY_EXISTS";
          case TABLE -> "TABLE_OR_VIEW_ALREADY_EXISTS";
          default -> "ROUTINE_ALREADY_EXISTS";
        };
    return GovernanceException.alreadyExists(errorClass, name.describe() + " already exists.");
  }
}
