package io.sluice.planner;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

/**
 * Resolves names as the engine will, from the session's current catalog and schema, and refuses
 * names that are not catalog objects at all: files read as tables ({@code parquet.`/path`}) and
 * global temporary views, which every session on an engine shares.
 */
final class NameResolver {
  /**
   * Data source names Spark accepts in {@code format.`path`} to read files directly. Any quoted
   * first part with a dot is also refused: Spark takes a data source's class name there too.
   */
  private static final Set<String> FILE_SOURCES =
      Set.of(
          "parquet",
          "orc",
          "json",
          "csv",
          "text",
          "avro",
          "delta",
          "binaryfile",
          "xml",
          "libsvm",
          "image",
          "jdbc",
          "hive",
          "noop",
          "console",
          "kafka",
          "rate",
          "socket",
          "iceberg",
          "hudi",
          "state",
          "statestore",
          "cloudfiles",
          "file",
          "files",
          "protobuf");

  static final String GLOBAL_TEMPORARY_SCHEMA = "global_temp";

  private final SessionContext session;

  NameResolver(SessionContext session) {
    this.session = requireNonNull(session, "session is null");
  }

  SessionContext session() {
    return session;
  }

  /** A table or view: {@code t}, {@code s.t} or {@code c.s.t}. */
  ObjectReferenceTarget relation(List<String> parts) throws PlanningException {
    refuseFilePaths(parts);
    if (parts.size() == 1 && session.isTemporaryView(parts.get(0))) {
      return new ObjectReferenceTarget(ObjectType.TEMPORARY_VIEW, ObjectName.normalized(parts));
    }
    return new ObjectReferenceTarget(ObjectType.TABLE, qualifiedTable(parts));
  }

  /** A table name that can only be a catalog table (DDL targets, DML targets). */
  ObjectName qualifiedTable(List<String> parts) throws PlanningException {
    refuseFilePaths(parts);
    ObjectName name =
        switch (parts.size()) {
          case 1 ->
              ObjectName.normalized(
                  List.of(session.currentCatalog(), session.currentSchema(), parts.get(0)));
          case 2 ->
              ObjectName.normalized(List.of(session.currentCatalog(), parts.get(0), parts.get(1)));
          default -> ObjectName.normalized(parts);
        };
    refuseGlobalTemporary(name.parts().get(name.size() - 2));
    return name;
  }

  /** A schema: {@code s} in the current catalog, or {@code c.s}. */
  ObjectName schema(List<String> parts) throws PlanningException {
    ObjectName name =
        parts.size() == 1
            ? ObjectName.normalized(List.of(session.currentCatalog(), parts.get(0)))
            : ObjectName.normalized(parts);
    refuseGlobalTemporary(name.last());
    return name;
  }

  ObjectName currentSchema() {
    return ObjectName.of(session.currentCatalog(), session.currentSchema());
  }

  private static void refuseGlobalTemporary(String schema) throws PlanningException {
    if (schema.equals(GLOBAL_TEMPORARY_SCHEMA)) {
      throw PlanningException.refused(
          "Global temporary views (schema "
              + GLOBAL_TEMPORARY_SCHEMA
              + ") are shared by every session on an engine and are not available through the"
              + " gateway; use a TEMPORARY VIEW or a table");
    }
  }

  private static void refuseFilePaths(List<String> parts) throws PlanningException {
    for (String part : parts) {
      if (part.contains("/") || part.contains("\\")) {
        throw PlanningException.refused(
            "Reading or writing files by path is not allowed through the gateway: '"
                + part
                + "' is not a table name; query a table of the catalog instead");
      }
    }
    if (parts.size() == 2 && (FILE_SOURCES.contains(parts.get(0)) || parts.get(0).contains("."))) {
      throw PlanningException.refused(
          "Querying files directly ("
              + parts.get(0)
              + ".`...`) is not allowed through the gateway; query a table of the catalog, or"
              + " name a table of a schema called '"
              + parts.get(0)
              + "' with its catalog (catalog."
              + parts.get(0)
              + ".table)");
    }
  }

  /** A resolved relation: a catalog table or view, or a temporary view. */
  record ObjectReferenceTarget(ObjectType type, ObjectName name) {}
}
