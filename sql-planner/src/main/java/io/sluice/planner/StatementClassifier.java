package io.sluice.planner;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser;

/**
 * Classifies one parsed statement, adds the objects the statement itself names (DDL and DML
 * targets, the schema of a SHOW, the namespace of a USE) to the collector, refuses the statements
 * that reach around the gateway, and says how the statement changes the session. Every kind of
 * statement in Spark 4.0.2's grammar is named here; one that is not is refused.
 */
final class StatementClassifier {
  /** Spark's own patterns for {@code SET key=value} and {@code SET key} (its AstBuilder's). */
  private static final Pattern KEY_VALUE = Pattern.compile("([a-zA-Z_\\d\\\\.:]+)\\s*=([^;]*);*");

  private static final Pattern KEY = Pattern.compile("([a-zA-Z_\\d\\\\.:]+)$");

  private final ReferenceCollector collector;
  private final NameResolver resolver;
  private final SessionContext session;

  StatementClassifier(ReferenceCollector collector) {
    this.collector = requireNonNull(collector, "collector is null");
    this.resolver = collector.resolver();
    this.session = resolver.session();
  }

  /** A statement's kind, operation and effect on the session. */
  record Classification(
      StatementKind kind, String operation, Optional<SessionContext> sessionAfter) {
    static Classification of(StatementKind kind, String operation) {
      return new Classification(kind, operation, Optional.empty());
    }
  }

  Classification classify(ParserRuleContext statement) throws PlanningException {
    if (statement instanceof SqlBaseParser.StatementDefaultContext) {
      return Classification.of(StatementKind.QUERY, "SELECT");
    }
    if (statement instanceof SqlBaseParser.ExplainContext explain) {
      ParserRuleContext inner =
          explain.statement() != null ? explain.statement() : explain.setResetStatement();
      classify(inner);
      return Classification.of(StatementKind.QUERY, "EXPLAIN");
    }
    if (statement instanceof SqlBaseParser.DmlStatementContext dml) {
      return classifyDml(dml.dmlStatementNoWith());
    }
    if (statement instanceof SqlBaseParser.SetResetStatementContext setOrReset) {
      return classifySetOrReset(setOrReset);
    }
    Classification session = classifySessionCommand(statement);
    if (session != null) {
      return session;
    }
    Classification ddl = classifyDdl(statement);
    if (ddl != null) {
      return ddl;
    }
    return refuse(statement);
  }

  private Classification classifyDml(SqlBaseParser.DmlStatementNoWithContext dml)
      throws PlanningException {
    if (dml instanceof SqlBaseParser.SingleInsertQueryContext insert) {
      insertTarget(insert.insertInto());
      return Classification.of(StatementKind.DML, "INSERT");
    }
    if (dml instanceof SqlBaseParser.MultiInsertQueryContext insert) {
      for (SqlBaseParser.MultiInsertQueryBodyContext body : insert.multiInsertQueryBody()) {
        insertTarget(body.insertInto());
      }
      return Classification.of(StatementKind.DML, "INSERT");
    }
    if (dml instanceof SqlBaseParser.DeleteFromTableContext delete) {
      collector.addTarget(delete.identifierReference(), delete.tableAlias(), Access.DELETE);
      return Classification.of(StatementKind.DML, "DELETE");
    }
    if (dml instanceof SqlBaseParser.UpdateTableContext update) {
      collector.addTarget(update.identifierReference(), update.tableAlias(), Access.UPDATE);
      return Classification.of(StatementKind.DML, "UPDATE");
    }
    if (dml instanceof SqlBaseParser.MergeIntoTableContext merge) {
      collector.addTarget(merge.target, merge.targetAlias, Access.MERGE);
      return Classification.of(StatementKind.DML, "MERGE");
    }
    return refuse(dml);
  }

