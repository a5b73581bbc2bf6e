package io.sluice.gateway.governance;

import static java.util.Objects.requireNonNull;

import io.sluice.gateway.rest.RestException;
import io.sluice.governance.principal.PrincipalStore;

/** Workspace-admin-only APIs (SCIM writes, tokens of others) ask this first. */
final class AdminCheck {
  private final PrincipalStore principals;

  AdminCheck(PrincipalStore principals) {
    this.principals = requireNonNull(principals, "principals is null");
  }

  void requireAdmin(String principal) {
    if (!principals.isAdmin(principal)) {
      throw RestException.permissionDenied(
          "Only workspace admins (members of the '"
              + PrincipalStore.ADMINS
              + "' group) may call this API; "
              + principal
              + " is not one.");
    }
  }
}
