package io.sluice.planner;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Applies row filters, column masks and views: each read of a protected table becomes a subquery
 * that masks its columns and then filters its rows, directly over the table, and each read of a
 * view its expanded query, under the name the statement reads it by; every other character of the
 * statement is kept. The user's predicates, joins and ordering see only masked values and the rows
 * the filter keeps.
 *
 * <p>Where no subquery can stand in for a protected table (time travel, sampling, {@code TABLE t},
 * a table argument of a table function, inside EXECUTE IMMEDIATE's text) the statement is refused,
 * and so are UPDATE, DELETE and MERGE into a protected table, whose rows the engine would reach
 * unfiltered.
 */
public final class StatementRewriter {
  private StatementRewriter() {}

  public static String rewrite(StatementAnalysis analysis, Map<ObjectName, ReadRewrite> tables)
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
      boolean view = tables.get(reference.name()) instanceof ExpandedView;
      if (view && reference.access() != Access.READ) {
        throw PlanningException.unsupported(
            reference.access() + " on the view " + reference.name() + " is not supported");
      }
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
                + (view ? " is a view of the metastore" : " has a row filter or column masks")
                + " and can only be read as a table in a FROM clause, without time travel or"
                + " sampling");
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
      String subquery = tables.get(read.name()).subquery(read.name());
      if (read.relation().get().alias().isEmpty()) {
        subquery += " AS " + ObjectName.of(read.name().last()).toSql();
      }
      sql.replace(range.start(), range.stop(), subquery);
    }
    return sql.toString();
  }
}
