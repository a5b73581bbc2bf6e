package io.sluice.governance.access;

import static io.sluice.governance.access.Action.ALTER_VIEW_DEFINITION;
import static io.sluice.governance.access.Action.BROWSE;
import static io.sluice.governance.access.Action.CREATE_CATALOG;
import static io.sluice.governance.access.Action.CREATE_SCHEMA;
import static io.sluice.governance.access.Action.CREATE_TABLE;
import static io.sluice.governance.access.Action.DROP;
import static io.sluice.governance.access.Action.EXECUTE;
import static io.sluice.governance.access.Action.MANAGE_GRANTS;
import static io.sluice.governance.access.Action.MODIFY;
import static io.sluice.governance.access.Action.READ;
import static io.sluice.governance.access.Action.SET_POLICY;
import static io.sluice.governance.access.Action.TRANSFER_OWNERSHIP;
import static io.sluice.governance.access.Action.USE;
import static io.sluice.governance.grant.Privilege.ALL_PRIVILEGES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.governance.Governance;
import io.sluice.governance.GovernanceException;
import io.sluice.governance.audit.AuditEvent;
import io.sluice.governance.grant.Privilege;
import io.sluice.governance.policy.ColumnMask;
import io.sluice.governance.policy.RowFilter;
import io.sluice.governance.policy.TablePolicies;
import io.sluice.governance.principal.Principal;
import io.sluice.governance.principal.PrincipalType;
import io.sluice.governance.securable.ColumnDefinition;
import io.sluice.governance.securable.FunctionDefinition;
import io.sluice.governance.securable.SecurableName;
import io.sluice.governance.securable.TableDefinition;
import io.sluice.governance.store.GovernanceStore;
import io.sluice.governance.testing.TestingClock;
import io.sluice.governance.testing.TestingStores.StoreOpener;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Unity Catalog's rules as questions and exact answers: given these principals and grants, may this
 * principal do this, and if not, exactly which privileges are missing. Runs on every store.
 *
 * <p>The world: catalog {@code main} owned by {@code olivia}, schema {@code main.sales} owned by
 * {@code sam}, table {@code main.sales.orders} and view {@code main.sales.big_orders} owned by
 * {@code tom}, function {@code main.sales.is_us}. Users {@code alice}, {@code bob}; {@code alice}
 * is in {@code analysts}, which is in {@code data_team} (nested). {@code root} is in {@code
 * platform}, which is in {@code admins}.
 */
abstract class BaseAccessDecisionTest {
  private static final SecurableName METASTORE = SecurableName.metastore();
  private static final SecurableName MAIN = SecurableName.catalog("main");
  private static final SecurableName SALES = SecurableName.schema("main", "sales");
  private static final SecurableName ORDERS = SecurableName.table("main", "sales", "orders");
  private static final SecurableName BIG_ORDERS =
      SecurableName.table("main", "sales", "big_orders");
  private static final SecurableName IS_US = SecurableName.function("main", "sales", "is_us");
  private static final SecurableName MASK_EMAIL =
      SecurableName.function("main", "sales", "mask_email");

  private final TestingClock clock = new TestingClock(Instant.parse("2026-11-21T10:00:00Z"));
  private GovernanceStore store;
  private Governance governance;

  protected abstract StoreOpener stores();

