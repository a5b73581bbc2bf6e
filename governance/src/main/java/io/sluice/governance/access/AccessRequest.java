package io.sluice.governance.access;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * Everything one statement needs, asked at once so that a refusal names every missing privilege:
 * who asks, for which statement (recorded in the audit log), and each access.
 */
public record AccessRequest(String principal, Optional<String> statementId, List<Access> accesses) {
  public AccessRequest {
    requireNonNull(principal, "principal is null");
    requireNonNull(statementId, "statementId is null");
    accesses = List.copyOf(accesses);
    if (accesses.isEmpty()) {
      throw new IllegalArgumentException("A request needs at least one access");
    }
  }

  public static AccessRequest of(String principal, String statementId, Access... accesses) {
    return new AccessRequest(principal, Optional.ofNullable(statementId), List.of(accesses));
  }
}
