package io.sluice.planner;

/**
 * A table read by its full name, so that it means the same table in any session: the tables a
 * policy function's subquery reads, which the reader's current catalog and schema must not change.
 */
public record QualifiedTable() implements ReadRewrite {
  @Override
  public boolean isEmpty() {
    return false;
  }

  @Override
  public String subquery(ObjectName name) {
    return "(SELECT * FROM " + name.toSql() + ")";
  }
}