  @BeforeEach
  void createWorld() {
    store = stores().open();
    governance = Governance.open(store, clock);
    for (String user : List.of("olivia", "sam", "tom", "alice", "bob", "root")) {
      governance.principals().create(PrincipalType.USER, user, user, true);
    }
    Principal analysts =
        governance.principals().create(PrincipalType.GROUP, "analysts", null, true);
    Principal dataTeam =
        governance.principals().create(PrincipalType.GROUP, "data_team", null, true);
    Principal platform =
        governance.principals().create(PrincipalType.GROUP, "platform", null, true);
    governance.principals().addMember(analysts.id(), id("alice"));
    governance.principals().addMember(dataTeam.id(), analysts.id());
    governance.principals().addMember(platform.id(), id("root"));
    governance.principals().addMember(id("admins"), platform.id());

    governance.securables().createCatalog("main", "olivia", Optional.empty());
    governance.securables().createSchema(SALES, "sam", Optional.empty());
    governance
        .securables()
        .createTable(
            TableDefinition.managed(
                ORDERS,
                List.of(
                    ColumnDefinition.of("id", "BIGINT"),
                    ColumnDefinition.of("region", "STRING"),
                    ColumnDefinition.of("email", "STRING"))),
            "tom");
    governance
        .securables()
        .createTable(
            TableDefinition.view(
                BIG_ORDERS,
                List.of(ColumnDefinition.of("id", "BIGINT")),
                "SELECT id FROM main.sales.orders WHERE id > 100"),
            "tom");
    governance
        .securables()
        .createFunction(
            new FunctionDefinition(
                IS_US,
                List.of(ColumnDefinition.of("region", "STRING")),
                "BOOLEAN",
                "region = 'US'",
                Optional.empty()),
            "tom");
    governance
        .securables()
        .createFunction(
            new FunctionDefinition(
                MASK_EMAIL,
                List.of(ColumnDefinition.of("email", "STRING")),
                "STRING",
                "CASE WHEN is_account_group_member('hr') THEN email ELSE '***' END",
                Optional.empty()),
            "tom");
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void withoutGrantsReadingATableIsRefusedNamingEveryMissingPrivilege() {
    assertDenied(
        "alice",
        READ,
        ORDERS,
        "User does not have USE CATALOG on Catalog 'main'.",
        "User does not have USE SCHEMA on Schema 'main.sales'.",
        "User does not have SELECT on Table 'main.sales.orders'.");
  }

  @Test
  void refusalIsInsufficientPermissionsWithSqlState42501() {
    assertThatThrownBy(
            () ->
                governance.access().check(AccessRequest.of("bob", "s1", new Access(READ, ORDERS))))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            denied -> {
              assertThat(denied.sqlState()).isEqualTo("42501");
              assertThat(denied.errorClass()).isEqualTo("INSUFFICIENT_PERMISSIONS");
            })
        .hasMessage(
            "[INSUFFICIENT_PERMISSIONS] Insufficient privileges:\n"
                + "User does not have USE CATALOG on Catalog 'main'.\n"
                + "User does not have USE SCHEMA on Schema 'main.sales'.\n"
                + "User does not have SELECT on Table 'main.sales.orders'.");
  }

  @Test
  void theThreeGrantsTogetherAllowReading() {
    grant(MAIN, "alice", Privilege.USE_CATALOG);
    grant(SALES, "alice", Privilege.USE_SCHEMA);
    assertDenied("alice", READ, ORDERS, "User does not have SELECT on Table 'main.sales.orders'.");
    grant(ORDERS, "alice", Privilege.SELECT);
    assertAllowed("alice", READ, ORDERS);
    assertDenied(
        "alice", MODIFY, ORDERS, "User does not have MODIFY on Table 'main.sales.orders'.");
  }

  @Test
  void useGatesAloneGiveNoDataAccess() {
    grant(MAIN, "alice", Privilege.USE_CATALOG);
    assertAllowed("alice", USE, MAIN);
    assertDenied("alice", USE, SALES, "User does not have USE SCHEMA on Schema 'main.sales'.");
    grant(ORDERS, "alice", Privilege.SELECT);
    assertDenied("alice", READ, ORDERS, "User does not have USE SCHEMA on Schema 'main.sales'.");
  }

  @Test
  void privilegesGrantedOnACatalogInheritToCurrentAndFutureChildren() {
    grant(MAIN, "alice", Privilege.USE_CATALOG, Privilege.USE_SCHEMA, Privilege.SELECT);
    assertAllowed("alice", READ, ORDERS);
    SecurableName later = SecurableName.table("main", "sales", "created_later");
    governance
        .securables()
        .createTable(
            TableDefinition.managed(later, List.of(ColumnDefinition.of("x", "INT"))), "tom");
    assertAllowed("alice", READ, later);
    SecurableName otherSchema = SecurableName.schema("main", "other");
    governance.securables().createSchema(otherSchema, "sam", Optional.empty());
    assertAllowed("alice", USE, otherSchema);
  }

