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
 *
 * <p>A row filter or column mask may read other tables in subqueries (a mapping table of who may
 * see what). Inside a subquery, a name that is one of the function's parameters is the parameter
 * (name parameters apart from the columns of the tables the subquery reads); any other name is left
 * to the subquery's tables. The caller authorizes and qualifies the tables such a body reads.
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
    return inline(body, parameters, arguments, identity, false);
  }

  /**
   * As {@link #inline(String, List, List, Identity)}, for a row filter or column mask, whose body
   * may also read tables in subqueries.
   */
  public static String inlinePolicy(
      String body, List<String> parameters, List<String> arguments, Identity identity)
      throws PlanningException {
    return inline(body, parameters, arguments, identity, true);
  }

  /** Whether an inlined expression runs a query, so that the tables it reads need authorizing. */
  public static boolean runsQuery(String expression) throws PlanningException {
    return contains(
        SparkSqlParser.parseExpression(expression).namedExpression(),
        SqlBaseParser.QueryContext.class);
  }

  private static boolean contains(ParseTree node, Class<? extends ParseTree> type) {
    if (type.isInstance(node)) {
      return true;
    }
    for (int index = 0; index < node.getChildCount(); index++) {
      if (contains(node.getChild(index), type)) {
        return true;
      }
    }
    return false;
  }

  private static String inline(
      String body,
      List<String> parameters,
      List<String> arguments,
      Identity identity,
      boolean queriesAllowed)
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
    collect(
        expression.namedExpression(),
        new Scope(values, queriesAllowed, false),
        identity,
        positions,
        replacements);
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
    collect(statement, Scope.STATEMENT, identity, positions, replacements);
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
   * case), qualified by the policy's scan of the table so that a subquery of the body cannot take
   * it for a column of its own tables; or a literal as written. Anything else is refused.
   */
  public static String argument(String argument, Set<String> columns) throws PlanningException {
    String name = argument.toLowerCase(Locale.ROOT);
    if (columns.contains(name)) {
      return ObjectName.of(TableSecurity.SCAN, name).toSql();
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
   * Where {@link #collect} is: a statement, or a function body with its parameters' values, and
   * whether inside a subquery of that body.
   */
  private record Scope(Map<String, String> values, boolean queriesAllowed, boolean inQuery) {
    static final Scope STATEMENT = new Scope(null, true, false);

    boolean isBody() {
      return values != null;
    }

    Scope insideQuery() {
      return new Scope(values, queriesAllowed, true);
    }
  }

  /**
   * Collects the replacements in {@code node}: identity functions always; in a function body,
   * parameters too, and what a body may not do is refused.
   */
  private static void collect(
      ParseTree node,
      Scope scope,
      Identity identity,
      TextPositions positions,
      List<Replacement> replacements)
      throws PlanningException {
    boolean body = scope.isBody();
    if (body && node instanceof SqlBaseParser.QueryContext query) {
      if (!scope.queriesAllowed()) {
        throw PlanningException.unsupported(
            "A function of the metastore whose body runs a query can only be a row filter or a"
                + " column mask");
      }
      collectChildren(query, scope.insideQuery(), identity, positions, replacements);
      return;
    }
    if (body && node instanceof SqlBaseParser.ColumnReferenceContext column) {
      String name = Identifiers.text(column.identifier());
      String value = scope.values().get(name);
      if (value != null) {
        replacements.add(new Replacement(range(column, positions), "(" + value + ")"));
      } else if (!scope.inQuery()) {
        throw PlanningException.unsupported(
            "The policy function's body names '" + name + "', which is not one of its parameters");
      }
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
    collectChildren(node, scope, identity, positions, replacements);
  }

  private static void collectChildren(
      ParseTree node,
      Scope scope,
      Identity identity,
      TextPositions positions,
      List<Replacement> replacements)
      throws PlanningException {
    for (int index = 0; index < node.getChildCount(); index++) {
      collect(node.getChild(index), scope, identity, positions, replacements);
    }
  }

  private static TextRange range(ParserRuleContext node, TextPositions positions) {
    return positions.range(node).orElseThrow();
  }

  private record Replacement(TextRange range, String text) {}
}
