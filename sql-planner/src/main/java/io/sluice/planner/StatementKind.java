package io.sluice.planner;

/** What a statement does, at the granularity the gateway routes and authorizes by. */
public enum StatementKind {
  /** Reads and returns rows: SELECT, VALUES, TABLE, FROM-first queries, EXPLAIN. */
  QUERY,
  /** Writes rows: INSERT, UPDATE, DELETE, MERGE. */
  DML,
  /** Creates, alters or drops schemas, tables, views and functions, or maintains them. */
  DDL,
  /** Grants, ownership, catalogs, row filters and column masks: executed by the gateway itself. */
  GOVERNANCE,
  /** Changes or shows session state: USE, SET of allowed keys, SHOW, DESCRIBE. */
  SESSION_COMMAND
}
