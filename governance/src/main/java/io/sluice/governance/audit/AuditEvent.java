package io.sluice.governance.audit;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * One access decision as recorded: when, who, what action on which securable, for which statement,
 * and whether it was allowed (with the missing privileges when it was not).
 */
public record AuditEvent(
    Instant eventTime,
    String principal,
    String actionName,
    String securableType,
    String securableName,
    Optional<String> statementId,
    boolean allowed,
    Optional<String> missingPrivileges) {
  public AuditEvent {
    requireNonNull(eventTime, "eventTime is null");
    requireNonNull(principal, "principal is null");
    requireNonNull(actionName, "actionName is null");
    requireNonNull(securableType, "securableType is null");
    requireNonNull(securableName, "securableName is null");
    requireNonNull(statementId, "statementId is null");
    requireNonNull(missingPrivileges, "missingPrivileges is null");
  }
}
