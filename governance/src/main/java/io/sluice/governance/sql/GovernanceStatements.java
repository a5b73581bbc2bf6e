package io.sluice.governance.sql;

import static java.util.Objects.requireNonNull;

import io.sluice.governance.Governance;
import io.sluice.governance.GovernanceException;
import io.sluice.governance.access.Access;
import io.sluice.governance.access.AccessRequest;
import io.sluice.governance.access.Action;
import io.sluice.governance.grant.Grant;
import io.sluice.governance.grant.Privilege;
import io.sluice.governance.policy.ColumnMask;
import io.sluice.governance.policy.RowFilter;
import io.sluice.governance.securable.ColumnDefinition;
import io.sluice.governance.securable.FunctionDefinition;
import io.sluice.governance.securable.Securable;
import io.sluice.governance.securable.SecurableName;
import io.sluice.governance.securable.SecurableType;
import io.sluice.governance.sql.GovernanceSqlParser.ArgumentContext;
import io.sluice.governance.sql.GovernanceSqlParser.ArgumentsContext;
import io.sluice.governance.sql.GovernanceSqlParser.IdentifierContext;
import io.sluice.governance.sql.GovernanceSqlParser.PrivilegesContext;
import io.sluice.governance.sql.GovernanceSqlParser.QualifiedNameContext;
import io.sluice.governance.sql.GovernanceSqlParser.SecurableContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.misc.Interval;

/**
 * Executes the governance statements the gateway answers itself: GRANT, REVOKE, SHOW GRANTS, SHOW
 * CATALOGS, CREATE/DROP CATALOG, ALTER ... OWNER TO, ALTER TABLE ... SET/DROP ROW FILTER and ALTER
 * TABLE ... ALTER COLUMN ... SET/DROP MASK. Each is authorized (and audited) by the access
 * controller before it changes anything. Partial names resolve against the session's current
 * catalog and schema.
 */
public final class GovernanceStatements {
  private final Governance governance;

  public GovernanceStatements(Governance governance) {
    this.governance = requireNonNull(governance, "governance is null");
  }

  /**
   * Runs {@code sql} if it is a governance statement; empty if it is not one (the engine's). Fails
   * with a {@link GovernanceException} (SQLSTATE 42501 for refusals) otherwise.
   */
  public Optional<StatementResult> execute(
      String principal, String statementId, String sql, NameContext names) {
    Optional<GovernanceSqlParser.StatementContext> statement = GovernanceStatementParser.parse(sql);
    if (statement.isEmpty()) {
      return Optional.empty();
    }
    Execution execution = new Execution(principal, statementId, names);
    return Optional.of(execution.visit(statement.get()));
  }

  private final class Execution extends GovernanceSqlBaseVisitor<StatementResult> {
    private final String principal;
    private final String statementId;
    private final NameContext names;

    Execution(String principal, String statementId, NameContext names) {
      this.principal = principal;
      this.statementId = statementId;
      this.names = names;
    }

    @Override
    public StatementResult visitGrant(GovernanceSqlParser.GrantContext context) {
      SecurableName securable = securable(context.securable());
      check(new Access(Action.MANAGE_GRANTS, securable));
      governance
          .grants()
          .grant(
              securable,
              name(context.principal().identifier()),
              privileges(context.privileges()),
              principal);
      return StatementResult.NONE;
    }

    @Override
    public StatementResult visitRevoke(GovernanceSqlParser.RevokeContext context) {
      SecurableName securable = securable(context.securable());
      check(new Access(Action.MANAGE_GRANTS, securable));
      governance
          .grants()
          .revoke(
              securable, name(context.principal().identifier()), privileges(context.privileges()));
      return StatementResult.NONE;
    }