  @Test
  void privilegesGrantedOnASchemaInheritToItsTablesAndViews() {
    grant(MAIN, "alice", Privilege.USE_CATALOG);
    grant(SALES, "alice", Privilege.USE_SCHEMA, Privilege.SELECT);
    assertAllowed("alice", READ, ORDERS);
    assertAllowed("alice", READ, BIG_ORDERS);
  }

  @Test
  void privilegesGrantedOnTheMetastoreAreNotInherited() {
    governance.grants().grant(METASTORE, "alice", List.of(Privilege.CREATE_CATALOG), "root");
    assertAllowed("alice", CREATE_CATALOG, METASTORE);
    assertDenied(
        "alice",
        CREATE_SCHEMA,
        MAIN,
        "User does not have USE CATALOG on Catalog 'main'.",
        "User does not have CREATE SCHEMA on Catalog 'main'.");
  }

  @Test
  void theOwnerHoldsEveryPrivilegeOnItsObjectButStillNeedsTheUseGates() {
    assertDenied(
        "tom",
        READ,
        ORDERS,
        "User does not have USE CATALOG on Catalog 'main'.",
        "User does not have USE SCHEMA on Schema 'main.sales'.");
    grant(MAIN, "tom", Privilege.USE_CATALOG);
    grant(SALES, "tom", Privilege.USE_SCHEMA);
    assertAllowed("tom", READ, ORDERS);
    assertAllowed("tom", MODIFY, ORDERS);
    assertAllowed("tom", MANAGE_GRANTS, ORDERS);
    assertAllowed("tom", DROP, ORDERS);
  }

  @Test
  void aSchemaOwnerDoesNotReadItsTablesButMayGrantItselfTheRight() {
    grant(MAIN, "sam", Privilege.USE_CATALOG);
    assertAllowed("sam", USE, SALES);
    assertDenied("sam", READ, ORDERS, "User does not have SELECT on Table 'main.sales.orders'.");
    assertAllowed("sam", MANAGE_GRANTS, ORDERS);
    grant(ORDERS, "sam", Privilege.SELECT);
    assertAllowed("sam", READ, ORDERS);
  }

  @Test
  void theCatalogOwnerMayGrantOnEverythingInItWithoutReadingIt() {
    assertAllowed("olivia", MANAGE_GRANTS, ORDERS);
    assertAllowed("olivia", TRANSFER_OWNERSHIP, SALES);
    assertAllowed("olivia", CREATE_SCHEMA, MAIN);
    assertDenied(
        "olivia",
        READ,
        ORDERS,
        "User does not have USE SCHEMA on Schema 'main.sales'.",
        "User does not have SELECT on Table 'main.sales.orders'.");
  }

  @Test
  void manageDelegatesAdministrationWithTheUseGatesOfTheParentsButGivesNoData() {
    grant(ORDERS, "bob", Privilege.MANAGE);
    assertDenied(
        "bob",
        MANAGE_GRANTS,
        ORDERS,
        "User does not have USE CATALOG on Catalog 'main'.",
        "User does not have USE SCHEMA on Schema 'main.sales'.");
    grant(MAIN, "bob", Privilege.USE_CATALOG);
    grant(SALES, "bob", Privilege.USE_SCHEMA);
    assertAllowed("bob", MANAGE_GRANTS, ORDERS);
    assertAllowed("bob", DROP, ORDERS);
    assertAllowed("bob", TRANSFER_OWNERSHIP, ORDERS);
    assertDenied("bob", READ, ORDERS, "User does not have SELECT on Table 'main.sales.orders'.");
    assertDenied(
        "bob", MANAGE_GRANTS, IS_US, "User does not have MANAGE on Function 'main.sales.is_us'.");
  }

  @Test
  void manageGrantedOnACatalogInherits() {
    grant(MAIN, "bob", Privilege.MANAGE, Privilege.USE_CATALOG, Privilege.USE_SCHEMA);
    assertAllowed("bob", MANAGE_GRANTS, ORDERS);
    assertAllowed("bob", MANAGE_GRANTS, SALES);
  }

