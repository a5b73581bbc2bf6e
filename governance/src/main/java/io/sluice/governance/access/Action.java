package io.sluice.governance.access;

import io.sluice.governance.securable.SecurableType;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a principal asks to do to one securable. Each action needs what Unity Catalog's requirement
 * matrix says (the USE gates on the parents, then a privilege, ownership or administration of the
 * securable); {@link AccessController} holds the rules.
 */
public enum Action {
  /** {@code SELECT} from a table or view. */
  READ(EnumSet.of(SecurableType.TABLE)),
  /** {@code INSERT}, {@code UPDATE}, {@code DELETE}, {@code MERGE} into a table. */
  MODIFY(EnumSet.of(SecurableType.TABLE)),
  /** Call a function. */
  EXECUTE(EnumSet.of(SecurableType.FUNCTION)),
  /** {@code USE CATALOG c} or {@code USE SCHEMA c.s}: only the USE gates. */
  USE(EnumSet.of(SecurableType.CATALOG, SecurableType.SCHEMA)),
  /** See that the securable exists and read its metadata (SHOW, DESCRIBE, catalog browser). */
  BROWSE(
      EnumSet.of(
          SecurableType.CATALOG,
          SecurableType.SCHEMA,
          SecurableType.TABLE,
          SecurableType.FUNCTION)),
  CREATE_CATALOG(EnumSet.of(SecurableType.METASTORE)),
  CREATE_SCHEMA(EnumSet.of(SecurableType.CATALOG)),
  CREATE_TABLE(EnumSet.of(SecurableType.SCHEMA)),
  CREATE_FUNCTION(EnumSet.of(SecurableType.SCHEMA)),
  /** GRANT and REVOKE on the securable. */
  MANAGE_GRANTS(EnumSet.allOf(SecurableType.class)),
  /** SHOW GRANTS on the securable (for principals other than the caller). */
  SHOW_GRANTS(EnumSet.allOf(SecurableType.class)),
  /** {@code ALTER ... OWNER TO}. */
  TRANSFER_OWNERSHIP(
      EnumSet.of(
          SecurableType.CATALOG,
          SecurableType.SCHEMA,
          SecurableType.TABLE,
          SecurableType.FUNCTION)),
  /** {@code DROP} the securable. */
  DROP(
      EnumSet.of(
          SecurableType.CATALOG,
          SecurableType.SCHEMA,
          SecurableType.TABLE,
          SecurableType.FUNCTION)),
  /** Rename, comment, properties: anything but a view's definition. */
  ALTER(
      EnumSet.of(
          SecurableType.CATALOG,
          SecurableType.SCHEMA,
          SecurableType.TABLE,
          SecurableType.FUNCTION)),
  /** Change a view's query text: its owner only. */
  ALTER_VIEW_DEFINITION(EnumSet.of(SecurableType.TABLE)),
  /**
   * Set or drop a table's row filter or a column mask. The function bound needs {@link #EXECUTE} as
   * a second access in the same request.
   */
  SET_POLICY(EnumSet.of(SecurableType.TABLE));

  private final Set<SecurableType> appliesTo;

  Action(Set<SecurableType> appliesTo) {
    this.appliesTo = appliesTo;
  }

  public boolean appliesTo(SecurableType type) {
    return appliesTo.contains(type);
  }
}
