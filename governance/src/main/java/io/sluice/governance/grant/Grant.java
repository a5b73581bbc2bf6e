package io.sluice.governance.grant;

import static java.util.Objects.requireNonNull;

import io.sluice.governance.securable.SecurableName;

/** One privilege granted directly to one principal on one securable. */
public record Grant(SecurableName securable, String principal, Privilege privilege) {
  public Grant {
    requireNonNull(securable, "securable is null");
    requireNonNull(principal, "principal is null");
    requireNonNull(privilege, "privilege is null");
  }
}
