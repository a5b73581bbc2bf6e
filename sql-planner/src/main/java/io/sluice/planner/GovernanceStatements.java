package io.sluice.planner;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;

/**
 * Recognizes the governance statements the gateway executes itself (Unity Catalog syntax that
 * Spark's grammar does not have, or rejects): GRANT, REVOKE, SHOW GRANTS, CREATE/ALTER/DROP
 * CATALOG, ALTER ... OWNER TO, and setting or dropping row filters and column masks. Only the
 * operation is named here, from Spark's own tokens (so comments and quoting are read as Spark reads
 * them); parsing and executing them belongs to governance.
 */
final class GovernanceStatements {
  private GovernanceStatements() {}

  static Optional<String> operation(CommonTokenStream tokens) {
    List<String> words =
        SparkSqlParser.words(tokens).stream().map(GovernanceStatements::word).toList();
    if (words.isEmpty()) {
      return Optional.empty();
    }
    String first = words.get(0);
    String second = words.size() > 1 ? words.get(1) : "";
    switch (first) {
      case "GRANT", "REVOKE", "DENY":
        return Optional.of(first);
      case "SHOW":
        if (second.equals("GRANT") || second.equals("GRANTS")) {
          return Optional.of("SHOW_GRANTS");
        }
        return Optional.empty();
      case "CREATE", "DROP", "ALTER":
        if (second.equals("CATALOG")) {
          return Optional.of(first + "_CATALOG");
        }
        if (first.equals("ALTER")) {
          return alterOperation(words);
        }
        return Optional.empty();
      default:
        return Optional.empty();
    }
  }

  private static Optional<String> alterOperation(List<String> words) {
    for (int index = 2; index + 1 < words.size(); index++) {
      String word = words.get(index);
      String next = words.get(index + 1);
      if (word.equals("OWNER") && next.equals("TO")) {
        return Optional.of("ALTER_OWNER");
      }
      if ((word.equals("SET") || word.equals("DROP")) && next.equals("ROW")) {
        if (index + 2 < words.size() && words.get(index + 2).equals("FILTER")) {
          return Optional.of(word + "_ROW_FILTER");
        }
      }
      if ((word.equals("SET") || word.equals("DROP")) && next.equals("MASK")) {
        return Optional.of(word + "_COLUMN_MASK");
      }
    }
    return Optional.empty();
  }

  private static String word(Token token) {
    return token.getText().toUpperCase(Locale.ROOT);
  }
}
