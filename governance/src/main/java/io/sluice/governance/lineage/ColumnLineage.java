package io.sluice.governance.lineage;

import static java.util.Objects.requireNonNull;

import io.sluice.governance.securable.SecurableName;
import java.time.Instant;
import java.util.Optional;

/**
 * One column-level lineage edge: a statement read {@code sourceColumn} of {@code source} ({@code *}
 * for all its columns) to write {@code target}. {@code targetColumn} is the column it flowed into
 * when that is known; when it is empty the source column may have flowed into any of the target's
 * columns.
 */
public record ColumnLineage(
    SecurableName source,
    String sourceColumn,
    SecurableName target,
    Optional<String> targetColumn,
    String statementId,
    String principal,
    Instant eventTime) {
  public ColumnLineage {
    TableLineage.requireTable(source, "source");
    requireNonNull(sourceColumn, "sourceColumn is null");
    TableLineage.requireTable(target, "target");
    requireNonNull(targetColumn, "targetColumn is null");
    requireNonNull(statementId, "statementId is null");
    requireNonNull(principal, "principal is null");
    requireNonNull(eventTime, "eventTime is null");
  }
}