  private void insertTarget(SqlBaseParser.InsertIntoContext insert) throws PlanningException {
    // The query of INSERT INTO and INSERT OVERWRITE cannot name the target's columns, so the
    // target does not qualify columns; REPLACE WHERE's condition is over the target.
    if (insert instanceof SqlBaseParser.InsertIntoTableContext into) {
      collector.addTable(into.identifierReference(), Access.INSERT);
    } else if (insert instanceof SqlBaseParser.InsertOverwriteTableContext overwrite) {
      collector.addTable(overwrite.identifierReference(), Access.OVERWRITE);
    } else if (insert instanceof SqlBaseParser.InsertIntoReplaceWhereContext replace) {
      collector.addTarget(replace.identifierReference(), null, Access.OVERWRITE);
    } else {
      throw PlanningException.refused(
          "INSERT OVERWRITE DIRECTORY writes files and is not allowed through the gateway;"
              + " write to a table of the catalog instead");
    }
  }

  private Classification classifySetOrReset(SqlBaseParser.SetResetStatementContext statement)
      throws PlanningException {
    if (statement instanceof SqlBaseParser.SetTimeZoneContext) {
      return Classification.of(StatementKind.SESSION_COMMAND, "SET");
    }
    if (statement instanceof SqlBaseParser.SetVariableContext) {
      return Classification.of(StatementKind.SESSION_COMMAND, "SET_VARIABLE");
    }
    if (statement instanceof SqlBaseParser.SetQuotedConfigurationContext set) {
      ConfigurationPolicy.check(
          set.configKey() != null
              ? unquotedKey(set.configKey())
              : textBetween(set.SET().getSymbol(), set.EQ().getSymbol()).trim());
      return Classification.of(StatementKind.SESSION_COMMAND, "SET");
    }
    if (statement instanceof SqlBaseParser.SetConfigurationContext set) {
      String remainder = textAfter(set.SET().getSymbol(), set).trim();
      Matcher keyValue = KEY_VALUE.matcher(remainder);
      Matcher key = KEY.matcher(remainder);
      if (set.configKey() != null) {
        ConfigurationPolicy.check(unquotedKey(set.configKey()));
      } else if (keyValue.matches()) {
        ConfigurationPolicy.check(keyValue.group(1));
      } else if (key.matches()) {
        ConfigurationPolicy.check(key.group(1));
      } else if (remainder.isEmpty() || remainder.equals("-v")) {
        throw PlanningException.refused(
            "Listing every setting (SET, SET -v) shows the engine's configuration and is not"
                + " allowed through the gateway; read one allowed setting with SET <key>");
      } else {
        throw PlanningException.syntaxError("Invalid SET command: " + remainder);
      }
      return Classification.of(StatementKind.SESSION_COMMAND, "SET");
    }
    if (statement instanceof SqlBaseParser.ResetQuotedConfigurationContext reset) {
      ConfigurationPolicy.check(unquotedKey(reset.configKey()));
      return Classification.of(StatementKind.SESSION_COMMAND, "RESET");
    }
    if (statement instanceof SqlBaseParser.ResetConfigurationContext reset) {
      String key = textAfter(reset.RESET().getSymbol(), reset).trim();
      if (key.isEmpty()) {
        throw PlanningException.refused(
            "RESET of every setting is not allowed through the gateway; reset one allowed"
                + " setting with RESET <key>");
      }
      ConfigurationPolicy.check(key);
      return Classification.of(StatementKind.SESSION_COMMAND, "RESET");
    }
    throw PlanningException.refused("SET ROLE is not supported by the gateway");
  }

  private static String unquotedKey(SqlBaseParser.ConfigKeyContext key) {
    String text = key.getText();
    if (text.startsWith("`") && text.endsWith("`") && text.length() >= 2) {
      return text.substring(1, text.length() - 1).replace("``", "`");
    }
    return text;
  }

