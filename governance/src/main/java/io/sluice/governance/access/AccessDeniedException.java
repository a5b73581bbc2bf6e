package io.sluice.governance.access;

import io.sluice.governance.GovernanceException;

/** A refusal: SQLSTATE 42501, Unity Catalog's INSUFFICIENT_PERMISSIONS wording. */
public final class AccessDeniedException extends GovernanceException {
  private static final long serialVersionUID = 1L;

  private final transient AccessDecision decision;

  public AccessDeniedException(AccessDecision decision) {
    super(AccessDecision.ERROR_CLASS, AccessDecision.SQLSTATE, messageAfterClass(decision));
    this.decision = decision;
  }

  private static String messageAfterClass(AccessDecision decision) {
    String message = decision.message();
    return message.substring(message.indexOf(']') + 2);
  }

  public AccessDecision decision() {
    return decision;
  }
}
