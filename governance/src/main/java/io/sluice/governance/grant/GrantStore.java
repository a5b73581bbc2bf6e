package io.sluice.governance.grant;

import static java.util.Objects.requireNonNull;

import io.sluice.governance.GovernanceException;
import io.sluice.governance.principal.PrincipalStore;
import io.sluice.governance.securable.Securable;
import io.sluice.governance.securable.SecurableKind;
import io.sluice.governance.securable.SecurableName;
import io.sluice.governance.securable.SecurableStore;
import io.sluice.governance.store.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Privileges granted directly on securables. Only what applies to a securable's type may be granted
 * on it (MODIFY never on a view). Granting what is already held and revoking what is not held do
 * nothing, as in Unity Catalog; inherited privileges are not stored here but derived by the access
 * controller.
 */
public final class GrantStore {
  private final Database database;
  private final PrincipalStore principals;
  private final SecurableStore securables;
  private final Clock clock;

  public GrantStore(
      Database database, PrincipalStore principals, SecurableStore securables, Clock clock) {
    this.database = requireNonNull(database, "database is null");
    this.principals = requireNonNull(principals, "principals is null");
    this.securables = requireNonNull(securables, "securables is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  public void grant(
      SecurableName name, String principal, Collection<Privilege> privileges, String grantedBy) {
    Securable securable = securables.require(name);
    validate(securable, privileges);
    String principalId = principals.require(principal).id();
    database.transaction(
        session -> {
          for (Privilege privilege : EnumSet.copyOf(privileges)) {
            boolean held =
                session
                    .queryOne(
                        "SELECT privilege FROM privilege_grant WHERE securable_id = ? AND"
                            + " principal_id = ? AND privilege = ?",
                        row -> row.getString(1),
                        securable.id(),
                        principalId,
                        privilege)
                    .isPresent();
            if (!held) {
              session.update(
                  "INSERT INTO privilege_grant (securable_id, principal_id, privilege, granted_by,"
                      + " granted_at) VALUES (?, ?, ?, ?, ?)",
                  securable.id(),
                  principalId,
                  privilege,
                  grantedBy,
                  clock.instant());
            }
          }
          return null;
        });
  }

  public void revoke(SecurableName name, String principal, Collection<Privilege> privileges) {
    Securable securable = securables.require(name);
    validate(securable, privileges);
    String principalId = principals.require(principal).id();
    database.transaction(
        session -> {
          for (Privilege privilege : EnumSet.copyOf(privileges)) {
            session.update(
                "DELETE FROM privilege_grant WHERE securable_id = ? AND principal_id = ? AND"
                    + " privilege = ?",
                securable.id(),
                principalId,
                privilege);
          }
          return null;
        });
  }

  /** The privileges granted directly on the securable, per principal, by principal name. */
  public List<PrivilegeAssignment> assignments(SecurableName name) {
    Securable securable = securables.require(name);
    Map<String, Set<Privilege>> byPrincipal = new LinkedHashMap<>();
    for (Grant grant : grantsOn(List.of(securable))) {
      byPrincipal
          .computeIfAbsent(grant.principal(), key -> EnumSet.noneOf(Privilege.class))
          .add(grant.privilege());
    }
    List<PrivilegeAssignment> assignments = new ArrayList<>();
    byPrincipal.forEach(
        (principal, privileges) ->
            assignments.add(new PrivilegeAssignment(principal, new ArrayList<>(privileges))));
    return assignments;
  }

  /**
   * Every grant made directly on any of {@code chain}, ordered by securable, principal, privilege.
   */
  public List<Grant> grantsOn(List<Securable> chain) {
    if (chain.isEmpty()) {
      return List.of();
    }
    Map<String, SecurableName> names = new LinkedHashMap<>();
    chain.forEach(securable -> names.put(securable.id(), securable.name()));
    String placeholders = String.join(", ", Collections.nCopies(names.size(), "?"));
    return database.query(
        "SELECT g.securable_id, p.name, g.privilege FROM privilege_grant g JOIN principal p ON"
            + " p.principal_id = g.principal_id WHERE g.securable_id IN ("
            + placeholders
            + ") ORDER BY p.name, g.privilege",
        row ->
            new Grant(
                names.get(row.getString(1)), row.getString(2), Privilege.valueOf(row.getString(3))),
        names.keySet().toArray());
  }

  private static void validate(Securable securable, Collection<Privilege> privileges) {
    if (privileges.isEmpty()) {
      throw GovernanceException.invalid("Name at least one privilege");
    }
    for (Privilege privilege : privileges) {
      boolean applies =
          securable.type().accepts(privilege)
              && !(securable.kind() == SecurableKind.VIEW && privilege == Privilege.MODIFY);
      if (!applies) {
        throw GovernanceException.invalid(
            "Privilege " + privilege.sqlName() + " is not applicable to " + securable.describe());
      }
    }
  }
}