  /** Session commands: USE, SHOW, DESCRIBE, and the session's own state. */
  private Classification classifySessionCommand(ParserRuleContext statement)
      throws PlanningException {
    if (statement instanceof SqlBaseParser.UseContext use) {
      List<String> parts = collector.names(use.identifierReference());
      if (parts.size() == 1 && session.isCatalog(parts.get(0))) {
        collector.add(ObjectType.CATALOG, ObjectName.of(parts.get(0)), Access.USE, null);
        collector.claim(use.identifierReference());
        return new Classification(
            StatementKind.SESSION_COMMAND,
            "USE",
            Optional.of(session.withNamespace(parts.get(0), "default")));
      }
      return use(use.identifierReference(), parts);
    }
    if (statement instanceof SqlBaseParser.UseNamespaceContext use) {
      return use(use.identifierReference(), collector.names(use.identifierReference()));
    }
    if (statement instanceof SqlBaseParser.SetCatalogContext setCatalog) {
      SqlBaseParser.CatalogIdentifierReferenceContext catalog =
          setCatalog.catalogIdentifierReference();
      String name;
      if (catalog.errorCapturingIdentifier() != null) {
        name = Identifiers.text(catalog.errorCapturingIdentifier().identifier());
      } else if (catalog.stringLit() != null) {
        name = StringLiterals.value(catalog.stringLit(), "SET CATALOG").toLowerCase();
      } else {
        name = StringLiterals.constant(catalog.expression(), "SET CATALOG IDENTIFIER(...)");
      }
      collector.add(ObjectType.CATALOG, ObjectName.of(name), Access.USE, catalog);
      return new Classification(
          StatementKind.SESSION_COMMAND,
          "USE",
          Optional.of(session.withNamespace(name, "default")));
    }
    if (statement instanceof SqlBaseParser.ShowNamespacesContext show) {
      if (show.multipartIdentifier() != null) {
        collector.add(
            ObjectType.CATALOG,
            ObjectName.normalized(Identifiers.parts(show.multipartIdentifier())),
            Access.DESCRIBE,
            show.multipartIdentifier());
      }
      return show("SHOW_SCHEMAS");
    }
    if (statement instanceof SqlBaseParser.ShowTablesContext show) {
      showIn(show.identifierReference());
      return show("SHOW_TABLES");
    }
    if (statement instanceof SqlBaseParser.ShowTableExtendedContext show) {
      showIn(show.ns);
      return show("SHOW_TABLES");
    }
    if (statement instanceof SqlBaseParser.ShowViewsContext show) {
      showIn(show.identifierReference());
      return show("SHOW_VIEWS");
    }
    if (statement instanceof SqlBaseParser.ShowFunctionsContext show) {
      if (show.ns != null) {
        showIn(show.ns);
      }
      return show("SHOW_FUNCTIONS");
    }
    if (statement instanceof SqlBaseParser.ShowColumnsContext show) {
      List<String> parts = collector.names(show.table);
      if (show.ns != null) {
        parts =
            java.util.stream.Stream.concat(
                    Identifiers.parts(show.ns).stream(),
                    List.of(parts.get(parts.size() - 1)).stream())
                .toList();
      }
      collector.addTable(parts, show.table, Access.DESCRIBE);
      return show("SHOW_COLUMNS");
    }
    if (statement instanceof SqlBaseParser.ShowTblPropertiesContext show) {
      collector.addTable(show.table, Access.DESCRIBE);
      return show("SHOW_TBLPROPERTIES");
    }
    if (statement instanceof SqlBaseParser.ShowPartitionsContext show) {
      collector.addTable(show.identifierReference(), Access.DESCRIBE);
      return show("SHOW_PARTITIONS");
    }
    if (statement instanceof SqlBaseParser.ShowCreateTableContext show) {
      collector.addTable(show.identifierReference(), Access.DESCRIBE);
      return show("SHOW_CREATE_TABLE");
    }
    if (statement instanceof SqlBaseParser.ShowCurrentNamespaceContext) {
      return show("SHOW_CURRENT_SCHEMA");
    }
    if (statement instanceof SqlBaseParser.ShowCatalogsContext) {
      return show("SHOW_CATALOGS");
    }
    if (statement instanceof SqlBaseParser.DescribeRelationContext describe) {
      if (describe.identifierReference().multipartIdentifier() != null
          && describe.identifierReference().multipartIdentifier().parts.size() == 1) {
        NameResolver.ObjectReferenceTarget target =
            resolver.relation(collector.names(describe.identifierReference()));
        collector.add(
            target.type(), target.name(), Access.DESCRIBE, describe.identifierReference());
      } else {
        collector.addTable(describe.identifierReference(), Access.DESCRIBE);
      }
      return show("DESCRIBE_TABLE");
    }
    if (statement instanceof SqlBaseParser.DescribeNamespaceContext describe) {
      collector.addSchema(
          collector.names(describe.identifierReference()),
          describe.identifierReference(),
          Access.DESCRIBE);
      return show("DESCRIBE_SCHEMA");
    }
    if (statement instanceof SqlBaseParser.DescribeFunctionContext describe) {
      SqlBaseParser.DescribeFuncNameContext name = describe.describeFuncName();
      if (name.identifierReference() != null) {
        collector.add(
            ObjectType.FUNCTION,
            ObjectName.normalized(collector.names(name.identifierReference())),
            Access.DESCRIBE,
            name.identifierReference());
      }
      return show("DESCRIBE_FUNCTION");
    }
    if (statement instanceof SqlBaseParser.DescribeQueryContext) {
      return show("DESCRIBE_QUERY");
    }
    if (statement instanceof SqlBaseParser.CreateVariableContext variable) {
      collector.claim(variable.identifierReference());
      return Classification.of(StatementKind.SESSION_COMMAND, "DECLARE_VARIABLE");
    }
    if (statement instanceof SqlBaseParser.DropVariableContext variable) {
      collector.claim(variable.identifierReference());
      return Classification.of(StatementKind.SESSION_COMMAND, "DROP_VARIABLE");
    }
    if (statement instanceof SqlBaseParser.ClearCacheContext) {
      return Classification.of(StatementKind.SESSION_COMMAND, "CLEAR_CACHE");
    }
    if (statement instanceof SqlBaseParser.ManageResourceContext resource
        && resource.LIST() != null) {
      return show("LIST_RESOURCES");
    }
    return null;
  }

