package io.sluice.planner;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the planner learned about one statement; the authorizer's only input besides the principal.
 *
 * @param kind what the statement does, at routing granularity
 * @param operation the statement's verb in upper case, as Databricks' query history names it
 *     (SELECT, INSERT, MERGE, CREATE_TABLE, USE, SET, GRANT, ...)
 * @param engineSql the text to send to the engine: the client's text, except ODBC escapes that were
 *     translated to Spark SQL
 * @param objects every catalog, schema, table, view and function the statement names, in text
 *     order, with what it does to each; CTE names, lambda variables and aliases are not objects
 * @param columns every column the statement names, in text order without duplicates
 * @param sessionAfter the session as it is once the statement has run, when it changes it (USE, SET
 *     CATALOG, CREATE or DROP of a temporary view)
 * @param createdView the persistent view the statement creates, if it is a CREATE VIEW
 * @param droppedView the persistent view the statement drops, if it is a DROP VIEW
 * @param columnFlows the columns the statement writes into its target from a query, in order, with
 *     the table columns each is computed from ({@link ColumnFlows}); empty when there are none or
 *     they cannot be told from the text
 */
public record StatementAnalysis(
    StatementKind kind,
    String operation,
    String engineSql,
    List<ObjectReference> objects,
    List<ColumnReference> columns,
    Optional<SessionContext> sessionAfter,
    Optional<CreatedView> createdView,
    Optional<DroppedView> droppedView,
    List<ColumnFlow> columnFlows) {
  public StatementAnalysis {
    requireNonNull(kind, "kind is null");
    requireNonNull(operation, "operation is null");
    requireNonNull(engineSql, "engineSql is null");
    objects = List.copyOf(requireNonNull(objects, "objects is null"));
    columns = List.copyOf(requireNonNull(columns, "columns is null"));
    requireNonNull(sessionAfter, "sessionAfter is null");
    requireNonNull(createdView, "createdView is null");
    requireNonNull(droppedView, "droppedView is null");
    columnFlows = List.copyOf(requireNonNull(columnFlows, "columnFlows is null"));
  }

  /** The same analysis with the text the engine must run after rewriting. */
  public StatementAnalysis withEngineSql(String sql) {
    return new StatementAnalysis(
        kind,
        operation,
        sql,
        objects,
        columns,
        sessionAfter,
        createdView,
        droppedView,
        columnFlows);
  }

  /** The tables and views the statement names (any access), as resolved names. */
  public Set<ObjectName> tables() {
    return objects.stream()
        .filter(reference -> reference.type() == ObjectType.TABLE)
        .map(ObjectReference::name)
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  /** The tables and views the statement only reads. */
  public Set<ObjectName> tablesRead() {
    return objects.stream()
        .filter(reference -> reference.type() == ObjectType.TABLE)
        .filter(reference -> reference.access() == Access.READ)
        .map(ObjectReference::name)
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  /** The functions the statement calls, by the names as written. */
  public Set<ObjectName> functions() {
    return objects.stream()
        .filter(reference -> reference.type() == ObjectType.FUNCTION)
        .map(ObjectReference::name)
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  /** The table a DML statement writes. */
  public Optional<ObjectReference> target() {
    return objects.stream()
        .filter(reference -> reference.type() == ObjectType.TABLE)
        .filter(reference -> reference.access().writesRows())
        .findFirst();
  }
}
