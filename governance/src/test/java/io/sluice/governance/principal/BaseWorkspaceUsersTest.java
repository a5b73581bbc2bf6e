package io.sluice.governance.principal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.governance.Governance;
import io.sluice.governance.GovernanceException;
import io.sluice.governance.access.Access;
import io.sluice.governance.access.AccessRequest;
import io.sluice.governance.access.Action;
import io.sluice.governance.grant.Privilege;
import io.sluice.governance.grant.PrivilegeAssignment;
import io.sluice.governance.securable.ColumnDefinition;
import io.sluice.governance.securable.SecurableName;
import io.sluice.governance.securable.TableDefinition;
import io.sluice.governance.store.GovernanceStore;
import io.sluice.governance.testing.TestingClock;
import io.sluice.governance.testing.TestingStores.StoreOpener;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The built-in {@code users} group and the workspace catalog's defaults for it, as Databricks has
 * them: every user and service principal is in {@code users} from its creation, and workspace users
 * may use {@code main}, and use and create tables and functions in {@code main.default}, and
 * nothing more. Runs on every store.
 */
abstract class BaseWorkspaceUsersTest {
  private static final SecurableName MAIN = SecurableName.catalog("main");
  private static final SecurableName DEFAULT = SecurableName.schema("main", "default");
  private static final SecurableName SALES = SecurableName.schema("main", "sales");
  private static final SecurableName OLIVIAS = SecurableName.table("main", "default", "olivias");

  private final TestingClock clock = new TestingClock(Instant.parse("2026-11-22T10:00:00Z"));

  protected abstract StoreOpener stores();

  @Test
  void everyUserAndServicePrincipalIsInUsersFromItsCreation() {
    try (GovernanceStore store = stores().open()) {
      PrincipalStore principals = Governance.open(store, clock).principals();
      Principal users = principals.require(PrincipalStore.USERS);
      assertThat(users.isGroup()).isTrue();
      Principal alice = principals.create(PrincipalType.USER, "alice", "Alice", true);
      Principal robot = principals.create(PrincipalType.SERVICE_PRINCIPAL, "robot", null, true);
      Principal analysts = principals.create(PrincipalType.GROUP, "analysts", null, true);
      principals.addMember(analysts.id(), alice.id());

      assertThat(principals.groupsOf("alice")).containsExactly("analysts", PrincipalStore.USERS);
      assertThat(principals.groupsOf("robot")).containsExactly(PrincipalStore.USERS);
      assertThat(principals.groupsOf("analysts")).isEmpty();
      assertThat(principals.directGroups(robot.id()))
          .extracting(Principal::name)
          .containsExactly(PrincipalStore.USERS);
      assertThat(principals.members(users.id()))
          .extracting(Principal::name)
          .containsExactly("alice", "robot");
      assertThat(principals.members(analysts.id()))
          .extracting(Principal::name)
          .containsExactly("alice");
    }
  }

  @Test
  void usersCannotBeDeletedRenamedOrHaveItsMembersChanged() {
    try (GovernanceStore store = stores().open()) {
      PrincipalStore principals = Governance.open(store, clock).principals();
      Principal users = principals.require(PrincipalStore.USERS);
      Principal alice = principals.create(PrincipalType.USER, "alice", null, true);
      Principal analysts = principals.create(PrincipalType.GROUP, "analysts", null, true);

      assertThatThrownBy(() -> principals.delete(users.id()))
          .isInstanceOf(GovernanceException.class)
          .hasMessageContaining("The users group cannot be deleted");
      assertThatThrownBy(
              () ->
                  principals.update(
                      users.id(), Optional.of("everyone"), Optional.empty(), Optional.empty()))
          .isInstanceOf(GovernanceException.class)
          .hasMessageContaining("The users group cannot be renamed");
      assertThatThrownBy(() -> principals.removeMember(users.id(), alice.id()))
          .isInstanceOf(GovernanceException.class)
          .hasMessageContaining("no member can be removed");
      assertThatThrownBy(() -> principals.addMember(users.id(), analysts.id()))
          .isInstanceOf(GovernanceException.class)
          .hasMessageContaining("group 'analysts' cannot be added");
      // Adding a user, already a member, changes nothing.
      principals.addMember(users.id(), alice.id());
      assertThat(principals.groupsOf("alice")).containsExactly(PrincipalStore.USERS);
      assertThat(principals.members(users.id()))
          .extracting(Principal::name)
          .containsExactly("alice");

      // users may itself be a member of another group: then everyone is.
      principals.addMember(analysts.id(), users.id());
      principals.create(PrincipalType.USER, "bob", null, true);
      assertThat(principals.groupsOf("bob")).containsExactly(PrincipalStore.USERS, "analysts");
      assertThat(principals.list(PrincipalType.GROUP))
          .extracting(Principal::name)
          .containsExactly("admins", "analysts", PrincipalStore.USERS);
    }
  }

