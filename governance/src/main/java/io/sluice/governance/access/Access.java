package io.sluice.governance.access;

import static java.util.Objects.requireNonNull;

import io.sluice.governance.securable.SecurableName;

/** One action on one securable, as part of a request. */
public record Access(Action action, SecurableName securable) {
  public Access {
    requireNonNull(action, "action is null");
    requireNonNull(securable, "securable is null");
    if (!action.appliesTo(securable.type())) {
      throw new IllegalArgumentException(action + " does not apply to " + securable.describe());
    }
  }
}
