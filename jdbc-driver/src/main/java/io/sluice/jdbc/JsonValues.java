package io.sluice.jdbc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON text servers send for ARRAY, MAP and STRUCT values into {@link List}s, {@link
 * Map}s (insertion ordered), strings, {@link Long} or {@link BigDecimal} numbers, booleans and
 * null.
 */
final class JsonValues {
  private final String text;
  private int position;

  private JsonValues(String text) {
    this.text = text;
  }

  static Object parse(String text) {
    JsonValues reader = new JsonValues(text);
    Object value = reader.value();
    reader.skipWhitespace();
    if (reader.position != text.length()) {
      throw reader.error("unexpected text after the value");
    }
    return value;
  }

  private Object value() {
    skipWhitespace();
    if (position >= text.length()) {
      throw error("unexpected end");
    }
    char next = text.charAt(position);
    return switch (next) {
      case '[' -> array();
      case '{' -> object();
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", null);
      default -> number();
    };
  }

  private List<Object> array() {
    position++;
    List<Object> values = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      position++;
      return values;
    }
    while (true) {
      values.add(value());
      skipWhitespace();
      char next = take();
      if (next == ']') {
        return values;
      }
      if (next != ',') {
        throw error("expected , or ]");
      }
    }
  }

  private Map<String, Object> object() {
    position++;
    Map<String, Object> values = new LinkedHashMap<>();
    skipWhitespace();
    if (peek() == '}') {
      position++;
      return values;
    }
    while (true) {
      skipWhitespace();
      Object key = value();
      skipWhitespace();
      if (take() != ':') {
        throw error("expected :");
      }
      values.put(String.valueOf(key), value());
      skipWhitespace();
      char next = take();
      if (next == '}') {
        return values;
      }
      if (next != ',') {
        throw error("expected , or }");
      }
    }
  }

  private String string() {
    position++;
    StringBuilder builder = new StringBuilder();
    while (true) {
      char next = take();
      if (next == '"') {
        return builder.toString();
      }
      if (next != '\\') {
        builder.append(next);
        continue;
      }
      char escaped = take();
      switch (escaped) {
        case 'b' -> builder.append('\b');
        case 'f' -> builder.append('\f');
        case 'n' -> builder.append('\n');
        case 'r' -> builder.append('\r');
        case 't' -> builder.append('\t');
        case 'u' -> {
          if (position + 4 > text.length()) {
            throw error("short \\u escape");
          }
          builder.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
          position += 4;
        }
        default -> builder.append(escaped);
      }
    }
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, position)) {
      throw error("expected " + word);
    }
    position += word.length();
    return value;
  }

  private Object number() {
    int start = position;
    while (position < text.length() && "+-0123456789.eE".indexOf(text.charAt(position)) >= 0) {
      position++;
    }
    String digits = text.substring(start, position);
    if (digits.isEmpty()) {
      throw error("unexpected character");
    }
    BigDecimal number = new BigDecimal(digits);
    if (number.scale() <= 0 && number.precision() - number.scale() <= 18) {
      return number.longValueExact();
    }
    return number;
  }

  private void skipWhitespace() {
    while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
      position++;
    }
  }

  private char peek() {
    if (position >= text.length()) {
      throw error("unexpected end");
    }
    return text.charAt(position);
  }

  private char take() {
    char next = peek();
    position++;
    return next;
  }

  private IllegalArgumentException error(String problem) {
    return new IllegalArgumentException(
        "Cannot read the value as JSON (" + problem + " at " + position + "): " + text);
  }
}
