package io.sluice.governance.grant;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The privileges one principal holds directly on one securable, as the permissions API shows. */
public record PrivilegeAssignment(String principal, List<Privilege> privileges) {
  public PrivilegeAssignment {
    requireNonNull(principal, "principal is null");
    privileges = List.copyOf(privileges);
  }
}
