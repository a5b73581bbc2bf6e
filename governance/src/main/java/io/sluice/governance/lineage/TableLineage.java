package io.sluice.governance.lineage;

import static java.util.Objects.requireNonNull;

import io.sluice.governance.securable.SecurableName;
import io.sluice.governance.securable.SecurableType;
import java.time.Instant;

/**
 * One table-level lineage edge: a statement of {@code principal} read {@code source} to write or
 * create {@code target} at {@code eventTime} (the shape of Databricks' {@code
 * system.access.table_lineage}).
 */
public record TableLineage(
    SecurableName source,
    SecurableName target,
    String statementId,
    String principal,
    Instant eventTime) {
  public TableLineage {
    requireTable(source, "source");
    requireTable(target, "target");
    requireNonNull(statementId, "statementId is null");
    requireNonNull(principal, "principal is null");
    requireNonNull(eventTime, "eventTime is null");
  }

  static void requireTable(SecurableName name, String role) {
    requireNonNull(name, role + " is null");
    if (name.type() != SecurableType.TABLE) {
      throw new IllegalArgumentException(role + " is not a table: " + name);
    }
  }
}
