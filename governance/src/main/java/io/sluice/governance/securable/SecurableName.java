package io.sluice.governance.securable;

import static java.util.Objects.requireNonNull;

import io.sluice.governance.GovernanceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The name of a securable: its type and one part per level below the metastore ({@code
 * catalog.schema.table}). Unity Catalog names are case-insensitive, so parts are kept in lower
 * case.
 */
public record SecurableName(SecurableType type, List<String> parts) {
  public SecurableName {
    requireNonNull(type, "type is null");
    parts = parts.stream().map(part -> part.toLowerCase(Locale.ROOT)).toList();
    if (parts.size() != type.depth()) {
      throw GovernanceException.invalid(
          type.displayName()
              + " names have "
              + type.depth()
              + " part(s), but got '"
              + String.join(".", parts)
              + "'");
    }
    for (String part : parts) {
      if (part.isBlank()) {
        throw GovernanceException.invalid("A name part must not be empty");
      }
    }
  }

  public static SecurableName metastore() {
    return new SecurableName(SecurableType.METASTORE, List.of());
  }

  public static SecurableName catalog(String catalog) {
    return new SecurableName(SecurableType.CATALOG, List.of(catalog));
  }

  public static SecurableName schema(String catalog, String schema) {
    return new SecurableName(SecurableType.SCHEMA, List.of(catalog, schema));
  }

  public static SecurableName table(String catalog, String schema, String table) {
    return new SecurableName(SecurableType.TABLE, List.of(catalog, schema, table));
  }

  public static SecurableName function(String catalog, String schema, String function) {
    return new SecurableName(SecurableType.FUNCTION, List.of(catalog, schema, function));
  }

  /**
   * A name from its dotted form as REST paths carry it ({@code main.default.trips}); parts in
   * backticks may contain dots.
   */
  public static SecurableName parse(SecurableType type, String fullName) {
    if (type == SecurableType.METASTORE) {
      return metastore();
    }
    return new SecurableName(type, splitParts(fullName));
  }

  static List<String> splitParts(String fullName) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int index = 0; index < fullName.length(); index++) {
      char character = fullName.charAt(index);
      if (character == '`') {
        if (quoted && index + 1 < fullName.length() && fullName.charAt(index + 1) == '`') {
          current.append('`');
          index++;
        } else {
          quoted = !quoted;
        }
      } else if (character == '.' && !quoted) {
        parts.add(current.toString());
        current.setLength(0);
      } else {
        current.append(character);
      }
    }
    parts.add(current.toString());
    return parts;
  }

  /** The dotted name; the metastore's is {@code metastore}. */
  public String fullName() {
    if (parts.isEmpty()) {
      return "metastore";
    }
    return String.join(".", parts.stream().map(SecurableName::quoteIfNeeded).toList());
  }

  /** The last part: the object's own name. */
  public String name() {
    return parts.isEmpty() ? "metastore" : parts.get(parts.size() - 1);
  }

  /** The securable this one is in: a table's schema, a schema's catalog, a catalog's metastore. */
  public Optional<SecurableName> parent() {
    return switch (type) {
      case METASTORE -> Optional.empty();
      case CATALOG -> Optional.of(metastore());
      case SCHEMA -> Optional.of(catalog(parts.get(0)));
      case TABLE, FUNCTION -> Optional.of(schema(parts.get(0), parts.get(1)));
    };
  }

  /** This securable's catalog (empty for the metastore). */
  public Optional<SecurableName> catalog() {
    return parts.isEmpty() ? Optional.empty() : Optional.of(catalog(parts.get(0)));
  }

  /** This securable's schema (empty for the metastore and catalogs). */
  public Optional<SecurableName> schema() {
    return parts.size() < 2 ? Optional.empty() : Optional.of(schema(parts.get(0), parts.get(1)));
  }

  /** As Databricks writes it in messages: {@code Table 'main.default.trips'}. */
  public String describe() {
    return type.displayName() + " '" + fullName() + "'";
  }

  private static String quoteIfNeeded(String part) {
    return part.matches("[a-z0-9_]+") ? part : "`" + part.replace("`", "``") + "`";
  }

  @Override
  public String toString() {
    return describe();
  }
}
