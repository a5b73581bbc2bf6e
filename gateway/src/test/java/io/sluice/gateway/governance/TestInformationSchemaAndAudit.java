package io.sluice.gateway.governance;

import static io.sluice.gateway.governance.TestingGovernedClients.connect;
import static io.sluice.gateway.governance.TestingGovernedClients.createUser;
import static io.sluice.gateway.governance.TestingGovernedClients.execute;
import static io.sluice.gateway.governance.TestingGovernedClients.rows;
import static io.sluice.gateway.governance.TestingGovernedClients.tokenFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.gateway.testing.TestingSluice;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Each catalog's {@code information_schema} and the admins' {@code system.access.audit}, through a
 * real client and a real engine: an admin creates a catalog, schemas, tables and grants; each user
 * sees exactly the objects and grants they may see, in any SQL; the audit shows every decision to
 * admins and to nobody else.
 */
@Timeout(600)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestInformationSchemaAndAudit {
  private final TestingSluice sluice = TestingSluice.shared();
  private final TestingRestClient admin = new TestingRestClient(sluice.httpPort(), sluice.token());
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final String catalog = "info_" + suffix;
  private final String granted = "granted-" + suffix + "@example.com";
  private final String stranger = "stranger-" + suffix + "@example.com";
  private String grantedToken;
  private String strangerToken;

  @BeforeAll
  void catalogTablesAndGrants() throws Exception {
    createUser(admin, granted);
    createUser(admin, stranger);
    grantedToken = tokenFor(admin, granted);
    strangerToken = tokenFor(admin, stranger);
    try (Connection owner = connect(sluice, sluice.token())) {
      execute(owner, "CREATE CATALOG " + catalog);
      execute(owner, "CREATE SCHEMA " + catalog + ".sales COMMENT 'sales data'");
      execute(owner, "CREATE SCHEMA " + catalog + ".hr");
      execute(owner, "CREATE TABLE " + catalog + ".sales.orders (id INT NOT NULL, item STRING)");
      execute(owner, "CREATE TABLE " + catalog + ".sales.secret (x BIGINT)");
      execute(owner, "CREATE TABLE " + catalog + ".hr.staff (name STRING)");
      execute(owner, "GRANT USE CATALOG ON CATALOG " + catalog + " TO `" + granted + "`");
      execute(owner, "GRANT USE SCHEMA ON SCHEMA " + catalog + ".sales TO `" + granted + "`");
      execute(owner, "GRANT SELECT ON TABLE " + catalog + ".sales.orders TO `" + granted + "`");
      execute(owner, "GRANT USE CATALOG ON CATALOG " + catalog + " TO `" + stranger + "`");
    }
  }

  @Test
  void aUserSeesExactlyTheGrantedTablesAndColumns() throws Exception {
    try (Connection connection = connect(sluice, grantedToken)) {
      assertThat(
              rows(connection, "SELECT schema_name FROM " + infoSchema("schemata") + " ORDER BY 1"))
          .containsExactly("information_schema", "sales");
      assertThat(
              rows(
                  connection,
                  "SELECT table_catalog, table_schema, table_name, table_type, table_owner,"
                      + " data_source_format FROM "
                      + infoSchema("tables")))
          .containsExactly(catalog + "|sales|orders|MANAGED|admin|DELTA");
      assertThat(
              rows(
                  connection,
                  "SELECT table_name, column_name, ordinal_position, is_nullable, data_type,"
                      + " full_data_type FROM "
                      + infoSchema("columns")
                      + " ORDER BY ordinal_position"))
          .containsExactly("orders|id|0|NO|INT|int", "orders|item|1|YES|STRING|string");
      assertThat(
              rows(
                  connection,
                  "SELECT grantee, table_schema, table_name, privilege_type, inherited_from FROM "
                      + infoSchema("table_privileges")))
          .containsExactly(granted + "|sales|orders|SELECT|null");
      assertThat(
              rows(
                  connection,
                  "SELECT grantee, privilege_type FROM " + infoSchema("catalog_privileges")))
          .containsExactly(granted + "|USE CATALOG");
    }
  }

  @Test
  void aUserWithoutGrantsSeesNone() throws Exception {
    try (Connection connection = connect(sluice, strangerToken)) {
      assertThat(rows(connection, "SELECT schema_name FROM " + infoSchema("schemata")))
          .containsExactly("information_schema");
      assertThat(rows(connection, "SELECT * FROM " + infoSchema("tables"))).isEmpty();
      assertThat(rows(connection, "SELECT * FROM " + infoSchema("columns"))).isEmpty();
      assertThat(rows(connection, "SELECT * FROM " + infoSchema("table_privileges"))).isEmpty();
    }
  }

  @Test
  void theAdminSeesEveryTableAndGrant() throws Exception {
    try (Connection connection = connect(sluice, sluice.token())) {
      assertThat(
              rows(
                  connection,
                  "SELECT table_schema, table_name FROM "
                      + infoSchema("tables")
                      + " WHERE table_catalog = '"
                      + catalog
                      + "' ORDER BY 1, 2"))
          .containsExactly("hr|staff", "sales|orders", "sales|secret");
      assertThat(
              rows(
                  connection,
                  "SELECT grantee, table_name, privilege_type FROM "
                      + infoSchema("table_privileges")))
          .containsExactly(granted + "|orders|SELECT");
      assertThat(
              rows(
                  connection,
                  "SELECT grantee, schema_name, privilege_type FROM "
                      + infoSchema("schema_privileges")))
          .containsExactly(granted + "|sales|USE SCHEMA");
    }
  }

  @Test
  void informationSchemaWorksInJoinsFiltersAndAsTheCurrentSchema() throws Exception {
    try (Connection connection = connect(sluice, grantedToken)) {
      assertThat(
              rows(
                  connection,
                  "SELECT t.table_name, count(c.column_name), max(c.ordinal_position) FROM "
                      + infoSchema("tables")
                      + " t JOIN "
                      + infoSchema("columns")
                      + " c ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
                      + " WHERE t.table_type = 'MANAGED' GROUP BY t.table_name"))
          .containsExactly("orders|2|1");
      assertThat(
              rows(
                  connection,
                  "SELECT count(*) FROM "
                      + catalog
                      + ".sales.orders o WHERE EXISTS (SELECT 1 FROM "
                      + infoSchema("tables")
                      + " t WHERE t.table_name = 'orders')"))
          .containsExactly("0");
      assertThat(column(connection, "SHOW SCHEMAS IN " + catalog, 1))
          .containsExactlyInAnyOrder("information_schema", "sales");
      execute(connection, "USE " + catalog + ".information_schema");
      assertThat(rows(connection, "SELECT table_name FROM tables")).containsExactly("orders");
      assertThat(column(connection, "SHOW TABLES", 2))
          .contains("schemata", "tables", "columns", "views", "table_privileges");
    }
  }

  @Test
  void informationSchemaIsReadOnlyEvenForAdmins() throws Exception {
    try (Connection connection = connect(sluice, sluice.token())) {
      assertRefused(connection, "DROP TABLE " + infoSchema("tables"), "read-only");
      assertRefused(connection, "CREATE TABLE " + infoSchema("mine") + " (x INT)", "read-only");
      assertRefused(connection, "DROP SCHEMA " + catalog + ".information_schema", "read-only");
    }
  }

  @Test
  void auditShowsDenialsToAdminsOnly() throws Exception {
    try (Connection connection = connect(sluice, strangerToken)) {
      assertRefused(connection, "SELECT * FROM " + catalog + ".sales.orders", "USE SCHEMA");
      assertRefused(connection, "SELECT * FROM system.access.audit", "workspace admins");
      assertRefused(
          connection,
          "SELECT count(*) FROM system.access.audit WHERE action_name = 'READ'",
          "workspace admins");
    }
    try (Connection connection = connect(sluice, sluice.token())) {
      assertThat(
              rows(
                  connection,
                  "SELECT user_identity.email, action_name, request_params['securable_type'],"
                      + " request_params['securable_full_name'], response.status_code, allowed,"
                      + " statement_id IS NOT NULL, event_date = to_date(event_time)"
                      + " FROM system.access.audit WHERE user_identity.email = '"
                      + stranger
                      + "' AND NOT allowed"))
          .containsExactly(
              stranger + "|READ|TABLE|" + catalog + ".sales.orders|403|false|true|true");
      assertThat(
              rows(
                  connection,
                  "SELECT missing_privileges FROM system.access.audit WHERE user_identity.email"
                      + " = '"
                      + stranger
                      + "' AND NOT allowed"))
          .singleElement()
          .asString()
          .contains("USE SCHEMA", "SELECT");
      assertThat(column(connection, "SHOW TABLES IN system.access", 2)).containsExactly("audit");
    }
  }

  @Test
  void queryHistoryShowsEveryonesStatementsToAdminsOnly() throws Exception {
    String marker = "'history_marker_" + suffix + "'";
    try (Connection connection = connect(sluice, grantedToken)) {
      assertThat(rows(connection, "SELECT " + marker)).hasSize(1);
      assertRefused(connection, "SELECT * FROM system.query.history", "workspace admins");
    }
    try (Connection connection = connect(sluice, sluice.token())) {
      assertThat(
              rows(
                  connection,
                  "SELECT executed_by, statement_text, compute.type, start_time IS NOT NULL"
                      + " FROM system.query.history WHERE executed_by = '"
                      + granted
                      + "' AND statement_text LIKE '%"
                      + marker.replace("'", "")
                      + "%'"))
          .containsExactly(granted + "|SELECT " + marker + "|WAREHOUSE|true");
    }
  }

  private String infoSchema(String table) {
    return catalog + ".information_schema." + table;
  }

  private static void assertRefused(Connection connection, String sql, String message) {
    assertThatThrownBy(() -> execute(connection, sql))
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"))
        .hasMessageContaining(message);
  }

  private static List<String> column(Connection connection, String sql, int column)
      throws SQLException {
    return TestingGovernedClients.column(connection, sql, column);
  }
}