  @Test
  void allPrivilegesCoversEveryApplicablePrivilegeExceptManage() {
    grant(MAIN, "alice", ALL_PRIVILEGES);
    assertAllowed("alice", READ, ORDERS);
    assertAllowed("alice", MODIFY, ORDERS);
    assertAllowed("alice", CREATE_TABLE, SALES);
    assertAllowed("alice", EXECUTE, IS_US);
    assertAllowed("alice", BROWSE, ORDERS);
    assertDenied(
        "alice", MANAGE_GRANTS, ORDERS, "User does not have MANAGE on Table 'main.sales.orders'.");
  }

  @Test
  void allPrivilegesOnATableCoversOnlyThatTable() {
    grant(MAIN, "alice", Privilege.USE_CATALOG);
    grant(SALES, "alice", Privilege.USE_SCHEMA);
    grant(ORDERS, "alice", ALL_PRIVILEGES);
    assertAllowed("alice", READ, ORDERS);
    assertAllowed("alice", MODIFY, ORDERS);
    assertDenied(
        "alice", READ, BIG_ORDERS, "User does not have SELECT on View 'main.sales.big_orders'.");
  }

  @Test
  void browseShowsMetadataWithoutData() {
    assertDenied("alice", BROWSE, ORDERS, "User does not have BROWSE on Catalog 'main'.");
    grant(MAIN, "alice", Privilege.BROWSE);
    assertAllowed("alice", BROWSE, ORDERS);
    assertAllowed("alice", BROWSE, SALES);
    assertThat(governance.access().isVisible("alice", IS_US)).isTrue();
    assertDenied(
        "alice",
        READ,
        ORDERS,
        "User does not have USE CATALOG on Catalog 'main'.",
        "User does not have USE SCHEMA on Schema 'main.sales'.",
        "User does not have SELECT on Table 'main.sales.orders'.");
  }

  @Test
  void readableObjectsAreVisibleWithoutBrowse() {
    grant(MAIN, "alice", Privilege.USE_CATALOG);
    grant(SALES, "alice", Privilege.USE_SCHEMA);
    grant(ORDERS, "alice", Privilege.SELECT);
    assertThat(governance.access().isVisible("alice", ORDERS)).isTrue();
    assertThat(governance.access().isVisible("alice", BIG_ORDERS)).isFalse();
    assertThat(governance.access().isVisible("bob", MAIN)).isFalse();
  }

  @Test
  void nestedGroupsPassTheirPrivilegesToMembersOfMembers() {
    grant(MAIN, "data_team", Privilege.USE_CATALOG, Privilege.USE_SCHEMA, Privilege.SELECT);
    assertAllowed("alice", READ, ORDERS);
    assertDenied(
        "bob",
        READ,
        ORDERS,
        "User does not have USE CATALOG on Catalog 'main'.",
        "User does not have USE SCHEMA on Schema 'main.sales'.",
        "User does not have SELECT on Table 'main.sales.orders'.");
    governance.principals().removeMember(id("data_team"), id("analysts"));
    assertDenied(
        "alice",
        READ,
        ORDERS,
        "User does not have USE CATALOG on Catalog 'main'.",
        "User does not have USE SCHEMA on Schema 'main.sales'.",
        "User does not have SELECT on Table 'main.sales.orders'.");
  }

  @Test
  void aGroupOwningAnObjectMakesItsMembersOwners() {
    governance.securables().setOwner(SALES, "analysts");
    assertAllowed("alice", MANAGE_GRANTS, ORDERS);
    assertDenied(
        "bob",
        MANAGE_GRANTS,
        ORDERS,
        "User does not have USE CATALOG on Catalog 'main'.",
        "User does not have USE SCHEMA on Schema 'main.sales'.",
        "User does not have MANAGE on Table 'main.sales.orders'.");
  }

  @Test
  void revokingADirectGrantTakesEffectOnTheNextDecision() {
    grant(MAIN, "alice", Privilege.USE_CATALOG);
    grant(SALES, "alice", Privilege.USE_SCHEMA);
    grant(ORDERS, "alice", Privilege.SELECT);
    assertAllowed("alice", READ, ORDERS);
    governance.grants().revoke(ORDERS, "alice", List.of(Privilege.SELECT));
    assertDenied("alice", READ, ORDERS, "User does not have SELECT on Table 'main.sales.orders'.");
  }

