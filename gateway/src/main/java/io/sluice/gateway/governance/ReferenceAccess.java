package io.sluice.gateway.governance;

import io.sluice.governance.access.Access;
import io.sluice.governance.access.Action;
import io.sluice.governance.securable.SecurableName;
import io.sluice.governance.securable.SecurableType;
import io.sluice.planner.ObjectName;
import io.sluice.planner.ObjectType;
import io.sluice.planner.PlanningException;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What governance must allow for a statement to do something to an object of governance's catalogs,
 * by Unity Catalog's requirement matrix. Dropping an object that does not exist asks nothing (the
 * engine answers {@code IF EXISTS} or the error); anything else on a missing object is refused by
 * governance with its not-found error.
 */
final class ReferenceAccess {
  private ReferenceAccess() {}

  static Optional<Access> of(
      ObjectType type,
      ObjectName name,
      io.sluice.planner.Access access,
      Predicate<SecurableName> exists)
      throws PlanningException {
    SecurableName securable = securable(type, name);
    if (access == io.sluice.planner.Access.DROP) {
      return exists.test(securable)
          ? Optional.of(new Access(Action.DROP, securable))
          : Optional.empty();
    }
    Optional<Action> action = action(securable.type(), access);
    if (action.isEmpty()) {
      throw new PlanningException(
          access + " of " + securable.describe() + " cannot be authorized by the gateway", "0A000");
    }
    SecurableName target =
        access == io.sluice.planner.Access.CREATE ? securable.parent().orElseThrow() : securable;
    return Optional.of(new Access(action.get(), target));
  }

  private static Optional<Action> action(SecurableType type, io.sluice.planner.Access access) {
    return switch (access) {
      case READ -> type == SecurableType.TABLE ? Optional.of(Action.READ) : Optional.empty();
      case INSERT, OVERWRITE, UPDATE, DELETE, MERGE ->
          type == SecurableType.TABLE ? Optional.of(Action.MODIFY) : Optional.empty();
      case CREATE ->
          switch (type) {
            case SCHEMA -> Optional.of(Action.CREATE_SCHEMA);
            case TABLE -> Optional.of(Action.CREATE_TABLE);
            case FUNCTION -> Optional.of(Action.CREATE_FUNCTION);
            default -> Optional.empty();
          };
      case ALTER -> Optional.of(Action.ALTER);
      case DESCRIBE -> Optional.of(Action.BROWSE);
      case USE ->
          type == SecurableType.CATALOG || type == SecurableType.SCHEMA
              ? Optional.of(Action.USE)
              : Optional.empty();
      case EXECUTE ->
          type == SecurableType.FUNCTION ? Optional.of(Action.EXECUTE) : Optional.empty();
      case DROP -> Optional.of(Action.DROP);
    };
  }

  /** The securable a planner reference names; a name of the wrong shape is refused. */
  private static SecurableName securable(ObjectType type, ObjectName name)
      throws PlanningException {
    SecurableType securableType =
        switch (type) {
          case CATALOG -> SecurableType.CATALOG;
          case SCHEMA -> SecurableType.SCHEMA;
          case TABLE -> SecurableType.TABLE;
          case FUNCTION -> SecurableType.FUNCTION;
          case TEMPORARY_VIEW -> throw new IllegalArgumentException("not a securable: " + name);
        };
    List<String> parts = name.parts();
    if (parts.size() != securableType.depth()) {
      throw new PlanningException(
          "[INVALID_IDENTIFIER] '"
              + name
              + "' is not a "
              + securableType.displayName().toLowerCase(java.util.Locale.ROOT)
              + " name of the metastore: "
              + securableType.displayName().toLowerCase(java.util.Locale.ROOT)
              + " names have "
              + securableType.depth()
              + " part(s)",
          "42602");
    }
    return new SecurableName(securableType, parts);
  }
}
