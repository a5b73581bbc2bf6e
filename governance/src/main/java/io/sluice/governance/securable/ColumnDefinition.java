package io.sluice.governance.securable;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;

/** One column of a table or view: its name (lower case), Spark SQL type, and nullability. */
public record ColumnDefinition(
    String name, String typeText, boolean nullable, Optional<String> comment) {
  public ColumnDefinition {
    requireNonNull(name, "name is null");
    name = name.toLowerCase(Locale.ROOT);
    requireNonNull(typeText, "typeText is null");
    requireNonNull(comment, "comment is null");
  }

  public static ColumnDefinition of(String name, String typeText) {
    return new ColumnDefinition(name, typeText, true, Optional.empty());
  }
}
