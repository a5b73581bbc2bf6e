package io.sluice.gateway.statement;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.sluice.gateway.rest.RestException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds named parameter markers ({@code :name}) into statement text as typed SQL literals. Values
 * never become SQL syntax: each is parsed as its type and written back canonically (numbers, dates,
 * timestamps, booleans), and text becomes a hex literal cast to STRING, so no quote or backslash in
 * a value can end the literal whatever the engine's string-escape settings. Type names are checked
 * against a fixed grammar before they reach the SQL. Markers inside string literals, quoted
 * identifiers and comments are left alone, as is the {@code ::} cast operator.
 */
public final class ParameterBinder {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern DECIMAL_TYPE =
      Pattern.compile("DECIMAL\\s*\\(\\s*(\\d{1,2})\\s*(?:,\\s*(\\d{1,2})\\s*)?\\)");
  private static final Set<String> SIMPLE_TYPES =
      Set.of(
          "STRING",
          "BOOLEAN",
          "TINYINT",
          "BYTE",
          "SMALLINT",
          "SHORT",
          "INT",
          "INTEGER",
          "BIGINT",
          "LONG",
          "FLOAT",
          "DOUBLE",
          "DECIMAL",
          "DATE",
          "TIMESTAMP",
          "TIMESTAMP_NTZ",
          "BINARY",
          "VOID");

  private ParameterBinder() {}

  /** {@code statement} with every marker replaced; a marker without a parameter is an error. */
  public static String bind(String statement, List<StatementParameter> parameters) {
    Map<String, String> literals = new HashMap<>();
    for (StatementParameter parameter : parameters) {
      if (parameter.name() == null || !NAME.matcher(parameter.name()).matches()) {
        throw RestException.invalidParameter(
            "Parameter names must be identifiers; got '" + parameter.name() + "'");
      }
      if (literals.put(parameter.name(), literal(parameter)) != null) {
        throw RestException.invalidParameter("Parameter '" + parameter.name() + "' is repeated");
      }
    }
    StringBuilder bound = new StringBuilder(statement.length());
    Set<String> used = new HashSet<>();
    int index = 0;
    while (index < statement.length()) {
      char current = statement.charAt(index);
      int skipTo = skippedUntil(statement, index);
      if (skipTo > index) {
        bound.append(statement, index, skipTo);
        index = skipTo;
      } else if (current == ':' && index + 1 < statement.length()) {
        if (statement.charAt(index + 1) == ':') {
          bound.append("::");
          index += 2;
          continue;
        }
        Matcher name = NAME.matcher(statement).region(index + 1, statement.length());
        if (name.lookingAt()) {
          String literal = literals.get(name.group());
          if (literal == null) {
            throw RestException.invalidParameter(
                "No value given for parameter marker ':" + name.group() + "'");
          }
          used.add(name.group());
          bound.append(literal);
          index = name.end();
        } else {
          bound.append(current);
          index++;
        }
      } else {
        bound.append(current);
        index++;
      }
    }
    return bound.toString();
  }

  /**
   * Where a literal, quoted identifier or comment starting at {@code index} ends, or {@code index}
   * if none starts there.
   */
  private static int skippedUntil(String text, int index) {
    char current = text.charAt(index);
    if (current == '\'' || current == '"' || current == '`') {
      int position = index + 1;
      while (position < text.length()) {
        char next = text.charAt(position);
        if (next == '\\' && current != '`') {
          position += 2;
        } else if (next == current) {
          return position + 1;
        } else {
          position++;
        }
      }
      return text.length();
    }
    if (text.startsWith("--", index)) {
      int end = text.indexOf('\n', index);
      return end < 0 ? text.length() : end + 1;
    }
    if (text.startsWith("/*", index)) {
      int end = text.indexOf("*/", index + 2);
      return end < 0 ? text.length() : end + 2;
    }
    return index;
  }

  static String literal(StatementParameter parameter) {
    String type = canonicalType(parameter.type());
    String value = parameter.value();
    if (value == null) {
      return "CAST(NULL AS " + type + ")";
    }
    String baseType = type.startsWith("DECIMAL") ? "DECIMAL" : type;
    try {
      return switch (baseType) {
        case "STRING" -> stringLiteral(value);
        case "BOOLEAN" -> booleanLiteral(value);
        case "TINYINT", "BYTE", "SMALLINT", "SHORT", "INT", "INTEGER", "BIGINT", "LONG" ->
            "CAST(" + new BigDecimal(value.trim()).toBigIntegerExact() + " AS " + type + ")";
        case "FLOAT", "DOUBLE" -> floatingLiteral(value, type);
        case "DECIMAL" ->
            "CAST(" + new BigDecimal(value.trim()).toPlainString() + " AS " + type + ")";
        case "DATE" -> "DATE'" + LocalDate.parse(value.trim()) + "'";
        case "TIMESTAMP", "TIMESTAMP_NTZ" ->
            type + "'" + LocalDateTime.parse(value.trim().replace(' ', 'T')) + "'";
        case "BINARY" -> "X'" + HexFormat.of().formatHex(value.getBytes(UTF_8)) + "'";
        case "VOID" -> "NULL";
        default -> throw new IllegalStateException("Unhandled type " + type);
      };
    } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
      throw RestException.invalidParameter(
          "Parameter '" + parameter.name() + "' is not a valid " + type + ": '" + value + "'");
    }
  }

  private static String canonicalType(String type) {
    if (type == null || type.isBlank()) {
      return "STRING";
    }
    String upper = type.trim().toUpperCase(Locale.ROOT);
    if (SIMPLE_TYPES.contains(upper)) {
      return upper;
    }
    Matcher decimal = DECIMAL_TYPE.matcher(upper);
    if (decimal.matches()) {
      return "DECIMAL("
          + decimal.group(1)
          + (decimal.group(2) == null ? "" : "," + decimal.group(2))
          + ")";
    }
    throw RestException.invalidParameter(
        "Unsupported parameter type '"
            + type
            + "'; use one of "
            + SIMPLE_TYPES
            + " or DECIMAL(p,s)");
  }

  private static String stringLiteral(String value) {
    if (value.chars().allMatch(c -> c >= ' ' && c < 127 && c != '\'' && c != '\\')) {
      return "'" + value + "'";
    }
    return "CAST(X'" + HexFormat.of().formatHex(value.getBytes(UTF_8)) + "' AS STRING)";
  }

  private static String booleanLiteral(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> "TRUE";
      case "false" -> "FALSE";
      default -> throw new NumberFormatException("not a boolean");
    };
  }

  private static String floatingLiteral(String value, String type) {
    double number = Double.parseDouble(value.trim());
    if (Double.isNaN(number) || Double.isInfinite(number)) {
      return "CAST('"
          + (Double.isNaN(number) ? "NaN" : number > 0 ? "Infinity" : "-Infinity")
          + "' AS "
          + type
          + ")";
    }
    return "CAST(" + new BigDecimal(value.trim()).toString() + " AS " + type + ")";
  }
}
