package io.sluice.planner;

/**
 * What a statement does to an object it names; the authorizer maps each to the privileges it needs
 * (READ to SELECT, the writes to MODIFY, CREATE to CREATE TABLE/SCHEMA on the parent, ALTER and
 * DROP to ownership or MANAGE, DESCRIBE to any privilege on the object, USE to USE CATALOG/SCHEMA).
 */
public enum Access {
  READ,
  INSERT,
  OVERWRITE,
  UPDATE,
  DELETE,
  MERGE,
  CREATE,
  ALTER,
  DROP,
  DESCRIBE,
  USE,
  EXECUTE;

  /** Whether this access changes the object's rows. */
  public boolean writesRows() {
    return this == INSERT || this == OVERWRITE || this == UPDATE || this == DELETE || this == MERGE;
  }
}
