package io.sluice.governance.sql;

import io.sluice.governance.GovernanceException;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Tells governance statements from everything else, and parses them. A statement is ours when it
 * starts like one: {@code GRANT}, {@code REVOKE}, {@code SHOW GRANT[S]}, {@code SHOW CATALOGS},
 * {@code CREATE CATALOG}, {@code DROP CATALOG}, {@code CREATE [OR REPLACE] FUNCTION ... RETURNS} (a
 * SQL function), {@code DROP FUNCTION}, or an {@code ALTER} that changes an owner, a row filter or
 * a mask. One of ours that does not parse is a syntax error (SQLSTATE 42601), never passed on to
 * the engine.
 */
final class GovernanceStatementParser {
  private GovernanceStatementParser() {}

  /** The parsed statement if {@code sql} is a governance statement; empty if it is not one. */
  static Optional<GovernanceSqlParser.StatementContext> parse(String sql) {
    List<Token> tokens = significantTokens(sql);
    if (!isGovernanceStatement(tokens)) {
      return Optional.empty();
    }
    GovernanceSqlLexer lexer = new GovernanceSqlLexer(CharStreams.fromString(sql));
    lexer.removeErrorListeners();
    GovernanceSqlParser parser = new GovernanceSqlParser(new CommonTokenStream(lexer));
    parser.removeErrorListeners();
    parser.addErrorListener(
        new BaseErrorListener() {
          @Override
          public void syntaxError(
              Recognizer<?, ?> recognizer,
              Object offendingSymbol,
              int line,
              int position,
              String message,
              RecognitionException e) {
            throw new ParseCancellationException(
                "Syntax error at line " + line + ", position " + position + ": " + message);
          }
        });
    try {
      return Optional.of(parser.singleStatement().statement());
    } catch (ParseCancellationException e) {
      throw new GovernanceException("PARSE_SYNTAX_ERROR", "42601", e.getMessage());
    }
  }

  private static boolean isGovernanceStatement(List<Token> tokens) {
    int first = type(tokens, 0);
    int second = type(tokens, 1);
    switch (first) {
      case GovernanceSqlLexer.GRANT:
      case GovernanceSqlLexer.REVOKE:
        return true;
      case GovernanceSqlLexer.SHOW:
        return second == GovernanceSqlLexer.GRANT
            || second == GovernanceSqlLexer.GRANTS
            || second == GovernanceSqlLexer.CATALOGS;
      case GovernanceSqlLexer.CREATE:
        return second == GovernanceSqlLexer.CATALOG || isSqlFunction(tokens);
      case GovernanceSqlLexer.DROP:
        return second == GovernanceSqlLexer.CATALOG || second == GovernanceSqlLexer.FUNCTION;
      case GovernanceSqlLexer.ALTER:
        for (int index = 1; index + 1 < tokens.size(); index++) {
          int current = type(tokens, index);
          int next = type(tokens, index + 1);
          if ((current == GovernanceSqlLexer.OWNER && next == GovernanceSqlLexer.TO)
              || (current == GovernanceSqlLexer.ROW && next == GovernanceSqlLexer.FILTER)
              || ((current == GovernanceSqlLexer.SET || current == GovernanceSqlLexer.DROP)
                  && next == GovernanceSqlLexer.MASK)) {
            return true;
          }
        }
        return false;
      default:
        return false;
    }
  }

  /**
   * {@code CREATE [OR REPLACE] FUNCTION ... RETURNS ...}: a SQL function. Other CREATE FUNCTION
   * forms (a class in a JAR, temporary functions) are not governance's.
   */
  private static boolean isSqlFunction(List<Token> tokens) {
    int index = 1;
    if (type(tokens, index) == GovernanceSqlLexer.OR
        && type(tokens, index + 1) == GovernanceSqlLexer.REPLACE) {
      index += 2;
    }
    if (type(tokens, index) != GovernanceSqlLexer.FUNCTION) {
      return false;
    }
    return tokens.stream().anyMatch(token -> token.getType() == GovernanceSqlLexer.RETURNS);
  }

  private static List<Token> significantTokens(String sql) {
    GovernanceSqlLexer lexer = new GovernanceSqlLexer(CharStreams.fromString(sql));
    lexer.removeErrorListeners();
    return lexer.getAllTokens().stream()
        .filter(token -> token.getChannel() == Token.DEFAULT_CHANNEL)
        .map(token -> (Token) token)
        .toList();
  }

  private static int type(List<Token> tokens, int index) {
    return index < tokens.size() ? tokens.get(index).getType() : Token.EOF;
  }
}
