package io.sluice.engine.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.engine.TestingEngineClient;
import io.sluice.engine.TestingEngineProcess;
import io.sluice.protocol.thrift.TSessionHandle;
import io.trino.tpcds.Results;
import io.trino.tpcds.Session;
import io.trino.tpcds.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine's samples catalog, compared with the generator run in this JVM. */
class TestSamplesCatalog {
  private static final String SCHEMA = "samples.tpcds_sf0_01";

  private static TestingEngineClient client;
  private static TSessionHandle session;

  @BeforeAll
  static void connect() throws Exception {
    client = TestingEngineProcess.shared().connect();
    session = client.openDatabricksSession();
  }

  @AfterAll
  static void disconnect() throws Exception {
    client.closeSession(session);
    client.close();
  }

  @Test
  void listsTheTpcdsSchemasAndTheirTwentyFourTables() throws Exception {
    assertThat(client.query(session, "SHOW SCHEMAS IN samples"))
        .contains(List.of("tpcds_sf0_01"), List.of("tpcds_sf1"), List.of("tpcds_sf100"));
    List<Object> tables = new ArrayList<>();
    for (List<Object> row : client.query(session, "SHOW TABLES IN " + SCHEMA)) {
      tables.add(row.get(1));
    }
    assertThat(tables)
        .hasSize(24)
        .contains("store_sales", "store_returns", "customer_demographics", "date_dim")
        .doesNotContain("dbgen_version");
  }

  @Test
  void everyTableHasTheGeneratorsRowCountIncludingSplitAndChildTables() throws Exception {
    Map<String, Long> expected = new TreeMap<>();
    Map<String, Long> actual = new TreeMap<>();
    for (Table table : Table.getBaseTables()) {
      if (table == Table.DBGEN_VERSION) {
        continue;
      }
      expected.put(table.getName(), generatedRowCount(table));
      List<List<Object>> count =
          client.query(session, "SELECT count(*) FROM " + SCHEMA + "." + table.getName());
      actual.put(table.getName(), (Long) count.get(0).get(0));
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(actual.get("customer_demographics")).isEqualTo(1_920_800L);
  }

  @Test
  void valuesKeepTheirTypesAndNulls() throws Exception {
    List<String> generated = firstRow(Table.ITEM);
    List<List<Object>> rows =
        client.query(
            session,
            "SELECT i_item_sk, i_item_id, i_rec_start_date, i_rec_end_date, i_current_price,"
                + " typeof(i_current_price), i_manufact_id FROM "
                + SCHEMA
                + ".item ORDER BY i_item_sk LIMIT 1");
    // Decimals travel as text in the HiveServer2 protocol.
    assertThat(rows.get(0))
        .containsExactly(
            Long.parseLong(generated.get(0)),
            generated.get(1),
            LocalDate.parse(generated.get(2)).toString(),
            null,
            generated.get(5),
            "decimal(7,2)",
            Integer.parseInt(generated.get(13)));
  }

  @Test
  void tablesCopyIntoDeltaAndTheCatalogRefusesChanges() throws Exception {
    client.query(session, "DROP TABLE IF EXISTS default.samples_call_center");
    client.query(
        session,
        "CREATE TABLE default.samples_call_center USING delta AS SELECT * FROM "
            + SCHEMA
            + ".call_center");
    assertThat(client.query(session, "SELECT count(*) FROM default.samples_call_center"))
        .containsExactly(List.of(generatedRowCount(Table.CALL_CENTER)));
    assertThat(client.query(session, "DESCRIBE DETAIL default.samples_call_center").get(0).get(0))
        .isEqualTo("delta");
    client.query(session, "DROP TABLE default.samples_call_center");

    assertThatThrownBy(() -> client.query(session, "CREATE SCHEMA samples.mine"))
        .hasMessageContaining("read-only");
    assertThatThrownBy(() -> client.query(session, "SELECT * FROM samples.tpcds_sf0_01.nothing"))
        .hasMessageContaining("TABLE_OR_VIEW_NOT_FOUND");
  }

  private static long generatedRowCount(Table table) {
    long rows = 0;
    for (List<List<String>> ignored : Results.constructResults(table, session(table))) {
      rows++;
    }
    return rows;
  }

  private static List<String> firstRow(Table table) {
    return Results.constructResults(table, session(table)).iterator().next().get(0);
  }

  private static Session session(Table table) {
    return Session.getDefaultSession().withScale(0.01).withTable(table);
  }
}
