package io.sluice.governance.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.governance.Governance;
import io.sluice.governance.GovernanceException;
import io.sluice.governance.access.Access;
import io.sluice.governance.access.AccessRequest;
import io.sluice.governance.access.Action;
import io.sluice.governance.audit.AuditEvent;
import io.sluice.governance.grant.Privilege;
import io.sluice.governance.grant.PrivilegeAssignment;
import io.sluice.governance.policy.ColumnMask;
import io.sluice.governance.policy.RowFilter;
import io.sluice.governance.principal.Principal;
import io.sluice.governance.principal.PrincipalType;
import io.sluice.governance.securable.ColumnDefinition;
import io.sluice.governance.securable.FunctionDefinition;
import io.sluice.governance.securable.Securable;
import io.sluice.governance.securable.SecurableKind;
import io.sluice.governance.securable.SecurableName;
import io.sluice.governance.securable.SecurableType;
import io.sluice.governance.securable.TableDefinition;
import io.sluice.governance.testing.TestingClock;
import io.sluice.governance.testing.TestingStores.StoreOpener;
import io.sluice.governance.token.AccessTokenInfo;
import io.sluice.governance.token.IssuedToken;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the store keeps and refuses, the same on every database, across restarts. */
abstract class BaseGovernanceStoreTest {
  private static final SecurableName MAIN = SecurableName.catalog("main");
  private static final SecurableName SALES = SecurableName.schema("main", "sales");
  private static final SecurableName ORDERS = SecurableName.table("main", "sales", "orders");
  private static final SecurableName IS_US = SecurableName.function("main", "sales", "is_us");

  private final TestingClock clock = new TestingClock(Instant.parse("2026-11-21T10:00:00Z"));
  private StoreOpener opener;

  protected abstract StoreOpener stores();

  @BeforeEach
  void chooseStore() {
    opener = stores();
  }

  @Test
  void aRestartLosesNoPrincipalGrantOwnershipPolicyTokenRevocationOrAuditRow() {
    String revokedToken;
    String liveToken;
    try (GovernanceStore store = opener.open()) {
      Governance governance = Governance.open(store, clock);
      governance.bootstrapAdmin("admin");
      Principal alice = governance.principals().create(PrincipalType.USER, "alice", "Alice", true);
      Principal analysts =
          governance.principals().create(PrincipalType.GROUP, "analysts", null, true);
      Principal everyone =
          governance.principals().create(PrincipalType.GROUP, "everyone", null, true);
      governance.principals().addMember(analysts.id(), alice.id());
      governance.principals().addMember(everyone.id(), analysts.id());
      createSalesWorld(governance);
      governance.grants().grant(MAIN, "everyone", List.of(Privilege.USE_CATALOG), "admin");
      governance
          .grants()
          .grant(SALES, "analysts", List.of(Privilege.USE_SCHEMA, Privilege.SELECT), "admin");
      governance.securables().setOwner(ORDERS, "analysts");
      governance.policies().setRowFilter(new RowFilter(ORDERS, IS_US, List.of("region")), "admin");
      governance
          .policies()
          .setColumnMask(new ColumnMask(ORDERS, "region", IS_US, List.of()), "admin");
      revokedToken = governance.tokens().create("alice", "laptop", Optional.empty());
      liveToken = governance.tokens().create("alice", "ci", Optional.empty());
      governance.tokens().revoke(revokedToken);
      governance
          .access()
          .decide(AccessRequest.of("alice", "before-restart", new Access(Action.READ, ORDERS)));
    }
    opener.restartServer();
    try (GovernanceStore store = opener.open()) {
      Governance governance = Governance.open(store, clock);
      assertThat(governance.principals().isAdmin("admin")).isTrue();
      assertThat(governance.principals().groupsOf("alice"))
          .containsExactly("analysts", "users", "everyone");
      assertThat(governance.principals().require("alice").displayName()).isEqualTo("Alice");
      assertThat(governance.grants().assignments(SALES))
          .containsExactly(
              new PrivilegeAssignment("analysts", List.of(Privilege.SELECT, Privilege.USE_SCHEMA)));
      assertThat(governance.securables().require(ORDERS).owner()).isEqualTo("analysts");
      assertThat(governance.securables().columns(ORDERS))
          .extracting(ColumnDefinition::name)
          .containsExactly("id", "region");
      assertThat(governance.policies().policies(ORDERS).rowFilter())
          .contains(new RowFilter(ORDERS, IS_US, List.of("region")));
      assertThat(governance.policies().policies(ORDERS).columnMasks()).hasSize(1);
      assertThat(governance.tokens().authenticate(revokedToken)).isEmpty();
      assertThat(governance.tokens().authenticate(liveToken)).contains("alice");
      assertThat(governance.audit().forStatement("before-restart"))
          .extracting(AuditEvent::allowed)
          .containsExactly(true);
      assertThat(
              governance
                  .access()
                  .decide(AccessRequest.of("alice", "after", new Access(Action.READ, ORDERS)))
                  .allowed())
          .isTrue();
    }
  }

