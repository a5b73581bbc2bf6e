package io.sluice.jdbc;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL text split at its {@code ?} placeholders. A {@code ?} inside a quoted string ({@code '...'},
 * {@code "..."}), a back-quoted identifier or a comment is text, not a placeholder.
 */
final class ParameterizedSql {
  private final List<String> fragments;

  private ParameterizedSql(List<String> fragments) {
    this.fragments = List.copyOf(fragments);
  }

  static ParameterizedSql parse(String sql) {
    List<String> fragments = new ArrayList<>();
    int start = 0;
    int index = 0;
    while (index < sql.length()) {
      char character = sql.charAt(index);
      if (character == '\'' || character == '"' || character == '`') {
        index = skipQuoted(sql, index, character);
      } else if (character == '-' && sql.startsWith("--", index)) {
        int end = sql.indexOf('\n', index);
        index = end < 0 ? sql.length() : end + 1;
      } else if (character == '/' && sql.startsWith("/*", index)) {
        int end = sql.indexOf("*/", index + 2);
        index = end < 0 ? sql.length() : end + 2;
      } else if (character == '?') {
        fragments.add(sql.substring(start, index));
        start = index + 1;
        index++;
      } else {
        index++;
      }
    }
    fragments.add(sql.substring(start));
    return new ParameterizedSql(fragments);
  }

  private static int skipQuoted(String sql, int open, char quote) {
    int index = open + 1;
    while (index < sql.length()) {
      char character = sql.charAt(index);
      if (character == '\\' && quote != '`') {
        index += 2;
      } else if (character == quote) {
        if (index + 1 < sql.length() && sql.charAt(index + 1) == quote) {
          index += 2;
        } else {
          return index + 1;
        }
      } else {
        index++;
      }
    }
    return sql.length();
  }

  int parameterCount() {
    return fragments.size() - 1;
  }

  /** The SQL with every placeholder replaced by its literal; all must be bound. */
  String render(List<String> literals) throws SQLException {
    StringBuilder sql = new StringBuilder(fragments.get(0));
    for (int index = 1; index < fragments.size(); index++) {
      String literal = literals.get(index - 1);
      if (literal == null) {
        throw new SQLException("Parameter " + index + " is not set", "07001");
      }
      sql.append(literal).append(fragments.get(index));
    }
    return sql.toString();
  }
}
