package io.sluice.gateway.governance;

import static io.sluice.gateway.governance.TestingGovernedClients.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.governance.TestingRestClient.Answer;
import io.sluice.gateway.testing.TestingClientDrivers;
import io.sluice.gateway.testing.TestingSluice;
import io.sluice.governance.Governance;
import io.sluice.governance.securable.ColumnDefinition;
import io.sluice.governance.securable.Securable;
import io.sluice.governance.securable.SecurableName;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Governance catalogs in the engine, through the gateway with Apache Hive JDBC: the gateway is the
 * metastore, the engine reads and writes Delta tables at the locations it assigns, and every
 * session (of any user, on any engine) sees the same tables, listed as far as its user may see
 * them.
 */
@Timeout(600)
class TestGovernedCatalog {
  private final TestingSluice sluice = TestingSluice.shared();
  private final Governance governance = sluice.sluice().governance();
  private final TestingRestClient admin = new TestingRestClient(sluice.httpPort(), sluice.token());
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void everyWriteFormOnADeltaTableOfTheWorkspaceCatalog() throws Exception {
    String schema = "sales_" + suffix;
    String orders = "main." + schema + ".orders";
    try (Connection connection = connect(sluice.token());
        Connection other = connect(sluice.token())) {
      execute(connection, "CREATE SCHEMA main." + schema + " COMMENT 'sales data'");
      execute(connection, "CREATE TABLE " + orders + " (id INT, item STRING, amount DOUBLE)");
      execute(
          connection,
          "INSERT INTO " + orders + " VALUES (1, 'apple', 1.5), (2, 'pear', 2.0), (3, 'fig', 3.0)");
      execute(connection, "UPDATE " + orders + " SET amount = amount * 2 WHERE id = 2");
      execute(connection, "DELETE FROM " + orders + " WHERE id = 3");
      execute(
          connection,
          "MERGE INTO "
              + orders
              + " AS target USING (SELECT 1 AS id, 'apple' AS item, 9.0D AS amount"
              + " UNION ALL SELECT 4, 'kiwi', 4.5D) AS source ON target.id = source.id"
              + " WHEN MATCHED THEN UPDATE SET amount = source.amount"
              + " WHEN NOT MATCHED THEN INSERT *");
      assertThat(rows(connection, "SELECT id, item, amount FROM " + orders + " ORDER BY id"))
          .containsExactly("1|apple|9.0", "2|pear|4.0", "4|kiwi|4.5");

      String big = "main." + schema + ".big_orders";
      execute(
          connection,
          "CREATE TABLE " + big + " AS SELECT * FROM " + orders + " WHERE amount > 4.2");
      assertThat(rows(connection, "SELECT id FROM " + big + " ORDER BY id"))
          .containsExactly("1", "4");
      execute(connection, "INSERT OVERWRITE " + big + " SELECT * FROM " + orders + " WHERE id = 2");
      assertThat(rows(connection, "SELECT id, item FROM " + big)).containsExactly("2|pear");

      // Another session sees the same tables at once.
      assertThat(rows(other, "SELECT count(*) FROM " + orders)).containsExactly("3");
      execute(other, "USE main." + schema);
      assertThat(rows(other, "SELECT sum(id) FROM orders")).containsExactly("7");
      assertThat(column(other, "SHOW TABLES", 2)).containsExactlyInAnyOrder("orders", "big_orders");
      assertThat(column(other, "SHOW SCHEMAS IN main", 1)).contains("default", schema);
      assertThat(column(other, "DESCRIBE TABLE " + orders, 1)).startsWith("id", "item", "amount");

      // The gateway knows the table without asking an engine.
      SecurableName ordersName = SecurableName.table("main", schema, "orders");
      Securable table = governance.securables().require(ordersName);
      assertThat(table.owner()).isEqualTo("admin");
      assertThat(table.dataSourceFormat()).contains("DELTA");
      assertThat(governance.securables().columns(ordersName))
          .extracting(ColumnDefinition::name, ColumnDefinition::typeText)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("id", "int"),
              org.assertj.core.groups.Tuple.tuple("item", "string"),
              org.assertj.core.groups.Tuple.tuple("amount", "double"));
      assertThat(governance.securables().columns(SecurableName.table("main", schema, "big_orders")))
          .extracting(ColumnDefinition::name)
          .containsExactly("id", "item", "amount");
      Path ordersData = Path.of(URI.create(table.storageLocation().orElseThrow()));
      assertThat(ordersData)
          .startsWith(sluice.sluice().config().dataDirectory().toAbsolutePath().resolve("tables"));
      assertThat(ordersData.resolve("_delta_log")).isDirectory();

      // Dropping a table drops it from governance and deletes its data.
      execute(connection, "DROP TABLE " + orders);
      assertThat(governance.securables().find(ordersName)).isEmpty();
      assertThat(Files.exists(ordersData)).isFalse();
      assertThat(column(other, "SHOW TABLES IN main." + schema, 2)).containsExactly("big_orders");
      execute(connection, "DROP SCHEMA main." + schema + " CASCADE");
      assertThat(governance.securables().find(SecurableName.schema("main", schema))).isEmpty();
    }
  }

  @Test
  void aCatalogCreatedAfterTheSessionOpenedIsUsableAtOnce() throws Exception {
    String catalog = "late_" + suffix;
    try (Connection connection = connect(sluice.token())) {
      assertThat(rows(connection, "SELECT 1")).containsExactly("1");
      execute(connection, "CREATE CATALOG " + catalog);
      execute(connection, "CREATE TABLE " + catalog + ".default.numbers AS SELECT 7 AS n");
      assertThat(rows(connection, "SELECT n FROM " + catalog + ".default.numbers"))
          .containsExactly("7");
      execute(connection, "DROP TABLE " + catalog + ".default.numbers");
    }
  }

  @Test
  void listingsShowOnlyWhatTheUserMaySee() throws Exception {
    String schema = "listed_" + suffix;
    String hidden = "hidden_" + suffix;
    String reader = "reader-" + suffix + "@example.com";
    String readerToken = userWithToken(reader);
    try (Connection connection = connect(sluice.token());
        Connection readerConnection = connect(readerToken)) {
      execute(connection, "CREATE SCHEMA main." + schema);
      execute(connection, "CREATE SCHEMA main." + hidden);
      execute(connection, "CREATE TABLE main." + schema + ".granted (x INT)");
      execute(connection, "CREATE TABLE main." + schema + ".secret (x INT)");
      execute(connection, "GRANT USE CATALOG ON CATALOG main TO `" + reader + "`");
      execute(connection, "GRANT USE SCHEMA ON SCHEMA main." + schema + " TO `" + reader + "`");
      assertThat(column(readerConnection, "SHOW TABLES IN main." + schema, 2)).isEmpty();

      execute(connection, "GRANT SELECT ON TABLE main." + schema + ".granted TO `" + reader + "`");
      assertThat(column(readerConnection, "SHOW TABLES IN main." + schema, 2))
          .containsExactly("granted");
      assertThat(column(readerConnection, "SHOW SCHEMAS IN main", 1))
          .contains(schema)
          .doesNotContain(hidden);
      assertThat(column(connection, "SHOW TABLES IN main." + schema, 2))
          .containsExactlyInAnyOrder("granted", "secret");

      // The same through the Thrift metadata calls, which the engine answers.
      DatabaseMetaData readerMetadata = readerConnection.getMetaData();
      assertThat(column(readerMetadata.getTables("main", schema, "%", null), "TABLE_NAME"))
          .containsExactly("granted");
      assertThat(column(readerMetadata.getSchemas("main", "%"), "TABLE_SCHEM"))
          .contains(schema)
          .doesNotContain(hidden);
      assertThat(column(readerMetadata.getCatalogs(), "TABLE_CAT")).contains("main");
      assertThat(
              column(connection.getMetaData().getTables("main", schema, "%", null), "TABLE_NAME"))
          .containsExactlyInAnyOrder("granted", "secret");
      execute(connection, "DROP SCHEMA main." + schema + " CASCADE");
      execute(connection, "DROP SCHEMA main." + hidden);
    }
  }

  @Test
  void theEngineMetastoreServesOnlyLiveEngines() throws Exception {
    String path = EngineMetastoreModule.BASE + "catalogs";
    assertThat(new TestingRestClient(sluice.httpPort(), "not-an-engine-secret").get(path).status())
        .isEqualTo(401);
    assertThat(admin.get(path).status()).isEqualTo(401);
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sluice.httpPort() + path))
                    .header("Authorization", "Bearer " + sluice.engine().secret())
                    .header("X-Sluice-User", "admin")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("\"main\"");
  }

  private String userWithToken(String userName) throws Exception {
    assertThat(admin.post("/api/2.0/preview/scim/v2/Users", Map.of("userName", userName)).status())
        .isEqualTo(201);
    Answer token =
        admin.post("/api/2.0/token-management/on-behalf-of/tokens", Map.of("user_name", userName));
    return token.body().get("token_value").asText();
  }

  private Connection connect(String token) throws SQLException {
    return TestingClientDrivers.hiveJdbc()
        .connect("jdbc:hive2://127.0.0.1:" + sluice.binaryPort() + "/default", "token", token);
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static List<String> column(ResultSet result, String column) throws SQLException {
    try (result) {
      List<String> values = new ArrayList<>();
      while (result.next()) {
        values.add(result.getString(column));
      }
      return values;
    }
  }

  private static List<String> column(Connection connection, String sql, int column)
      throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (result.next()) {
        values.add(result.getString(column));
      }
      return values;
    }
  }
}