  @Test
  void securablesKeepTheirDefinitionsAndOwners() {
    try (GovernanceStore store = opener.open()) {
      Governance governance = Governance.open(store, clock);
      governance.bootstrapAdmin("admin");
      createSalesWorld(governance);
      Securable orders = governance.securables().require(ORDERS);
      assertThat(orders.kind()).isEqualTo(SecurableKind.MANAGED);
      assertThat(orders.owner()).isEqualTo("admin");
      assertThat(orders.dataSourceFormat()).contains("DELTA");
      assertThat(orders.createdAt()).isEqualTo(clock.instant());
      assertThat(orders.describe()).isEqualTo("Table 'main.sales.orders'");
      assertThat(governance.securables().function(IS_US).body()).isEqualTo("region = 'US'");
      assertThat(governance.securables().function(IS_US).returnType()).isEqualTo("BOOLEAN");
      assertThat(governance.securables().children(SALES, SecurableType.TABLE))
          .extracting(securable -> securable.name().fullName())
          .containsExactly("main.sales.orders");
      assertThat(governance.securables().find(SecurableName.table("MAIN", "Sales", "ORDERS")))
          .isPresent();
      assertThat(governance.securables().chain(ORDERS))
          .extracting(securable -> securable.name().type())
          .containsExactly(
              SecurableType.METASTORE,
              SecurableType.CATALOG,
              SecurableType.SCHEMA,
              SecurableType.TABLE);
    }
  }

  @Test
  void duplicatesMissingParentsAndNonEmptyDropsAreRefused() {
    try (GovernanceStore store = opener.open()) {
      Governance governance = Governance.open(store, clock);
      governance.bootstrapAdmin("admin");
      createSalesWorld(governance);
      assertThatThrownBy(
              () -> governance.securables().createCatalog("main", "admin", Optional.empty()))
          .isInstanceOfSatisfying(
              GovernanceException.class,
              e -> assertThat(e.errorClass()).isEqualTo("CATALOG_ALREADY_EXISTS"))
          .hasMessage("[CATALOG_ALREADY_EXISTS] Catalog 'main' already exists.");
      assertThatThrownBy(
              () ->
                  governance
                      .securables()
                      .createSchema(SecurableName.schema("nope", "s"), "admin", Optional.empty()))
          .hasMessage("[CATALOG_NOT_FOUND] The catalog 'nope' cannot be found.");
      assertThatThrownBy(() -> governance.securables().drop(SALES, false))
          .isInstanceOfSatisfying(
              GovernanceException.class, e -> assertThat(e.sqlState()).isEqualTo("2BP01"));
      governance.grants().grant(ORDERS, "admin", List.of(Privilege.SELECT), "admin");
      assertThat(governance.securables().drop(MAIN, true)).isTrue();
      assertThat(governance.securables().find(ORDERS)).isEmpty();
      governance.securables().createCatalog("main", "admin", Optional.empty());
      assertThat(governance.grants().assignments(MAIN)).isEmpty();
    }
  }

