package io.sluice.governance.lineage;

import static java.util.Objects.requireNonNull;

import io.sluice.governance.securable.SecurableName;
import io.sluice.governance.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Table and column lineage in the governance database (migration V70): one row per edge per
 * statement, so the history of who wrote what from what is kept; reads fold the rows of one pair of
 * neighbors into one, with the time lineage between them was last recorded. Only portable SQL: it
 * runs on the embedded H2 and on PostgreSQL.
 */
public final class LineageStore {
  private final Database database;

  public LineageStore(Database database) {
    this.database = requireNonNull(database, "database is null");
  }

  /** Records the lineage of one statement together. */
  public void record(List<TableLineage> tables, List<ColumnLineage> columns) {
    if (tables.isEmpty() && columns.isEmpty()) {
      return;
    }
    database.transaction(
        session -> {
          for (TableLineage edge : tables) {
            session.update(
                "INSERT INTO table_lineage (event_time, statement_id, principal, source_catalog,"
                    + " source_schema, source_name, target_catalog, target_schema, target_name)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                edge.eventTime(),
                edge.statementId(),
                edge.principal(),
                part(edge.source(), 0),
                part(edge.source(), 1),
                part(edge.source(), 2),
                part(edge.target(), 0),
                part(edge.target(), 1),
                part(edge.target(), 2));
          }
          for (ColumnLineage edge : columns) {
            session.update(
                "INSERT INTO column_lineage (event_time, statement_id, principal, source_catalog,"
                    + " source_schema, source_name, source_column, target_catalog, target_schema,"
                    + " target_name, target_column) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                edge.eventTime(),
                edge.statementId(),
                edge.principal(),
                part(edge.source(), 0),
                part(edge.source(), 1),
                part(edge.source(), 2),
                edge.sourceColumn(),
                part(edge.target(), 0),
                part(edge.target(), 1),
                part(edge.target(), 2),
                edge.targetColumn().orElse(null));
          }
          return null;
        });
  }

  /** The tables {@code table} was written from, by name. */
  public List<LineageNeighbor> upstreamTables(SecurableName table) {
    return database.query(
        "SELECT source_catalog, source_schema, source_name, MAX(event_time) AS last_time"
            + " FROM table_lineage WHERE target_catalog = ? AND target_schema = ? AND"
            + " target_name = ? GROUP BY source_catalog, source_schema, source_name"
            + " ORDER BY source_catalog, source_schema, source_name",
        row -> neighbor(row, "source", false),
        parameters(table));
  }

  /** The tables written from {@code table}, by name. */
  public List<LineageNeighbor> downstreamTables(SecurableName table) {
    return database.query(
        "SELECT target_catalog, target_schema, target_name, MAX(event_time) AS last_time"
            + " FROM table_lineage WHERE source_catalog = ? AND source_schema = ? AND"
            + " source_name = ? GROUP BY target_catalog, target_schema, target_name"
            + " ORDER BY target_catalog, target_schema, target_name",
        row -> neighbor(row, "target", false),
        parameters(table));
  }

  /**
   * The source columns that may have flowed into {@code column} of {@code table}: those recorded
   * for it, and those recorded for the whole table (target column unknown).
   */
  public List<LineageNeighbor> upstreamColumns(SecurableName table, String column) {
    return database.query(
        "SELECT source_catalog, source_schema, source_name, source_column AS column_name,"
            + " MAX(event_time) AS last_time FROM column_lineage WHERE target_catalog = ? AND"
            + " target_schema = ? AND target_name = ? AND (target_column IS NULL OR"
            + " target_column = ?) GROUP BY source_catalog, source_schema, source_name,"
            + " source_column ORDER BY source_catalog, source_schema, source_name, source_column",
        row -> neighbor(row, "source", true),
        part(table, 0),
        part(table, 1),
        part(table, 2),
        column);
  }

  /**
   * The tables (and target columns, where known) {@code column} of {@code table} flowed into: edges
   * recorded for the column and for all the table's columns ({@code *}).
   */
  public List<LineageNeighbor> downstreamColumns(SecurableName table, String column) {
    return database.query(
        "SELECT target_catalog, target_schema, target_name, target_column AS column_name,"
            + " MAX(event_time) AS last_time FROM column_lineage WHERE source_catalog = ? AND"
            + " source_schema = ? AND source_name = ? AND (source_column = ? OR source_column ="
            + " '*') GROUP BY target_catalog, target_schema, target_name, target_column"
            + " ORDER BY target_catalog, target_schema, target_name, target_column",
        row -> neighbor(row, "target", true),
        part(table, 0),
        part(table, 1),
        part(table, 2),
        column);
  }

  /** The statements that recorded lineage from {@code source} to {@code target}, newest first. */
  public List<String> statements(SecurableName source, SecurableName target, int limit) {
    return database.query(
        "SELECT statement_id, MAX(event_time) AS last_time FROM table_lineage WHERE"
            + " source_catalog = ? AND source_schema = ? AND source_name = ? AND target_catalog = ?"
            + " AND target_schema = ? AND target_name = ? GROUP BY statement_id"
            + " ORDER BY last_time DESC, statement_id LIMIT ?",
        row -> row.getString("statement_id"),
        part(source, 0),
        part(source, 1),
        part(source, 2),
        part(target, 0),
        part(target, 1),
        part(target, 2),
        limit);
  }

  /** Deletes lineage recorded before {@code cutoff}; returns how many edges were deleted. */
  public int purgeBefore(Instant cutoff) {
    return database.transaction(
        session ->
            session.update("DELETE FROM table_lineage WHERE event_time < ?", cutoff)
                + session.update("DELETE FROM column_lineage WHERE event_time < ?", cutoff));
  }

  private static Object[] parameters(SecurableName table) {
    return new Object[] {part(table, 0), part(table, 1), part(table, 2)};
  }

  private static String part(SecurableName table, int index) {
    return table.parts().get(index);
  }

  private static LineageNeighbor neighbor(ResultSet row, String side, boolean withColumn)
      throws SQLException {
    SecurableName table =
        SecurableName.table(
            row.getString(side + "_catalog"),
            row.getString(side + "_schema"),
            row.getString(side + "_name"));
    Optional<String> column =
        withColumn ? Optional.ofNullable(row.getString("column_name")) : Optional.empty();
    return new LineageNeighbor(table, column, Database.instant(row, "last_time"));
  }
}
