package io.sluice.planner;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser;

/**
 * Which catalog table columns each column a statement writes is computed from: the column lineage
 * of {@code INSERT ... SELECT}, {@code INSERT OVERWRITE}, CTAS, {@code REPLACE TABLE ... AS} and
 * {@code CREATE VIEW}. The query's output columns are traced through set operations, subqueries in
 * {@code FROM}, CTEs and scalar subqueries to the tables' columns they read.
 *
 * <p>Without the catalog's column lists, the trace is what the text says soundly: a column is
 * placed on a relation by its qualifier, or when only one relation can hold it. A column the text
 * does not place is left out. When the output columns themselves cannot be listed ({@code SELECT *}
 * of a catalog table, {@code PIVOT}, {@code VALUES}, {@code TABLE t}, generators with several
 * aliases), the statement has no column flows at all rather than wrong ones.
 */
final class ColumnFlows {
  private final NameResolver resolver;
  private final Deque<Map<String, Optional<List<Output>>>> ctes = new ArrayDeque<>();
  private final Deque<Set<String>> lambdaVariables = new ArrayDeque<>();

  private ColumnFlows(NameResolver resolver) {
    this.resolver = requireNonNull(resolver, "resolver is null");
  }

  /** The columns {@code statement} writes into its target, in order; empty when unknown. */
  static List<ColumnFlow> of(ParserRuleContext statement, NameResolver resolver)
      throws PlanningException {
    return new ColumnFlows(resolver)
        .statement(statement)
        .map(
            outputs ->
                outputs.stream()
                    .map(output -> new ColumnFlow(output.name(), output.sources()))
                    .toList())
        .orElse(List.of());
  }

  /** An output column of a query: its name if the text gives one, and what it is computed from. */
  private record Output(Optional<String> name, Set<ColumnReference> sources) {}

  /** A relation of a FROM clause. */
  private sealed interface Relation permits TableRelation, DerivedRelation {
    boolean isCalled(String qualifier);

    /** The table columns its column {@code column} is computed from. */
    Set<ColumnReference> column(String column);
  }

  /** A catalog table: any column name may be one of its columns. */
  private record TableRelation(ObjectName table, Optional<String> alias) implements Relation {
    @Override
    public boolean isCalled(String qualifier) {
      return alias.map(qualifier::equals).orElseGet(() -> table.last().equals(qualifier));
    }

    @Override
    public Set<ColumnReference> column(String column) {
      return Set.of(new ColumnReference(Optional.of(table), column));
    }
  }

  /**
   * A subquery, CTE, temporary view or other relation: its columns are its outputs when they are
   * known, and trace to nothing otherwise.
   */
  private record DerivedRelation(Optional<String> alias, Optional<List<Output>> outputs)
      implements Relation {
    @Override
    public boolean isCalled(String qualifier) {
      return alias.map(qualifier::equals).orElse(false);
    }

    boolean hasColumn(String column) {
      return outputs.stream()
          .flatMap(List::stream)
          .anyMatch(output -> output.name().equals(Optional.of(column)));
    }

    @Override
    public Set<ColumnReference> column(String column) {
      Set<ColumnReference> sources = new LinkedHashSet<>();
      outputs.stream()
          .flatMap(List::stream)
          .filter(output -> output.name().equals(Optional.of(column)))
          .forEach(output -> sources.addAll(output.sources()));
      return sources;
    }
  }

  private Optional<List<Output>> statement(ParserRuleContext statement) throws PlanningException {
    if (statement instanceof SqlBaseParser.DmlStatementContext dml
        && dml.dmlStatementNoWith() instanceof SqlBaseParser.SingleInsertQueryContext insert) {
      pushCtes(dml.ctes());
      try {
        return insert(insert.insertInto(), outputs(insert.query()));
      } finally {
        popCtes(dml.ctes());
      }
    }
    if (statement instanceof SqlBaseParser.CreateTableContext create && create.query() != null) {
      return outputs(create.query());
    }
    if (statement instanceof SqlBaseParser.ReplaceTableContext replace && replace.query() != null) {
      return outputs(replace.query());
    }
    if (statement instanceof SqlBaseParser.CreateViewContext view && view.query() != null) {
      Optional<List<Output>> outputs = outputs(view.query());
      if (view.identifierCommentList() == null) {
        return outputs;
      }
      List<String> names = new ArrayList<>();
      for (SqlBaseParser.IdentifierCommentContext column :
          view.identifierCommentList().identifierComment()) {
        names.add(Identifiers.text(column.identifier()));
      }
      return renamed(outputs, names);
    }
    return Optional.empty();
  }

