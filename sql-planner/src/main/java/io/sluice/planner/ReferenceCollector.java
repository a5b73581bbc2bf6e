package io.sluice.planner;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser;

/**
 * Walks a statement's whole parse tree and collects what it names: tables and views read (CTE names
 * and lambda variables excluded, in their scopes), functions called, and columns. It refuses what
 * reaches around the gateway wherever it appears: code called by reflection, scripts run by
 * TRANSFORM, file reading table functions and table names that are file paths. Statement-specific
 * names (DDL and DML targets) are added by {@link StatementClassifier}, which claims them; a name
 * the walk meets that nobody claimed makes the statement unanalyzable, and it is refused.
 */
final class ReferenceCollector {
  /** Functions that run arbitrary Java code on the engine. */
  private static final Set<String> CODE_FUNCTIONS = Set.of("reflect", "java_method", "try_reflect");

  /** Table functions that read files, streams or engine state rather than catalog tables. */
  private static final Set<String> FILE_TABLE_FUNCTIONS =
      Set.of(
          "read_files",
          "read_kafka",
          "read_kinesis",
          "read_pubsub",
          "read_pulsar",
          "read_statestore",
          "read_state_metadata",
          "cloud_files");

  /** Formats a table may be created in: each keeps its data under the warehouse directory. */
  private static final Set<String> TABLE_FORMATS =
      Set.of("delta", "parquet", "orc", "json", "csv", "text", "avro", "hive");

  private final NameResolver resolver;
  private final TextPositions positions;
  private final List<ObjectReference> objects = new ArrayList<>();
  private final List<List<String>> columnPaths = new ArrayList<>();
  private final List<AliasedTable> aliases = new ArrayList<>();
  private final Set<ParserRuleContext> claimed = new HashSet<>();
  private final Deque<Set<String>> cteScopes = new ArrayDeque<>();
  private final Deque<Set<String>> lambdaScopes = new ArrayDeque<>();

  ReferenceCollector(NameResolver resolver, TextPositions positions) {
    this.resolver = requireNonNull(resolver, "resolver is null");
    this.positions = requireNonNull(positions, "positions is null");
  }

  NameResolver resolver() {
    return resolver;
  }

  /** Adds a table the statement itself names (a DDL or DML target) and claims its name. */
  ObjectName addTable(SqlBaseParser.IdentifierReferenceContext name, Access access)
      throws PlanningException {
    ObjectName resolved = resolver.qualifiedTable(names(name));
    add(ObjectType.TABLE, resolved, access, name);
    return resolved;
  }

  /** Adds a DML target, whose alias (or name) may qualify the statement's columns. */
  ObjectName addTarget(
      SqlBaseParser.IdentifierReferenceContext name,
      SqlBaseParser.TableAliasContext alias,
      Access access)
      throws PlanningException {
    ObjectName resolved = addTable(name, access);
    aliases.add(new AliasedTable(resolved, aliasName(alias)));
    return resolved;
  }

  private static Optional<String> aliasName(SqlBaseParser.TableAliasContext alias) {
    return alias != null && alias.strictIdentifier() != null
        ? Optional.of(Identifiers.text(alias.strictIdentifier()))
        : Optional.empty();
  }

  ObjectName addTable(List<String> parts, ParserRuleContext written, Access access)
      throws PlanningException {
    ObjectName resolved = resolver.qualifiedTable(parts);
    add(ObjectType.TABLE, resolved, access, written);
    return resolved;
  }

  /** Adds a schema the statement names and claims its name. */
  ObjectName addSchema(List<String> parts, ParserRuleContext written, Access access)
      throws PlanningException {
    ObjectName resolved = resolver.schema(parts);
    add(ObjectType.SCHEMA, resolved, access, written);
    return resolved;
  }

  void add(ObjectType type, ObjectName name, Access access, ParserRuleContext written) {
    add(type, name, access, written, Optional.empty(), Optional.empty());
  }

  private void add(
      ObjectType type,
      ObjectName name,
      Access access,
      ParserRuleContext written,
      Optional<ObjectReference.Relation> relation,
      Optional<ObjectReference.Call> call) {
    Optional<TextRange> range = written == null ? Optional.empty() : positions.range(written);
    objects.add(new ObjectReference(type, name, access, range, relation, call));
    if (written != null) {
      claimed.add(written);
    }
  }

  /** Claims a name that refers to no securable (a temporary function's, a variable's). */
  void claim(ParserRuleContext written) {
    claimed.add(written);
  }

