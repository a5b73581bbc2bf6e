package io.sluice.governance.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.governance.Governance;
import io.sluice.governance.GovernanceException;
import io.sluice.governance.principal.PrincipalType;
import io.sluice.governance.securable.ColumnDefinition;
import io.sluice.governance.securable.FunctionDefinition;
import io.sluice.governance.securable.SecurableName;
import io.sluice.governance.securable.TableDefinition;
import io.sluice.governance.store.GovernanceStore;
import io.sluice.governance.testing.TestingClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Governance SQL in, rows or exactly this error out. */
class TestGovernanceStatements {
  private static final String BOB = "bob@example.com";

  @TempDir Path dataDirectory;
  private GovernanceStore store;
  private Governance governance;
  private GovernanceStatements statements;

  @BeforeEach
  void open() {
    store = GovernanceStore.openEmbedded(dataDirectory);
    governance = Governance.open(store, new TestingClock(Instant.parse("2026-11-21T10:00:00Z")));
    governance.bootstrapAdmin("admin");
    governance.principals().create(PrincipalType.USER, BOB, "Bob", true);
    statements = new GovernanceStatements(governance);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT 1",
        "select * from grants",
        "CREATE TABLE t (id INT)",
        "ALTER TABLE t ADD COLUMNS (x INT)",
        "SHOW TABLES",
        "USE CATALOG main",
        "DROP TABLE t",
        "CREATE FUNCTION f AS 'com.example.Udf' USING JAR 'x.jar'",
        "CREATE TEMPORARY FUNCTION f(x INT) RETURNS INT RETURN x"
      })
  void otherStatementsAreTheEngines(String sql) {
    assertThat(statements.execute("admin", "s", sql, NameContext.NONE)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GRANT SELECT ON",
        "REVOKE FROM bob",
        "SHOW GRANTS ON",
        "CREATE CATALOG",
        "ALTER TABLE t SET ROW FILTER f",
        "ALTER TABLE t ALTER COLUMN c SET MASK"
      })
  void malformedGovernanceStatementsAreSyntaxErrorsNotForwarded(String sql) {
    assertThatThrownBy(() -> statements.execute("admin", "s", sql, NameContext.NONE))
        .isInstanceOfSatisfying(
            GovernanceException.class, e -> assertThat(e.sqlState()).isEqualTo("42601"))
        .hasMessageStartingWith("[PARSE_SYNTAX_ERROR]");
  }

  @Test
  void createGrantShowRevokeAndTransfer() {
    run("admin", "CREATE CATALOG sales COMMENT 'sales data'");
    assertThat(governance.securables().find(SecurableName.schema("sales", "default"))).isPresent();
    run("admin", "create catalog if not exists SALES");
    assertThat(rows("admin", "SHOW CATALOGS")).containsExactly(List.of("sales"));
    assertThat(rows(BOB, "SHOW CATALOGS")).isEmpty();

    run("admin", "GRANT USE CATALOG, BROWSE ON CATALOG sales TO `" + BOB + "`");
    assertThat(rows(BOB, "SHOW CATALOGS LIKE 'sal*'")).containsExactly(List.of("sales"));
    assertThat(rows(BOB, "SHOW CATALOGS LIKE 'x*|y'")).isEmpty();
    StatementResult grants = result("admin", "SHOW GRANTS ON CATALOG sales");
    assertThat(grants.columns())
        .containsExactly("principal", "actionType", "objectType", "objectKey");
    assertThat(grants.rows())
        .containsExactly(
            List.of("admin", "OWN", "CATALOG", "sales"),
            List.of(BOB, "BROWSE", "CATALOG", "sales"),
            List.of(BOB, "USE CATALOG", "CATALOG", "sales"));

    assertThatThrownBy(() -> run(BOB, "GRANT SELECT ON CATALOG sales TO `" + BOB + "`"))
        .isInstanceOfSatisfying(
            GovernanceException.class, e -> assertThat(e.sqlState()).isEqualTo("42501"))
        .hasMessage(
            "[INSUFFICIENT_PERMISSIONS] Insufficient privileges:\n"
                + "User does not have MANAGE on Catalog 'sales'.");
    assertThat(rows(BOB, "SHOW GRANTS `" + BOB + "` ON CATALOG sales")).hasSize(2);
    assertThatThrownBy(() -> rows(BOB, "SHOW GRANTS ON CATALOG sales"))
        .hasMessageContaining("INSUFFICIENT_PERMISSIONS");

    run("admin", "REVOKE BROWSE ON CATALOG sales FROM `" + BOB + "`");
    run("admin", "ALTER CATALOG sales OWNER TO `" + BOB + "`");
    run(BOB, "GRANT ALL PRIVILEGES ON SCHEMA sales.default TO admins");
    assertThat(rows(BOB, "SHOW GRANTS admins ON SCHEMA sales.default"))
        .containsExactly(List.of("admins", "ALL PRIVILEGES", "SCHEMA", "sales.default"));
  }

  @Test
  void grantsOnParentsShowOnTheirChildrenAndNamesResolveAgainstTheSession() {
    run("admin", "CREATE CATALOG main");
    SecurableName orders = SecurableName.table("main", "default", "orders");
    governance
        .securables()
        .createTable(
            TableDefinition.managed(
                orders,
                List.of(
                    ColumnDefinition.of("id", "BIGINT"), ColumnDefinition.of("region", "STRING"))),
            "admin");
    governance
        .securables()
        .createFunction(
            new FunctionDefinition(
                SecurableName.function("main", "default", "us_only"),
                List.of(ColumnDefinition.of("region", "STRING")),
                "BOOLEAN",
                "region = 'US'",
                Optional.empty()),
            "admin");
    NameContext session = new NameContext(Optional.of("main"), Optional.of("default"));
    run("admin", "GRANT USE SCHEMA ON DATABASE default TO `" + BOB + "`", session);
    run("admin", "GRANT SELECT ON orders TO `" + BOB + "`", session);
    assertThat(rows("admin", "SHOW GRANTS ON TABLE main.default.orders"))
        .containsExactly(
            List.of("admin", "OWN", "TABLE", "main.default.orders"),
            List.of(BOB, "USE SCHEMA", "SCHEMA", "main.default"),
            List.of(BOB, "SELECT", "TABLE", "main.default.orders"));

    run("admin", "ALTER TABLE orders SET ROW FILTER us_only ON (region)", session);
    run(
        "admin",
        "ALTER TABLE default.orders ALTER COLUMN region SET MASK main.default.us_only",
        session);
    assertThat(governance.policies().policies(orders).rowFilter().orElseThrow().function())
        .isEqualTo(SecurableName.function("main", "default", "us_only"));
    assertThat(governance.policies().policies(orders).columnMasks()).hasSize(1);
    assertThatThrownBy(() -> run(BOB, "ALTER TABLE main.default.orders DROP ROW FILTER"))
        .hasMessageContaining("INSUFFICIENT_PERMISSIONS");
    run("admin", "ALTER TABLE main.default.orders DROP ROW FILTER");
    run("admin", "ALTER TABLE main.default.orders ALTER COLUMN region DROP MASK");
    assertThat(governance.policies().policies(orders).isEmpty()).isTrue();

    assertThatThrownBy(() -> run("admin", "GRANT SELECT ON orders TO bob"))
        .hasMessageContaining("qualify it");
    assertThatThrownBy(() -> run("admin", "DROP CATALOG main"))
        .isInstanceOfSatisfying(
            GovernanceException.class,
            e -> assertThat(e.errorClass()).isEqualTo("CATALOG_NOT_EMPTY"));
    run("admin", "DROP CATALOG main CASCADE");
    run("admin", "DROP CATALOG IF EXISTS main");
    assertThat(governance.securables().find(orders)).isEmpty();
  }

  @Test
  void sqlFunctionsAreCreatedOwnedAndUsableAsRowFilters() {
    run("admin", "CREATE CATALOG main");
    SecurableName orders = SecurableName.table("main", "default", "orders");
    governance
        .securables()
        .createTable(
            TableDefinition.managed(orders, List.of(ColumnDefinition.of("region", "STRING"))),
            "admin");
    run("admin", "GRANT USE CATALOG ON CATALOG main TO `" + BOB + "`");
    assertThatThrownBy(
            () ->
                run(
                    BOB,
                    "CREATE FUNCTION main.default.us_only(region STRING) RETURNS BOOLEAN RETURN region = 'US'"))
        .hasMessage(
            "[INSUFFICIENT_PERMISSIONS] Insufficient privileges:\n"
                + "User does not have USE SCHEMA on Schema 'main.default'.\n"
                + "User does not have CREATE FUNCTION on Schema 'main.default'.");
    run("admin", "GRANT USE SCHEMA, CREATE FUNCTION ON SCHEMA main.default TO `" + BOB + "`");
    run(
        BOB,
        "CREATE FUNCTION main.default.us_only(region STRING, since decimal(10, 2)) RETURNS BOOLEAN"
            + " COMMENT 'US rows' RETURN IF(is_account_group_member('admins'), TRUE, region = 'US');");
    SecurableName function = SecurableName.function("main", "default", "us_only");
    FunctionDefinition definition = governance.securables().function(function);
    assertThat(definition.body())
        .isEqualTo("IF(is_account_group_member('admins'), TRUE, region = 'US')");
    assertThat(definition.returnType()).isEqualTo("BOOLEAN");
    assertThat(definition.parameters())
        .extracting(ColumnDefinition::typeText)
        .containsExactly("STRING", "DECIMAL(10,2)");
    assertThat(governance.securables().require(function).owner()).isEqualTo(BOB);
    assertThatThrownBy(
            () ->
                run(
                    BOB,
                    "CREATE FUNCTION main.default.us_only(r STRING) RETURNS BOOLEAN RETURN true"))
        .hasMessageContaining("ROUTINE_ALREADY_EXISTS");
    run(
        BOB,
        "CREATE FUNCTION IF NOT EXISTS main.default.us_only(r STRING) RETURNS BOOLEAN RETURN true");
    run(
        BOB,
        "CREATE OR REPLACE FUNCTION main.default.us_only(region STRING) RETURNS BOOLEAN RETURN region = 'US'");
    assertThat(governance.securables().function(function).parameters()).hasSize(1);
    assertThatThrownBy(
            () ->
                run(
                    "admin",
                    "ALTER TABLE main.default.orders SET ROW FILTER main.default.us_only ON (region)"))
        .hasMessage(
            "[INSUFFICIENT_PERMISSIONS] Insufficient privileges:\n"
                + "User does not have EXECUTE on Function 'main.default.us_only'.");
    run("admin", "GRANT EXECUTE ON FUNCTION main.default.us_only TO admins");
    run("admin", "ALTER TABLE main.default.orders SET ROW FILTER main.default.us_only ON (region)");
    run(BOB, "DROP FUNCTION main.default.us_only");
    assertThat(governance.securables().find(function)).isEmpty();
  }

  private void run(String principal, String sql) {
    run(principal, sql, NameContext.NONE);
  }

  private void run(String principal, String sql, NameContext names) {
    assertThat(statements.execute(principal, "statement", sql, names)).isPresent();
  }

  private StatementResult result(String principal, String sql) {
    return statements.execute(principal, "statement", sql, NameContext.NONE).orElseThrow();
  }

  private List<List<String>> rows(String principal, String sql) {
    return result(principal, sql).rows();
  }
}
