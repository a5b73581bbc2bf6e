package io.sluice.tpcds;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One of the TPC-DS queries, as Spark publishes them instantiated with the qualification parameters
 * ({@code tpcds/q*.sql} in {@code spark-sql_2.13:tests}): q1 to q99, where 14, 23, 24 and 39 come
 * in two parts, 103 statements in all.
 */
public record TpcdsQuery(String name, String sql) {
  private static final List<String> TWO_PART_QUERIES = List.of("14", "23", "24", "39");

  public TpcdsQuery {
    requireNonNull(name, "name is null");
    requireNonNull(sql, "sql is null");
  }

  /** All 103 statements in query-number order. */
  public static List<TpcdsQuery> all() {
    List<TpcdsQuery> queries = new ArrayList<>();
    for (int number = 1; number <= 99; number++) {
      String base = "q" + number;
      if (TWO_PART_QUERIES.contains(String.valueOf(number))) {
        queries.add(load(base + "a"));
        queries.add(load(base + "b"));
      } else {
        queries.add(load(base));
      }
    }
    return queries;
  }

  /** The queries named, such as {@code q3} or {@code q14a}; {@code q14} names both parts. */
  public static List<TpcdsQuery> named(List<String> names) {
    List<TpcdsQuery> all = all();
    List<TpcdsQuery> chosen = new ArrayList<>();
    for (String requested : names) {
      String name = requested.trim().toLowerCase(Locale.ROOT);
      List<TpcdsQuery> matching =
          all.stream()
              .filter(
                  query ->
                      query.name().equals(name)
                          || query.name().equals(name + "a")
                          || query.name().equals(name + "b"))
              .toList();
      if (matching.isEmpty()) {
        throw new IllegalArgumentException(
            "No TPC-DS query '" + requested + "'; names run from q1 to q99 (q14a, q14b, ...)");
      }
      chosen.addAll(matching);
    }
    return chosen;
  }

  private static TpcdsQuery load(String name) {
    String resource = "tpcds/" + name + ".sql";
    try (InputStream in = TpcdsQuery.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            resource + " is not on the classpath; it comes from spark-sql_2.13:tests");
      }
      return new TpcdsQuery(name, new String(in.readAllBytes(), UTF_8).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }

  /**
   * Whether the statement orders its final result: an {@code ORDER BY} outside every parenthesis,
   * string and comment. Window and subquery orderings do not count.
   */
  public boolean ordersItsResult() {
    String text = sql.toLowerCase(Locale.ROOT);
    int depth = 0;
    for (int index = 0; index < text.length(); index++) {
      char character = text.charAt(index);
      if (character == '\'' || character == '"' || character == '`') {
        index = text.indexOf(character, index + 1);
        if (index < 0) {
          return false;
        }
      } else if (text.startsWith("--", index)) {
        int end = text.indexOf('\n', index);
        index = end < 0 ? text.length() : end;
      } else if (character == '(') {
        depth++;
      } else if (character == ')') {
        depth--;
      } else if (depth == 0 && startsWord(text, index, "order")) {
        int next = index + "order".length();
        while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
          next++;
        }
        if (startsWord(text, next, "by")) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean startsWord(String text, int index, String word) {
    if (!text.startsWith(word, index)) {
      return false;
    }
    boolean startsClean =
        index == 0
            || !Character.isLetterOrDigit(text.charAt(index - 1)) && text.charAt(index - 1) != '_';
    int end = index + word.length();
    boolean endsClean =
        end == text.length()
            || !Character.isLetterOrDigit(text.charAt(end)) && text.charAt(end) != '_';
    return startsClean && endsClean;
  }
}
