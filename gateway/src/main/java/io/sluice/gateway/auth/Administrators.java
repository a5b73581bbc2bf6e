package io.sluice.gateway.auth;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * Who may administer the workspace (create, edit and delete warehouses; stop them). The one place
 * that decides it: today the built-in admin principal; groups arrive with governance.
 */
public final class Administrators {
  private final Set<String> principals;

  public Administrators(Set<String> principals) {
    this.principals = Set.copyOf(requireNonNull(principals, "principals is null"));
  }

  public boolean isAdmin(String principal) {
    return principal != null && principals.contains(principal);
  }
}