    /**
     * Databricks' columns: principal, actionType, objectType, objectKey. The owner appears as
     * {@code OWN}; grants on the parents up to the catalog, which the securable inherits, are
     * listed too. Anyone may see the grants of a principal they name as themselves.
     */
    @Override
    public StatementResult visitShowGrants(GovernanceSqlParser.ShowGrantsContext context) {
      SecurableName securable = securable(context.securable());
      Optional<String> grantee =
          Optional.ofNullable(context.principal()).map(value -> name(value.identifier()));
      boolean allowed =
          governance.access().decide(request(new Access(Action.SHOW_GRANTS, securable))).allowed();
      if (!allowed && !grantee.equals(Optional.of(principal))) {
        check(new Access(Action.SHOW_GRANTS, securable));
      }
      List<Securable> chain = governance.securables().chain(securable);
      List<List<String>> rows = new ArrayList<>();
      Securable target = chain.get(chain.size() - 1);
      if (grantee.map(target.owner()::equals).orElse(true)) {
        rows.add(List.of(target.owner(), "OWN", type(target.name()), target.name().fullName()));
      }
      List<Securable> inheritedFrom =
          securable.type() == SecurableType.METASTORE
              ? List.of(target)
              : chain.subList(1, chain.size());
      List<SecurableName> levels = inheritedFrom.stream().map(Securable::name).toList();
      List<Grant> grants =
          governance.grants().grantsOn(inheritedFrom).stream()
              .sorted(
                  java.util.Comparator.comparingInt(
                          (Grant grant) -> levels.indexOf(grant.securable()))
                      .thenComparing(Grant::principal)
                      .thenComparing(grant -> grant.privilege().sqlName()))
              .toList();
      for (Grant grant : grants) {
        if (grantee.map(grant.principal()::equals).orElse(true)) {
          rows.add(
              List.of(
                  grant.principal(),
                  grant.privilege().sqlName(),
                  type(grant.securable()),
                  grant.securable().fullName()));
        }
      }
      return new StatementResult(
          List.of("principal", "actionType", "objectType", "objectKey"), rows);
    }

    @Override
    public StatementResult visitShowCatalogs(GovernanceSqlParser.ShowCatalogsContext context) {
      Optional<Pattern> pattern =
          Optional.ofNullable(context.pattern).map(token -> likePattern(unquote(token.getText())));
      List<List<String>> rows =
          governance
              .securables()
              .children(SecurableName.metastore(), SecurableType.CATALOG)
              .stream()
              .map(catalog -> catalog.name())
              .filter(name -> governance.access().isVisible(principal, name))
              .map(SecurableName::name)
              .filter(name -> pattern.map(value -> value.matcher(name).matches()).orElse(true))
              .map(List::of)
              .toList();
      return new StatementResult(List.of("catalog"), rows);
    }

    @Override
    public StatementResult visitCreateCatalog(GovernanceSqlParser.CreateCatalogContext context) {
      SecurableName catalog = SecurableName.catalog(name(context.identifier()));
      check(new Access(Action.CREATE_CATALOG, SecurableName.metastore()));
      if (context.EXISTS() != null && governance.securables().find(catalog).isPresent()) {
        return StatementResult.NONE;
      }
      governance
          .securables()
          .createCatalog(
              catalog.name(),
              principal,
              Optional.ofNullable(context.comment).map(token -> unquote(token.getText())));
      governance
          .securables()
          .createSchema(
              SecurableName.schema(catalog.name(), "default"),
              principal,
              Optional.of("Default schema (auto-created)"));
      return StatementResult.NONE;
    }

    @Override
    public StatementResult visitDropCatalog(GovernanceSqlParser.DropCatalogContext context) {
      SecurableName catalog = SecurableName.catalog(name(context.identifier()));
      if (context.EXISTS() != null && governance.securables().find(catalog).isEmpty()) {
        return StatementResult.NONE;
      }
      governance.securables().require(catalog);
      check(new Access(Action.DROP, catalog));
      governance.securables().drop(catalog, context.CASCADE() != null);
      return StatementResult.NONE;
    }

    @Override
    public StatementResult visitSetOwner(GovernanceSqlParser.SetOwnerContext context) {
      SecurableType type = SecurableType.parse(context.securableKind().getText());
      SecurableName securable = resolve(type, context.qualifiedName());
      governance.securables().require(securable);
      String owner = name(context.principal().identifier());
      check(new Access(Action.TRANSFER_OWNERSHIP, securable));
      governance.principals().require(owner);
      governance.securables().setOwner(securable, owner);
      return StatementResult.NONE;
    }

