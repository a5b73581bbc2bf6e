package io.sluice.gateway.governance;

import static io.sluice.gateway.governance.TestingGovernedClients.column;
import static io.sluice.gateway.governance.TestingGovernedClients.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.gateway.testing.TestingSluice;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Governance SQL through a real client (Apache Hive JDBC), answered by the gateway: the admin
 * creates users and tokens over REST, then a catalog and grants in SQL; each user sees exactly the
 * catalogs granted to it, and a refusal is SQLSTATE 42501 naming the missing privilege.
 */
@Timeout(300)
class TestGovernanceSqlThroughJdbc {
  private final TestingSluice sluice = TestingSluice.shared();
  private final TestingRestClient admin = new TestingRestClient(sluice.httpPort(), sluice.token());
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void adminGrantsAndEachUserSeesExactlyWhatWasGranted() throws Exception {
    String grace = "grace-" + suffix + "@example.com";
    String heidi = "heidi-" + suffix + "@example.com";
    String graceToken = userWithToken(grace);
    String heidiToken = userWithToken(heidi);
    String catalog = "jdbc_" + suffix;

    try (Connection adminConnection = connect(sluice.token());
        Connection graceConnection = connect(graceToken);
        Connection heidiConnection = connect(heidiToken)) {
      execute(adminConnection, "CREATE CATALOG " + catalog + " COMMENT 'through JDBC'");
      assertThat(column(adminConnection, "SHOW CATALOGS", 1)).contains(catalog);
      assertThat(column(graceConnection, "SHOW CATALOGS", 1)).doesNotContain(catalog);

      execute(adminConnection, "GRANT USE CATALOG ON CATALOG " + catalog + " TO `" + grace + "`");
      execute(
          adminConnection,
          "GRANT USE SCHEMA, CREATE TABLE ON SCHEMA " + catalog + ".default TO `" + grace + "`");
      assertThat(column(graceConnection, "SHOW CATALOGS", 1)).contains(catalog);
      assertThat(column(heidiConnection, "SHOW CATALOGS", 1)).doesNotContain(catalog);

      try (Statement statement = adminConnection.createStatement();
          ResultSet grants =
              statement.executeQuery("SHOW GRANTS ON SCHEMA " + catalog + ".default")) {
        ResultSetMetaData metadata = grants.getMetaData();
        assertThat(
                List.of(
                    metadata.getColumnName(1),
                    metadata.getColumnName(2),
                    metadata.getColumnName(3),
                    metadata.getColumnName(4)))
            .containsExactly("principal", "actionType", "objectType", "objectKey");
        List<String> rows = new ArrayList<>();
        while (grants.next()) {
          rows.add(
              grants.getString(1)
                  + " "
                  + grants.getString(2)
                  + " "
                  + grants.getString(3)
                  + " "
                  + grants.getString(4));
        }
        assertThat(rows)
            .containsExactly(
                "admin OWN SCHEMA " + catalog + ".default",
                grace + " USE CATALOG CATALOG " + catalog,
                grace + " CREATE TABLE SCHEMA " + catalog + ".default",
                grace + " USE SCHEMA SCHEMA " + catalog + ".default");
      }

      assertThatThrownBy(
              () ->
                  execute(
                      graceConnection,
                      "GRANT USE CATALOG ON CATALOG " + catalog + " TO `" + heidi + "`"))
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"))
          .hasMessageContaining(
              "[INSUFFICIENT_PERMISSIONS] Insufficient privileges:\nUser does not have MANAGE on Catalog '"
                  + catalog
                  + "'.");
      assertThatThrownBy(() -> execute(heidiConnection, "GRANT SELECT ON"))
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42601"));

      execute(adminConnection, "ALTER CATALOG " + catalog + " OWNER TO `" + grace + "`");
      execute(graceConnection, "GRANT USE CATALOG ON CATALOG " + catalog + " TO `" + heidi + "`");
      assertThat(column(heidiConnection, "SHOW CATALOGS LIKE 'jdbc_*'", 1)).contains(catalog);
      assertThat(column(heidiConnection, "SHOW GRANTS `" + heidi + "` ON CATALOG " + catalog, 2))
          .containsExactly("USE CATALOG");

      execute(
          graceConnection, "REVOKE USE CATALOG ON CATALOG " + catalog + " FROM `" + heidi + "`");
      assertThat(column(heidiConnection, "SHOW CATALOGS", 1)).doesNotContain(catalog);
      assertThat(sluice.sluice().governance().audit().recent(java.util.Optional.of(grace), 50))
          .anySatisfy(event -> assertThat(event.allowed()).isFalse())
          .anySatisfy(event -> assertThat(event.allowed()).isTrue());

      execute(adminConnection, "DROP CATALOG " + catalog + " CASCADE");
      assertThat(column(adminConnection, "SHOW CATALOGS", 1)).doesNotContain(catalog);
    }
  }

  @Test
  void otherStatementsStillRunOnTheEngine() throws Exception {
    try (Connection connection = connect(sluice.token())) {
      assertThat(column(connection, "SELECT 41 + 1 AS answer", 1)).containsExactly("42");
    }
  }

  private String userWithToken(String userName) throws Exception {
    return TestingGovernedClients.userWithToken(admin, userName);
  }

  private Connection connect(String token) throws SQLException {
    return TestingGovernedClients.connect(sluice, token);
  }
}
