package io.sluice.planner;

import java.util.List;
import java.util.function.Function;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.apache.spark.sql.catalyst.parser.SqlBaseLexer;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser;

/**
 * Spark 4.0.2's own ANTLR4 parser (from spark-sql-api), driven the way Spark drives it: the fast
 * SLL prediction first, the full LL prediction when SLL gives up, and the grammar flags at the
 * engines' defaults. Those flags follow settings ({@code spark.sql.ansi.enforceReservedKeywords},
 * {@code spark.sql.ansi.doubleQuotedIdentifiers}, {@code
 * spark.sql.legacy.setopsPrecedence.enabled}, {@code
 * spark.sql.legacy.exponentLiteralAsDecimal.enabled}) that the gateway does not let a session
 * change, so the engine always parses the text as this class does.
 */
final class SparkSqlParser {
  private SparkSqlParser() {}

  /** Parses one statement (Spark's {@code compoundOrSingleStatement}). */
  static SqlBaseParser.CompoundOrSingleStatementContext parseStatement(String sql)
      throws PlanningException {
    return parseStatement(lex(sql));
  }

  /** Parses one statement from tokens {@link #lex} read. */
  static SqlBaseParser.CompoundOrSingleStatementContext parseStatement(CommonTokenStream tokens)
      throws PlanningException {
    return parse(tokens, SqlBaseParser::compoundOrSingleStatement);
  }

  /** Parses one expression, as Spark does for a SQL function's body. */
  static SqlBaseParser.SingleExpressionContext parseExpression(String text)
      throws PlanningException {
    return parse(lex(text), SqlBaseParser::singleExpression);
  }

  /** Parses a multi-part identifier, as Spark does for the text of {@code IDENTIFIER('...')}. */
  static List<String> parseMultipartIdentifier(String text) throws PlanningException {
    SqlBaseParser.SingleMultipartIdentifierContext identifier =
        parse(lex(text), SqlBaseParser::singleMultipartIdentifier);
    return Identifiers.parts(identifier.multipartIdentifier());
  }

  /** Reads all of {@code sql}'s tokens, refusing text Spark's lexer refuses. */
  static CommonTokenStream lex(String sql) throws PlanningException {
    SqlBaseLexer lexer = lexer(sql);
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    try {
      tokens.fill();
    } catch (SyntaxError e) {
      throw PlanningException.syntaxError(e.getMessage());
    }
    if (lexer.has_unclosed_bracketed_comment) {
      throw PlanningException.syntaxError("Syntax error: unclosed bracketed comment (/* ... */)");
    }
    return tokens;
  }

  /** The tokens on the default channel (no comments, no spaces), without the end of input. */
  static List<Token> words(CommonTokenStream tokens) {
    return tokens.getTokens().stream()
        .filter(token -> token.getChannel() == Token.DEFAULT_CHANNEL)
        .filter(token -> token.getType() != Token.EOF)
        .toList();
  }

  private static <T extends ParserRuleContext> T parse(
      CommonTokenStream tokens, Function<SqlBaseParser, T> rule) throws PlanningException {
    tokens.seek(0);
    SqlBaseParser parser = new SqlBaseParser(tokens);
    parser.legacy_setops_precedence_enabled = false;
    parser.legacy_exponent_literal_as_decimal_enabled = false;
    parser.SQL_standard_keyword_behavior = false;
    parser.double_quoted_identifiers = false;
    parser.removeErrorListeners();
    parser.addErrorListener(ThrowingErrorListener.INSTANCE);
    try {
      try {
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        return rule.apply(parser);
      } catch (ParseCancellationException sllFailed) {
        tokens.seek(0);
        parser.reset();
        parser.getInterpreter().setPredictionMode(PredictionMode.LL);
        parser.setErrorHandler(new DefaultErrorStrategy());
        return rule.apply(parser);
      }
    } catch (SyntaxError e) {
      throw PlanningException.syntaxError(e.getMessage());
    }
  }

  private static SqlBaseLexer lexer(String sql) {
    SqlBaseLexer lexer = new SqlBaseLexer(new UpperCaseCharStream(CharStreams.fromString(sql)));
    lexer.removeErrorListeners();
    lexer.addErrorListener(ThrowingErrorListener.INSTANCE);
    return lexer;
  }

  /** A syntax error, with the position Spark would report. */
  private static final class SyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SyntaxError(String message) {
      super(message, null, false, false);
    }
  }

  private static final class ThrowingErrorListener extends BaseErrorListener {
    static final ThrowingErrorListener INSTANCE = new ThrowingErrorListener();

    @Override
    public void syntaxError(
        Recognizer<?, ?> recognizer,
        Object offendingSymbol,
        int line,
        int charPositionInLine,
        String message,
        RecognitionException e) {
      String near =
          offendingSymbol instanceof Token token && token.getType() != Token.EOF
              ? " at or near '" + token.getText() + "'"
              : offendingSymbol instanceof Token ? " at end of input" : "";
      throw new SyntaxError(
          "Syntax error"
              + near
              + " (line "
              + line
              + ", position "
              + charPositionInLine
              + "): "
              + message);
    }
  }
}
