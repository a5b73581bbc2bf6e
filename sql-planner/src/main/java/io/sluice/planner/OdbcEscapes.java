package io.sluice.planner;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Translates ODBC escape sequences, which Spark's parser does not accept (its lexer has no braces),
 * into the Spark SQL they stand for: {@code {d 'v'}} to {@code DATE 'v'}, {@code {ts 'v'}} to
 * {@code TIMESTAMP 'v'}, {@code {fn f(...)}} to {@code f(...)}, {@code {oj ...}} to its join and
 * {@code {escape 'c'}} to {@code ESCAPE 'c'}. Braces inside string literals, quoted identifiers and
 * comments are left alone; any other brace is left for the parser to reject.
 */
final class OdbcEscapes {
  private OdbcEscapes() {}

  static String translate(String sql) throws PlanningException {
    if (sql.indexOf('{') < 0) {
      return sql;
    }
    StringBuilder out = new StringBuilder(sql.length());
    Deque<String> closers = new ArrayDeque<>();
    int index = 0;
    while (index < sql.length()) {
      char current = sql.charAt(index);
      char next = index + 1 < sql.length() ? sql.charAt(index + 1) : '\0';
      int end;
      if (current == '\'' || current == '"') {
        end = endOfString(sql, index);
      } else if (current == '`') {
        end = endOfQuotedIdentifier(sql, index);
      } else if (current == '-' && next == '-') {
        end = endOfLine(sql, index);
      } else if (current == '/' && next == '*') {
        end = endOfBracketedComment(sql, index);
      } else if (current == '{') {
        index = openEscape(sql, index, out, closers);
        continue;
      } else if (current == '}' && !closers.isEmpty()) {
        out.append(closers.pop());
        index++;
        continue;
      } else {
        end = index + 1;
      }
      out.append(sql, index, end);
      index = end;
    }
    return out.toString();
  }

  /** Writes the start of one escape's translation; returns the index after its keyword. */
  private static int openEscape(String sql, int brace, StringBuilder out, Deque<String> closers)
      throws PlanningException {
    int start = brace + 1;
    while (start < sql.length() && Character.isWhitespace(sql.charAt(start))) {
      start++;
    }
    int end = start;
    while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
      end++;
    }
    String keyword = sql.substring(start, end).toLowerCase(Locale.ROOT);
    String replacement =
        switch (keyword) {
          case "d" -> "DATE";
          case "ts" -> "TIMESTAMP";
          case "fn", "oj" -> "";
          case "escape" -> "ESCAPE";
          case "t" ->
              throw PlanningException.unsupported(
                  "ODBC time literals ({t '...'}) are not supported: Spark SQL has no TIME type");
          case "call" ->
              throw PlanningException.unsupported(
                  "ODBC procedure calls ({call ...}) are not supported");
          default -> null;
        };
    if (replacement == null) {
      out.append('{');
      closers.push("}");
      return brace + 1;
    }
    out.append(replacement);
    closers.push("");
    return end;
  }

  private static int endOfString(String sql, int start) {
    char quote = sql.charAt(start);
    int index = start + 1;
    while (index < sql.length()) {
      char current = sql.charAt(index);
      if (current == '\\') {
        index += 2;
      } else if (current == quote) {
        return index + 1;
      } else {
        index++;
      }
    }
    return sql.length();
  }

  private static int endOfQuotedIdentifier(String sql, int start) {
    int close = sql.indexOf('`', start + 1);
    return close < 0 ? sql.length() : close + 1;
  }

  private static int endOfLine(String sql, int start) {
    int newline = sql.indexOf('\n', start);
    return newline < 0 ? sql.length() : newline + 1;
  }

  /** Spark's bracketed comments nest. */
  private static int endOfBracketedComment(String sql, int start) {
    int depth = 0;
    int index = start;
    while (index + 1 < sql.length()) {
      if (sql.charAt(index) == '/' && sql.charAt(index + 1) == '*') {
        depth++;
        index += 2;
      } else if (sql.charAt(index) == '*' && sql.charAt(index + 1) == '/') {
        depth--;
        index += 2;
        if (depth == 0) {
          return index;
        }
      } else {
        index++;
      }
    }
    return sql.length();
  }
}
