package io.sluice.planner;

import static java.util.Objects.requireNonNull;

/**
 * A persistent view a statement drops: its resolved name, and whether the statement said {@code IF
 * EXISTS} (a missing view is then no error).
 */
public record DroppedView(ObjectName name, boolean ifExists) {
  public DroppedView {
    requireNonNull(name, "name is null");
  }
}
