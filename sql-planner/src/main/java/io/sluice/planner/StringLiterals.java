package io.sluice.planner;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser;

/**
 * The value of a string literal where the gateway must know it statically (the text of EXECUTE
 * IMMEDIATE, the name in IDENTIFIER(...)). Only plain literals are accepted: a literal with escape
 * sequences is refused rather than unescaped here, so the gateway can never read a different value
 * than the engine.
 */
final class StringLiterals {
  private StringLiterals() {}

  /** The value of {@code expression}, which must be one string literal. */
  static String constant(ParserRuleContext expression, String where) throws PlanningException {
    ParseTree node = expression;
    while (!(node instanceof SqlBaseParser.StringLitContext)) {
      if (node instanceof SqlBaseParser.StringLiteralContext literal
          && literal.stringLit().size() == 1) {
        node = literal.stringLit(0);
      } else if (node.getChildCount() == 1 && node.getChild(0) instanceof ParserRuleContext) {
        node = node.getChild(0);
      } else {
        throw PlanningException.refused(
            where
                + " must be given a string literal through the gateway, not '"
                + expression.getText()
                + "'");
      }
    }
    return value((SqlBaseParser.StringLitContext) node, where);
  }

  static String value(SqlBaseParser.StringLitContext literal, String where)
      throws PlanningException {
    String text = literal.getText();
    boolean raw = text.startsWith("r") || text.startsWith("R");
    if (raw) {
      text = text.substring(1);
    }
    char quote = text.charAt(0);
    String value = text.substring(1, text.length() - 1);
    if (value.indexOf(quote) >= 0 || (!raw && value.indexOf('\\') >= 0)) {
      throw PlanningException.refused(
          where + " with escape sequences in its string is not supported through the gateway");
    }
    return value;
  }

  /** A Spark SQL string literal whose value is {@code value}, whatever characters it holds. */
  static String quote(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