  /** The parts of a name, evaluating {@code IDENTIFIER('literal')}; other expressions refused. */
  List<String> names(SqlBaseParser.IdentifierReferenceContext name) throws PlanningException {
    if (name.multipartIdentifier() != null) {
      return Identifiers.parts(name.multipartIdentifier());
    }
    return SparkSqlParser.parseMultipartIdentifier(
        StringLiterals.constant(name.expression(), "IDENTIFIER(...)"));
  }

  /** Walks a subtree, collecting every reference in it. */
  void walk(ParseTree node) throws PlanningException {
    if (node instanceof SqlBaseParser.QueryContext query && query.ctes() != null) {
      walkWithCtes(query.ctes(), List.of(query.queryTerm(), query.queryOrganization()));
    } else if (node instanceof SqlBaseParser.DmlStatementContext dml && dml.ctes() != null) {
      walkWithCtes(dml.ctes(), List.of(dml.dmlStatementNoWith()));
    } else if (node instanceof SqlBaseParser.TableNameContext table) {
      readRelation(
          table.identifierReference(),
          table.tableAlias(),
          table.temporalClause() == null && table.sample() == null);
      if (table.optionsClause() != null) {
        throw PlanningException.refused(
            "Read options on a table (WITH (...)) are not allowed through the gateway");
      }
      walkChildrenExcept(table, table.identifierReference());
    } else if (node instanceof SqlBaseParser.MergeIntoTableContext merge && merge.source != null) {
      readRelation(merge.source, merge.sourceAlias, true);
      walkChildrenExcept(merge, merge.source);
    } else if (node instanceof SqlBaseParser.TableContext table) {
      readRelation(table.identifierReference(), null, false);
    } else if (node instanceof SqlBaseParser.FunctionTableSubqueryArgumentContext argument
        && argument.identifierReference() != null) {
      readRelation(argument.identifierReference(), null, false);
      walkChildrenExcept(argument, argument.identifierReference());
    } else if (node instanceof SqlBaseParser.FunctionTableContext function) {
      List<String> name = functionName(function.functionName());
      if (FILE_TABLE_FUNCTIONS.contains(String.join(".", name))) {
        throw PlanningException.refused(
            "The table function "
                + String.join(".", name)
                + " reads files or streams and is not"
                + " allowed through the gateway; query a table of the catalog instead");
      }
      addFunction(name, function.functionName());
      walkChildrenExcept(function, function.functionName());
    } else if (node instanceof SqlBaseParser.FunctionCallContext call) {
      List<String> name = functionName(call.functionName());
      if (name.size() == 1 && CODE_FUNCTIONS.contains(name.get(0))) {
        throw PlanningException.refused(
            "The function "
                + name.get(0)
                + " calls Java code on the engine and is not allowed through the gateway");
      }
      add(
          ObjectType.FUNCTION,
          ObjectName.normalized(name),
          Access.EXECUTE,
          call.functionName(),
          Optional.empty(),
          plainCall(call));
      walkChildrenExcept(call, call.functionName());
    } else if (node instanceof SqlBaseParser.LateralViewContext lateralView) {
      addFunction(Identifiers.parts(lateralView.qualifiedName()), lateralView.qualifiedName());
      for (SqlBaseParser.ExpressionContext expression : lateralView.expression()) {
        walk(expression);
      }
    } else if (node instanceof SqlBaseParser.TransformClauseContext) {
      throw PlanningException.refused(
          "TRANSFORM/MAP/REDUCE ... USING runs a script on the engine and is not allowed through"
              + " the gateway");
    } else if (node instanceof SqlBaseParser.LambdaContext lambda) {
      Set<String> variables = new HashSet<>();
      for (SqlBaseParser.IdentifierContext variable : lambda.identifier()) {
        variables.add(Identifiers.text(variable));
      }
      lambdaScopes.push(variables);
      try {
        walk(lambda.expression());
      } finally {
        lambdaScopes.pop();
      }
    } else if (node instanceof SqlBaseParser.AssignmentContext assignment) {
      columnPaths.add(Identifiers.parts(assignment.key));
      walk(assignment.value);
    } else if (node instanceof SqlBaseParser.ColumnReferenceContext column) {
      addColumn(List.of(Identifiers.text(column.identifier())));
    } else if (node instanceof SqlBaseParser.DereferenceContext dereference) {
      walkDereference(dereference);
    } else if (node instanceof SqlBaseParser.StarContext star) {
      List<String> path = new ArrayList<>();
      if (star.qualifiedName() != null) {
        path.addAll(Identifiers.parts(star.qualifiedName()));
      }
      path.add("*");
      columnPaths.add(path);
      walkChildrenExcept(star, star.qualifiedName());
    } else if (node instanceof SqlBaseParser.LocationSpecContext) {
      throw PlanningException.refused(
          "LOCATION places data at a path outside the gateway's control and is not allowed;"
              + " create managed tables and schemas (without LOCATION)");
    } else if (node instanceof SqlBaseParser.RowFormatSerdeContext
        || node instanceof SqlBaseParser.TableFileFormatContext
        || node instanceof SqlBaseParser.StorageHandlerContext) {
      throw PlanningException.refused(
          "SerDe, input/output format and storage handler classes load Java code into the engine"
              + " and are not allowed through the gateway; use USING <format> or STORED AS"
              + " <format>");
    } else if (node instanceof SqlBaseParser.TableProviderContext provider) {
      String format = String.join(".", Identifiers.parts(provider.multipartIdentifier()));
      if (!TABLE_FORMATS.contains(format)) {
        throw PlanningException.refused(
            "Tables USING "
                + format
                + " are not allowed through the gateway; allowed formats: "
                + String.join(", ", TABLE_FORMATS.stream().sorted().toList()));
      }
    } else if (node instanceof SqlBaseParser.ExpressionPropertyContext property) {
      String key = propertyKey(property.key);
      if (key.equals("path") || key.equals("paths")) {
        throw PlanningException.refused(
            "A table's '"
                + key
                + "' option places data at a path outside the gateway's control and is not"
                + " allowed");
      }
      walkChildrenExcept(property, property.key);
    } else if (node instanceof SqlBaseParser.IdentifierReferenceContext name) {
      if (!claimed.contains(name)) {
        throw PlanningException.unsupported(
            "The gateway cannot analyze the name '"
                + name.getText()
                + "' in this statement, so it does not run it");
      }
    } else if (node instanceof SqlBaseParser.TableIdentifierContext name) {
      if (!claimed.contains(name)) {
        throw PlanningException.unsupported(
            "The gateway cannot analyze the name '"
                + name.getText()
                + "' in this statement, so it does not run it");
      }
    } else if (node instanceof ParserRuleContext rule) {
      walkChildrenExcept(rule, null);
    }
  }

