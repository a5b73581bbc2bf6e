package io.sluice.gateway.governance;

import static io.sluice.gateway.governance.TestingGovernedClients.column;
import static io.sluice.gateway.governance.TestingGovernedClients.connect;
import static io.sluice.gateway.governance.TestingGovernedClients.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.gateway.testing.TestingSluice;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Statements that write tables from other tables, run through a real client, leave table and column
 * lineage that admins read over Databricks' lineage-tracking REST API; reads, failed writes and
 * writes from no table leave none, and users other than admins are refused.
 */
@Timeout(300)
class TestLineageThroughGateway {
  private static final String TABLE_LINEAGE = "/api/2.0/lineage-tracking/table-lineage";
  private static final String COLUMN_LINEAGE = "/api/2.0/lineage-tracking/column-lineage";

  private final TestingSluice sluice = TestingSluice.shared();
  private final TestingRestClient admin = new TestingRestClient(sluice.httpPort(), sluice.token());
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final String orders = "lineage_orders_" + suffix;
  private final String customers = "lineage_customers_" + suffix;
  private final String summary = "lineage_summary_" + suffix;
  private final String copy = "lineage_copy_" + suffix;

  @Test
  void insertSelectAndCtasLeaveLineageThatAdminsReadOverRest() throws Exception {
    try (Connection connection = connect(sluice, sluice.token())) {
      execute(
          connection,
          "CREATE TABLE " + orders + " AS SELECT 1 AS id, 10 AS customer_id, 99.5 AS total");
      execute(connection, "CREATE TABLE " + customers + " AS SELECT 10 AS id, 'ann' AS name");
      execute(connection, "CREATE TABLE " + summary + " (name STRING, total DOUBLE)");
      execute(
          connection,
          "WITH big AS (SELECT o.customer_id, o.total FROM "
              + orders
              + " o WHERE o.total > 1) INSERT INTO "
              + summary
              + " SELECT c.name, big.total FROM big JOIN "
              + customers
              + " c ON big.customer_id = c.id");
      execute(connection, "CREATE TABLE " + copy + " AS SELECT name FROM " + summary);
      assertThat(column(connection, "SELECT name FROM " + copy, 1)).containsExactly("ann");
      // Neither a read nor a write from no table nor a failed write leaves lineage.
      assertThat(column(connection, "SELECT count(*) FROM " + orders, 1)).containsExactly("1");
      execute(connection, "INSERT INTO " + summary + " VALUES ('bob', 1.0)");
      assertThatThrownBy(
              () ->
                  execute(
                      connection,
                      "INSERT INTO lineage_missing_" + suffix + " SELECT id FROM " + orders))
          .isInstanceOf(SQLException.class);
    }

    JsonNode summaryLineage = get(TABLE_LINEAGE + "?table_name=" + name(summary));
    assertThat(tableNames(summaryLineage.get("upstreams")))
        .containsExactlyInAnyOrder(name(orders), name(customers));
    assertThat(tableNames(summaryLineage.get("downstreams"))).containsExactly(name(copy));
    JsonNode info = summaryLineage.get("downstreams").get(0).get("tableInfo");
    assertThat(info.get("name").asText()).isEqualTo(copy);
    assertThat(info.get("catalog_name").asText()).isEqualTo("spark_catalog");
    assertThat(info.get("schema_name").asText()).isEqualTo("default");
    assertThat(info.has("lineage_timestamp")).isTrue();

    JsonNode ordersLineage =
        admin
            .send(
                "GET",
                TABLE_LINEAGE,
                Map.of("table_name", name(orders), "include_entity_lineage", true))
            .body();
    assertThat(tableNames(ordersLineage.get("upstreams"))).isEmpty();
    assertThat(tableNames(ordersLineage.get("downstreams"))).containsExactly(name(summary));
    assertThat(ordersLineage.get("downstreams").get(0).get("queryInfos")).hasSize(1);
    String statementId =
        ordersLineage
            .get("downstreams")
            .get(0)
            .get("queryInfos")
            .get(0)
            .get("statement_id")
            .asText();
    JsonNode history = get("/api/2.0/sql/history/queries?filter_by.statement_ids=" + statementId);
    assertThat(history.get("res").get(0).get("query_text").asText()).contains("INSERT INTO");

    JsonNode columns = get(COLUMN_LINEAGE + "?table_name=" + name(summary) + "&column_name=total");
    assertThat(columnNames(columns.get("upstream_cols")))
        .containsExactlyInAnyOrder(
            name(customers) + ".id",
            name(customers) + ".name",
            name(orders) + ".customer_id",
            name(orders) + ".total");
    JsonNode downstream =
        get(COLUMN_LINEAGE + "?table_name=" + name(orders) + "&column_name=total");
    assertThat(downstream.get("downstream_cols")).hasSize(1);
    assertThat(downstream.get("downstream_cols").get(0).get("table_name").asText())
        .isEqualTo(summary);
    assertThat(downstream.get("downstream_cols").get(0).has("name")).isFalse();
    assertThat(
            get(COLUMN_LINEAGE + "?table_name=" + name(orders) + "&column_name=id")
                .get("downstream_cols"))
        .isEmpty();
  }

