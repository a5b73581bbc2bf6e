package io.sluice.planner;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Applies row filters and column masks: each read of a protected table becomes a subquery that
 * masks its columns and then filters its rows, directly over the table, under the name the
 * statement reads it by; every other character of the statement is kept. The user's predicates,
 * joins and ordering see only masked values and the rows the filter keeps.
 *
 * <p>Where no subquery can stand in for a protected table (time travel, sampling, {@code TABLE t},
 * a table argument of a table function, inside EXECUTE IMMEDIATE's text) the statement is refused,
 * and so are UPDATE, DELETE and MERGE into a protected table, whose rows the engine would reach
 * unfiltered.
 */
public final class StatementRewriter {
  private StatementRewriter() {}

  public static String rewrite(StatementAnalysis analysis, Map<ObjectName, TableSecurity> tables)
      throws PlanningException {
    List<ObjectReference> protectedReferences =
        analysis.objects().stream()
            .filter(reference -> reference.type() == ObjectType.TABLE)
            .filter(
                reference -> !tables.getOrDefault(reference.name(), TableSecurity.NONE).isEmpty())
            .toList();
    if (protectedReferences.isEmpty()) {
      return analysis.engineSql();
    }
    for (ObjectReference reference : protectedReferences) {
      if (reference.access() != Access.READ && reference.access() != Access.INSERT) {
        throw PlanningException.unsupported(
            reference.access()
                + " on "
                + reference.name()
                + ", which has a row filter or column masks, is not supported through the"
                + " gateway");
      }
      if (reference.access() == Access.READ
          && (reference.relation().isEmpty() || reference.range().isEmpty())) {
        throw PlanningException.unsupported(
            reference.name()
                + " has a row filter or column masks and can only be read as a table in a FROM"
                + " clause, without time travel or sampling");
      }
    }
    StringBuilder sql = new StringBuilder(analysis.engineSql());
    List<ObjectReference> reads =
        protectedReferences.stream()
            .filter(reference -> reference.access() == Access.READ)
            .sorted(
                Comparator.comparingInt(
                        (ObjectReference reference) -> reference.range().get().start())
                    .reversed())
            .toList();
    for (ObjectReference read : reads) {
      TextRange range = read.range().get();
      sql.replace(
          range.start(),
          range.stop(),
          subquery(read.name(), tables.get(read.name()), read.relation().get().alias()));
    }
    return sql.toString();
  }

  private static String subquery(ObjectName table, TableSecurity security, Optional<String> alias) {
    String projection =
        security.columnMasks().isEmpty()
            ? "*"
            : security.columns().stream()
                .map(column -> projected(column, security))
                .collect(Collectors.joining(", "));
    StringBuilder text =
        new StringBuilder("(SELECT ").append(projection).append(" FROM ").append(table.toSql());
    security.rowFilter().ifPresent(filter -> text.append(" WHERE ").append(filter));
    text.append(')');
    if (alias.isEmpty()) {
      text.append(" AS ").append(ObjectName.of(table.last()).toSql());
    }
    return text.toString();
  }

  private static String projected(String column, TableSecurity security) {
    String quoted = ObjectName.of(column).toSql();
    String mask = security.columnMasks().get(column);
    return mask == null ? quoted : mask + " AS " + quoted;
  }
}