  private void walkWithCtes(SqlBaseParser.CtesContext ctes, List<ParseTree> body)
      throws PlanningException {
    if (ctes.RECURSIVE() != null) {
      throw PlanningException.unsupported("WITH RECURSIVE is not supported by Spark 4.0");
    }
    Set<String> names = new HashSet<>();
    cteScopes.push(names);
    try {
      for (SqlBaseParser.NamedQueryContext namedQuery : ctes.namedQuery()) {
        // A CTE sees the ones defined before it, not itself.
        walk(namedQuery.query());
        names.add(Identifiers.text(namedQuery.name.identifier()));
      }
      for (ParseTree part : body) {
        if (part != null) {
          walk(part);
        }
      }
    } finally {
      cteScopes.pop();
    }
  }

  /** A table read; {@code replaceable} when a subquery may stand in its place. */
  private void readRelation(
      SqlBaseParser.IdentifierReferenceContext name,
      SqlBaseParser.TableAliasContext alias,
      boolean replaceable)
      throws PlanningException {
    List<String> parts = names(name);
    claimed.add(name);
    if (parts.size() == 1 && isCte(parts.get(0))) {
      return;
    }
    NameResolver.ObjectReferenceTarget target = resolver.relation(parts);
    add(
        target.type(),
        target.name(),
        Access.READ,
        name,
        replaceable
            ? Optional.of(new ObjectReference.Relation(aliasName(alias)))
            : Optional.empty(),
        Optional.empty());
    if (target.type() == ObjectType.TABLE) {
      aliases.add(new AliasedTable(target.name(), aliasName(alias)));
    }
  }

  private static String propertyKey(SqlBaseParser.PropertyKeyContext key) throws PlanningException {
    if (key.stringLit() != null) {
      return StringLiterals.value(key.stringLit(), "An option's name").toLowerCase(Locale.ROOT);
    }
    List<String> parts = new ArrayList<>();
    for (SqlBaseParser.ErrorCapturingIdentifierContext part : key.errorCapturingIdentifier()) {
      parts.add(Identifiers.text(part.identifier()));
    }
    return String.join(".", parts);
  }

