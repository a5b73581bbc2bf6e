package io.sluice.planner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * unfiltered. Calls of the metastore's SQL functions, which engines cannot resolve, are replaced by
 * the function's body over the call's arguments.
 */
public final class StatementRewriter {
  private StatementRewriter() {}

  public static String rewrite(StatementAnalysis analysis, Map<ObjectName, ReadRewrite> tables)
      throws PlanningException {
    return rewrite(analysis, tables, Map.of());
  }

  /** As {@link #rewrite(StatementAnalysis, Map)}, and each call of {@code functions} inlined. */
  public static String rewrite(
      StatementAnalysis analysis,
      Map<ObjectName, ReadRewrite> tables,
      Map<ObjectName, InlinedFunction> functions)
      throws PlanningException {
    String sql = analysis.engineSql();
    List<Replacement> replacements = new ArrayList<>();
    for (ObjectReference reference : analysis.objects()) {
      if (reference.type() == ObjectType.TABLE
          && !tables.getOrDefault(reference.name(), TableSecurity.NONE).isEmpty()) {
        tableReplacement(reference, tables.get(reference.name())).ifPresent(replacements::add);
      } else if (reference.type() == ObjectType.FUNCTION
          && functions.containsKey(reference.name())) {
        replacements.add(callReplacement(sql, reference, functions.get(reference.name())));
      }
    }
    if (replacements.isEmpty()) {
      return sql;
    }
    replacements.sort(Comparator.comparingInt((Replacement r) -> r.range().start()).reversed());
    StringBuilder text = new StringBuilder(sql);
    int limit = Integer.MAX_VALUE;
    for (Replacement replacement : replacements) {
      if (replacement.range().stop() > limit) {
        throw PlanningException.unsupported(
            "A call of a function of the metastore cannot take a protected table, a view or"
                + " another such call in its arguments; compute it in a subquery first");
      }
      text.replace(replacement.range().start(), replacement.range().stop(), replacement.text());
      limit = replacement.range().start();
    }
    return text.toString();
  }

  /** What replaces one reference to a protected table or a view; empty for an INSERT target. */
  private static Optional<Replacement> tableReplacement(
      ObjectReference reference, ReadRewrite rewrite) throws PlanningException {
    boolean view = rewrite instanceof ExpandedView;
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
    if (reference.access() == Access.INSERT) {
      return Optional.empty();
    }
    if (reference.relation().isEmpty() || reference.range().isEmpty()) {
      throw PlanningException.unsupported(
          reference.name()
              + (view ? " is a view of the metastore" : " has a row filter or column masks")
              + " and can only be read as a table in a FROM clause, without time travel or"
              + " sampling");
    }
    String subquery = rewrite.subquery(reference.name());
    if (reference.relation().get().alias().isEmpty()) {
      subquery += " AS " + ObjectName.of(reference.name().last()).toSql();
    }
    return Optional.of(new Replacement(reference.range().get(), subquery));
  }

  private static Replacement callReplacement(
      String sql, ObjectReference reference, InlinedFunction function) throws PlanningException {
    if (reference.call().isEmpty()) {
      throw PlanningException.unsupported(
          "The function "
              + reference.name()
              + " of the metastore can only be called plainly, as name(argument, ...): not with"
              + " DISTINCT, FILTER, OVER, named arguments or inside EXECUTE IMMEDIATE");
    }
    ObjectReference.Call call = reference.call().get();
    List<String> arguments = new ArrayList<>();
    for (TextRange argument : call.arguments()) {
      arguments.add(sql.substring(argument.start(), argument.stop()));
    }
    return new Replacement(call.range(), function.call(arguments));
  }

  private record Replacement(TextRange range, String text) {}
}
