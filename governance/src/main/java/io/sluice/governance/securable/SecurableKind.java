package io.sluice.governance.securable;

/** What a securable is within its type: tables are managed, external or views. */
public enum SecurableKind {
  METASTORE,
  CATALOG,
  SCHEMA,
  MANAGED,
  EXTERNAL,
  VIEW,
  FUNCTION;

  public boolean isTable() {
    return this == MANAGED || this == EXTERNAL || this == VIEW;
  }
}
