package io.sluice.planner;

import static java.util.Objects.requireNonNull;

/**
 * A view's query as the engine runs it for one reader: authorized with its owner's rights, every
 * table it reads qualified and protected by its own policies, and its identity functions answered
 * for the reader.
 */
public record ExpandedView(String query) implements ReadRewrite {
  public ExpandedView {
    requireNonNull(query, "query is null");
  }

  @Override
  public boolean isEmpty() {
    return false;
  }

  @Override
  public String subquery(ObjectName name) {
    return "(" + query + ")";
  }
}
