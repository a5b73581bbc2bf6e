package io.sluice.planner;

/**
 * What stands in for a table or view where a statement reads it: a policy subquery over a protected
 * table, a view's expanded query, or a table's full name.
 */
public sealed interface ReadRewrite permits TableSecurity, ExpandedView, QualifiedTable {
  /** Whether reads are left as written. */
  boolean isEmpty();

  /** The parenthesized subquery that replaces a read of {@code name}. */
  String subquery(ObjectName name);
}