  @Test
  void aNewUserMayUseTheWorkspaceCatalogAndCreateInItsDefaultSchemaOnly() {
    try (GovernanceStore store = stores().open()) {
      Governance governance = Governance.open(store, clock);
      governance.bootstrapAdmin("admin");
      governance.bootstrapWorkspaceCatalog("main");
      governance.securables().createSchema(SALES, "admin", Optional.empty());
      governance.principals().create(PrincipalType.USER, "olivia", null, true);
      governance
          .securables()
          .createTable(
              TableDefinition.managed(OLIVIAS, List.of(ColumnDefinition.of("x", "INT"))), "olivia");
      governance.principals().create(PrincipalType.USER, "newcomer", null, true);

      assertAllowed(governance, "newcomer", Action.USE, MAIN);
      assertAllowed(governance, "newcomer", Action.USE, DEFAULT);
      assertAllowed(governance, "newcomer", Action.CREATE_TABLE, DEFAULT);
      assertAllowed(governance, "newcomer", Action.CREATE_FUNCTION, DEFAULT);
      assertDenied(
          governance,
          "newcomer",
          Action.READ,
          OLIVIAS,
          "User does not have SELECT on Table 'main.default.olivias'.");
      assertDenied(
          governance,
          "newcomer",
          Action.MODIFY,
          OLIVIAS,
          "User does not have MODIFY on Table 'main.default.olivias'.");
      assertDenied(
          governance,
          "newcomer",
          Action.CREATE_SCHEMA,
          MAIN,
          "User does not have CREATE SCHEMA on Catalog 'main'.");
      assertDenied(
          governance,
          "newcomer",
          Action.CREATE_TABLE,
          SALES,
          "User does not have USE SCHEMA on Schema 'main.sales'.",
          "User does not have CREATE TABLE on Schema 'main.sales'.");
      assertDenied(
          governance,
          "newcomer",
          Action.DROP,
          DEFAULT,
          "User does not have MANAGE on Schema 'main.default'.");
      assertThat(governance.grants().assignments(MAIN))
          .containsExactly(
              new PrivilegeAssignment(PrincipalStore.USERS, List.of(Privilege.USE_CATALOG)));
      assertThat(governance.grants().assignments(DEFAULT))
          .containsExactly(
              new PrivilegeAssignment(
                  PrincipalStore.USERS,
                  List.of(
                      Privilege.CREATE_FUNCTION, Privilege.CREATE_TABLE, Privilege.USE_SCHEMA)));
    }
  }

  @Test
  void theDefaultsAreGrantedOnceSoARevocationSurvivesRestarts() {
    StoreOpener opener = stores();
    try (GovernanceStore store = opener.open()) {
      Governance governance = Governance.open(store, clock);
      governance.bootstrapAdmin("admin");
      governance.bootstrapWorkspaceCatalog("main");
      governance.bootstrapWorkspaceCatalog("main");
      assertThat(governance.grants().assignments(DEFAULT))
          .extracting(PrivilegeAssignment::privileges)
          .containsExactly(
              List.of(Privilege.CREATE_FUNCTION, Privilege.CREATE_TABLE, Privilege.USE_SCHEMA));
      governance.grants().revoke(DEFAULT, PrincipalStore.USERS, List.of(Privilege.CREATE_TABLE));
      governance.grants().revoke(MAIN, PrincipalStore.USERS, List.of(Privilege.USE_CATALOG));
    }
    opener.restartServer();
    try (GovernanceStore store = opener.open()) {
      Governance governance = Governance.open(store, clock);
      governance.bootstrapAdmin("admin");
      governance.bootstrapWorkspaceCatalog("main");
      assertThat(governance.grants().assignments(MAIN)).isEmpty();
      assertThat(governance.grants().assignments(DEFAULT))
          .extracting(PrivilegeAssignment::privileges)
          .containsExactly(List.of(Privilege.CREATE_FUNCTION, Privilege.USE_SCHEMA));
      governance.principals().create(PrincipalType.USER, "newcomer", null, true);
      assertDenied(
          governance,
          "newcomer",
          Action.CREATE_TABLE,
          DEFAULT,
          "User does not have USE CATALOG on Catalog 'main'.",
          "User does not have CREATE TABLE on Schema 'main.default'.");
    }
  }

  @Test
  void aWorkspaceCatalogThatExistedBeforeGetsTheDefaultsAtItsNextStart() {
    try (GovernanceStore store = stores().open()) {
      Governance governance = Governance.open(store, clock);
      governance.bootstrapAdmin("admin");
      governance.securables().createCatalog("main", "admins", Optional.empty());
      governance.securables().createSchema(DEFAULT, "admins", Optional.empty());
      governance.bootstrapWorkspaceCatalog("main");
      assertThat(governance.grants().assignments(MAIN))
          .containsExactly(
              new PrivilegeAssignment(PrincipalStore.USERS, List.of(Privilege.USE_CATALOG)));
    }
  }

  private static void assertAllowed(
      Governance governance, String principal, Action action, SecurableName securable) {
    assertThat(
            governance
                .access()
                .decide(AccessRequest.of(principal, "s", new Access(action, securable)))
                .allowed())
        .as("%s may %s %s", principal, action, securable)
        .isTrue();
  }

  private static void assertDenied(
      Governance governance,
      String principal,
      Action action,
      SecurableName securable,
      String... missing) {
    assertThat(
            governance
                .access()
                .decide(AccessRequest.of(principal, "s", new Access(action, securable)))
                .missing())
        .extracting(io.sluice.governance.access.MissingPrivilege::sentence)
        .containsExactly(missing);
  }
}
