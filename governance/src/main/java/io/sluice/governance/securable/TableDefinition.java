package io.sluice.governance.securable;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a new table or view is: its kind, columns, storage (format and location) for tables, and
 * query text for views.
 */
public record TableDefinition(
    SecurableName name,
    SecurableKind kind,
    List<ColumnDefinition> columns,
    Optional<String> dataSourceFormat,
    Optional<String> storageLocation,
    Optional<String> viewText,
    Optional<String> comment) {
  public TableDefinition {
    requireNonNull(name, "name is null");
    requireNonNull(kind, "kind is null");
    columns = List.copyOf(columns);
    requireNonNull(dataSourceFormat, "dataSourceFormat is null");
    requireNonNull(storageLocation, "storageLocation is null");
    requireNonNull(viewText, "viewText is null");
    requireNonNull(comment, "comment is null");
    if (name.type() != SecurableType.TABLE || !kind.isTable()) {
      throw new IllegalArgumentException("A table definition needs a table name and a table kind");
    }
    if ((kind == SecurableKind.VIEW) != viewText.isPresent()) {
      throw new IllegalArgumentException("Views, and only views, have query text");
    }
    Set<String> names = new HashSet<>();
    for (ColumnDefinition column : columns) {
      if (!names.add(column.name())) {
        throw new IllegalArgumentException("Duplicate column " + column.name());
      }
    }
  }

  /** A managed Delta table. */
  public static TableDefinition managed(SecurableName name, List<ColumnDefinition> columns) {
    return new TableDefinition(
        name,
        SecurableKind.MANAGED,
        columns,
        Optional.of("DELTA"),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  public static TableDefinition view(
      SecurableName name, List<ColumnDefinition> columns, String viewText) {
    return new TableDefinition(
        name,
        SecurableKind.VIEW,
        columns,
        Optional.empty(),
        Optional.empty(),
        Optional.of(viewText),
        Optional.empty());
  }
}
