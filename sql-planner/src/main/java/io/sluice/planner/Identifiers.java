package io.sluice.planner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser;

/** The names written in a parse tree, unquoted as Spark unquotes them, in lower case. */
final class Identifiers {
  private Identifiers() {}

  /** One identifier: {@code name}, {@code `na``me`} (a back-quote doubled inside quotes). */
  static String text(ParserRuleContext identifier) {
    String text = identifier.getText();
    if (text.length() >= 2 && text.startsWith("`") && text.endsWith("`")) {
      text = text.substring(1, text.length() - 1).replace("``", "`");
    }
    return text.toLowerCase(Locale.ROOT);
  }

  static List<String> parts(SqlBaseParser.MultipartIdentifierContext identifier) {
    List<String> parts = new ArrayList<>();
    for (SqlBaseParser.ErrorCapturingIdentifierContext part : identifier.parts) {
      parts.add(text(part.identifier()));
    }
    return parts;
  }

  static List<String> parts(SqlBaseParser.QualifiedNameContext name) {
    List<String> parts = new ArrayList<>();
    for (SqlBaseParser.IdentifierContext part : name.identifier()) {
      parts.add(text(part));
    }
    return parts;
  }

  static List<String> parts(SqlBaseParser.TableIdentifierContext name) {
    List<String> parts = new ArrayList<>();
    if (name.db != null) {
      parts.add(text(name.db.identifier()));
    }
    parts.add(text(name.table.identifier()));
    return parts;
  }

  /**
   * A chain of field accesses {@code a.b.c}: the names from its column on ({@code [a, b, c]}) when
   * it starts at a column reference; otherwise the field names only, and {@code base} is the
   * expression they are read from (a function call, a subscript).
   */
  record FieldPath(List<String> names, ParseTree base) {
    boolean startsAtColumn() {
      return base instanceof SqlBaseParser.ColumnReferenceContext;
    }
  }

  static FieldPath fieldPath(SqlBaseParser.DereferenceContext dereference) {
    List<String> names = new ArrayList<>();
    ParseTree current = dereference;
    while (current instanceof SqlBaseParser.DereferenceContext link) {
      names.add(0, text(link.fieldName));
      current = link.base;
    }
    if (current instanceof SqlBaseParser.ColumnReferenceContext column) {
      names.add(0, text(column.identifier()));
    }
    return new FieldPath(names, current);
  }
}