  private Classification use(SqlBaseParser.IdentifierReferenceContext written, List<String> parts)
      throws PlanningException {
    ObjectName schema = collector.addSchema(parts, written, Access.USE);
    return new Classification(
        StatementKind.SESSION_COMMAND,
        "USE",
        schema.size() == 2
            ? Optional.of(session.withNamespace(schema.parts().get(0), schema.parts().get(1)))
            : Optional.empty());
  }

  private void showIn(SqlBaseParser.IdentifierReferenceContext schema) throws PlanningException {
    if (schema == null) {
      collector.add(ObjectType.SCHEMA, resolver.currentSchema(), Access.DESCRIBE, null);
    } else {
      collector.addSchema(collector.names(schema), schema, Access.DESCRIBE);
    }
  }

  private static Classification show(String operation) {
    return Classification.of(StatementKind.SESSION_COMMAND, operation);
  }

  /** Schemas, tables, views and functions: created, changed, dropped, maintained. */
  private Classification classifyDdl(ParserRuleContext statement) throws PlanningException {
    if (statement instanceof SqlBaseParser.CreateNamespaceContext create) {
      collector.addSchema(
          collector.names(create.identifierReference()),
          create.identifierReference(),
          Access.CREATE);
      return ddl("CREATE_SCHEMA");
    }
    if (statement instanceof SqlBaseParser.SetNamespacePropertiesContext alter) {
      return alterSchema(alter.identifierReference());
    }
    if (statement instanceof SqlBaseParser.UnsetNamespacePropertiesContext alter) {
      return alterSchema(alter.identifierReference());
    }
    if (statement instanceof SqlBaseParser.CommentNamespaceContext alter) {
      return alterSchema(alter.identifierReference());
    }
    if (statement instanceof SqlBaseParser.DropNamespaceContext drop) {
      collector.addSchema(
          collector.names(drop.identifierReference()), drop.identifierReference(), Access.DROP);
      return ddl("DROP_SCHEMA");
    }
    if (statement instanceof SqlBaseParser.AnalyzeTablesContext analyze) {
      showIn(analyze.identifierReference());
      return ddl("ANALYZE");
    }
    if (statement instanceof SqlBaseParser.CreateTableContext create) {
      collector.addTable(create.createTableHeader().identifierReference(), Access.CREATE);
      return ddl(create.query() == null ? "CREATE_TABLE" : "CREATE_TABLE_AS_SELECT");
    }
    if (statement instanceof SqlBaseParser.ReplaceTableContext replace) {
      SqlBaseParser.IdentifierReferenceContext name =
          replace.replaceTableHeader().identifierReference();
      collector.add(
          ObjectType.TABLE, resolver.qualifiedTable(collector.names(name)), Access.DROP, null);
      collector.addTable(name, Access.CREATE);
      return ddl("REPLACE_TABLE");
    }
    if (statement instanceof SqlBaseParser.CreateTableLikeContext create) {
      collector.addTable(Identifiers.parts(create.target), create.target, Access.CREATE);
      collector.addTable(Identifiers.parts(create.source), create.source, Access.DESCRIBE);
      return ddl("CREATE_TABLE");
    }
    if (statement instanceof SqlBaseParser.CreateViewContext create) {
      if (create.GLOBAL() != null) {
        throw PlanningException.refused(
            "Global temporary views are shared by every session on an engine and are not"
                + " available through the gateway; use CREATE TEMPORARY VIEW");
      }
      if (create.TEMPORARY() != null) {
        List<String> parts = collector.names(create.identifierReference());
        if (parts.size() != 1) {
          throw PlanningException.syntaxError(
              "A temporary view's name has one part: " + String.join(".", parts));
        }
        collector.add(
            ObjectType.TEMPORARY_VIEW,
            ObjectName.normalized(parts),
            Access.CREATE,
            create.identifierReference());
        return new Classification(
            StatementKind.DDL, "CREATE_VIEW", Optional.of(session.withTemporaryView(parts.get(0))));
      }
      collector.addTable(create.identifierReference(), Access.CREATE);
      return ddl("CREATE_VIEW");
    }
    if (statement instanceof SqlBaseParser.DropViewContext drop) {
      List<String> parts = collector.names(drop.identifierReference());
      if (parts.size() == 1 && session.isTemporaryView(parts.get(0))) {
        collector.add(
            ObjectType.TEMPORARY_VIEW,
            ObjectName.normalized(parts),
            Access.DROP,
            drop.identifierReference());
        return new Classification(
            StatementKind.DDL,
            "DROP_VIEW",
            Optional.of(session.withoutTemporaryView(parts.get(0))));
      }
      collector.addTable(drop.identifierReference(), Access.DROP);
      return ddl("DROP_VIEW");
    }
    if (statement instanceof SqlBaseParser.DropTableContext drop) {
      collector.addTable(drop.identifierReference(), Access.DROP);
      return ddl("DROP_TABLE");
    }
    if (statement instanceof SqlBaseParser.RenameTableContext rename) {
      ObjectName from = collector.addTable(rename.from, Access.ALTER);
      collector.add(
          ObjectType.TABLE,
          renamedTable(from, Identifiers.parts(rename.to)),
          Access.CREATE,
          rename.to);
      return ddl("ALTER_TABLE");
    }
    if (statement instanceof SqlBaseParser.TruncateTableContext truncate) {
      collector.addTable(truncate.identifierReference(), Access.DELETE);
      return ddl("TRUNCATE_TABLE");
    }
    if (statement instanceof SqlBaseParser.CreateUserDefinedFunctionContext create) {
      SqlBaseParser.RoutineCharacteristicsContext characteristics = create.routineCharacteristics();
      if (characteristics != null) {
        for (SqlBaseParser.RoutineLanguageContext language : characteristics.routineLanguage()) {
          if (language.SQL() == null) {
            throw PlanningException.refused(
                "Functions in languages other than SQL run code on the engine and cannot be"
                    + " created through the gateway");
          }
        }
      }
      List<String> parts = collector.names(create.identifierReference());
      if (create.TEMPORARY() != null) {
        collector.claim(create.identifierReference());
      } else {
        collector.add(
            ObjectType.FUNCTION,
            parts.size() == 1
                ? ObjectName.of(session.currentCatalog(), session.currentSchema(), parts.get(0))
                : ObjectName.normalized(parts),
            Access.CREATE,
            create.identifierReference());
      }
      return ddl("CREATE_FUNCTION");
    }
    if (statement instanceof SqlBaseParser.DropFunctionContext drop) {
      if (drop.TEMPORARY() != null) {
        collector.claim(drop.identifierReference());
      } else {
        collector.add(
            ObjectType.FUNCTION,
            ObjectName.normalized(collector.names(drop.identifierReference())),
            Access.DROP,
            drop.identifierReference());
      }
      return ddl("DROP_FUNCTION");
    }
    if (statement instanceof SqlBaseParser.RefreshFunctionContext refresh) {
      collector.add(
          ObjectType.FUNCTION,
          ObjectName.normalized(collector.names(refresh.identifierReference())),
          Access.DESCRIBE,
          refresh.identifierReference());
      return Classification.of(StatementKind.SESSION_COMMAND, "REFRESH");
    }
    if (statement instanceof SqlBaseParser.RefreshTableContext refresh) {
      collector.addTable(refresh.identifierReference(), Access.DESCRIBE);
      return Classification.of(StatementKind.SESSION_COMMAND, "REFRESH");
    }
    if (statement instanceof SqlBaseParser.CacheTableContext cache) {
      if (cache.query() != null) {
        List<String> parts = collector.names(cache.identifierReference());
        collector.add(
            ObjectType.TEMPORARY_VIEW,
            ObjectName.normalized(parts),
            Access.CREATE,
            cache.identifierReference());
        return new Classification(
            StatementKind.SESSION_COMMAND,
            "CACHE",
            Optional.of(session.withTemporaryView(parts.get(parts.size() - 1))));
      }
      NameResolver.ObjectReferenceTarget target =
          resolver.relation(collector.names(cache.identifierReference()));
      collector.add(target.type(), target.name(), Access.READ, cache.identifierReference());
      return Classification.of(StatementKind.SESSION_COMMAND, "CACHE");
    }
    if (statement instanceof SqlBaseParser.UncacheTableContext uncache) {
      NameResolver.ObjectReferenceTarget target =
          resolver.relation(collector.names(uncache.identifierReference()));
      collector.add(target.type(), target.name(), Access.READ, uncache.identifierReference());
      return Classification.of(StatementKind.SESSION_COMMAND, "UNCACHE");
    }
    ParserRuleContext altered = alteredTable(statement);
    if (altered != null) {
      collector.addTable((SqlBaseParser.IdentifierReferenceContext) altered, Access.ALTER);
      return ddl(
          statement instanceof SqlBaseParser.AlterViewQueryContext
                  || statement instanceof SqlBaseParser.AlterViewSchemaBindingContext
              ? "ALTER_VIEW"
              : "ALTER_TABLE");
    }
    return null;
  }