    @Override
    public StatementResult visitSetRowFilter(GovernanceSqlParser.SetRowFilterContext context) {
      SecurableName table = resolve(SecurableType.TABLE, context.table);
      SecurableName function = resolve(SecurableType.FUNCTION, context.function);
      governance.securables().require(table);
      governance.securables().require(function);
      check(new Access(Action.SET_POLICY, table), new Access(Action.EXECUTE, function));
      governance
          .policies()
          .setRowFilter(new RowFilter(table, function, arguments(context.arguments())), principal);
      return StatementResult.NONE;
    }

    @Override
    public StatementResult visitDropRowFilter(GovernanceSqlParser.DropRowFilterContext context) {
      SecurableName table = resolve(SecurableType.TABLE, context.table);
      governance.securables().require(table);
      check(new Access(Action.SET_POLICY, table));
      governance.policies().dropRowFilter(table);
      return StatementResult.NONE;
    }

    @Override
    public StatementResult visitSetMask(GovernanceSqlParser.SetMaskContext context) {
      SecurableName table = resolve(SecurableType.TABLE, context.table);
      SecurableName function = resolve(SecurableType.FUNCTION, context.function);
      governance.securables().require(table);
      governance.securables().require(function);
      check(new Access(Action.SET_POLICY, table), new Access(Action.EXECUTE, function));
      governance
          .policies()
          .setColumnMask(
              new ColumnMask(table, name(context.column), function, arguments(context.arguments())),
              principal);
      return StatementResult.NONE;
    }

    @Override
    public StatementResult visitDropMask(GovernanceSqlParser.DropMaskContext context) {
      SecurableName table = resolve(SecurableType.TABLE, context.table);
      governance.securables().require(table);
      check(new Access(Action.SET_POLICY, table));
      governance.policies().dropColumnMask(table, name(context.column));
      return StatementResult.NONE;
    }

    /**
     * {@code CREATE [OR REPLACE] FUNCTION name(parameters) RETURNS type RETURN body}: a SQL
     * function its creator owns. Replacing one needs the right to drop it.
     */
    @Override
    public StatementResult visitCreateFunction(GovernanceSqlParser.CreateFunctionContext context) {
      SecurableName function = resolve(SecurableType.FUNCTION, context.qualifiedName());
      SecurableName schema = function.parent().orElseThrow();
      governance.securables().require(schema);
      check(new Access(Action.CREATE_FUNCTION, schema));
      boolean exists = governance.securables().find(function).isPresent();
      if (exists && context.EXISTS() != null) {
        return StatementResult.NONE;
      }
      if (exists && context.REPLACE() != null) {
        check(new Access(Action.DROP, function));
        governance.securables().drop(function, false);
      }
      List<ColumnDefinition> parameters = new ArrayList<>();
      for (GovernanceSqlParser.ParameterContext parameter : context.parameter()) {
        parameters.add(
            ColumnDefinition.of(name(parameter.identifier()), text(parameter.dataType())));
      }
      String body =
          context
              .body
              .start
              .getInputStream()
              .getText(
                  Interval.of(
                      context.body.start.getStartIndex(), context.body.stop.getStopIndex()));
      governance
          .securables()
          .createFunction(
              new FunctionDefinition(
                  function,
                  parameters,
                  text(context.dataType()),
                  body.trim(),
                  Optional.ofNullable(context.comment).map(token -> unquote(token.getText()))),
              principal);
      return StatementResult.NONE;
    }

    @Override
    public StatementResult visitDropFunction(GovernanceSqlParser.DropFunctionContext context) {
      SecurableName function = resolve(SecurableType.FUNCTION, context.qualifiedName());
      if (context.EXISTS() != null && governance.securables().find(function).isEmpty()) {
        return StatementResult.NONE;
      }
      governance.securables().require(function);
      check(new Access(Action.DROP, function));
      governance.securables().drop(function, false);
      return StatementResult.NONE;
    }

    private void check(Access... accesses) {
      governance.access().check(request(accesses));
    }

    private AccessRequest request(Access... accesses) {
      return new AccessRequest(principal, Optional.ofNullable(statementId), List.of(accesses));
    }

