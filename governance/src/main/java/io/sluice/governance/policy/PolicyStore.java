package io.sluice.governance.policy;

import static java.util.Objects.requireNonNull;

import io.sluice.governance.GovernanceException;
import io.sluice.governance.securable.ColumnDefinition;
import io.sluice.governance.securable.FunctionDefinition;
import io.sluice.governance.securable.Securable;
import io.sluice.governance.securable.SecurableKind;
import io.sluice.governance.securable.SecurableName;
import io.sluice.governance.securable.SecurableStore;
import io.sluice.governance.securable.SecurableType;
import io.sluice.governance.store.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Row filters and column masks bound to tables. Setting one checks what Unity Catalog checks: the
 * table is a table (not a view), the function exists, named columns exist, and the function takes
 * exactly as many parameters as it is given (the {@code ROW_COLUMN_ACCESS} errors). Setting a
 * filter or mask again replaces the previous one.
 */
public final class PolicyStore {
  /** The column name under which a table's row filter is stored. */
  private static final String ROW_FILTER = "";

  private final Database database;
  private final SecurableStore securables;
  private final Clock clock;

  public PolicyStore(Database database, SecurableStore securables, Clock clock) {
    this.database = requireNonNull(database, "database is null");
    this.securables = requireNonNull(securables, "securables is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  public void setRowFilter(RowFilter filter, String setBy) {
    Securable table = requireTable(filter.table());
    Set<String> columns = columnNames(filter.table());
    filter
        .arguments()
        .forEach(argument -> requireColumnOrLiteral(filter.table(), columns, argument));
    FunctionDefinition function = securables.function(filter.function());
    if (function.parameters().size() != filter.arguments().size()) {
      throw rowColumnAccess(
          "ASSIGNED_ROW_FILTER_WRONG_NUMBER_OF_COLUMNS",
          "Function "
              + filter.function().fullName()
              + " takes "
              + function.parameters().size()
              + " parameter(s) but the row filter passes "
              + filter.arguments().size()
              + ".");
    }
    store(table, ROW_FILTER, filter.function(), filter.arguments(), setBy);
  }

  public boolean dropRowFilter(SecurableName table) {
    return remove(requireTable(table), ROW_FILTER);
  }

  public void setColumnMask(ColumnMask mask, String setBy) {
    Securable table = requireTable(mask.table());
    Set<String> columns = columnNames(mask.table());
    String column = mask.column().toLowerCase(Locale.ROOT);
    if (!columns.contains(column)) {
      throw columnNotFound(mask.table(), column);
    }
    mask.usingColumns()
        .forEach(argument -> requireColumnOrLiteral(mask.table(), columns, argument));
    FunctionDefinition function = securables.function(mask.function());
    int expected = 1 + mask.usingColumns().size();
    if (function.parameters().size() != expected) {
      throw rowColumnAccess(
          "ASSIGNED_COLUMN_MASK_WRONG_NUMBER_OF_COLUMNS",
          "Function "
              + mask.function().fullName()
              + " takes "
              + function.parameters().size()
              + " parameter(s) but the mask on column "
              + column
              + " passes "
              + expected
              + ".");
    }
    store(table, column, mask.function(), mask.usingColumns(), setBy);
  }

  public boolean dropColumnMask(SecurableName table, String column) {
    return remove(requireTable(table), column.toLowerCase(Locale.ROOT));
  }

  /** The filter and masks bound to a table or view (views have none). */
  public TablePolicies policies(SecurableName name) {
    return policies(securables.require(name));
  }

  /** The filter and masks bound to a table or view already read from the metastore. */
  public TablePolicies policies(Securable table) {
    SecurableName name = table.name();
    record Row(String column, String function) {}
    List<Row> rows =
        database.query(
            "SELECT column_name, function_name FROM table_policy WHERE table_id = ?"
                + " ORDER BY column_name",
            row -> new Row(row.getString(1), row.getString(2)),
            table.id());
    Optional<RowFilter> rowFilter = Optional.empty();
    List<ColumnMask> masks = new ArrayList<>();
    for (Row row : rows) {
      SecurableName function = SecurableName.parse(SecurableType.FUNCTION, row.function());
      List<String> arguments = arguments(table.id(), row.column());
      if (row.column().equals(ROW_FILTER)) {
        rowFilter = Optional.of(new RowFilter(name, function, arguments));
      } else {
        masks.add(new ColumnMask(name, row.column(), function, arguments));
      }
    }
    return new TablePolicies(rowFilter, masks);
  }

  private List<String> arguments(String tableId, String column) {
    return database.query(
        "SELECT argument FROM table_policy_argument WHERE table_id = ? AND column_name = ?"
            + " ORDER BY ordinal",
        row -> row.getString(1),
        tableId,
        column);
  }

  private void store(
      Securable table,
      String column,
      SecurableName function,
      List<String> arguments,
      String setBy) {
    database.transaction(
        session -> {
          session.update(
              "DELETE FROM table_policy WHERE table_id = ? AND column_name = ?",
              table.id(),
              column);
          session.update(
              "INSERT INTO table_policy (table_id, column_name, function_name, set_by, set_at)"
                  + " VALUES (?, ?, ?, ?, ?)",
              table.id(),
              column,
              function.fullName(),
              setBy,
              clock.instant());
          for (int ordinal = 0; ordinal < arguments.size(); ordinal++) {
            session.update(
                "INSERT INTO table_policy_argument (table_id, column_name, ordinal, argument)"
                    + " VALUES (?, ?, ?, ?)",
                table.id(),
                column,
                ordinal,
                arguments.get(ordinal));
          }
          return null;
        });
  }

  private boolean remove(Securable table, String column) {
    return database.update(
            "DELETE FROM table_policy WHERE table_id = ? AND column_name = ?", table.id(), column)
        == 1;
  }

  private Securable requireTable(SecurableName name) {
    Securable table = securables.require(name);
    if (table.kind() == SecurableKind.VIEW) {
      throw rowColumnAccess(
          "UNSUPPORTED_ON_VIEW",
          "Row filters and column masks apply to tables, not to " + table.describe() + ".");
    }
    return table;
  }

  private Set<String> columnNames(SecurableName table) {
    return securables.columns(table).stream()
        .map(ColumnDefinition::name)
        .collect(Collectors.toSet());
  }

  /**
   * An argument is a column of the table or a literal (a quoted string, a number, TRUE, FALSE or
   * NULL).
   */
  private static void requireColumnOrLiteral(
      SecurableName table, Set<String> columns, String argument) {
    String text = argument.trim();
    boolean literal =
        text.startsWith("'")
            || text.matches("[-+]?[0-9]+(\\.[0-9]*)?([eE][-+]?[0-9]+)?[lLdD]?")
            || text.equalsIgnoreCase("true")
            || text.equalsIgnoreCase("false")
            || text.equalsIgnoreCase("null")
            || text.toLowerCase(Locale.ROOT).startsWith("interval ");
    String column = text.replace("`", "").toLowerCase(Locale.ROOT);
    if (!literal && !columns.contains(column)) {
      throw columnNotFound(table, column);
    }
  }

  private static GovernanceException columnNotFound(SecurableName table, String column) {
    return rowColumnAccess(
        "COLUMN_NOT_FOUND", "Column " + column + " does not exist in " + table.describe() + ".");
  }

  private static GovernanceException rowColumnAccess(String subclass, String message) {
    return new GovernanceException("ROW_COLUMN_ACCESS." + subclass, "42000", message);
  }
}