  /**
   * The new name of a renamed table as Spark reads it: in the table's own catalog, and for a
   * one-part name in its own schema, whatever the session's current catalog and schema.
   */
  private ObjectName renamedTable(ObjectName from, List<String> to) throws PlanningException {
    List<String> parts =
        switch (to.size()) {
          case 1 -> List.of(from.parts().get(0), from.parts().get(1), to.get(0));
          case 2 -> List.of(from.parts().get(0), to.get(0), to.get(1));
          default -> to;
        };
    return resolver.qualifiedTable(parts);
  }

  /** The table of a statement that changes one table's definition or maintains it. */
  private static ParserRuleContext alteredTable(ParserRuleContext statement) {
    if (statement instanceof SqlBaseParser.AnalyzeContext s) {
      return s.identifierReference();
    } else if (statement instanceof SqlBaseParser.AddTableColumnsContext s) {
      return s.identifierReference();
    } else if (statement instanceof SqlBaseParser.RenameTableColumnContext s) {
      return s.table;
    } else if (statement instanceof SqlBaseParser.DropTableColumnsContext s) {
      return s.identifierReference();
    } else if (statement instanceof SqlBaseParser.SetTablePropertiesContext s) {
      return s.identifierReference();
    } else if (statement instanceof SqlBaseParser.UnsetTablePropertiesContext s) {
      return s.identifierReference();
    } else if (statement instanceof SqlBaseParser.AlterTableAlterColumnContext s) {
      return s.table;
    } else if (statement instanceof SqlBaseParser.HiveChangeColumnContext s) {
      return s.table;
    } else if (statement instanceof SqlBaseParser.HiveReplaceColumnsContext s) {
      return s.table;
    } else if (statement instanceof SqlBaseParser.AddTablePartitionContext s) {
      return s.identifierReference();
    } else if (statement instanceof SqlBaseParser.RenameTablePartitionContext s) {
      return s.identifierReference();
    } else if (statement instanceof SqlBaseParser.DropTablePartitionsContext s) {
      return s.identifierReference();
    } else if (statement instanceof SqlBaseParser.RecoverPartitionsContext s) {
      return s.identifierReference();
    } else if (statement instanceof SqlBaseParser.RepairTableContext s) {
      return s.identifierReference();
    } else if (statement instanceof SqlBaseParser.AlterViewQueryContext s) {
      return s.identifierReference();
    } else if (statement instanceof SqlBaseParser.AlterViewSchemaBindingContext s) {
      return s.identifierReference();
    } else if (statement instanceof SqlBaseParser.AlterClusterByContext s) {
      return s.identifierReference();
    } else if (statement instanceof SqlBaseParser.AlterTableCollationContext s) {
      return s.identifierReference();
    } else if (statement instanceof SqlBaseParser.CommentTableContext s) {
      return s.identifierReference();
    }
    return null;
  }

