package io.sluice.governance.access;

import static java.util.Objects.requireNonNull;

import io.sluice.governance.policy.TablePolicies;
import io.sluice.governance.securable.SecurableName;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The answer to a request: allowed only if every access is; otherwise every missing privilege, in
 * the order of the accesses. For each table read, the row filter and column masks to apply (empty
 * for tables with none).
 */
public record AccessDecision(
    List<MissingPrivilege> missing, Map<SecurableName, TablePolicies> policies) {
  /** SQLSTATE of a refusal. */
  public static final String SQLSTATE = "42501";

  public static final String ERROR_CLASS = "INSUFFICIENT_PERMISSIONS";

  public AccessDecision {
    missing = List.copyOf(missing);
    policies = Map.copyOf(requireNonNull(policies, "policies is null"));
  }

  public boolean allowed() {
    return missing.isEmpty();
  }

  /** The policies to apply when reading {@code table}. */
  public TablePolicies policies(SecurableName table) {
    return policies.getOrDefault(table, TablePolicies.NONE);
  }

  /**
   * Unity Catalog's refusal: {@code [INSUFFICIENT_PERMISSIONS] Insufficient privileges:} then one
   * sentence per missing privilege.
   */
  public String message() {
    if (allowed()) {
      throw new IllegalStateException("An allowed decision has no refusal message");
    }
    return "["
        + ERROR_CLASS
        + "] Insufficient privileges:\n"
        + missing.stream().map(MissingPrivilege::sentence).collect(Collectors.joining("\n"));
  }

  /** Throws the refusal if the decision is not to allow. */
  public AccessDecision requireAllowed() {
    if (!allowed()) {
      throw new AccessDeniedException(this);
    }
    return this;
  }
}
