package io.sluice.planner;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser;

/** The definition a {@code CREATE VIEW} statement gives its view, for the metastore to keep. */
final class ViewDefinitions {
  private ViewDefinitions() {}

  static CreatedView of(
      SqlBaseParser.CreateViewContext create,
      ObjectName name,
      String sql,
      TextPositions positions,
      List<ObjectReference> objects)
      throws PlanningException {
    TextRange query =
        positions
            .range(create.query())
            .orElseThrow(
                () -> PlanningException.unsupported("This CREATE VIEW cannot be analyzed"));
    StringBuilder text = new StringBuilder(sql.substring(query.start(), query.stop()));
    List<ObjectReference> inside =
        objects.stream()
            .filter(reference -> reference.range().isPresent())
            .filter(reference -> within(reference.range().get(), query))
            .sorted(
                Comparator.comparingInt(
                        (ObjectReference reference) -> reference.range().get().start())
                    .reversed())
            .toList();
    for (ObjectReference reference : inside) {
      if (reference.type() == ObjectType.TEMPORARY_VIEW) {
        throw PlanningException.unsupported(
            "The view "
                + name
                + " cannot refer to the temporary view "
                + reference.name()
                + ": a persistent view outlives the session");
      }
      if (reference.type() == ObjectType.TABLE) {
        TextRange range = reference.range().get();
        text.replace(
            range.start() - query.start(), range.stop() - query.start(), reference.name().toSql());
      }
    }
    String definition = text.toString();
    if (create.identifierCommentList() != null) {
      String columns =
          create.identifierCommentList().identifierComment().stream()
              .map(column -> ObjectName.of(Identifiers.text(column.identifier())).toSql())
              .collect(Collectors.joining(", "));
      definition =
          "SELECT * FROM ("
              + definition
              + ") AS "
              + ObjectName.of(name.last()).toSql()
              + "("
              + columns
              + ")";
    }
    return new CreatedView(name, definition, create.REPLACE() != null, create.EXISTS() != null);
  }

  private static boolean within(TextRange inner, TextRange outer) {
    return inner.start() >= outer.start() && inner.stop() <= outer.stop();
  }
}
