package io.sluice.gateway.lineage;

import static java.util.Objects.requireNonNull;

import io.sluice.gateway.governance.GovernedStatementAuthorizer;
import io.sluice.governance.Governance;
import io.sluice.governance.securable.ColumnDefinition;
import io.sluice.governance.securable.SecurableName;
import io.sluice.planner.ObjectName;
import java.util.List;
import java.util.function.Function;

/**
 * The column names of a table of the metastore's catalogs, in order; none for tables the metastore
 * does not hold (the engines' own catalogs) or no longer holds.
 */
public final class MetastoreTableColumns implements Function<ObjectName, List<String>> {
  private final Governance governance;

  public MetastoreTableColumns(Governance governance) {
    this.governance = requireNonNull(governance, "governance is null");
  }

  @Override
  public List<String> apply(ObjectName table) {
    List<String> parts = table.parts();
    if (parts.size() != 3 || !GovernedStatementAuthorizer.isGoverned(parts.get(0))) {
      return List.of();
    }
    SecurableName name = SecurableName.table(parts.get(0), parts.get(1), parts.get(2));
    if (governance.securables().find(name).isEmpty()) {
      return List.of();
    }
    return governance.securables().columns(name).stream().map(ColumnDefinition::name).toList();
  }
}
