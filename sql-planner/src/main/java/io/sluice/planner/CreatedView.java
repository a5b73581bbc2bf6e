package io.sluice.planner;

import static java.util.Objects.requireNonNull;

/**
 * A persistent view a statement creates, as the metastore keeps it: its name, and its query with
 * every table it reads fully qualified (so the view means the same whoever reads it, from whatever
 * current schema), its column names applied.
 */
public record CreatedView(ObjectName name, String query, boolean orReplace, boolean ifNotExists) {
  public CreatedView {
    requireNonNull(name, "name is null");
    requireNonNull(query, "query is null");
  }
}
