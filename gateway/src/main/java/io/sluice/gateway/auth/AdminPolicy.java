package io.sluice.gateway.auth;

import static java.util.Objects.requireNonNull;

/**
 * Decides who is an admin: admins see every user's statements and the SQL the engine really ran.
 * The one place that decision lives, so governance can replace it (members of the {@code admins}
 * group) without touching its callers.
 */
@FunctionalInterface
public interface AdminPolicy {
  boolean isAdmin(String principal);

  /** Only the principal named {@code admin} is an admin. */
  static AdminPolicy principalNamed(String admin) {
    requireNonNull(admin, "admin is null");
    return admin::equals;
  }
}