  @Test
  void revokingOnAChildDoesNotRemoveAPrivilegeInheritedFromTheCatalog() {
    grant(MAIN, "alice", Privilege.USE_CATALOG, Privilege.USE_SCHEMA, Privilege.SELECT);
    governance.grants().revoke(ORDERS, "alice", List.of(Privilege.SELECT));
    assertAllowed("alice", READ, ORDERS);
    governance.grants().revoke(MAIN, "alice", List.of(Privilege.SELECT));
    assertDenied("alice", READ, ORDERS, "User does not have SELECT on Table 'main.sales.orders'.");
  }

  @Test
  void adminsAdministerEverythingButReadNoDataWithoutAGrant() {
    assertAllowed("root", CREATE_CATALOG, METASTORE);
    assertAllowed("root", MANAGE_GRANTS, ORDERS);
    assertAllowed("root", TRANSFER_OWNERSHIP, MAIN);
    assertAllowed("root", MANAGE_GRANTS, METASTORE);
    assertDenied(
        "root",
        READ,
        ORDERS,
        "User does not have USE CATALOG on Catalog 'main'.",
        "User does not have USE SCHEMA on Schema 'main.sales'.",
        "User does not have SELECT on Table 'main.sales.orders'.");
    assertDenied(
        "bob",
        CREATE_CATALOG,
        METASTORE,
        "User does not have CREATE CATALOG on Metastore 'metastore'.");
    assertDenied("bob", MANAGE_GRANTS, METASTORE, "User is not an owner of Metastore 'metastore'.");
  }

  @Test
  void onlyTheOwnerChangesAViewDefinitionManageIsNotEnough() {
    grant(MAIN, "bob", Privilege.USE_CATALOG);
    grant(SALES, "bob", Privilege.USE_SCHEMA);
    grant(BIG_ORDERS, "bob", Privilege.MANAGE);
    assertAllowed("bob", Action.ALTER, BIG_ORDERS);
    assertDenied(
        "bob",
        ALTER_VIEW_DEFINITION,
        BIG_ORDERS,
        "User is not an owner of View 'main.sales.big_orders'.");
    assertAllowed("tom", ALTER_VIEW_DEFINITION, BIG_ORDERS);
  }

  @Test
  void aRequestForSeveralObjectsNamesEachMissingPrivilegeOnce() {
    grant(MAIN, "alice", Privilege.USE_CATALOG);
    AccessDecision decision =
        governance
            .access()
            .decide(
                AccessRequest.of(
                    "alice",
                    "join",
                    new Access(READ, ORDERS),
                    new Access(READ, BIG_ORDERS),
                    new Access(EXECUTE, IS_US)));
    assertThat(decision.allowed()).isFalse();
    assertThat(decision.missing())
        .extracting(MissingPrivilege::sentence)
        .containsExactly(
            "User does not have USE SCHEMA on Schema 'main.sales'.",
            "User does not have SELECT on Table 'main.sales.orders'.",
            "User does not have SELECT on View 'main.sales.big_orders'.",
            "User does not have EXECUTE on Function 'main.sales.is_us'.");
  }

  @Test
  void settingARowFilterNeedsAdministrationOfTheTableAndExecuteOnTheFunction() {
    grant(MAIN, "bob", Privilege.USE_CATALOG);
    grant(SALES, "bob", Privilege.USE_SCHEMA);
    grant(ORDERS, "bob", Privilege.MANAGE);
    AccessRequest request =
        AccessRequest.of(
            "bob", "filter", new Access(SET_POLICY, ORDERS), new Access(EXECUTE, IS_US));
    assertThat(governance.access().decide(request).missing())
        .extracting(MissingPrivilege::sentence)
        .containsExactly("User does not have EXECUTE on Function 'main.sales.is_us'.");
    grant(IS_US, "bob", Privilege.EXECUTE);
    assertThat(governance.access().decide(request).allowed()).isTrue();
  }