  @Test
  void writesAndViewsInAGovernedCatalogLeaveLineage() throws Exception {
    String catalog = "lineage_" + suffix;
    String schema = catalog + ".sales";
    try (Connection connection = connect(sluice, sluice.token())) {
      execute(connection, "CREATE CATALOG " + catalog);
      execute(connection, "CREATE SCHEMA " + schema);
      execute(connection, "CREATE TABLE " + schema + ".orders (id INT, region STRING)");
      execute(connection, "INSERT INTO " + schema + ".orders VALUES (1, 'US'), (2, 'EU')");
      execute(connection, "CREATE TABLE " + schema + ".us_orders (id INT)");
      execute(
          connection,
          "INSERT INTO "
              + schema
              + ".us_orders SELECT id FROM "
              + schema
              + ".orders"
              + " WHERE region = 'US'");
      execute(
          connection,
          "CREATE VIEW "
              + schema
              + ".regions AS SELECT DISTINCT region FROM "
              + schema
              + ".orders");
      assertThat(column(connection, "SELECT id FROM " + schema + ".us_orders", 1))
          .containsExactly("1");
    }
    JsonNode lineage = get(TABLE_LINEAGE + "?table_name=" + schema + ".orders");
    assertThat(tableNames(lineage.get("downstreams")))
        .containsExactlyInAnyOrder(schema + ".us_orders", schema + ".regions");
    JsonNode columns = get(COLUMN_LINEAGE + "?table_name=" + schema + ".us_orders&column_name=ID");
    assertThat(columnNames(columns.get("upstream_cols")))
        .containsExactlyInAnyOrder(schema + ".orders.id", schema + ".orders.region");
    // Written columns name their target column: by position from the metastore's column list
    // for the insert, by the selected column's name for the view. The filter column flows into
    // the insert's target as a whole.
    assertThat(
            downstreamColumns(
                get(COLUMN_LINEAGE + "?table_name=" + schema + ".orders&column_name=id")))
        .containsExactly(schema + ".us_orders.id");
    assertThat(
            downstreamColumns(
                get(COLUMN_LINEAGE + "?table_name=" + schema + ".orders&column_name=region")))
        .containsExactlyInAnyOrder(schema + ".regions.region", schema + ".us_orders");

    try (Connection connection = connect(sluice, sluice.token())) {
      execute(connection, "/* tidy up */ DROP VIEW IF EXISTS " + schema + ".no_such_view");
      assertThatThrownBy(() -> execute(connection, "DROP VIEW " + schema + ".no_such_view"))
          .hasMessageContaining("cannot be found");
      execute(connection, "DROP VIEW IF EXISTS " + schema + ".regions");
      assertThatThrownBy(() -> execute(connection, "SELECT * FROM " + schema + ".regions"))
          .hasMessageContaining("TABLE_OR_VIEW_NOT_FOUND");
    }
  }

  /** {@code catalog.schema.table[.column]} of each downstream column entry. */
  private static List<String> downstreamColumns(JsonNode lineage) {
    List<String> names = new ArrayList<>();
    for (JsonNode entry : lineage.get("downstream_cols")) {
      String table =
          entry.get("catalog_name").asText()
              + "."
              + entry.get("schema_name").asText()
              + "."
              + entry.get("table_name").asText();
      names.add(entry.has("name") ? table + "." + entry.get("name").asText() : table);
    }
    return names;
  }

  @Test
  void onlyAdminsReadLineageAndBadRequestsAreRefusedClearly() throws Exception {
    String user = "lina-" + suffix + "@example.com";
    TestingRestClient userClient =
        new TestingRestClient(sluice.httpPort(), TestingGovernedClients.userWithToken(admin, user));
    TestingRestClient.Answer refused =
        userClient.get(TABLE_LINEAGE + "?table_name=spark_catalog.default.anything");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body().get("error_code").asText()).isEqualTo("PERMISSION_DENIED");
    assertThat(
            userClient
                .get(COLUMN_LINEAGE + "?table_name=spark_catalog.default.a&column_name=b")
                .status())
        .isEqualTo(403);
    TestingRestClient.Answer missing = admin.get(TABLE_LINEAGE);
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body().get("message").asText()).contains("table_name");
    assertThat(admin.get(TABLE_LINEAGE + "?table_name=only_two.parts").status()).isEqualTo(400);
    assertThat(admin.get(COLUMN_LINEAGE + "?table_name=spark_catalog.default.a").status())
        .isEqualTo(400);
  }

  private JsonNode get(String path) throws Exception {
    TestingRestClient.Answer answer = admin.get(path);
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    return answer.body();
  }

  private static String name(String table) {
    return "spark_catalog.default." + table;
  }

  private static List<String> tableNames(JsonNode entries) {
    List<String> names = new ArrayList<>();
    for (JsonNode entry : entries) {
      JsonNode info = entry.get("tableInfo");
      names.add(
          info.get("catalog_name").asText()
              + "."
              + info.get("schema_name").asText()
              + "."
              + info.get("name").asText());
    }
    return names;
  }

  private static List<String> columnNames(JsonNode entries) {
    List<String> names = new ArrayList<>();
    for (JsonNode entry : entries) {
      names.add(
          entry.get("catalog_name").asText()
              + "."
              + entry.get("schema_name").asText()
              + "."
              + entry.get("table_name").asText()
              + "."
              + entry.get("name").asText());
    }
    return names;
  }
}
