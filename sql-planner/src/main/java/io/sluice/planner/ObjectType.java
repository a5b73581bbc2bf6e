package io.sluice.planner;

/** The kinds of object a statement can name. */
public enum ObjectType {
  CATALOG,
  SCHEMA,
  /** A table or a (persistent) view: which one only the catalog knows. */
  TABLE,
  /** A session's temporary view: not a securable, its own text was checked when created. */
  TEMPORARY_VIEW,
  FUNCTION
}