  /**
   * An insert's columns: named by its column list, by the query's names ({@code BY NAME}), or else
   * by position.
   */
  private static Optional<List<Output>> insert(
      SqlBaseParser.InsertIntoContext insert, Optional<List<Output>> outputs) {
    SqlBaseParser.IdentifierListContext columns = null;
    boolean byName = false;
    if (insert instanceof SqlBaseParser.InsertIntoTableContext into) {
      columns = into.identifierList();
      byName = into.NAME() != null;
    } else if (insert instanceof SqlBaseParser.InsertOverwriteTableContext overwrite) {
      columns = overwrite.identifierList();
      byName = overwrite.NAME() != null;
    }
    if (byName) {
      return outputs.filter(list -> list.stream().allMatch(output -> output.name().isPresent()));
    }
    if (columns != null) {
      return renamed(outputs, names(columns));
    }
    return outputs.map(
        list ->
            list.stream().map(output -> new Output(Optional.empty(), output.sources())).toList());
  }

  private Optional<List<Output>> outputs(SqlBaseParser.QueryContext query)
      throws PlanningException {
    pushCtes(query.ctes());
    try {
      return outputs(query.queryTerm());
    } finally {
      popCtes(query.ctes());
    }
  }

  private void pushCtes(SqlBaseParser.CtesContext definitions) throws PlanningException {
    if (definitions == null) {
      return;
    }
    Map<String, Optional<List<Output>>> scope = new HashMap<>();
    ctes.push(scope);
    for (SqlBaseParser.NamedQueryContext cte : definitions.namedQuery()) {
      Optional<List<Output>> outputs = outputs(cte.query());
      if (cte.columnAliases != null) {
        outputs = renamed(outputs, names(cte.columnAliases));
      }
      scope.put(Identifiers.text(cte.name.identifier()), outputs);
    }
  }

  private void popCtes(SqlBaseParser.CtesContext definitions) {
    if (definitions != null) {
      ctes.pop();
    }
  }

  private Optional<List<Output>> outputs(SqlBaseParser.QueryTermContext term)
      throws PlanningException {
    if (term instanceof SqlBaseParser.QueryTermDefaultContext primary) {
      return outputs(primary.queryPrimary());
    }
    if (term instanceof SqlBaseParser.SetOperationContext operation) {
      Optional<List<Output>> left = outputs(operation.left);
      Optional<List<Output>> right = outputs(operation.right);
      if (left.isEmpty() || right.isEmpty() || left.get().size() != right.get().size()) {
        return Optional.empty();
      }
      List<Output> combined = new ArrayList<>();
      for (int index = 0; index < left.get().size(); index++) {
        Set<ColumnReference> sources = new LinkedHashSet<>(left.get().get(index).sources());
        sources.addAll(right.get().get(index).sources());
        combined.add(new Output(left.get().get(index).name(), sources));
      }
      return Optional.of(combined);
    }
    return Optional.empty();
  }

  private Optional<List<Output>> outputs(SqlBaseParser.QueryPrimaryContext primary)
      throws PlanningException {
    if (primary instanceof SqlBaseParser.QueryPrimaryDefaultContext specification
        && specification.querySpecification()
            instanceof SqlBaseParser.RegularQuerySpecificationContext regular) {
      return outputs(regular);
    }
    if (primary instanceof SqlBaseParser.SubqueryContext subquery) {
      return outputs(subquery.query());
    }
    return Optional.empty();
  }

  private Optional<List<Output>> outputs(SqlBaseParser.RegularQuerySpecificationContext query)
      throws PlanningException {
    Optional<List<Relation>> scope = relations(query);
    if (scope.isEmpty()) {
      return Optional.empty();
    }
    List<Output> outputs = new ArrayList<>();
    for (SqlBaseParser.NamedExpressionContext item :
        query.selectClause().namedExpressionSeq().namedExpression()) {
      if (item.identifierList() != null) {
        return Optional.empty();
      }
      Optional<SqlBaseParser.StarContext> star =
          only(item.expression(), SqlBaseParser.StarContext.class);
      if (star.isPresent()) {
        Optional<List<Output>> expanded = expand(star.get(), scope.get());
        if (expanded.isEmpty()) {
          return Optional.empty();
        }
        outputs.addAll(expanded.get());
        continue;
      }
      Optional<String> name =
          item.name != null
              ? Optional.of(Identifiers.text(item.name.identifier()))
              : selectedColumnName(item.expression());
      outputs.add(new Output(name, sources(item.expression(), scope.get())));
    }
    return Optional.of(outputs);
  }

