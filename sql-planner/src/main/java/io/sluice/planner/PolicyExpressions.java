package io.sluice.planner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;
import org.apache.spark.sql.catalyst.parser.SqlBaseLexer;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser;

/**
 * Turns a SQL function used as a row filter or column mask into an expression the engine can run
 * over a table's columns: its body with each parameter replaced by its argument, and the identity
 * functions ({@code current_user()}, {@code is_account_group_member('g')}) replaced by their values
 * for the person running the statement, so that no engine setting or session can change them.
 * Bodies that call other catalog functions are refused: the gateway could not answer for them.
 */
public final class PolicyExpressions {
  private static final Set<String> USER_FUNCTIONS = Set.of("current_user", "session_user", "user");
  private static final Set<String> GROUP_FUNCTIONS = Set.of("is_account_group_member", "is_member");

  /** A call of an identity function, as text: statements without one are not parsed again. */
  private static final Pattern IDENTITY_CALL =
      Pattern.compile(
          "(?i)\\b(current_user|session_user|user|is_account_group_member|is_member)\\s*\\(");

  private PolicyExpressions() {}

  /**
   * @param body the function's body (the expression after {@code RETURN})
   * @param parameters the function's parameter names, in order
   * @param arguments Spark SQL text of each argument, in the same order
   */
  public static String inline(
      String body, List<String> parameters, List<String> arguments, Identity identity)
      throws PlanningException {
    if (parameters.size() != arguments.size()) {
      throw PlanningException.unsupported(
          "The policy function takes "
              + parameters.size()
              + " argument(s) but is bound to "
              + arguments.size());
    }
    Map<String, String> values = new java.util.HashMap<>();
    for (int index = 0; index < parameters.size(); index++) {
      values.put(parameters.get(index).toLowerCase(Locale.ROOT), arguments.get(index));
    }
    SqlBaseParser.SingleExpressionContext expression = SparkSqlParser.parseExpression(body);
    TextPositions positions = TextPositions.of(body);
    List<Replacement> replacements = new ArrayList<>();
    collect(expression.namedExpression(), values, identity, positions, replacements);
    return "(" + applied(body, replacements) + ")";
  }

  /**
   * A statement (a user's, or a view's query) with its identity function calls ({@code
   * current_user()}, {@code is_account_group_member('g')}, ...) answered for {@code identity}: what
   * a statement or a dynamic view shows depends on who runs it, never on the engine's session.
   */
  public static String answerIdentity(String query, Identity identity) throws PlanningException {
    if (!IDENTITY_CALL.matcher(query).find()) {
      return query;
    }
    SqlBaseParser.CompoundOrSingleStatementContext statement = SparkSqlParser.parseStatement(query);
    TextPositions positions = TextPositions.of(query);
    List<Replacement> replacements = new ArrayList<>();
    collect(statement, null, identity, positions, replacements);
    return applied(query, replacements);
  }

  private static String applied(String text, List<Replacement> replacements) {
    replacements.sort(Comparator.comparingInt((Replacement r) -> r.range().start()).reversed());
    StringBuilder result = new StringBuilder(text);
    for (Replacement replacement : replacements) {
      result.replace(replacement.range().start(), replacement.range().stop(), replacement.text());
    }
    return result.toString();
  }

  /**
   * A row filter's or mask's argument as Spark SQL: a column of the table ({@code columns}, lower
   * case) back-quoted, or a literal as written. Anything else is refused.
   */
  public static String argument(String argument, Set<String> columns) throws PlanningException {
    String name = argument.toLowerCase(Locale.ROOT);
    if (columns.contains(name)) {
      return ObjectName.of(name).toSql();
    }
    SqlBaseParser.SingleExpressionContext expression = SparkSqlParser.parseExpression(argument);
    if (!isLiteral(expression.namedExpression().expression())) {
      throw PlanningException.unsupported(
          "The policy argument '" + argument + "' is neither a column of the table nor a literal");
    }
    return argument;
  }

  private static boolean isLiteral(ParseTree node) {
    if (node instanceof SqlBaseParser.ConstantDefaultContext) {
      return true;
    }
    if (node instanceof SqlBaseParser.ArithmeticUnaryContext unary) {
      return isLiteral(unary.valueExpression());
    }
    return node.getChildCount() == 1 && isLiteral(node.getChild(0));
  }

  /**
   * Collects the replacements in {@code node}: identity functions always; in a function body
   * ({@code values} given), parameters too, and what a body may not do is refused.
   */
  private static void collect(
      ParseTree node,
      Map<String, String> values,
      Identity identity,
      TextPositions positions,
      List<Replacement> replacements)
      throws PlanningException {
    boolean body = values != null;
    if (body && node instanceof SqlBaseParser.QueryContext) {
      throw PlanningException.unsupported(
          "A row filter or column mask function whose body runs a query is not supported");
    }
    if (body && node instanceof SqlBaseParser.ColumnReferenceContext column) {
      String name = Identifiers.text(column.identifier());
      String value = values.get(name);
      if (value == null) {
        throw PlanningException.unsupported(
            "The policy function's body names '" + name + "', which is not one of its parameters");
      }
      replacements.add(new Replacement(range(column, positions), "(" + value + ")"));
      return;
    }
    if (body && node instanceof SqlBaseParser.CurrentLikeContext current) {
      // Outside a body, a bare CURRENT_USER may be a column of that name, as Spark reads it.
      int type = current.name.getType();
      if (type == SqlBaseLexer.CURRENT_USER
          || type == SqlBaseLexer.USER
          || type == SqlBaseLexer.SESSION_USER) {
        replacements.add(
            new Replacement(range(current, positions), StringLiterals.quote(identity.user())));
      }
      return;
    }
    if (node instanceof SqlBaseParser.FunctionCallContext call) {
      String name = call.functionName().getText().toLowerCase(Locale.ROOT);
      if (USER_FUNCTIONS.contains(name) && call.argument.isEmpty()) {
        replacements.add(
            new Replacement(range(call, positions), StringLiterals.quote(identity.user())));
        return;
      }
      if (GROUP_FUNCTIONS.contains(name) && call.argument.size() == 1) {
        String group = StringLiterals.constant(call.argument.get(0), name + "(...)");
        replacements.add(
            new Replacement(
                range(call, positions), identity.isGroupMember().test(group) ? "TRUE" : "FALSE"));
        return;
      }
      if (body
          && call.functionName().qualifiedName() != null
          && call.functionName().qualifiedName().identifier().size() > 1) {
        throw PlanningException.unsupported(
            "A row filter or column mask function that calls the catalog function "
                + call.functionName().getText()
                + " is not supported");
      }
    }
    for (int index = 0; index < node.getChildCount(); index++) {
      collect(node.getChild(index), values, identity, positions, replacements);
    }
  }

  private static TextRange range(ParserRuleContext node, TextPositions positions) {
    return positions.range(node).orElseThrow();
  }

  private record Replacement(TextRange range, String text) {}
}
