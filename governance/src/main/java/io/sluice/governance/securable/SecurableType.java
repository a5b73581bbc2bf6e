package io.sluice.governance.securable;

import static io.sluice.governance.grant.Privilege.ALL_PRIVILEGES;
import static io.sluice.governance.grant.Privilege.BROWSE;
import static io.sluice.governance.grant.Privilege.CREATE_CATALOG;
import static io.sluice.governance.grant.Privilege.CREATE_FUNCTION;
import static io.sluice.governance.grant.Privilege.CREATE_SCHEMA;
import static io.sluice.governance.grant.Privilege.CREATE_TABLE;
import static io.sluice.governance.grant.Privilege.EXECUTE;
import static io.sluice.governance.grant.Privilege.MANAGE;
import static io.sluice.governance.grant.Privilege.MODIFY;
import static io.sluice.governance.grant.Privilege.SELECT;
import static io.sluice.governance.grant.Privilege.USE_CATALOG;
import static io.sluice.governance.grant.Privilege.USE_SCHEMA;

import io.sluice.governance.GovernanceException;
import io.sluice.governance.grant.Privilege;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The levels of the hierarchy metastore → catalog → schema → table (views too) and function, and
 * the privileges that may be granted at each level. A catalog or schema also takes the privileges
 * of the levels below it, which its children inherit.
 */
public enum SecurableType {
  METASTORE("Metastore", 0, EnumSet.of(CREATE_CATALOG)),
  CATALOG(
      "Catalog",
      1,
      EnumSet.of(
          ALL_PRIVILEGES,
          BROWSE,
          CREATE_SCHEMA,
          USE_CATALOG,
          MANAGE,
          USE_SCHEMA,
          CREATE_TABLE,
          CREATE_FUNCTION,
          SELECT,
          MODIFY,
          EXECUTE)),
  SCHEMA(
      "Schema",
      2,
      EnumSet.of(
          ALL_PRIVILEGES,
          USE_SCHEMA,
          CREATE_TABLE,
          CREATE_FUNCTION,
          MANAGE,
          SELECT,
          MODIFY,
          EXECUTE)),
  TABLE("Table", 3, EnumSet.of(ALL_PRIVILEGES, SELECT, MODIFY, MANAGE)),
  FUNCTION("Function", 3, EnumSet.of(ALL_PRIVILEGES, EXECUTE, MANAGE));

  private final String displayName;
  private final int depth;
  private final Set<Privilege> privileges;

  SecurableType(String displayName, int depth, Set<Privilege> privileges) {
    this.displayName = displayName;
    this.depth = depth;
    this.privileges = privileges;
  }

  /** As Databricks names it in messages: {@code Catalog}, {@code Table}. */
  public String displayName() {
    return displayName;
  }

  /** As the REST APIs spell it: {@code catalog}, {@code table}. */
  public String restName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** How many name parts a securable of this type has (0 for the metastore). */
  public int depth() {
    return depth;
  }

  /** The privileges that may be granted on a securable of this type. */
  public Set<Privilege> privileges() {
    return EnumSet.copyOf(privileges);
  }

  public boolean accepts(Privilege privilege) {
    return privileges.contains(privilege);
  }

  /** A type from its REST or SQL spelling; {@code database} and {@code view} are synonyms. */
  public static SecurableType parse(String text) {
    String normalized = text.trim().toUpperCase(Locale.ROOT);
    switch (normalized) {
      case "DATABASE":
        return SCHEMA;
      case "VIEW":
        return TABLE;
      default:
        return Arrays.stream(values())
            .filter(type -> type.name().equals(normalized))
            .findFirst()
            .orElseThrow(
                () -> GovernanceException.invalid("Unknown securable type '" + text.trim() + "'"));
    }
  }
}
