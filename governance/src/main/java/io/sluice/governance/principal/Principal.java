package io.sluice.governance.principal;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** A user, service principal or group. */
public record Principal(
    String id,
    PrincipalType type,
    String name,
    String displayName,
    boolean active,
    Instant createdAt) {
  public Principal {
    requireNonNull(id, "id is null");
    requireNonNull(type, "type is null");
    requireNonNull(name, "name is null");
    requireNonNull(displayName, "displayName is null");
    requireNonNull(createdAt, "createdAt is null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("A principal's name must not be blank");
    }
  }

  public boolean isGroup() {
    return type == PrincipalType.GROUP;
  }
}
