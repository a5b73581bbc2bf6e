package io.sluice.planner;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.apache.spark.sql.catalyst.parser.SqlBaseLexer;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser;

/**
 * The gateway's SQL planner: parses a statement with Spark's own parser, classifies it, resolves
 * and collects every object it names, and refuses what cannot be analyzed or would reach around the
 * gateway. A statement this class does not return an analysis for must not reach an engine.
 * Stateless and thread-safe; the session state it reads comes in a {@link SessionContext}.
 */
public final class SqlPlanner {
  /** Deeper than any statement people or tools write (TPC-DS needs 8, BI tools a few dozen). */
  static final int MAX_NESTING = 256;

  public StatementAnalysis analyze(String sql, SessionContext session) throws PlanningException {
    requireNonNull(sql, "sql is null");
    requireNonNull(session, "session is null");
    try {
      return analyzeText(sql, session);
    } catch (StackOverflowError tooDeep) {
      throw PlanningException.syntaxError(
          "The statement is nested too deeply to be parsed; simplify its expressions");
    }
  }

  /**
   * Parses a statement with Spark's parser alone, as the engines do, and nothing more: the baseline
   * planning time is measured against (benchmarks), never a substitute for {@link #analyze}.
   */
  public static void parseOnly(String sql) throws PlanningException {
    SparkSqlParser.parseStatement(requireNonNull(sql, "sql is null"));
  }

