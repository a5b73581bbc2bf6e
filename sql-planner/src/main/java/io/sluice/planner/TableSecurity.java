package io.sluice.planner;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the person running a statement may see of one table: its columns in order, the expression
 * that stands in for each masked column, and the row filter (a row is kept only where it is TRUE).
 * Expressions are Spark SQL over the table's own columns, already inlined for that person.
 */
public record TableSecurity(
    List<String> columns, Map<String, String> columnMasks, Optional<String> rowFilter)
    implements ReadRewrite {
  public static final TableSecurity NONE = new TableSecurity(List.of(), Map.of(), Optional.empty());

  /** The alias of the table in its policy subquery, which policy arguments are qualified by. */
  public static final String SCAN = "sluice_policy_scan";

  public TableSecurity {
    columns = List.copyOf(columns);
    columnMasks = Map.copyOf(columnMasks);
    requireNonNull(rowFilter, "rowFilter is null");
    if (!columns.containsAll(columnMasks.keySet())) {
      throw new IllegalArgumentException("Masks name columns the table does not have");
    }
  }

  @Override
  public boolean isEmpty() {
    return columnMasks.isEmpty() && rowFilter.isEmpty();
  }

  /** Masks the columns, then filters the rows, directly over the table. */
  @Override
  public String subquery(ObjectName table) {
    String projection =
        columnMasks.isEmpty()
            ? "*"
            : columns.stream().map(this::projected).collect(Collectors.joining(", "));
    StringBuilder text =
        new StringBuilder("(SELECT ")
            .append(projection)
            .append(" FROM ")
            .append(table.toSql())
            .append(" AS ")
            .append(ObjectName.of(SCAN).toSql());
    rowFilter.ifPresent(filter -> text.append(" WHERE ").append(filter));
    return text.append(')').toString();
  }

  private String projected(String column) {
    String quoted = ObjectName.of(column).toSql();
    String mask = columnMasks.get(column);
    return mask == null ? quoted : mask + " AS " + quoted;
  }
}
