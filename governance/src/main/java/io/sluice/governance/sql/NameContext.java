package io.sluice.governance.sql;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** The session's current catalog and schema, against which partial names resolve. */
public record NameContext(Optional<String> catalog, Optional<String> schema) {
  public static final NameContext NONE = new NameContext(Optional.empty(), Optional.empty());

  public NameContext {
    requireNonNull(catalog, "catalog is null");
    requireNonNull(schema, "schema is null");
  }
}