  /** The relations a query reads from; empty when it reshapes them (PIVOT, UNPIVOT). */
  private Optional<List<Relation>> relations(SqlBaseParser.RegularQuerySpecificationContext query)
      throws PlanningException {
    List<Relation> relations = new ArrayList<>();
    SqlBaseParser.FromClauseContext from = query.fromClause();
    if (from == null) {
      return Optional.of(relations);
    }
    if (from.pivotClause() != null || from.unpivotClause() != null) {
      return Optional.empty();
    }
    for (SqlBaseParser.RelationContext relation : from.relation()) {
      relations.add(relation(relation.relationPrimary()));
      for (SqlBaseParser.RelationExtensionContext extension : relation.relationExtension()) {
        if (extension.joinRelation() == null) {
          return Optional.empty();
        }
        relations.add(relation(extension.joinRelation().right));
      }
    }
    List<SqlBaseParser.LateralViewContext> lateralViews = new ArrayList<>(from.lateralView());
    lateralViews.addAll(query.lateralView());
    for (SqlBaseParser.LateralViewContext lateralView : lateralViews) {
      relations.add(
          new DerivedRelation(
              Optional.ofNullable(lateralView.tblName).map(Identifiers::text), Optional.empty()));
    }
    return Optional.of(relations);
  }

  private Relation relation(SqlBaseParser.RelationPrimaryContext primary) throws PlanningException {
    if (primary instanceof SqlBaseParser.TableNameContext table
        && table.identifierReference().multipartIdentifier() != null) {
      List<String> parts = Identifiers.parts(table.identifierReference().multipartIdentifier());
      Optional<String> alias = alias(table.tableAlias());
      if (parts.size() == 1) {
        Optional<Optional<List<Output>>> cte = cte(parts.get(0));
        if (cte.isPresent()) {
          return new DerivedRelation(alias.or(() -> Optional.of(parts.get(0))), cte.get());
        }
        if (resolver.session().isTemporaryView(parts.get(0))) {
          return new DerivedRelation(alias.or(() -> Optional.of(parts.get(0))), Optional.empty());
        }
      }
      return new TableRelation(resolver.qualifiedTable(parts), alias);
    }
    if (primary instanceof SqlBaseParser.AliasedQueryContext subquery) {
      Optional<List<Output>> outputs = outputs(subquery.query());
      SqlBaseParser.TableAliasContext alias = subquery.tableAlias();
      if (alias != null && alias.identifierList() != null) {
        outputs = renamed(outputs, names(alias.identifierList()));
      }
      return new DerivedRelation(alias(alias), outputs);
    }
    if (primary instanceof SqlBaseParser.AliasedRelationContext nested) {
      return new DerivedRelation(alias(nested.tableAlias()), Optional.empty());
    }
    return new DerivedRelation(Optional.empty(), Optional.empty());
  }

  /** The outputs of the CTE {@code name} in scope, innermost first. */
  private Optional<Optional<List<Output>>> cte(String name) {
    for (Map<String, Optional<List<Output>>> scope : ctes) {
      if (scope.containsKey(name)) {
        return Optional.of(scope.get(name));
      }
    }
    return Optional.empty();
  }

  /** {@code *} or {@code q.*} over relations whose outputs are known; empty otherwise. */
  private static Optional<List<Output>> expand(
      SqlBaseParser.StarContext star, List<Relation> scope) {
    if (star.exceptClause() != null) {
      return Optional.empty();
    }
    List<Output> outputs = new ArrayList<>();
    boolean matched = false;
    for (Relation relation : scope) {
      if (star.qualifiedName() != null) {
        List<String> qualifier = Identifiers.parts(star.qualifiedName());
        if (qualifier.size() != 1 || !relation.isCalled(qualifier.get(0))) {
          continue;
        }
      }
      matched = true;
      if (!(relation instanceof DerivedRelation derived) || derived.outputs().isEmpty()) {
        return Optional.empty();
      }
      outputs.addAll(derived.outputs().get());
    }
    return matched ? Optional.of(outputs) : Optional.empty();
  }

  /** The name Spark gives a selected column or field: its own. */
  private static Optional<String> selectedColumnName(SqlBaseParser.ExpressionContext expression) {
    Optional<SqlBaseParser.ColumnReferenceContext> column =
        only(expression, SqlBaseParser.ColumnReferenceContext.class);
    if (column.isPresent()) {
      return Optional.of(Identifiers.text(column.get().identifier()));
    }
    return only(expression, SqlBaseParser.DereferenceContext.class)
        .map(dereference -> Identifiers.text(dereference.fieldName));
  }