  @Test
  void aReadDecisionCarriesTheTablesRowFilterAndColumnMasks() {
    grant(MAIN, "alice", Privilege.USE_CATALOG, Privilege.USE_SCHEMA, Privilege.SELECT);
    governance.policies().setRowFilter(new RowFilter(ORDERS, IS_US, List.of("region")), "tom");
    governance
        .policies()
        .setColumnMask(new ColumnMask(ORDERS, "email", MASK_EMAIL, List.of()), "tom");
    AccessDecision decision =
        governance.access().check(AccessRequest.of("alice", "q", new Access(READ, ORDERS)));
    TablePolicies policies = decision.policies(ORDERS);
    assertThat(policies.rowFilter()).contains(new RowFilter(ORDERS, IS_US, List.of("region")));
    assertThat(policies.columnMasks())
        .containsExactly(new ColumnMask(ORDERS, "email", MASK_EMAIL, List.of()));

    governance.policies().dropRowFilter(ORDERS);
    governance.policies().dropColumnMask(ORDERS, "email");
    assertThat(
            governance
                .access()
                .check(AccessRequest.of("alice", "q2", new Access(READ, ORDERS)))
                .policies(ORDERS)
                .isEmpty())
        .isTrue();
  }

  @Test
  void policiesAreCheckedAgainstTheTableAndFunction() {
    assertThatThrownBy(
            () ->
                governance
                    .policies()
                    .setRowFilter(new RowFilter(ORDERS, IS_US, List.of("region", "id")), "tom"))
        .isInstanceOf(GovernanceException.class)
        .hasMessageContaining("ROW_COLUMN_ACCESS.ASSIGNED_ROW_FILTER_WRONG_NUMBER_OF_COLUMNS");
    assertThatThrownBy(
            () ->
                governance
                    .policies()
                    .setColumnMask(new ColumnMask(ORDERS, "phone", MASK_EMAIL, List.of()), "tom"))
        .hasMessageContaining("ROW_COLUMN_ACCESS.COLUMN_NOT_FOUND");
    assertThatThrownBy(
            () ->
                governance
                    .policies()
                    .setRowFilter(new RowFilter(BIG_ORDERS, IS_US, List.of("'US'")), "tom"))
        .hasMessageContaining("ROW_COLUMN_ACCESS.UNSUPPORTED_ON_VIEW");
    governance.policies().setRowFilter(new RowFilter(ORDERS, IS_US, List.of("'US'")), "tom");
    assertThat(governance.policies().policies(ORDERS).rowFilter().orElseThrow().arguments())
        .containsExactly("'US'");
  }

  @Test
  void privilegesThatDoNotApplyCannotBeGranted() {
    assertThatThrownBy(() -> grant(BIG_ORDERS, "alice", Privilege.MODIFY))
        .isInstanceOf(GovernanceException.class)
        .hasMessage(
            "[INVALID_PARAMETER_VALUE] Privilege MODIFY is not applicable to View"
                + " 'main.sales.big_orders'");
    assertThatThrownBy(() -> grant(ORDERS, "alice", Privilege.USE_SCHEMA))
        .hasMessageContaining(
            "Privilege USE SCHEMA is not applicable to Table 'main.sales.orders'");
    assertThatThrownBy(() -> grant(ORDERS, "nobody", Privilege.SELECT))
        .hasMessageContaining("PRINCIPAL_DOES_NOT_EXIST");
  }

  @Test
  void servicePrincipalsAreGrantedLikeUsers() {
    String application = "8f5a3a0e-4c6b-4b52-9b1a-2f7f1d1c0a11";
    governance.principals().create(PrincipalType.SERVICE_PRINCIPAL, application, "etl", true);
    grant(MAIN, application, Privilege.USE_CATALOG, Privilege.USE_SCHEMA, Privilege.MODIFY);
    assertAllowed(application, MODIFY, ORDERS);
    assertDenied(
        application, READ, ORDERS, "User does not have SELECT on Table 'main.sales.orders'.");
  }

