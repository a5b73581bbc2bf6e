package io.sluice.planner;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;

/**
 * A name of a catalog object as its parts, lower-cased: Spark resolves names case-insensitively
 * (spark.sql.caseSensitive is not settable through the gateway) and Unity Catalog stores them in
 * lower case. A table's name is resolved to three parts: catalog, schema, table.
 */
public record ObjectName(List<String> parts) {
  public ObjectName {
    parts = List.copyOf(requireNonNull(parts, "parts is null"));
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("a name has at least one part");
    }
    for (String part : parts) {
      if (!part.equals(part.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("name parts are lower case: " + parts);
      }
    }
  }

  public static ObjectName of(String... parts) {
    return normalized(List.of(parts));
  }

  /** The same parts in lower case. */
  public static ObjectName normalized(List<String> parts) {
    return new ObjectName(parts.stream().map(part -> part.toLowerCase(Locale.ROOT)).toList());
  }

  public int size() {
    return parts.size();
  }

  public String last() {
    return parts.get(parts.size() - 1);
  }

  /** Spark SQL text for this name, every part back-quoted. */
  public String toSql() {
    StringBuilder sql = new StringBuilder();
    for (String part : parts) {
      if (!sql.isEmpty()) {
        sql.append('.');
      }
      sql.append('`').append(part.replace("`", "``")).append('`');
    }
    return sql.toString();
  }

  @Override
  public String toString() {
    return String.join(".", parts);
  }
}