  /** The node of {@code type} an expression consists of alone, if it does. */
  private static <T extends ParseTree> Optional<T> only(ParseTree node, Class<T> type) {
    ParseTree current = node;
    while (!type.isInstance(current) && current.getChildCount() == 1) {
      current = current.getChild(0);
    }
    return type.isInstance(current) ? Optional.of(type.cast(current)) : Optional.empty();
  }

  /** The table columns an expression reads, including through its scalar subqueries. */
  private Set<ColumnReference> sources(ParseTree node, List<Relation> scope)
      throws PlanningException {
    Set<ColumnReference> sources = new LinkedHashSet<>();
    if (node instanceof SqlBaseParser.QueryContext query) {
      outputs(query)
          .ifPresent(outputs -> outputs.forEach(output -> sources.addAll(output.sources())));
    } else if (node instanceof SqlBaseParser.ColumnReferenceContext column) {
      sources.addAll(place(List.of(Identifiers.text(column.identifier())), scope));
    } else if (node instanceof SqlBaseParser.DereferenceContext dereference) {
      Identifiers.FieldPath path = Identifiers.fieldPath(dereference);
      if (path.startsAtColumn()) {
        sources.addAll(place(path.names(), scope));
      } else {
        sources.addAll(sources(path.base(), scope));
      }
    } else if (node instanceof SqlBaseParser.LambdaContext lambda) {
      Set<String> variables = new HashSet<>();
      lambda.identifier().forEach(variable -> variables.add(Identifiers.text(variable)));
      lambdaVariables.push(variables);
      try {
        sources.addAll(sources(lambda.expression(), scope));
      } finally {
        lambdaVariables.pop();
      }
    } else {
      for (int index = 0; index < node.getChildCount(); index++) {
        sources.addAll(sources(node.getChild(index), scope));
      }
    }
    return sources;
  }

  /**
   * The table columns a column path names: {@code q.c} on the relation called {@code q}, {@code
   * s.t.c} on table {@code t} of schema {@code s}, {@code c} on the one relation that can hold it.
   * A qualified path whose qualifier is no relation here (an outer query's alias, a struct's field)
   * is left out.
   */
  private Set<ColumnReference> place(List<String> path, List<Relation> scope) {
    if (lambdaVariables.stream().anyMatch(variables -> variables.contains(path.get(0)))) {
      return Set.of();
    }
    if (path.size() >= 2) {
      for (Relation relation : scope) {
        if (relation.isCalled(path.get(0))) {
          return relation.column(path.get(1));
        }
      }
      if (path.size() >= 3) {
        for (Relation relation : scope) {
          if (relation instanceof TableRelation table
              && table.alias().isEmpty()
              && table.table().parts().get(1).equals(path.get(0))
              && table.table().parts().get(2).equals(path.get(1))) {
            return table.column(path.get(2));
          }
        }
      }
      return Set.of();
    }
    String column = path.get(0);
    if (scope.size() == 1) {
      return scope.get(0).column(column);
    }
    List<Relation> tables = new ArrayList<>();
    List<DerivedRelation> holders = new ArrayList<>();
    boolean opaque = false;
    for (Relation relation : scope) {
      if (relation instanceof DerivedRelation derived) {
        opaque |= derived.outputs().isEmpty();
        if (derived.hasColumn(column)) {
          holders.add(derived);
        }
      } else {
        tables.add(relation);
      }
    }
    if (opaque) {
      return Set.of();
    }
    if (tables.isEmpty() && holders.size() == 1) {
      return holders.get(0).column(column);
    }
    if (tables.size() == 1 && holders.isEmpty()) {
      return tables.get(0).column(column);
    }
    return Set.of();
  }

  private static Optional<List<Output>> renamed(
      Optional<List<Output>> outputs, List<String> names) {
    return outputs
        .filter(list -> list.size() == names.size())
        .map(
            list -> {
              List<Output> renamed = new ArrayList<>();
              for (int index = 0; index < list.size(); index++) {
                renamed.add(new Output(Optional.of(names.get(index)), list.get(index).sources()));
              }
              return renamed;
            });
  }

  private static List<String> names(SqlBaseParser.IdentifierListContext list) {
    List<String> names = new ArrayList<>();
    for (SqlBaseParser.ErrorCapturingIdentifierContext name :
        list.identifierSeq().errorCapturingIdentifier()) {
      names.add(Identifiers.text(name.identifier()));
    }
    return names;
  }

  private static Optional<String> alias(SqlBaseParser.TableAliasContext alias) {
    if (alias == null || alias.strictIdentifier() == null) {
      return Optional.empty();
    }
    return Optional.of(Identifiers.text(alias.strictIdentifier()));
  }
}
