package io.sluice.gateway.governance;

import static java.util.Objects.requireNonNull;

import io.sluice.governance.access.Access;
import io.sluice.governance.access.Action;
import io.sluice.governance.principal.PrincipalStore;
import io.sluice.governance.securable.SecurableName;
import io.sluice.planner.ObjectName;
import io.sluice.planner.ObjectReference;
import io.sluice.planner.ObjectType;
import io.sluice.planner.PlanningException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What statements may do to the read-only relations the gateway serves ({@link ServedRelations}):
 *
 * <ul>
 *   <li>{@code <catalog>.information_schema} of a metastore catalog: reading, describing and using
 *       it needs only USE CATALOG on the catalog (the rows are filtered for the reader when they
 *       are read); anything else is refused, the schema being read-only.
 *   <li>{@code system.access} and {@code system.query}: workspace admins may read, describe and use
 *       them; nobody may change them.
 * </ul>
 *
 * Everything else in {@value GovernedStatementAuthorizer#SYSTEM} (its builtin functions and session
 * variables) is left to the authorizer's builtin rule.
 */
final class ServedRelationAccess {
  private static final Set<String> ADMIN_SCHEMAS = Set.of("access", "query");

  private final PrincipalStore principals;

  ServedRelationAccess(PrincipalStore principals) {
    this.principals = requireNonNull(principals, "principals is null");
  }

  /** Whether {@code reference} is a table or schema these rules answer for. */
  static boolean covers(ObjectReference reference) {
    List<String> parts = reference.name().parts();
    if (parts.size() < 2
        || (reference.type() != ObjectType.TABLE && reference.type() != ObjectType.SCHEMA)) {
      return false;
    }
    String catalog = parts.get(0);
    String schema = parts.get(1);
    return catalog.equals(GovernedStatementAuthorizer.SYSTEM)
        ? ADMIN_SCHEMAS.contains(schema)
        : GovernedStatementAuthorizer.isGoverned(catalog)
            && schema.equals(InformationSchema.SCHEMA);
  }

  /** What governance must allow for a covered reference; refused at once when nothing may. */
  Optional<Access> accessOf(String principal, ObjectReference reference) throws PlanningException {
    ObjectName name = reference.name();
    String catalog = name.parts().get(0);
    if (!reads(reference)) {
      throw new PlanningException(
          "[INSUFFICIENT_PERMISSIONS] Insufficient privileges: "
              + name
              + " is read-only; "
              + reference.access().name()
              + " is not allowed",
          "42501");
    }
    if (!catalog.equals(GovernedStatementAuthorizer.SYSTEM)) {
      return Optional.of(new Access(Action.USE, SecurableName.catalog(catalog)));
    }
    if (!principals.isAdmin(principal)) {
      throw new PlanningException(
          "[INSUFFICIENT_PERMISSIONS] Insufficient privileges: "
              + name
              + " is readable by workspace admins (members of '"
              + PrincipalStore.ADMINS
              + "') only; "
              + principal
              + " is not one",
          "42501");
    }
    return Optional.empty();
  }

  private static boolean reads(ObjectReference reference) {
    return switch (reference.access()) {
      case READ, DESCRIBE, USE -> true;
      default -> false;
    };
  }
}
