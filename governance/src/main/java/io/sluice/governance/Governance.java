package io.sluice.governance;

import static java.util.Objects.requireNonNull;

import io.sluice.governance.access.AccessController;
import io.sluice.governance.audit.AuditLog;
import io.sluice.governance.grant.GrantStore;
import io.sluice.governance.grant.Privilege;
import io.sluice.governance.policy.PolicyStore;
import io.sluice.governance.principal.Principal;
import io.sluice.governance.principal.PrincipalStore;
import io.sluice.governance.principal.PrincipalType;
import io.sluice.governance.securable.SecurableName;
import io.sluice.governance.securable.SecurableStore;
import io.sluice.governance.store.Database;
import io.sluice.governance.store.GovernanceStore;
import io.sluice.governance.token.AccessTokenStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The metastore and its rules over one governance database: principals, securables, grants,
 * policies, tokens, the audit log, and the access controller that decides with them.
 */
public final class Governance {
  /** Who grants what the gateway sets up by itself. */
  private static final String SYSTEM = "system";

  private final PrincipalStore principals;
  private final SecurableStore securables;
  private final GrantStore grants;
  private final PolicyStore policies;
  private final AuditLog audit;
  private final AccessTokenStore tokens;
  private final AccessController access;
  private final BootstrapSteps bootstrapSteps;
  private final Database database;

  private Governance(GovernanceStore store, Clock clock) {
    this.database = store.database();
    this.principals = new PrincipalStore(database, clock);
    this.securables = new SecurableStore(database, principals, clock);
    this.grants = new GrantStore(database, principals, securables, clock);
    this.policies = new PolicyStore(database, securables, clock);
    this.audit = new AuditLog(database);
    this.tokens = new AccessTokenStore(store.dataSource(), clock);
    this.access =
        new AccessController(database, principals, securables, grants, policies, audit, clock);
    this.bootstrapSteps = new BootstrapSteps(database, clock);
  }

  public static Governance open(GovernanceStore store, Clock clock) {
    requireNonNull(store, "store is null");
    requireNonNull(clock, "clock is null");
    return new Governance(store, clock);
  }

  /** Makes sure the user {@code name} exists and is a member of {@code admins}. */
  public Principal bootstrapAdmin(String name) {
    Principal admin = principals.ensure(PrincipalType.USER, name);
    Principal admins = principals.require(PrincipalStore.ADMINS);
    principals.addMember(admins.id(), admin.id());
    return admin;
  }

  /**
   * Makes sure the workspace catalog {@code name} exists with its {@code default} schema, both
   * owned by {@code admins}, as Databricks creates a workspace's catalog for its admins, and gives
   * workspace users ({@value PrincipalStore#USERS}) Unity Catalog's defaults there: USE CATALOG on
   * the catalog; USE SCHEMA, CREATE TABLE and CREATE FUNCTION on its {@code default} schema. The
   * defaults are granted once in the database's life: an admin who revokes them later keeps them
   * revoked across restarts.
   */
  public void bootstrapWorkspaceCatalog(String name) {
    SecurableName catalog = SecurableName.catalog(name);
    if (securables.find(catalog).isEmpty()) {
      securables.createCatalog(name, PrincipalStore.ADMINS, Optional.of("The workspace catalog"));
    }
    SecurableName schema = SecurableName.schema(name, "default");
    if (securables.find(schema).isEmpty()) {
      securables.createSchema(schema, PrincipalStore.ADMINS, Optional.of("Default schema"));
    }
    bootstrapSteps.once(
        "workspace-user-defaults:" + catalog.fullName(),
        () -> {
          grants.grant(catalog, PrincipalStore.USERS, List.of(Privilege.USE_CATALOG), SYSTEM);
          grants.grant(
              schema,
              PrincipalStore.USERS,
              List.of(Privilege.USE_SCHEMA, Privilege.CREATE_TABLE, Privilege.CREATE_FUNCTION),
              SYSTEM);
        });
  }

  public PrincipalStore principals() {
    return principals;
  }

  public SecurableStore securables() {
    return securables;
  }

  public GrantStore grants() {
    return grants;
  }

  public PolicyStore policies() {
    return policies;
  }

  public AuditLog audit() {
    return audit;
  }

  public AccessTokenStore tokens() {
    return tokens;
  }

  public AccessController access() {
    return access;
  }

  /** Work that reads and writes governance, and may fail with {@code E}. */
  @FunctionalInterface
  public interface Work<T, E extends Exception> {
    T run() throws E;
  }

  /**
   * Runs {@code work} as one transaction of the governance database: every store it calls reads the
   * same state, on one connection. What it writes (the audit rows of its decisions) commits when it
   * returns and also when it fails with its own checked exception, such as a refusal: a refusal is
   * an answer, and its audit rows must stand. An unchecked failure rolls everything back.
   */
  public <T, E extends Exception> T inOneTransaction(Work<T, E> work) throws E {
    Outcome<T> outcome =
        database.transaction(
            session -> {
              try {
                return new Outcome<>(work.run(), null);
              } catch (RuntimeException e) {
                throw e;
              } catch (Exception e) {
                return new Outcome<>(null, e);
              }
            });
    if (outcome.failure() != null) {
      @SuppressWarnings("unchecked")
      E failure = (E) outcome.failure();
      throw failure;
    }
    return outcome.value();
  }

  private record Outcome<T>(T value, Exception failure) {}
}
