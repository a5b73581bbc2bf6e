package io.sluice.gateway.governance;

import static io.sluice.gateway.governance.TestingGovernedClients.column;
import static io.sluice.gateway.governance.TestingGovernedClients.connect;
import static io.sluice.gateway.governance.TestingGovernedClients.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.gateway.testing.TestingSluice;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every statement is authorized against governance before it reaches an engine: through a real
 * client, a user is refused with SQLSTATE 42501 and Unity Catalog's wording naming every missing
 * privilege, until the privileges are granted; each decision is audited with its statement.
 */
@Timeout(300)
class TestStatementAuthorization {
  private final TestingSluice sluice = TestingSluice.shared();
  private final TestingRestClient admin = new TestingRestClient(sluice.httpPort(), sluice.token());
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final String catalog = "authz_" + suffix;
  private final String user = "ivan-" + suffix + "@example.com";
  private String userToken;

  @BeforeEach
  void catalogWithOneTable() throws Exception {
    userToken = TestingGovernedClients.userWithToken(admin, user);
    try (Connection adminConnection = connect(sluice, sluice.token())) {
      execute(adminConnection, "CREATE CATALOG " + catalog);
    }
    assertThat(
            admin
                .post(
                    "/api/2.1/unity-catalog/tables",
                    Map.of(
                        "catalog_name",
                        catalog,
                        "schema_name",
                        "default",
                        "name",
                        "orders",
                        "columns",
                        List.of(Map.of("name", "id", "type_text", "int"))))
                .status())
        .isEqualTo(200);
  }

  @Test
  void aReadNeedsTheUseGatesAndSelectAndTheRefusalNamesAllThatIsMissing() throws Exception {
    String orders = catalog + ".default.orders";
    try (Connection connection = connect(sluice, userToken)) {
      assertRefused(
          connection,
          "SELECT * FROM " + orders,
          "[INSUFFICIENT_PERMISSIONS] Insufficient privileges:\n"
              + "User does not have USE CATALOG on Catalog '"
              + catalog
              + "'.\nUser does not have USE SCHEMA on Schema '"
              + catalog
              + ".default'.\nUser does not have SELECT on Table '"
              + orders
              + "'.");
      grant("USE CATALOG ON CATALOG " + catalog);
      grant("USE SCHEMA ON SCHEMA " + catalog + ".default");
      assertRefused(
          connection,
          "SELECT id FROM " + orders + " WHERE id > 0",
          "[INSUFFICIENT_PERMISSIONS] Insufficient privileges:\n"
              + "User does not have SELECT on Table '"
              + orders
              + "'.");
      assertRefused(
          connection,
          "SELECT * FROM (SELECT 1) JOIN " + orders,
          "User does not have SELECT on Table '" + orders + "'.");
      assertRefused(
          connection,
          "WITH recent AS (SELECT * FROM " + orders + ") SELECT count(*) FROM recent",
          "User does not have SELECT on Table '" + orders + "'.");
      grant("SELECT ON TABLE " + orders);
      assertThatThrownBy(() -> execute(connection, "INSERT INTO " + orders + " VALUES (1)"))
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"))
          .hasMessageContaining("User does not have MODIFY on Table '" + orders + "'.")
          .hasMessageNotContaining("SELECT");
    }
    assertThat(sluice.sluice().governance().audit().recent(Optional.of(user), 50))
        .anySatisfy(
            event -> {
              assertThat(event.allowed()).isFalse();
              assertThat(event.actionName()).isEqualTo("READ");
              assertThat(event.statementId()).isPresent();
            });
  }

  @Test
  void identityFunctionsAnswerForThePersonRunningTheStatement() throws Exception {
    try (Connection connection = connect(sluice, userToken);
        Connection adminConnection = connect(sluice, sluice.token())) {
      String sql = "SELECT current_user(), is_account_group_member('admins')";
      assertThat(column(connection, sql, 1)).containsExactly(user);
      assertThat(column(connection, sql, 2)).containsExactly("false");
      assertThat(column(adminConnection, sql, 1)).containsExactly("admin");
      assertThat(column(adminConnection, sql, 2)).containsExactly("true");
    }
  }

  @Test
  void creatingATableNeedsCreateTableOnItsSchema() throws Exception {
    try (Connection connection = connect(sluice, userToken)) {
      grant("USE CATALOG ON CATALOG " + catalog);
      grant("USE SCHEMA ON SCHEMA " + catalog + ".default");
      assertRefused(
          connection,
          "CREATE TABLE " + catalog + ".default.mine (id INT)",
          "User does not have CREATE TABLE on Schema '" + catalog + ".default'.");
      assertRefused(
          connection,
          "DROP TABLE " + catalog + ".default.orders",
          "User does not have MANAGE on Table '" + catalog + ".default.orders'.");
    }
  }

  @Test
  void aRefusedUseLeavesTheSessionWhereItWas() throws Exception {
    try (Connection connection = connect(sluice, userToken)) {
      assertRefused(
          connection,
          "USE " + catalog + ".default",
          "User does not have USE CATALOG on Catalog '" + catalog + "'.");
      assertRefused(connection, "SELECT * FROM orders", "spark_catalog.default.orders");
    }
  }

  @Test
  void theLegacyCatalogIsForAdminsOnly() throws Exception {
    String table = "legacy_" + suffix;
    try (Connection adminConnection = connect(sluice, sluice.token());
        Connection connection = connect(sluice, userToken)) {
      execute(adminConnection, "CREATE TABLE default." + table + " AS SELECT 7 AS id");
      assertThat(column(adminConnection, "SELECT id FROM " + table, 1)).containsExactly("7");
      assertRefused(
          connection,
          "SELECT id FROM " + table,
          "spark_catalog.default." + table + " is in the engines' legacy catalog spark_catalog");
      assertThat(column(connection, "SELECT 6 * 7", 1)).containsExactly("42");
      execute(connection, "USE default");
      execute(adminConnection, "DROP TABLE default." + table);
    }
  }

  @Test
  void theSamplesCatalogIsReadableByAnyoneAndWritableByNone() throws Exception {
    try (Connection connection = connect(sluice, userToken)) {
      assertThat(column(connection, "SELECT count(*) > 0 FROM samples.tpcds_sf0_01.call_center", 1))
          .containsExactly("true");
      assertRefused(
          connection,
          "INSERT INTO samples.tpcds_sf0_01.call_center"
              + " SELECT * FROM samples.tpcds_sf0_01.call_center",
          "the catalog 'samples' is read-only");
    }
  }

  @Test
  void aCatalogThatDoesNotExistIsNotFound() throws Exception {
    try (Connection connection = connect(sluice, sluice.token())) {
      assertThatThrownBy(() -> execute(connection, "SELECT * FROM nowhere_" + suffix + ".s.t"))
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42P01"))
          .hasMessageContaining("TABLE_OR_VIEW_NOT_FOUND");
    }
  }

  private void grant(String privilegeOnObject) throws SQLException {
    try (Connection adminConnection = connect(sluice, sluice.token())) {
      execute(adminConnection, "GRANT " + privilegeOnObject + " TO `" + user + "`");
    }
  }

  private static void assertRefused(Connection connection, String sql, String message) {
    assertThatThrownBy(() -> execute(connection, sql))
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"))
        .hasMessageContaining(message);
  }
}