  private Classification alterSchema(SqlBaseParser.IdentifierReferenceContext schema)
      throws PlanningException {
    collector.addSchema(collector.names(schema), schema, Access.ALTER);
    return ddl("ALTER_SCHEMA");
  }

  private static Classification ddl(String operation) {
    return Classification.of(StatementKind.DDL, operation);
  }

  /** Statements refused whoever sends them. */
  private static Classification refuse(ParserRuleContext statement) throws PlanningException {
    if (statement instanceof SqlBaseParser.LoadDataContext) {
      throw PlanningException.refused(
          "LOAD DATA reads files from a path and is not allowed through the gateway; INSERT"
              + " from a table of the catalog instead");
    }
    if (statement instanceof SqlBaseParser.ManageResourceContext) {
      throw PlanningException.refused(
          "ADD JAR/FILE/ARCHIVE loads code or files into the engine and is not allowed through"
              + " the gateway");
    }
    if (statement instanceof SqlBaseParser.CreateFunctionContext) {
      throw PlanningException.refused(
          "CREATE FUNCTION ... AS '<class>' loads Java code into the engine and is not allowed"
              + " through the gateway; create a SQL function (RETURNS ... RETURN ...) instead");
    }
    if (statement instanceof SqlBaseParser.CreateTempViewUsingContext) {
      throw PlanningException.refused(
          "CREATE TEMPORARY VIEW ... USING reads a data source by its options (files, JDBC) and"
              + " is not allowed through the gateway; use CREATE TEMPORARY VIEW ... AS SELECT");
    }
    if (statement instanceof SqlBaseParser.RefreshResourceContext) {
      throw PlanningException.refused(
          "REFRESH <path> names files and is not allowed through the gateway; use REFRESH TABLE");
    }
    if (statement instanceof SqlBaseParser.SetTableLocationContext
        || statement instanceof SqlBaseParser.SetNamespaceLocationContext) {
      throw PlanningException.refused(
          "SET LOCATION places data at a path outside the gateway's control and is not allowed");
    }
    if (statement instanceof SqlBaseParser.SetTableSerDeContext) {
      throw PlanningException.refused(
          "SET SERDE loads Java code into the engine and is not allowed through the gateway");
    }
    if (statement instanceof SqlBaseParser.VisitExecuteImmediateContext) {
      throw PlanningException.unsupported(
          "EXECUTE IMMEDIATE is supported only as a statement of its own");
    }
    throw PlanningException.unsupported(
        "This statement is not supported through the gateway: "
            + abbreviate(
                statement
                    .getStart()
                    .getInputStream()
                    .getText(
                        Interval.of(
                            statement.getStart().getStartIndex(),
                            statement.getStop().getStopIndex()))));
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }

  private static String textBetween(Token after, Token before) {
    return after
        .getInputStream()
        .getText(Interval.of(after.getStopIndex() + 1, before.getStartIndex() - 1));
  }

  private static String textAfter(Token after, ParserRuleContext statement) {
    Token last = statement.getStop();
    if (last == null || last.getStopIndex() <= after.getStopIndex()) {
      return "";
    }
    return after
        .getInputStream()
        .getText(Interval.of(after.getStopIndex() + 1, last.getStopIndex()));
  }
}
