package io.sluice.governance.securable;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A securable as stored: its name, what kind of object it is, its one owner, and (for tables, views
 * and functions) how it is defined.
 */
public record Securable(
    String id,
    SecurableName name,
    SecurableKind kind,
    String owner,
    Optional<String> comment,
    Optional<String> dataSourceFormat,
    Optional<String> storageLocation,
    Optional<String> definition,
    Instant createdAt,
    String createdBy,
    Instant updatedAt) {
  public Securable {
    requireNonNull(id, "id is null");
    requireNonNull(name, "name is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(owner, "owner is null");
    requireNonNull(comment, "comment is null");
    requireNonNull(dataSourceFormat, "dataSourceFormat is null");
    requireNonNull(storageLocation, "storageLocation is null");
    requireNonNull(definition, "definition is null");
    requireNonNull(createdAt, "createdAt is null");
    requireNonNull(createdBy, "createdBy is null");
    requireNonNull(updatedAt, "updatedAt is null");
  }

  public SecurableType type() {
    return name.type();
  }

  /** How messages name it: a view is a {@code View}, not a {@code Table}. */
  public String describe() {
    return (kind == SecurableKind.VIEW ? "View" : name.type().displayName())
        + " '"
        + name.fullName()
        + "'";
  }
}
