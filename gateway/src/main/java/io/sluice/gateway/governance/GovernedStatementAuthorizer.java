package io.sluice.gateway.governance;

import static java.util.Objects.requireNonNull;

import io.sluice.governance.Governance;
import io.sluice.governance.GovernanceException;
import io.sluice.governance.access.Access;
import io.sluice.governance.access.AccessDecision;
import io.sluice.governance.access.AccessDeniedException;
import io.sluice.governance.access.AccessRequest;
import io.sluice.governance.policy.TablePolicies;
import io.sluice.governance.securable.Securable;
import io.sluice.governance.securable.SecurableKind;
import io.sluice.governance.securable.SecurableName;
import io.sluice.governance.securable.SecurableType;
import io.sluice.planner.ExpandedView;
import io.sluice.planner.Identity;
import io.sluice.planner.InlinedFunction;
import io.sluice.planner.ObjectName;
import io.sluice.planner.ObjectReference;
import io.sluice.planner.ObjectType;
import io.sluice.planner.PlanningException;
import io.sluice.planner.PolicyExpressions;
import io.sluice.planner.QualifiedTable;
import io.sluice.planner.ReadRewrite;
import io.sluice.planner.SessionContext;
import io.sluice.planner.SqlPlanner;
import io.sluice.planner.StatementAnalysis;
import io.sluice.planner.StatementAuthorizer;
import io.sluice.planner.StatementKind;
import io.sluice.planner.StatementRewriter;
import io.sluice.planner.TableSecurity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Authorizes analyzed statements against governance, for one principal and statement (the audit log
 * names both). Every object a statement names must be answerable, or the statement is refused:
 *
 * <ul>
 *   <li>Objects of governance's catalogs need Unity Catalog's privileges for what the statement
 *       does to them: reading a table needs SELECT, writing it MODIFY, creating one CREATE TABLE on
 *       its schema, dropping or altering it administration, describing it BROWSE, USE the USE
 *       gates. All are asked in one request, so a refusal names every missing privilege.
 *   <li>{@value #SAMPLES} is the engines' read-only catalog of generated data: anyone may read and
 *       browse it, nobody may change it.
 *   <li>{@value SessionContext#SPARK_CATALOG} is the engines' legacy catalog, outside governance
 *       (Databricks' {@code hive_metastore}): anyone may make it current and list it, but only
 *       workspace admins may touch its tables and functions or change its schemas.
 *   <li>One-part function names are Spark's builtins (governance's SQL functions are called by
 *       their qualified names); {@value #SYSTEM} holds the builtins and session variables.
 *   <li>Any other catalog does not exist, and the statement is refused as Spark would.
 *   <li>Each catalog's {@code information_schema} and the admins' {@code system.access} and {@code
 *       system.query} are read-only relations the gateway serves ({@link ServedRelationAccess}).
 * </ul>
 *
 * <p>A view of the metastore is read through its query: the reader needs SELECT on the view, the
 * view's owner the privileges on what the view reads; the query is inlined in place of the view.
 * Row filters, column masks and dynamic views answer for the reader.
 */
public final class GovernedStatementAuthorizer {
  static final String SAMPLES = "samples";
  static final String SYSTEM = "system";

  /** Views in views deeper than any real definition; a cycle of views stops here. */
  static final int MAX_VIEW_DEPTH = 16;

  private final Governance governance;
  private final SqlPlanner planner;
  private final PolicyInliner policies;
  private final ServedRelationAccess servedRelations;

  public GovernedStatementAuthorizer(Governance governance, SqlPlanner planner) {
    this.governance = requireNonNull(governance, "governance is null");
    this.planner = requireNonNull(planner, "planner is null");
    this.policies = new PolicyInliner(governance);
    this.servedRelations = new ServedRelationAccess(governance.principals());
  }

  /** The catalogs statements can name: governance's and the engines' own. */
  public Set<String> catalogNames() {
    Set<String> names = new LinkedHashSet<>();
    names.add(SessionContext.SPARK_CATALOG);
    names.add(SAMPLES);
    names.add(SYSTEM);
    for (Securable catalog :
        governance.securables().children(SecurableName.metastore(), SecurableType.CATALOG)) {
      names.add(catalog.name().parts().get(0));
    }
    return names;
  }

  /** The authorizer for one statement of {@code principal}. */
  public StatementAuthorizer forStatement(String principal, Optional<String> statementId) {
    requireNonNull(principal, "principal is null");
    requireNonNull(statementId, "statementId is null");
    Reader reader = new Reader(principal, statementId);
    return new StatementAuthorizer() {
      @Override
      public Map<ObjectName, ReadRewrite> authorize(
          SessionContext session, StatementAnalysis analysis) throws PlanningException {
        return governance.inOneTransaction(
            () ->
                GovernedStatementAuthorizer.this.authorize(
                    principal, reader, session, analysis, 0));
      }

      @Override
      public Map<ObjectName, InlinedFunction> functions(
          SessionContext session, StatementAnalysis analysis) {
        return governance.inOneTransaction(
            () -> GovernedStatementAuthorizer.this.functions(session, analysis, reader));
      }

      @Override
      public String answerIdentity(String engineSql) throws PlanningException {
        return PolicyExpressions.answerIdentity(engineSql, reader.identity());
      }
    };
  }

  /**
   * The metastore's SQL functions an authorized statement calls, by the names it calls them by,
   * each to be inlined for the reader.
   */
  private Map<ObjectName, InlinedFunction> functions(
      SessionContext session, StatementAnalysis analysis, Reader reader) {
    Map<ObjectName, InlinedFunction> functions = new HashMap<>();
    for (ObjectReference reference : analysis.objects()) {
      if (reference.type() != ObjectType.FUNCTION) {
        continue;
      }
      Optional<SecurableName> function =
          qualified(session, reference)
              .flatMap(name -> metastoreName(SecurableType.FUNCTION, name))
              .filter(name -> governance.securables().find(name).isPresent());
      if (function.isPresent()) {
        functions.put(reference.name(), policies.function(function.get(), reader.identity()));
      }
    }
    return functions;
  }

  /**
   * The person a statement runs for: identity functions in policies and dynamic views answer for
   * them, even inside a view checked with its owner's rights.
   */
  private final class Reader {
    private final String principal;
    private final Optional<String> statementId;
    private Identity identity;

    Reader(String principal, Optional<String> statementId) {
      this.principal = principal;
      this.statementId = statementId;
    }

    Identity identity() {
      if (identity == null) {
        Set<String> groups = governance.principals().groupsOf(principal);
        identity = new Identity(principal, groups::contains);
      }
      return identity;
    }
  }

  /**
   * Checks that {@code principal} (the reader, or a view's owner) may do all the analysis does, and
   * returns what stands in for each protected table and each view it reads.
   */
  private Map<ObjectName, ReadRewrite> authorize(
      String principal,
      Reader reader,
      SessionContext session,
      StatementAnalysis analysis,
      int depth)
      throws PlanningException {
    List<Access> accesses = new ArrayList<>();
    try {
      for (ObjectReference reference : analysis.objects()) {
        accessOf(principal, session, reference).ifPresent(accesses::add);
      }
      if (accesses.isEmpty()) {
        return Map.of();
      }
      AccessDecision decision =
          governance.access().check(new AccessRequest(principal, reader.statementId, accesses));
      Map<ObjectName, ReadRewrite> rewrites = new HashMap<>();
      for (Map.Entry<SecurableName, TablePolicies> table : decision.policies().entrySet()) {
        if (!table.getValue().isEmpty()) {
          rewrites.put(
              new ObjectName(table.getKey().parts()),
              policies.security(
                  table.getKey(),
                  table.getValue(),
                  reader.identity(),
                  (function, expression) -> policyReads(function, expression, reader, depth)));
        }
      }
      for (ObjectReference reference : analysis.objects()) {
        if (reference.type() != ObjectType.TABLE || rewrites.containsKey(reference.name())) {
          continue;
        }
        if (reference.access() == io.sluice.planner.Access.READ) {
          Optional<Securable> view = governedView(reference.name());
          if (view.isPresent()) {
            rewrites.put(reference.name(), expand(view.get(), reader, depth));
          }
        } else if (reference.access().writesRows()) {
          protectedTarget(reference.name(), reader, depth)
              .ifPresent(security -> rewrites.put(reference.name(), security));
        }
      }
      return rewrites;
    } catch (AccessDeniedException denied) {
      throw new PlanningException(denied.getMessage(), denied.sqlState());
    } catch (GovernanceException failure) {
      throw new PlanningException(failure.getMessage(), failure.sqlState());
    }
  }

  /**
   * The policies of a table a statement writes, so that the rewriter can refuse writes that would
   * reach rows or values the writer cannot see.
   */
  private Optional<TableSecurity> protectedTarget(ObjectName name, Reader reader, int depth)
      throws PlanningException {
    Optional<SecurableName> governed = metastoreName(SecurableType.TABLE, name);
    if (governed.isEmpty()) {
      return Optional.empty();
    }
    SecurableName table = governed.get();
    TablePolicies tablePolicies = governance.policies().policies(table);
    if (tablePolicies.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        policies.security(
            table,
            tablePolicies,
            reader.identity(),
            (function, expression) -> policyReads(function, expression, reader, depth)));
  }

  private Optional<Securable> governedView(ObjectName name) {
    return metastoreName(SecurableType.TABLE, name)
        .flatMap(governance.securables()::find)
        .filter(securable -> securable.kind() == SecurableKind.VIEW);
  }

  /** The securable a three-part name means, when its catalog is one of the metastore's. */
  private static Optional<SecurableName> metastoreName(SecurableType type, ObjectName name) {
    if (name.size() != 3 || !isGoverned(name.parts().get(0))) {
      return Optional.empty();
    }
    return Optional.of(new SecurableName(type, name.parts()));
  }

  /** Whether {@code catalog} is one of the metastore's (not one of the engines' own). */
  public static boolean isGoverned(String catalog) {
    return !catalog.equals(SAMPLES)
        && !catalog.equals(SYSTEM)
        && !catalog.equals(SessionContext.SPARK_CATALOG);
  }

  /**
   * A view's query for this reader: analyzed where the view lives, authorized with its owner's
   * rights, its own protected tables and views rewritten, its identity functions answered for the
   * reader.
   */
  private ExpandedView expand(Securable view, Reader reader, int depth) throws PlanningException {
    if (depth >= MAX_VIEW_DEPTH) {
      throw PlanningException.unsupported(
          "Views nest more than " + MAX_VIEW_DEPTH + " deep at " + view.name().fullName());
    }
    List<String> parts = view.name().parts();
    SessionContext where = new SessionContext(parts.get(0), parts.get(1), catalogNames(), Set.of());
    StatementAnalysis query = planner.analyze(view.definition().orElseThrow(), where);
    if (query.kind() != StatementKind.QUERY) {
      throw PlanningException.unsupported(
          "The definition of " + view.name().describe() + " is not a query");
    }
    Map<ObjectName, ReadRewrite> inner = authorize(view.owner(), reader, where, query, depth + 1);
    String rewritten = StatementRewriter.rewrite(query, inner, functions(where, query, reader));
    return new ExpandedView(PolicyExpressions.answerIdentity(rewritten, reader.identity()));
  }

  /**
   * A row filter's or mask's expression whose subqueries read tables: analyzed where its function
   * lives, the tables authorized with the function owner's rights, qualified, and read through
   * their own policies for the reader.
   */
  private String policyReads(SecurableName function, String expression, Reader reader, int depth)
      throws PlanningException {
    if (depth >= MAX_VIEW_DEPTH) {
      throw PlanningException.unsupported(
          "Policies and views nest more than "
              + MAX_VIEW_DEPTH
              + " deep at "
              + function.fullName());
    }
    Securable definition = governance.securables().require(function);
    List<String> parts = function.parts();
    SessionContext where = new SessionContext(parts.get(0), parts.get(1), catalogNames(), Set.of());
    String query = "SELECT " + expression;
    StatementAnalysis analysis = planner.analyze(query, where);
    Map<ObjectName, ReadRewrite> reads =
        new HashMap<>(authorize(definition.owner(), reader, where, analysis, depth + 1));
    for (ObjectName table : analysis.tablesRead()) {
      reads.putIfAbsent(table, new QualifiedTable());
    }
    return StatementRewriter.rewrite(analysis, reads).substring("SELECT ".length());
  }

  /** What governance must allow for one reference; empty when nothing needs asking. */
  private Optional<Access> accessOf(
      String principal, SessionContext session, ObjectReference reference)
      throws PlanningException {
    if (reference.type() == ObjectType.TEMPORARY_VIEW) {
      return Optional.empty();
    }
    Optional<ObjectName> qualified = qualified(session, reference);
    if (qualified.isEmpty()) {
      return Optional.empty();
    }
    ObjectName name = qualified.get();
    String catalog = name.parts().get(0);
    if (ServedRelationAccess.covers(reference)) {
      return servedRelations.accessOf(principal, reference);
    }
    if (catalog.equals(SAMPLES) || catalog.equals(SYSTEM)) {
      return builtinCatalog(catalog, reference);
    }
    if (catalog.equals(SessionContext.SPARK_CATALOG)) {
      return legacyCatalog(principal, reference);
    }
    return ReferenceAccess.of(reference.type(), name, reference.access(), this::exists);
  }

  /**
   * The reference's name with its catalog: tables, schemas and catalogs come resolved from the
   * planner; functions as written, where one part means a builtin.
   */
  private static Optional<ObjectName> qualified(SessionContext session, ObjectReference reference) {
    ObjectName name = reference.name();
    if (reference.type() != ObjectType.FUNCTION) {
      return Optional.of(name);
    }
    return switch (name.size()) {
      case 1 -> Optional.empty();
      case 2 ->
          Optional.of(
              ObjectName.normalized(
                  List.of(session.currentCatalog(), name.parts().get(0), name.parts().get(1))));
      default -> Optional.of(name);
    };
  }

  private static Optional<Access> builtinCatalog(String catalog, ObjectReference reference)
      throws PlanningException {
    switch (reference.access()) {
      case READ, DESCRIBE, USE, EXECUTE:
        return Optional.empty();
      default:
        throw new PlanningException(
            "[INSUFFICIENT_PERMISSIONS] Insufficient privileges: the catalog '"
                + catalog
                + "' is read-only; "
                + reference.access().name()
                + " on "
                + reference.name()
                + " is not allowed",
            "42501");
    }
  }

  private Optional<Access> legacyCatalog(String principal, ObjectReference reference)
      throws PlanningException {
    boolean browsesNamespace =
        (reference.type() == ObjectType.CATALOG || reference.type() == ObjectType.SCHEMA)
            && (reference.access() == io.sluice.planner.Access.USE
                || reference.access() == io.sluice.planner.Access.DESCRIBE);
    if (browsesNamespace || governance.principals().isAdmin(principal)) {
      return Optional.empty();
    }
    throw new PlanningException(
        "[INSUFFICIENT_PERMISSIONS] Insufficient privileges: "
            + reference.name()
            + " is in the engines' legacy catalog "
            + SessionContext.SPARK_CATALOG
            + ", which only workspace admins may use; use a catalog of the metastore (for example"
            + " main)",
        "42501");
  }

  private boolean exists(SecurableName name) {
    return governance.securables().find(name).isPresent();
  }
}