    private SecurableName securable(SecurableContext context) {
      SecurableName name;
      if (context instanceof GovernanceSqlParser.MetastoreSecurableContext) {
        name = SecurableName.metastore();
      } else if (context instanceof GovernanceSqlParser.CatalogSecurableContext catalog) {
        name =
            catalog.identifier() == null
                ? SecurableName.catalog(
                    names.catalog().orElseThrow(() -> missingContext("a catalog")))
                : SecurableName.catalog(name(catalog.identifier()));
      } else if (context instanceof GovernanceSqlParser.SchemaSecurableContext schema) {
        name = resolve(SecurableType.SCHEMA, schema.qualifiedName());
      } else if (context instanceof GovernanceSqlParser.FunctionSecurableContext function) {
        name = resolve(SecurableType.FUNCTION, function.qualifiedName());
      } else {
        name =
            resolve(
                SecurableType.TABLE,
                ((GovernanceSqlParser.TableSecurableContext) context).qualifiedName());
      }
      governance.securables().require(name);
      return name;
    }

    /**
     * A name of {@code type}, its missing leading parts taken from the current catalog and schema.
     */
    private SecurableName resolve(SecurableType type, QualifiedNameContext context) {
      List<String> parts = new ArrayList<>();
      for (IdentifierContext identifier : context.identifier()) {
        parts.add(name(identifier));
      }
      int missing = type.depth() - parts.size();
      if (missing < 0) {
        throw GovernanceException.invalid(
            "'"
                + context.getText()
                + "' has too many name parts for a "
                + type.displayName().toLowerCase(Locale.ROOT));
      }
      if (missing == 2) {
        parts.add(0, names.schema().orElseThrow(() -> missingContext("a schema")));
      }
      if (missing >= 1) {
        parts.add(0, names.catalog().orElseThrow(() -> missingContext("a catalog")));
      }
      return new SecurableName(type, parts);
    }

    private GovernanceException missingContext(String what) {
      return GovernanceException.invalid(
          "The name needs " + what + ": qualify it (catalog.schema.object) or USE one first");
    }
  }

  private static List<Privilege> privileges(PrivilegesContext context) {
    if (context.ALL() != null) {
      return List.of(Privilege.ALL_PRIVILEGES);
    }
    return context.privilege().stream()
        .map(
            privilege ->
                Privilege.parse(
                    privilege.privilegeWord().stream()
                        .map(word -> word.getText())
                        .collect(Collectors.joining(" "))))
        .toList();
  }

  private static List<String> arguments(ArgumentsContext context) {
    if (context == null) {
      return List.of();
    }
    List<String> arguments = new ArrayList<>();
    for (ArgumentContext argument : context.argument()) {
      arguments.add(
          argument.identifier() != null ? name(argument.identifier()) : argument.getText());
    }
    return arguments;
  }

  /** An identifier's name: backquotes removed ({@code ``} is one backquote). */
  private static String name(IdentifierContext identifier) {
    String text = identifier.getText();
    if (text.startsWith("`") && text.endsWith("`") && text.length() >= 2) {
      return text.substring(1, text.length() - 1).replace("``", "`");
    }
    return text;
  }

  /** A type as written, upper case: {@code DECIMAL(10,2)}. */
  private static String text(GovernanceSqlParser.DataTypeContext type) {
    return type.getText().toUpperCase(Locale.ROOT);
  }

  private static String type(SecurableName name) {
    return name.type().name();
  }

  private static String unquote(String literal) {
    String body = literal.substring(1, literal.length() - 1);
    return literal.startsWith("'")
        ? body.replace("''", "'").replace("\\'", "'")
        : body.replace("\\\"", "\"");
  }

  /** Spark's SHOW ... LIKE pattern: {@code *} is any text, {@code |} separates alternatives. */
  private static Pattern likePattern(String pattern) {
    String regex =
        java.util.Arrays.stream(pattern.split("\\|"))
            .map(
                part ->
                    java.util.Arrays.stream(part.trim().split("\\*", -1))
                        .map(Pattern::quote)
                        .collect(Collectors.joining(".*")))
            .collect(Collectors.joining("|"));
    return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
  }
}
