package io.sluice.governance.access;

import static java.util.Objects.requireNonNull;

import io.sluice.governance.audit.AuditEvent;
import io.sluice.governance.audit.AuditLog;
import io.sluice.governance.grant.Grant;
import io.sluice.governance.grant.GrantStore;
import io.sluice.governance.grant.Privilege;
import io.sluice.governance.policy.PolicyStore;
import io.sluice.governance.policy.TablePolicies;
import io.sluice.governance.principal.PrincipalStore;
import io.sluice.governance.securable.Securable;
import io.sluice.governance.securable.SecurableKind;
import io.sluice.governance.securable.SecurableName;
import io.sluice.governance.securable.SecurableStore;
import io.sluice.governance.securable.SecurableType;
import io.sluice.governance.store.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether a principal may do what it asks, by Unity Catalog's rules, and records every
 * decision in the audit log.
 *
 * <ul>
 *   <li>A principal acts as itself and as every group it belongs to, directly or through nested
 *       groups.
 *   <li>A privilege is held on a securable if it is granted on it or on an ancestor up to its
 *       catalog (privileges granted on the metastore are not inherited), or if {@code ALL
 *       PRIVILEGES} is granted there and the privilege is not {@code MANAGE}.
 *   <li>The owner of a securable holds every privilege on that securable, but not on its children:
 *       a schema's owner does not read its tables (it may grant itself the right).
 *   <li>{@code USE CATALOG} on the catalog and {@code USE SCHEMA} on the schema gate everything
 *       below them.
 *   <li>Granting, revoking, dropping, altering and transferring ownership need administration: be
 *       an admin (member of {@code admins}, the metastore's owner group), own the securable or one
 *       of its ancestors, or hold {@code MANAGE} on it together with the USE gates of its parents.
 *       Admins administer everything but read no data without a grant.
 *   <li>Changing a view's definition needs its ownership; MANAGE is not enough.
 * </ul>
 *
 * <p>A request is allowed only if every access is; a refusal lists every missing privilege once, in
 * the order the accesses were asked. Each access is one audit row, allowed or denied. A decision
 * that cannot be recorded is not given: the audit failure reaches the caller.
 */
public final class AccessController {
  private final Database database;
  private final PrincipalStore principals;
  private final SecurableStore securables;
  private final GrantStore grants;
  private final PolicyStore policies;
  private final AuditLog audit;
  private final Clock clock;

  public AccessController(
      Database database,
      PrincipalStore principals,
      SecurableStore securables,
      GrantStore grants,
      PolicyStore policies,
      AuditLog audit,
      Clock clock) {
    this.database = requireNonNull(database, "database is null");
    this.principals = requireNonNull(principals, "principals is null");
    this.securables = requireNonNull(securables, "securables is null");
    this.grants = requireNonNull(grants, "grants is null");
    this.policies = requireNonNull(policies, "policies is null");
    this.audit = requireNonNull(audit, "audit is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /**
   * Decides a request in one transaction: every read sees the same state of the metastore, and the
   * audit rows commit with the decision or not at all.
   */
  public AccessDecision decide(AccessRequest request) {
    return database.transaction(session -> decideConsistently(request));
  }

  private AccessDecision decideConsistently(AccessRequest request) {
    Subject subject = subject(request.principal());
    Map<SecurableName, Evaluation> evaluations = new HashMap<>();
    Set<MissingPrivilege> missing = new LinkedHashSet<>();
    Map<SecurableName, TablePolicies> tablePolicies = new LinkedHashMap<>();
    List<AuditEvent> events = new ArrayList<>();
    for (Access access : request.accesses()) {
      Evaluation evaluation =
          evaluations.computeIfAbsent(access.securable(), name -> evaluation(subject, name));
      List<MissingPrivilege> accessMissing = evaluation.missingFor(access.action());
      missing.addAll(accessMissing);
      if (access.action() == Action.READ
          && accessMissing.isEmpty()
          && evaluation.target().kind() != SecurableKind.VIEW) {
        tablePolicies.put(access.securable(), policies.policies(evaluation.target()));
      }
      events.add(
          new AuditEvent(
              clock.instant(),
              request.principal(),
              access.action().name(),
              access.securable().type().name(),
              access.securable().fullName(),
              request.statementId(),
              accessMissing.isEmpty(),
              accessMissing.isEmpty()
                  ? Optional.empty()
                  : Optional.of(
                      accessMissing.stream()
                          .map(MissingPrivilege::sentence)
                          .collect(Collectors.joining(" ")))));
    }
    audit.record(events);
    return new AccessDecision(new ArrayList<>(missing), tablePolicies);
  }

  /** Decides and throws {@link AccessDeniedException} on refusal. */
  public AccessDecision check(AccessRequest request) {
    return decide(request).requireAllowed();
  }

  /**
   * Whether the principal may see the securable exists (BROWSE), without recording a decision: for
   * filtering listings, where each hidden row is not a request.
   */
  public boolean isVisible(String principal, SecurableName securable) {
    return evaluation(subject(principal), securable).missingFor(Action.BROWSE).isEmpty();
  }

  /** The names a principal acts as: its own and those of all its groups. */
  private Subject subject(String principal) {
    Set<String> names = new LinkedHashSet<>();
    names.add(principal);
    names.addAll(principals.groupsOf(principal));
    return new Subject(principal, names);
  }

  private Evaluation evaluation(Subject subject, SecurableName name) {
    List<Securable> chain = securables.chain(name);
    return new Evaluation(subject, chain, grants.grantsOn(chain));
  }

  private record Subject(String principal, Set<String> names) {
    boolean isAdmin() {
      return names.contains(PrincipalStore.ADMINS);
    }
  }

  /** The rules applied to one securable, its ancestors and the grants on them. */
  private static final class Evaluation {
    private final Subject subject;
    private final List<Securable> chain;
    private final List<Grant> grants;

    Evaluation(Subject subject, List<Securable> chain, List<Grant> grants) {
      this.subject = subject;
      this.chain = List.copyOf(chain);
      this.grants =
          grants.stream().filter(grant -> subject.names().contains(grant.principal())).toList();
    }

    Securable target() {
      return chain.get(chain.size() - 1);
    }

    List<MissingPrivilege> missingFor(Action action) {
      Securable target = target();
      List<MissingPrivilege> missing = new ArrayList<>();
      switch (action) {
        case READ -> requireWithGates(target, Privilege.SELECT, missing);
        case MODIFY -> requireWithGates(target, Privilege.MODIFY, missing);
        case EXECUTE -> requireWithGates(target, Privilege.EXECUTE, missing);
        case USE -> missing.addAll(useGates(target));
        case CREATE_CATALOG -> require(target, Privilege.CREATE_CATALOG, missing);
        case CREATE_SCHEMA -> requireWithGates(target, Privilege.CREATE_SCHEMA, missing);
        case CREATE_TABLE -> requireWithGates(target, Privilege.CREATE_TABLE, missing);
        case CREATE_FUNCTION -> requireWithGates(target, Privilege.CREATE_FUNCTION, missing);
        case BROWSE -> {
          if (!canBrowse(target)) {
            Securable catalog = level(SecurableType.CATALOG).orElseThrow();
            missing.add(missing(Privilege.BROWSE, catalog));
          }
        }
        case MANAGE_GRANTS, SHOW_GRANTS, TRANSFER_OWNERSHIP, DROP, ALTER, SET_POLICY ->
            missing.addAll(missingAdministration(target));
        case ALTER_VIEW_DEFINITION -> {
          if (!owns(target)) {
            missing.add(new MissingPrivilege(Optional.empty(), target.name(), target.describe()));
          }
        }
      }
      return missing;
    }

    /** The USE gates on the way to {@code securable} (its own included), then the privilege. */
    private void requireWithGates(
        Securable securable, Privilege privilege, List<MissingPrivilege> missing) {
      missing.addAll(useGates(securable));
      require(securable, privilege, missing);
    }

    private void require(Securable securable, Privilege privilege, List<MissingPrivilege> missing) {
      if (!holds(privilege, securable)) {
        MissingPrivilege entry = missing(privilege, securable);
        if (!missing.contains(entry)) {
          missing.add(entry);
        }
      }
    }

    /**
     * USE CATALOG on the securable's catalog and USE SCHEMA on its schema, for each that is the
     * securable or one of its ancestors.
     */
    private List<MissingPrivilege> useGates(Securable securable) {
      List<MissingPrivilege> missing = new ArrayList<>();
      int depth = securable.type().depth();
      if (depth >= 1) {
        Securable catalog = level(SecurableType.CATALOG).orElseThrow();
        if (!holds(Privilege.USE_CATALOG, catalog)) {
          missing.add(missing(Privilege.USE_CATALOG, catalog));
        }
      }
      if (depth >= 2) {
        Securable schema = level(SecurableType.SCHEMA).orElseThrow();
        if (!holds(Privilege.USE_SCHEMA, schema)) {
          missing.add(missing(Privilege.USE_SCHEMA, schema));
        }
      }
      return missing;
    }

    /** The USE gates of the securable's parents only. */
    private List<MissingPrivilege> parentUseGates(Securable securable) {
      int index = chain.indexOf(securable);
      return index <= 1 ? List.of() : useGates(chain.get(index - 1));
    }

    /**
     * An admin, the owner of the securable or of one of its ancestors, or a MANAGE holder who
     * passes the USE gates of the parents.
     */
    private List<MissingPrivilege> missingAdministration(Securable securable) {
      if (subject.isAdmin()) {
        return List.of();
      }
      int index = chain.indexOf(securable);
      for (int level = 0; level <= index; level++) {
        if (owns(chain.get(level))) {
          return List.of();
        }
      }
      if (securable.type() == SecurableType.METASTORE) {
        return List.of(
            new MissingPrivilege(Optional.empty(), securable.name(), securable.describe()));
      }
      List<MissingPrivilege> missing = new ArrayList<>(parentUseGates(securable));
      require(securable, Privilege.MANAGE, missing);
      return missing;
    }

    private boolean canBrowse(Securable securable) {
      if (missingAdministration(securable).isEmpty()) {
        return true;
      }
      Securable catalog = level(SecurableType.CATALOG).orElseThrow();
      if (holds(Privilege.BROWSE, catalog) || owns(securable)) {
        return true;
      }
      if (!useGates(securable).isEmpty()) {
        return false;
      }
      return switch (securable.type()) {
        case CATALOG, SCHEMA -> true;
        case TABLE -> holds(Privilege.SELECT, securable) || holds(Privilege.MODIFY, securable);
        case FUNCTION -> holds(Privilege.EXECUTE, securable);
        case METASTORE -> false;
      };
    }

    private boolean owns(Securable securable) {
      return subject.names().contains(securable.owner());
    }

    /**
     * Ownership of the securable itself, or a grant of the privilege (or of ALL PRIVILEGES, which
     * never includes MANAGE) on it or an ancestor up to the catalog.
     */
    private boolean holds(Privilege privilege, Securable securable) {
      if (owns(securable)) {
        return true;
      }
      int index = chain.indexOf(securable);
      for (int level = index; level >= 0; level--) {
        Securable holder = chain.get(level);
        if (holder.type() == SecurableType.METASTORE && level != index) {
          break;
        }
        for (Grant grant : grants) {
          if (!grant.securable().equals(holder.name())) {
            continue;
          }
          if (grant.privilege() == privilege
              || (grant.privilege() == Privilege.ALL_PRIVILEGES
                  && privilege != Privilege.MANAGE
                  && holder.type().accepts(privilege))) {
            return true;
          }
        }
      }
      return false;
    }

    private Optional<Securable> level(SecurableType type) {
      return chain.stream().filter(securable -> securable.type() == type).findFirst();
    }

    private static MissingPrivilege missing(Privilege privilege, Securable securable) {
      return new MissingPrivilege(Optional.of(privilege), securable.name(), securable.describe());
    }
  }
}
