package io.sluice.engine.metadata;

import java.util.regex.Pattern;

/**
 * A JDBC metadata name pattern: {@code %} matches any run of characters, {@code _} any one
 * character, and {@code \} escapes the next character. As in Spark's Thrift server, {@code *} is
 * also a wildcard, a {@code null} or empty pattern matches every name, and matching ignores case.
 */
public final class NamePattern {
  private static final NamePattern ANY = new NamePattern(null);

  private final Pattern regex;

  private NamePattern(Pattern regex) {
    this.regex = regex;
  }

  public static NamePattern of(String pattern) {
    if (pattern == null || pattern.isEmpty()) {
      return ANY;
    }
    return new NamePattern(
        Pattern.compile(toRegex(pattern), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
  }

  public static NamePattern any() {
    return ANY;
  }

  /** Whether this pattern matches every name ({@code null}, empty, {@code %} or {@code *}). */
  public boolean matchesEverything() {
    return regex == null || regex.pattern().equals(".*");
  }

  public boolean matches(String name) {
    return regex == null || (name != null && regex.matcher(name).matches());
  }

  static String toRegex(String pattern) {
    StringBuilder regex = new StringBuilder(pattern.length() + 8);
    for (int index = 0; index < pattern.length(); index++) {
      char character = pattern.charAt(index);
      if (character == '\\' && index + 1 < pattern.length()) {
        appendLiteral(regex, pattern.charAt(++index));
      } else if (character == '%' || character == '*') {
        regex.append(".*");
      } else if (character == '_') {
        regex.append('.');
      } else {
        appendLiteral(regex, character);
      }
    }
    return regex.toString();
  }

  private static void appendLiteral(StringBuilder regex, char character) {
    if (Character.isLetterOrDigit(character)) {
      regex.append(character);
    } else {
      regex.append('\\').append(character);
    }
  }
}
