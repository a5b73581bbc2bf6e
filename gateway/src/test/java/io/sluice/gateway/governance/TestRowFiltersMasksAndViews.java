package io.sluice.gateway.governance;

import static io.sluice.gateway.governance.TestingGovernedClients.column;
import static io.sluice.gateway.governance.TestingGovernedClients.connect;
import static io.sluice.gateway.governance.TestingGovernedClients.createGroup;
import static io.sluice.gateway.governance.TestingGovernedClients.createUser;
import static io.sluice.gateway.governance.TestingGovernedClients.execute;
import static io.sluice.gateway.governance.TestingGovernedClients.tokenFor;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Row filters, column masks, views and dynamic views, through a real client and a real engine:
 * grants and policies in, exact rows out. Expected rows are what the engine itself answers, over
 * the raw table on a direct engine connection, to the query with the policy written out by hand.
 */
@Timeout(600)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestRowFiltersMasksAndViews {
  private final TestingSluice sluice = TestingSluice.shared();
  private final TestingRestClient admin = new TestingRestClient(sluice.httpPort(), sluice.token());
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final String catalog = "policy_" + suffix;
  private final String schema = catalog + ".sales";
  private final String auditors = "auditors_" + suffix;

  /** A reader outside the auditors group, whose name needs quoting in SQL. */
  private final String reader = "o'hara-" + suffix + "@example.com";

  private final String auditor = "auditor-" + suffix + "@example.com";
  private final String viewer = "viewer-" + suffix + "@example.com";
  private String readerToken;
  private String auditorToken;
  private String viewerToken;

  @BeforeAll
  void tablesPoliciesAndGrants() throws Exception {
    String readerId = createUser(admin, reader);
    String auditorId = createUser(admin, auditor);
    createUser(admin, viewer);
    createGroup(admin, auditors, List.of(auditorId));
    readerToken = tokenFor(admin, reader);
    auditorToken = tokenFor(admin, auditor);
    viewerToken = tokenFor(admin, viewer);
    try (Connection owner = connect(sluice, sluice.token())) {
      execute(owner, "CREATE CATALOG " + catalog);
      execute(owner, "CREATE SCHEMA " + schema);
      execute(
          owner,
          "CREATE TABLE " + schema + ".orders (id INT, region STRING, card STRING, amount DOUBLE)");
      execute(
          owner,
          "INSERT INTO "
              + schema
              + ".orders VALUES (1, 'US', '4111-1111', 10.0), (2, 'EU', '5500-2222', 20.0),"
              + " (3, 'US', '3400-3333', 30.0), (4, NULL, '6011-4444', 40.0)");
      execute(owner, "CREATE TABLE " + schema + ".regions (region STRING, manager STRING)");
      execute(owner, "INSERT INTO " + schema + ".regions VALUES ('US', 'Ann'), ('EU', 'Bob')");
      execute(owner, "CREATE TABLE " + schema + ".notes (author STRING, note STRING)");
      execute(
          owner,
          "INSERT INTO "
              + schema
              + ".notes VALUES ('"
              + reader.replace("'", "\\'")
              + "', 'mine'), ('someone-else', 'theirs')");
      execute(
          owner,
          "CREATE FUNCTION "
              + schema
              + ".us_only(r STRING) RETURNS BOOLEAN RETURN r = 'US' OR"
              + " is_account_group_member('"
              + auditors
              + "')");
      execute(
          owner,
          "CREATE FUNCTION "
              + schema
              + ".last_four(c STRING) RETURNS STRING RETURN CASE WHEN is_account_group_member('"
              + auditors
              + "') THEN c ELSE concat('****', substr(c, -4)) END");
      execute(
          owner,
          "CREATE FUNCTION "
              + schema
              + ".own_notes(a STRING) RETURNS BOOLEAN RETURN a = current_user()");
      execute(
          owner,
          "CREATE FUNCTION "
              + schema
              + ".with_tax(a DOUBLE, region STRING) RETURNS DOUBLE"
              + " RETURN CASE WHEN region = 'US' THEN a * 1.1 ELSE a END");
      execute(owner, "GRANT EXECUTE ON FUNCTION " + schema + ".with_tax TO `" + reader + "`");
      execute(
          owner,
          "ALTER TABLE " + schema + ".orders SET ROW FILTER " + schema + ".us_only ON (region)");
      execute(
          owner,
          "ALTER TABLE " + schema + ".orders ALTER COLUMN card SET MASK " + schema + ".last_four");
      execute(
          owner,
          "ALTER TABLE " + schema + ".notes SET ROW FILTER " + schema + ".own_notes ON (author)");
      execute(
          owner,
          "CREATE VIEW "
              + schema
              + ".totals AS SELECT region, sum(amount) AS total FROM "
              + schema
              + ".orders GROUP BY region");
      execute(
          owner,
          "CREATE VIEW "
              + schema
              + ".whoami AS SELECT current_user() AS reader, is_account_group_member('"
              + auditors
              + "') AS auditor");
      for (String user : List.of(reader, auditor, viewer)) {
        execute(owner, "GRANT USE CATALOG ON CATALOG " + catalog + " TO `" + user + "`");
        execute(owner, "GRANT USE SCHEMA ON SCHEMA " + schema + " TO `" + user + "`");
      }
      for (String user : List.of(reader, auditor)) {
        execute(owner, "GRANT SELECT ON SCHEMA " + schema + " TO `" + user + "`");
      }
      execute(owner, "GRANT SELECT ON TABLE " + schema + ".totals TO `" + viewer + "`");
      execute(owner, "GRANT SELECT ON TABLE " + schema + ".whoami TO `" + viewer + "`");
    }
  }

  @Test
  void aReaderSeesOnlyTheRowsTheFilterKeepsWithMaskedValuesThroughEveryConstruct()
      throws Exception {
    String maskedUsOrders =
        "(SELECT id, region, concat('****', substr(card, -4)) AS card, amount FROM "
            + schema
            + ".orders WHERE region = 'US')";
    String[][] queries = {
      {
        "SELECT id, card FROM orders ORDER BY id",
        "SELECT id, card FROM " + maskedUsOrders + " ORDER BY id"
      },
      {
        "SELECT count(*) FROM orders WHERE card LIKE '4111%' OR region IS NULL",
        "SELECT count(*) FROM " + maskedUsOrders + " WHERE card LIKE '4111%' OR region IS NULL"
      },
      {
        "WITH o AS (SELECT * FROM orders) SELECT r.manager, sum(o.amount) FROM o JOIN regions r"
            + " ON o.region = r.region GROUP BY r.manager ORDER BY 1",
        "SELECT r.manager, sum(o.amount) FROM "
            + maskedUsOrders
            + " o JOIN "
            + schema
            + ".regions r ON o.region = r.region GROUP BY r.manager ORDER BY 1"
      },
      {
        "SELECT id, rank() OVER (ORDER BY amount DESC) FROM sales.orders"
            + " WHERE id IN (SELECT id FROM orders) UNION ALL SELECT -1, -1 ORDER BY 1",
        "SELECT id, rank() OVER (ORDER BY amount DESC) FROM "
            + maskedUsOrders
            + " UNION ALL SELECT -1, -1 ORDER BY 1"
      },
      {
        "select OTBL.card from (select ITBL.card from `"
            + catalog
            + "`.`sales`.`orders` ITBL)"
            + " OTBL order by 1 limit 101",
        "SELECT card FROM " + maskedUsOrders + " ORDER BY 1"
      },
      {
        "SELECT region, total FROM totals ORDER BY 1",
        "SELECT region, sum(amount) FROM " + maskedUsOrders + " GROUP BY region ORDER BY 1"
      },
    };
    try (Connection connection = connect(sluice, readerToken);
        Connection direct = sluice.directEngineConnection()) {
      execute(connection, "USE " + schema);
      for (String[] query : queries) {
        assertThat(rows(connection, query[0])).as(query[0]).isEqualTo(rows(direct, query[1]));
      }
      assertThat(rows(connection, "SELECT count(*) FROM orders")).containsExactly(List.of("2"));
      String plan = String.join("\n", rows(connection, "EXPLAIN SELECT * FROM orders").get(0));
      assertThat(plan).contains("US").contains("****").doesNotContain(auditors);
    }
  }

  /**
   * A predicate that fails on a hidden row (integer division by zero under ANSI) must not be
   * evaluated on it: the engine may not move the user's predicate under or ahead of the filter.
   */
  @Test
  void theUsersPredicatesNeverSeeHiddenRows() throws Exception {
    try (Connection connection = connect(sluice, auditorToken)) {
      assertThatThrownBy(
              () ->
                  rows(
                      connection,
                      "SELECT id FROM "
                          + schema
                          + ".orders WHERE 10 div (CAST(amount AS INT) - 20) <= -1"))
          .as("the auditor sees row 2, where the predicate divides by zero")
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22012"));
    }
    try (Connection connection = connect(sluice, readerToken)) {
      assertThat(
              rows(
                  connection,
                  "SELECT id FROM "
                      + schema
                      + ".orders WHERE 10 div (CAST(amount AS INT) - 20) <= -1 ORDER BY id"))
          .containsExactly(List.of("1"));
      assertThat(
              rows(
                  connection,
                  "SELECT o.id FROM "
                      + schema
                      + ".orders o JOIN "
                      + schema
                      + ".regions r ON o.region = r.region"
                      + " WHERE 10 div (CAST(o.amount AS INT) - 20) >= 1 ORDER BY 1"))
          .containsExactly(List.of("3"));
    }
  }

  @Test
  void theMetastoresFunctionsAreCalledWithExecuteOnThem() throws Exception {
    try (Connection connection = connect(sluice, readerToken);
        Connection direct = sluice.directEngineConnection()) {
      assertThat(
              rows(
                  connection,
                  "SELECT id, "
                      + schema
                      + ".with_tax(amount, region) FROM "
                      + schema
                      + ".orders ORDER BY id"))
          .isEqualTo(
              rows(
                  direct,
                  "SELECT id, CAST(amount * 1.1 AS DOUBLE) FROM "
                      + schema
                      + ".orders WHERE region = 'US' ORDER BY id"));
      assertThatThrownBy(() -> rows(connection, "SELECT " + schema + ".last_four('1234-5678')"))
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"))
          .hasMessageContaining(
              "User does not have EXECUTE on Function '" + schema + ".last_four'.");
    }
  }

  @Test
  void anAuditorSeesEveryRowUnmasked() throws Exception {
    try (Connection connection = connect(sluice, auditorToken);
        Connection direct = sluice.directEngineConnection()) {
      String sql = "SELECT id, region, card, amount FROM " + schema + ".orders ORDER BY id";
      assertThat(rows(connection, sql)).hasSize(4).isEqualTo(rows(direct, sql));
      assertThat(rows(connection, "SELECT * FROM " + schema + ".totals ORDER BY region"))
          .isEqualTo(
              rows(
                  direct,
                  "SELECT region, sum(amount) FROM "
                      + schema
                      + ".orders GROUP BY region ORDER BY region"));
    }
  }

  @Test
  void aViewReadsWithItsOwnersRightsAndTheReadersPolicies() throws Exception {
    try (Connection connection = connect(sluice, viewerToken)) {
      assertThat(rows(connection, "SELECT region, total FROM " + schema + ".totals"))
          .containsExactly(List.of("US", "40.0"));
      assertThat(rows(connection, "SELECT * FROM " + schema + ".whoami"))
          .containsExactly(List.of(viewer, "false"));
      assertThatThrownBy(() -> rows(connection, "SELECT * FROM " + schema + ".orders"))
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"))
          .hasMessageContaining("User does not have SELECT on Table '" + schema + ".orders'.");
    }
    try (Connection connection = connect(sluice, auditorToken)) {
      assertThat(rows(connection, "SELECT * FROM " + schema + ".whoami"))
          .containsExactly(List.of(auditor, "true"));
    }
  }

  @Test
  void currentUserInAFilterIsTheReaderWhateverTheirNameHolds() throws Exception {
    try (Connection connection = connect(sluice, readerToken)) {
      assertThat(rows(connection, "SELECT author, note FROM " + schema + ".notes"))
          .containsExactly(List.of(reader, "mine"));
    }
  }

  @Test
  void aRowFilterMayReadAMappingTableWithItsOwnersRights() throws Exception {
    String territory = catalog + ".territory";
    String mappedUser = "mapped-" + suffix + "@example.com";
    createUser(admin, mappedUser);
    String mappedToken = tokenFor(admin, mappedUser);
    try (Connection owner = connect(sluice, sluice.token())) {
      execute(owner, "CREATE SCHEMA " + territory);
      execute(owner, "CREATE TABLE " + territory + ".accounts (id INT, region STRING)");
      execute(
          owner,
          "INSERT INTO "
              + territory
              + ".accounts VALUES (1, 'US'), (2, 'EU'), (3, 'APAC'), (4, NULL)");
      execute(owner, "CREATE TABLE " + territory + ".access_map (user_name STRING, region STRING)");
      execute(
          owner,
          "INSERT INTO "
              + territory
              + ".access_map VALUES ('"
              + mappedUser
              + "', 'EU'), ('"
              + mappedUser
              + "', 'APAC'), ('someone-else', 'US')");
      // The mapping table is named as the function's schema sees it; the parameter is named apart
      // from the mapping table's columns.
      execute(
          owner,
          "CREATE FUNCTION "
              + territory
              + ".mapped(region_param STRING) RETURNS BOOLEAN RETURN EXISTS (SELECT 1 FROM"
              + " access_map m WHERE m.user_name = current_user() AND m.region = region_param)");
      execute(
          owner,
          "ALTER TABLE "
              + territory
              + ".accounts SET ROW FILTER "
              + territory
              + ".mapped ON (region)");
      for (String user : List.of(mappedUser, viewer)) {
        execute(owner, "GRANT USE SCHEMA ON SCHEMA " + territory + " TO `" + user + "`");
        execute(owner, "GRANT SELECT ON TABLE " + territory + ".accounts TO `" + user + "`");
      }
      execute(owner, "GRANT USE CATALOG ON CATALOG " + catalog + " TO `" + mappedUser + "`");
    }

    String ids = "SELECT id FROM " + territory + ".accounts ORDER BY id";
    try (Connection mapped = connect(sluice, mappedToken)) {
      assertThat(column(mapped, ids, 1)).containsExactly("2", "3");
      assertThat(
              column(
                  mapped,
                  "SELECT count(*) FROM "
                      + territory
                      + ".accounts a JOIN "
                      + territory
                      + ".accounts b ON a.id = b.id WHERE a.region <> 'US'",
                  1))
          .containsExactly("2");
      // A table of the same name where the reader works does not take the mapping table's place.
      execute(mapped, "USE CATALOG main");
      execute(mapped, "CREATE TABLE access_map (user_name STRING, region STRING)");
      execute(mapped, "INSERT INTO access_map VALUES ('" + mappedUser + "', 'US')");
      assertThat(column(mapped, ids, 1)).containsExactly("2", "3");
      // The reader needs no privilege on the mapping table, and gets none.
      assertThatThrownBy(() -> column(mapped, "SELECT * FROM " + territory + ".access_map", 1))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("INSUFFICIENT_PERMISSIONS");
    }
    try (Connection unmapped = connect(sluice, viewerToken)) {
      assertThat(column(unmapped, ids, 1)).isEmpty();
    }
  }

  @Test
  void writesThatWouldReachHiddenRowsAreRefused() throws Exception {
    try (Connection connection = connect(sluice, sluice.token())) {
      for (String sql :
          List.of(
              "UPDATE " + schema + ".orders SET amount = 0",
              "DELETE FROM " + schema + ".orders WHERE id = 2",
              "SELECT * FROM " + schema + ".orders VERSION AS OF 0")) {
        assertThatThrownBy(() -> execute(connection, sql))
            .as(sql)
            .isInstanceOfSatisfying(
                SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("0A000"));
      }
    }
  }

  private static List<List<String>> rows(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      ResultSetMetaData metadata = result.getMetaData();
      List<List<String>> rows = new ArrayList<>();
      while (result.next()) {
        List<String> row = new ArrayList<>();
        for (int column = 1; column <= metadata.getColumnCount(); column++) {
          row.add(result.getString(column));
        }
        rows.add(row);
      }
      return rows;
    }
  }
}
