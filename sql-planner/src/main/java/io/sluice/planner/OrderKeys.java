package io.sluice.planner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.antlr.v4.runtime.tree.ParseTree;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser;

/**
 * Which output columns a query's final {@code ORDER BY} sorts by, so that two answers can be
 * compared in order without failing on rows the ordering leaves tied (which Spark may return in any
 * order). Each sort key must be an output column: by position, by alias, or by the same expression
 * as a select item (a qualified column matching the select item of the same column name); when one
 * is not, there is no answer.
 */
public final class OrderKeys {
  private OrderKeys() {}

  /** The 0-based output columns of the final ORDER BY, in order. */
  public static Optional<List<Integer>> outputColumns(String sql) {
    SqlBaseParser.CompoundOrSingleStatementContext tree;
    try {
      tree = SparkSqlParser.parseStatement(sql);
    } catch (PlanningException notSpark) {
      return Optional.empty();
    }
    if (tree.singleStatement() == null
        || !(tree.singleStatement().statement()
            instanceof SqlBaseParser.StatementDefaultContext statement)) {
      return Optional.empty();
    }
    SqlBaseParser.QueryContext query = statement.query();
    List<SqlBaseParser.SortItemContext> order = query.queryOrganization().order;
    Optional<List<SqlBaseParser.NamedExpressionContext>> select = firstSelect(query.queryTerm());
    if (order.isEmpty() || select.isEmpty()) {
      return Optional.empty();
    }
    List<Integer> columns = new ArrayList<>();
    for (SqlBaseParser.SortItemContext key : order) {
      Optional<Integer> column = column(text(key.expression()), select.get());
      if (column.isEmpty()) {
        return Optional.empty();
      }
      columns.add(column.get());
    }
    return Optional.of(columns);
  }

  private static Optional<List<SqlBaseParser.NamedExpressionContext>> firstSelect(ParseTree term) {
    while (true) {
      if (term instanceof SqlBaseParser.SetOperationContext setOperation) {
        term = setOperation.left;
      } else if (term instanceof SqlBaseParser.QueryTermDefaultContext primary) {
        term = primary.queryPrimary();
      } else if (term instanceof SqlBaseParser.QueryPrimaryDefaultContext specification) {
        term = specification.querySpecification();
      } else if (term instanceof SqlBaseParser.RegularQuerySpecificationContext regular) {
        return Optional.of(regular.selectClause().namedExpressionSeq().namedExpression());
      } else {
        return Optional.empty();
      }
    }
  }

  private static Optional<Integer> column(
      String key, List<SqlBaseParser.NamedExpressionContext> select) {
    if (key.matches("[0-9]+")) {
      int position = Integer.parseInt(key) - 1;
      return position >= 0 && position < select.size() ? Optional.of(position) : Optional.empty();
    }
    List<Integer> matches = new ArrayList<>();
    for (int index = 0; index < select.size(); index++) {
      SqlBaseParser.NamedExpressionContext item = select.get(index);
      String expression = text(item.expression());
      Optional<String> alias = alias(item);
      if (key.equals(expression)
          || alias.filter(key::equals).isPresent()
          || (alias.isEmpty() && lastPart(key).equals(lastPart(expression)) && isColumn(key))) {
        matches.add(index);
      }
    }
    return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
  }

  private static Optional<String> alias(SqlBaseParser.NamedExpressionContext item) {
    if (item.name != null) {
      return Optional.of(text(item.name));
    }
    return Optional.empty();
  }

  private static boolean isColumn(String text) {
    return text.matches("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");
  }

  private static String lastPart(String text) {
    return text.substring(text.lastIndexOf('.') + 1);
  }

  private static String text(ParseTree node) {
    return node.getText().toLowerCase(Locale.ROOT).replace("`", "");
  }
}
