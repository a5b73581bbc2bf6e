package io.sluice.governance.grant;

import io.sluice.governance.GovernanceException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Unity Catalog's privileges, spelled as in SQL ({@link #sqlName}). {@link #ALL_PRIVILEGES} stands
 * for every privilege that applies to the securable it is granted on and to its children, except
 * {@link #MANAGE}; it is stored as itself, so privileges a securable gains later are covered too.
 */
public enum Privilege {
  ALL_PRIVILEGES,
  BROWSE,
  CREATE_CATALOG,
  CREATE_FUNCTION,
  CREATE_SCHEMA,
  CREATE_TABLE,
  EXECUTE,
  MANAGE,
  MODIFY,
  SELECT,
  USE_CATALOG,
  USE_SCHEMA;

  /** The SQL spelling: {@code USE CATALOG}, {@code ALL PRIVILEGES}. */
  public String sqlName() {
    return name().replace('_', ' ');
  }

  /**
   * A privilege from its SQL spelling ({@code use catalog}) or its REST spelling ({@code
   * USE_CATALOG}); case and the space or underscore do not matter.
   */
  public static Privilege parse(String text) {
    String normalized = text.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s_]+", "_");
    if (normalized.equals("USAGE")) {
      throw GovernanceException.invalid(
          "Privilege USAGE is Hive's; in Unity Catalog grant USE CATALOG or USE SCHEMA");
    }
    return Arrays.stream(values())
        .filter(privilege -> privilege.name().equals(normalized))
        .findFirst()
        .orElseThrow(() -> GovernanceException.invalid("Unknown privilege '" + text.trim() + "'"));
  }
}