  @Test
  void everyDecisionAllowedOrDeniedIsAudited() {
    grant(MAIN, "alice", Privilege.USE_CATALOG, Privilege.USE_SCHEMA);
    grant(ORDERS, "alice", Privilege.SELECT);
    governance
        .access()
        .decide(
            AccessRequest.of(
                "alice", "statement-7", new Access(READ, ORDERS), new Access(READ, BIG_ORDERS)));
    List<AuditEvent> events = governance.audit().forStatement("statement-7");
    assertThat(events)
        .containsExactly(
            new AuditEvent(
                clock.instant(),
                "alice",
                "READ",
                "TABLE",
                "main.sales.orders",
                Optional.of("statement-7"),
                true,
                Optional.empty()),
            new AuditEvent(
                clock.instant(),
                "alice",
                "READ",
                "TABLE",
                "main.sales.big_orders",
                Optional.of("statement-7"),
                false,
                Optional.of("User does not have SELECT on View 'main.sales.big_orders'.")));
  }

  @Test
  void decisionsInOneTransactionKeepTheirAuditRowsWhenTheWorkIsRefused() {
    grant(MAIN, "alice", Privilege.USE_CATALOG, Privilege.USE_SCHEMA);
    assertThatThrownBy(
            () ->
                governance.inOneTransaction(
                    () -> {
                      governance
                          .access()
                          .decide(
                              AccessRequest.of("alice", "statement-8", new Access(READ, ORDERS)));
                      throw new Exception("refused by the caller");
                    }))
        .hasMessage("refused by the caller");
    assertThat(governance.audit().forStatement("statement-8"))
        .extracting(AuditEvent::allowed)
        .containsExactly(false);
  }

  @Test
  void anUncheckedFailureInOneTransactionRollsBackItsAuditRows() {
    assertThatThrownBy(
            () ->
                governance.inOneTransaction(
                    () -> {
                      governance
                          .access()
                          .decide(
                              AccessRequest.of("alice", "statement-9", new Access(READ, ORDERS)));
                      throw new IllegalStateException("the store failed");
                    }))
        .hasMessage("the store failed");
    assertThat(governance.audit().forStatement("statement-9")).isEmpty();
  }

  @Test
  void oneTransactionSeesChangesCommittedBeforeItAndReadsNamesExactly() {
    grant(MAIN, "alice", Privilege.USE_CATALOG, Privilege.USE_SCHEMA);
    grant(ORDERS, "alice", Privilege.SELECT);
    assertThat(
            governance.inOneTransaction(
                () ->
                    governance
                        .access()
                        .decide(AccessRequest.of("alice", null, new Access(READ, ORDERS)))))
        .extracting(AccessDecision::allowed)
        .isEqualTo(true);
    governance.grants().revoke(ORDERS, "alice", List.of(Privilege.SELECT));
    assertThat(
            governance.inOneTransaction(
                () ->
                    governance
                        .access()
                        .decide(AccessRequest.of("alice", null, new Access(READ, ORDERS)))))
        .extracting(AccessDecision::allowed)
        .isEqualTo(false);
    assertThat(governance.securables().find(SecurableName.table("main", "sales", "missing")))
        .isEmpty();
    assertThat(governance.securables().find(SecurableName.table("main", "nowhere", "orders")))
        .isEmpty();
    assertThat(governance.securables().chain(ORDERS))
        .extracting(securable -> securable.name().fullName())
        .containsExactly("metastore", "main", "main.sales", "main.sales.orders");
  }

  private void grant(SecurableName securable, String principal, Privilege... privileges) {
    governance.grants().grant(securable, principal, List.of(privileges), "root");
  }

  private String id(String principal) {
    return governance.principals().require(principal).id();
  }

  private void assertAllowed(String principal, Action action, SecurableName securable) {
    AccessDecision decision =
        governance
            .access()
            .decide(AccessRequest.of(principal, null, new Access(action, securable)));
    assertThat(decision.missing())
        .as("%s %s %s", principal, action, securable)
        .extracting(MissingPrivilege::sentence)
        .isEmpty();
    assertThat(decision.allowed()).isTrue();
  }

  private void assertDenied(
      String principal, Action action, SecurableName securable, String... expectedSentences) {
    AccessDecision decision =
        governance
            .access()
            .decide(AccessRequest.of(principal, null, new Access(action, securable)));
    assertThat(decision.allowed()).isFalse();
    assertThat(decision.missing())
        .as("%s %s %s", principal, action, securable)
        .extracting(MissingPrivilege::sentence)
        .containsExactly(expectedSentences);
  }
}
