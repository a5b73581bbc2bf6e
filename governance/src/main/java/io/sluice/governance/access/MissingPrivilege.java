package io.sluice.governance.access;

import static java.util.Objects.requireNonNull;

import io.sluice.governance.grant.Privilege;
import io.sluice.governance.securable.SecurableName;
import java.util.Optional;

/**
 * Something the principal lacks: a privilege on a securable, or (when empty) the ownership of it.
 * {@code describedSecurable} is how Databricks names the object ({@code View 'main.s.v'}).
 */
public record MissingPrivilege(
    Optional<Privilege> privilege, SecurableName securable, String describedSecurable) {
  public MissingPrivilege {
    requireNonNull(privilege, "privilege is null");
    requireNonNull(securable, "securable is null");
    requireNonNull(describedSecurable, "describedSecurable is null");
  }

  /** Databricks' sentence: {@code User does not have SELECT on Table 'main.default.trips'.} */
  public String sentence() {
    return privilege
        .map(value -> "User does not have " + value.sqlName() + " on " + describedSecurable + ".")
        .orElse("User is not an owner of " + describedSecurable + ".");
  }
}