  @Test
  void groupsCannotContainThemselvesAndOwnersCannotBeDeleted() {
    try (GovernanceStore store = opener.open()) {
      Governance governance = Governance.open(store, clock);
      governance.bootstrapAdmin("admin");
      Principal outer = governance.principals().create(PrincipalType.GROUP, "outer", null, true);
      Principal inner = governance.principals().create(PrincipalType.GROUP, "inner", null, true);
      governance.principals().addMember(outer.id(), inner.id());
      assertThatThrownBy(() -> governance.principals().addMember(inner.id(), outer.id()))
          .hasMessageContaining("would make a group contain itself");
      assertThatThrownBy(() -> governance.principals().addMember(inner.id(), inner.id()))
          .hasMessageContaining("would make a group contain itself");
      assertThatThrownBy(
              () -> governance.principals().create(PrincipalType.USER, "inner", null, true))
          .hasMessageContaining("PRINCIPAL_ALREADY_EXISTS");

      Principal olivia = governance.principals().create(PrincipalType.USER, "olivia", null, true);
      governance.securables().createCatalog("owned", "olivia", Optional.empty());
      assertThatThrownBy(() -> governance.principals().delete(olivia.id()))
          .hasMessageContaining("PRINCIPAL_OWNS_SECURABLES");
      governance.securables().setOwner(SecurableName.catalog("owned"), "inner");
      assertThat(governance.principals().delete(olivia.id())).isTrue();
      assertThatThrownBy(
              () -> governance.principals().delete(governance.principals().require("admins").id()))
          .hasMessageContaining("admins group cannot be deleted");
    }
  }

  @Test
  void tokensAreListedExpireAndAreRevokedById() {
    try (GovernanceStore store = opener.open()) {
      Governance governance = Governance.open(store, clock);
      IssuedToken expiring =
          governance
              .tokens()
              .issue("alice", "one hour", Optional.of(clock.instant().plus(Duration.ofHours(1))));
      IssuedToken lasting = governance.tokens().issue("alice", "forever", Optional.empty());
      governance.tokens().issue("bob", null, Optional.empty());
      assertThat(governance.tokens().list("alice"))
          .extracting(AccessTokenInfo::tokenId)
          .containsExactlyInAnyOrder(expiring.tokenId(), lasting.tokenId());
      assertThat(governance.tokens().authenticateToken(lasting.token()).orElseThrow().tokenId())
          .isEqualTo(lasting.tokenId());

      clock.advance(Duration.ofHours(2));
      assertThat(governance.tokens().isValid(expiring.tokenId())).isFalse();
      assertThat(governance.tokens().list("alice"))
          .extracting(AccessTokenInfo::tokenId)
          .containsExactly(lasting.tokenId());

      assertThat(governance.tokens().revokeById(lasting.tokenId())).isTrue();
      assertThat(governance.tokens().isValid(lasting.tokenId())).isFalse();
      assertThat(governance.tokens().authenticate(lasting.token())).isEmpty();
      assertThat(governance.tokens().revokeById(lasting.tokenId())).isFalse();
      assertThat(governance.tokens().listAll())
          .extracting(AccessTokenInfo::principal)
          .containsExactly("bob");
    }
  }

  @Test
  void registeringTheSameOperatorTokenTwiceKeepsOneToken() {
    try (GovernanceStore store = opener.open()) {
      Governance governance = Governance.open(store, clock);
      governance
          .tokens()
          .register("admin", "operator-chosen-token-1234", "admin", Optional.empty());
      governance
          .tokens()
          .register("admin", "operator-chosen-token-1234", "admin", Optional.empty());
      assertThat(governance.tokens().list("admin")).hasSize(1);
      assertThat(governance.tokens().authenticate("operator-chosen-token-1234")).contains("admin");
    }
  }

  @Test
  void migratingAgainChangesNothing() {
    try (GovernanceStore store = opener.open()) {
      Governance.open(store, clock).bootstrapAdmin("admin");
    }
    try (GovernanceStore store = opener.open()) {
      Governance governance = Governance.open(store, clock);
      governance.bootstrapAdmin("admin");
      assertThat(governance.principals().list(PrincipalType.GROUP))
          .extracting(Principal::name)
          .containsExactly("admins", "users");
      assertThat(governance.principals().members(governance.principals().require("admins").id()))
          .extracting(Principal::name)
          .containsExactly("admin");
    }
  }

  private static void createSalesWorld(Governance governance) {
    governance.securables().createCatalog("main", "admin", Optional.empty());
    governance.securables().createSchema(SALES, "admin", Optional.of("sales data"));
    governance
        .securables()
        .createTable(
            TableDefinition.managed(
                ORDERS,
                List.of(
                    ColumnDefinition.of("id", "BIGINT"), ColumnDefinition.of("region", "STRING"))),
            "admin");
    governance
        .securables()
        .createFunction(
            new FunctionDefinition(
                IS_US,
                List.of(ColumnDefinition.of("region", "STRING")),
                "BOOLEAN",
                "region = 'US'",
                Optional.empty()),
            "admin");
  }
}