  private boolean isCte(String name) {
    for (Set<String> scope : cteScopes) {
      if (scope.contains(name)) {
        return true;
      }
    }
    return false;
  }

  private boolean isLambdaVariable(String name) {
    for (Set<String> scope : lambdaScopes) {
      if (scope.contains(name)) {
        return true;
      }
    }
    return false;
  }

  private List<String> functionName(SqlBaseParser.FunctionNameContext name)
      throws PlanningException {
    if (name.qualifiedName() != null) {
      return Identifiers.parts(name.qualifiedName());
    }
    if (name.expression() != null) {
      return SparkSqlParser.parseMultipartIdentifier(
          StringLiterals.constant(name.expression(), "IDENTIFIER(...)"));
    }
    return List.of(Identifiers.text(name));
  }

  /** The call's ranges when it is a plain call a function body may replace. */
  private Optional<ObjectReference.Call> plainCall(SqlBaseParser.FunctionCallContext call) {
    if (call.setQuantifier() != null
        || call.FILTER() != null
        || call.OVER() != null
        || call.WITHIN() != null
        || call.nullsOption != null) {
      return Optional.empty();
    }
    Optional<TextRange> whole = positions.range(call);
    List<TextRange> arguments = new ArrayList<>();
    for (SqlBaseParser.FunctionArgumentContext argument : call.argument) {
      Optional<TextRange> range = positions.range(argument);
      if (argument.namedArgumentExpression() != null || range.isEmpty()) {
        return Optional.empty();
      }
      arguments.add(range.get());
    }
    return whole.map(range -> new ObjectReference.Call(range, arguments));
  }

  private void addFunction(List<String> name, ParserRuleContext written) {
    add(ObjectType.FUNCTION, ObjectName.normalized(name), Access.EXECUTE, written);
  }

  private void walkDereference(SqlBaseParser.DereferenceContext dereference)
      throws PlanningException {
    Identifiers.FieldPath path = Identifiers.fieldPath(dereference);
    if (path.startsAtColumn()) {
      addColumn(path.names());
    } else {
      walk(path.base());
    }
  }

  private void addColumn(List<String> path) {
    if (!isLambdaVariable(path.get(0))) {
      columnPaths.add(path);
    }
  }

  private void walkChildrenExcept(ParserRuleContext node, ParseTree skipped)
      throws PlanningException {
    for (int index = 0; index < node.getChildCount(); index++) {
      ParseTree child = node.getChild(index);
      if (child != skipped) {
        walk(child);
      }
    }
  }

  List<ObjectReference> objects() {
    return List.copyOf(objects);
  }

  /**
   * The columns named, placed on a table where the text allows: {@code alias.column}, {@code
   * table.column}, {@code schema.table.column}, or an unqualified column when the statement reads a
   * single table.
   */
  List<ColumnReference> columns() {
    Set<ObjectName> tables = new LinkedHashSet<>();
    for (AliasedTable table : aliases) {
      tables.add(table.name());
    }
    Set<ColumnReference> columns = new LinkedHashSet<>();
    for (List<String> path : columnPaths) {
      columns.add(place(path, tables));
    }
    return List.copyOf(columns);
  }

  private ColumnReference place(List<String> path, Set<ObjectName> tables) {
    if (path.size() >= 2) {
      for (AliasedTable table : aliases) {
        if (table.isCalled(path.get(0))) {
          return new ColumnReference(Optional.of(table.name()), path.get(1));
        }
      }
      if (path.size() >= 3) {
        for (AliasedTable table : aliases) {
          List<String> parts = table.name().parts();
          if (table.alias().isEmpty()
              && parts.get(1).equals(path.get(0))
              && parts.get(2).equals(path.get(1))) {
            return new ColumnReference(Optional.of(table.name()), path.get(2));
          }
        }
      }
    }
    Optional<ObjectName> only =
        tables.size() == 1 ? Optional.of(tables.iterator().next()) : Optional.empty();
    return new ColumnReference(only, path.get(0));
  }

  /** A table read in the statement and the name columns qualify it with. */
  private record AliasedTable(ObjectName name, Optional<String> alias) {
    boolean isCalled(String qualifier) {
      return alias.map(qualifier::equals).orElseGet(() -> name.last().equals(qualifier));
    }
  }
}
