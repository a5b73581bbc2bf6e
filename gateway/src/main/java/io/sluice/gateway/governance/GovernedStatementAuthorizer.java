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
import io.sluice.governance.securable.SecurableName;
import io.sluice.governance.securable.SecurableType;
import io.sluice.planner.Identity;
import io.sluice.planner.ObjectName;
import io.sluice.planner.ObjectReference;
import io.sluice.planner.ObjectType;
import io.sluice.planner.PlanningException;
import io.sluice.planner.ReadRewrite;
import io.sluice.planner.SessionContext;
import io.sluice.planner.StatementAnalysis;
import io.sluice.planner.StatementAuthorizer;
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
 * </ul>
 */
public final class GovernedStatementAuthorizer {
  static final String SAMPLES = "samples";
  static final String SYSTEM = "system";

  private final Governance governance;
  private final PolicyInliner policies;

  public GovernedStatementAuthorizer(Governance governance) {
    this.governance = requireNonNull(governance, "governance is null");
    this.policies = new PolicyInliner(governance);
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
    return (session, analysis) -> authorize(principal, statementId, session, analysis);
  }

  private Map<ObjectName, ReadRewrite> authorize(
      String principal,
      Optional<String> statementId,
      SessionContext session,
      StatementAnalysis analysis)
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
          governance.access().check(new AccessRequest(principal, statementId, accesses));
      return tableSecurity(principal, decision);
    } catch (AccessDeniedException denied) {
      throw new PlanningException(denied.getMessage(), denied.sqlState());
    } catch (GovernanceException failure) {
      throw new PlanningException(failure.getMessage(), failure.sqlState());
    }
  }

  /** What the principal may see of each table read that has a row filter or column masks. */
  private Map<ObjectName, ReadRewrite> tableSecurity(String principal, AccessDecision decision)
      throws PlanningException {
    Map<ObjectName, ReadRewrite> tables = new HashMap<>();
    Identity identity = null;
    for (Map.Entry<SecurableName, TablePolicies> table : decision.policies().entrySet()) {
      if (table.getValue().isEmpty()) {
        continue;
      }
      if (identity == null) {
        Set<String> groups = governance.principals().groupsOf(principal);
        identity = new Identity(principal, groups::contains);
      }
      tables.put(
          new ObjectName(table.getKey().parts()),
          policies.security(table.getKey(), table.getValue(), identity));
    }
    return tables;
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