  private StatementAnalysis analyzeText(String sql, SessionContext session)
      throws PlanningException {
    if (sql.isBlank()) {
      throw PlanningException.syntaxError("Syntax error: the statement is empty");
    }
    String engineSql = OdbcEscapes.translate(sql);
    refuseVariableSubstitution(engineSql);
    CommonTokenStream tokens = SparkSqlParser.lex(engineSql);
    Optional<String> setCatalog = useCatalogAsSetCatalog(tokens, engineSql);
    if (setCatalog.isPresent()) {
      engineSql = setCatalog.get();
      tokens = SparkSqlParser.lex(engineSql);
    }
    refuseDeepNesting(tokens);
    Optional<String> governance = GovernanceStatements.operation(tokens);
    if (governance.isPresent()) {
      return new StatementAnalysis(
          StatementKind.GOVERNANCE,
          governance.get(),
          engineSql,
          List.of(),
          List.of(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          List.of());
    }
    SqlBaseParser.CompoundOrSingleStatementContext tree = SparkSqlParser.parseStatement(engineSql);
    if (tree.singleStatement() == null) {
      throw PlanningException.unsupported(
          "SQL scripting (BEGIN ... END) is not supported through the gateway");
    }
    return analyzeStatement(
        tree.singleStatement(), engineSql, TextPositions.of(engineSql), session, true);
  }

  private StatementAnalysis analyzeStatement(
      SqlBaseParser.SingleStatementContext single,
      String engineSql,
      TextPositions positions,
      SessionContext session,
      boolean outermost)
      throws PlanningException {
    refuseInvalidIdentifiers(single);
    ParserRuleContext statement =
        single.statement() != null ? single.statement() : single.setResetStatement();
    if (statement instanceof SqlBaseParser.VisitExecuteImmediateContext execute) {
      if (!outermost) {
        throw PlanningException.unsupported("EXECUTE IMMEDIATE cannot run EXECUTE IMMEDIATE");
      }
      return executeImmediate(execute.executeImmediate(), engineSql, positions, session);
    }
    ReferenceCollector collector = new ReferenceCollector(new NameResolver(session), positions);
    StatementClassifier.Classification classification =
        new StatementClassifier(collector).classify(statement);
    collector.walk(statement);
    Optional<CreatedView> createdView = Optional.empty();
    if (statement instanceof SqlBaseParser.CreateViewContext create && create.TEMPORARY() == null) {
      ObjectName name =
          collector.resolver().qualifiedTable(collector.names(create.identifierReference()));
      createdView =
          Optional.of(ViewDefinitions.of(create, name, engineSql, positions, collector.objects()));
    }
    Optional<DroppedView> droppedView = Optional.empty();
    if (statement instanceof SqlBaseParser.DropViewContext drop
        && classification.sessionAfter().isEmpty()) {
      ObjectName name =
          collector.resolver().qualifiedTable(collector.names(drop.identifierReference()));
      droppedView = Optional.of(new DroppedView(name, drop.EXISTS() != null));
    }
    return new StatementAnalysis(
        classification.kind(),
        classification.operation(),
        engineSql,
        collector.objects(),
        collector.columns(),
        classification.sessionAfter(),
        createdView,
        droppedView,
        ColumnFlows.of(statement, collector.resolver()));
  }

  /**
   * EXECUTE IMMEDIATE runs the statement in its string: that statement is analyzed as if sent
   * itself, and its arguments as expressions. Text the gateway cannot see (a variable) is refused.
   */
  private StatementAnalysis executeImmediate(
      SqlBaseParser.ExecuteImmediateContext execute,
      String engineSql,
      TextPositions positions,
      SessionContext session)
      throws PlanningException {
    if (execute.queryParam.stringLit() == null) {
      throw PlanningException.refused(
          "EXECUTE IMMEDIATE with statement text from a variable cannot be analyzed and is not"
              + " allowed through the gateway; pass the statement as a string literal");
    }
    String text = StringLiterals.value(execute.queryParam.stringLit(), "EXECUTE IMMEDIATE");
    refuseVariableSubstitution(text);
    CommonTokenStream innerTokens = SparkSqlParser.lex(text);
    if (GovernanceStatements.operation(innerTokens).isPresent()) {
      throw PlanningException.unsupported(
          "Governance statements cannot run through EXECUTE IMMEDIATE; send them directly");
    }
    SqlBaseParser.CompoundOrSingleStatementContext tree =
        SparkSqlParser.parseStatement(innerTokens);
    if (tree.singleStatement() == null) {
      throw PlanningException.unsupported(
          "SQL scripting (BEGIN ... END) is not supported through the gateway");
    }
    StatementAnalysis inner =
        analyzeStatement(tree.singleStatement(), engineSql, TextPositions.none(), session, false);
    ReferenceCollector arguments = new ReferenceCollector(new NameResolver(session), positions);
    if (execute.executeImmediateUsing() != null) {
      arguments.walk(execute.executeImmediateUsing());
    }
    List<ObjectReference> objects = new ArrayList<>(inner.objects());
    objects.addAll(arguments.objects());
    List<ColumnReference> columns = new ArrayList<>(inner.columns());
    columns.addAll(arguments.columns());
    if (inner.createdView().isPresent()) {
      throw PlanningException.unsupported(
          "CREATE VIEW cannot run through EXECUTE IMMEDIATE; send it directly");
    }
    return new StatementAnalysis(
        inner.kind(),
        inner.operation(),
        engineSql,
        objects,
        columns,
        inner.sessionAfter(),
        Optional.empty(),
        inner.droppedView(),
        inner.columnFlows());
  }

  /**
   * {@code USE CATALOG c}, as Databricks SQL writes it, is Spark's {@code SET CATALOG c}: the text
   * with its first word changed, everything else (comments, quoting) kept.
   */
  private static Optional<String> useCatalogAsSetCatalog(CommonTokenStream tokens, String sql) {
    List<Token> words = SparkSqlParser.words(tokens);
    if (words.size() < 3
        || words.get(0).getType() != SqlBaseLexer.USE
        || words.get(1).getType() != SqlBaseLexer.CATALOG) {
      return Optional.empty();
    }
    TextRange use = TextPositions.of(sql).range(words.get(0)).orElseThrow();
    return Optional.of(sql.substring(0, use.start()) + "SET" + sql.substring(use.stop()));
  }

  /**
   * Spark substitutes {@code ${...}} (settings, environment variables, system properties) in a
   * statement's text before parsing it, so the engine would run text the gateway never saw.
   */
  private static void refuseVariableSubstitution(String sql) throws PlanningException {
    if (sql.contains("${")) {
      throw PlanningException.refused(
          "Variable substitution (${...}) is not allowed through the gateway: the engine would"
              + " run different text than was checked; use parameters or session variables");
    }
  }

  /**
   * Parsing time grows steeply with nesting, so a statement nested deeper than any real one is
   * refused before it is parsed: it could otherwise hold a gateway thread for minutes.
   */
  private static void refuseDeepNesting(CommonTokenStream tokens) throws PlanningException {
    int depth = 0;
    for (Token token : SparkSqlParser.words(tokens)) {
      if (token.getType() == SqlBaseLexer.LEFT_PAREN
          || token.getType() == SqlBaseLexer.LEFT_BRACKET) {
        depth++;
        if (depth > MAX_NESTING) {
          throw PlanningException.syntaxError(
              "The statement nests parentheses more than "
                  + MAX_NESTING
                  + " levels deep; simplify it");
        }
      } else if (token.getType() == SqlBaseLexer.RIGHT_PAREN
          || token.getType() == SqlBaseLexer.RIGHT_BRACKET) {
        depth--;
      }
    }
  }

  /** Spark rejects unquoted names with a minus ({@code test-table}); so does the gateway. */
  private static void refuseInvalidIdentifiers(ParseTree node) throws PlanningException {
    if (node instanceof SqlBaseParser.ErrorIdentContext invalid) {
      throw PlanningException.syntaxError(
          "Syntax error: invalid identifier '"
              + invalid.getParent().getText()
              + "'; quote a name that contains '-' with back-quotes");
    }
    for (int index = 0; index < node.getChildCount(); index++) {
      refuseInvalidIdentifiers(node.getChild(index));
    }
  }
}
