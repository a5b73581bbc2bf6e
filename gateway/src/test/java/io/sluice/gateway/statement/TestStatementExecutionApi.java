package io.sluice.gateway.statement;

import static io.sluice.gateway.testing.TestingRestClient.encode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.gateway.testing.TestingRestClient;
import io.sluice.gateway.testing.TestingRestClient.Answer;
import io.sluice.gateway.testing.TestingSluice;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code /api/2.0/sql/statements} against the real engine, and its rows in the query history. */
@Timeout(300)
class TestStatementExecutionApi {
  private static final String STATEMENTS = "/api/2.0/sql/statements";
  private static final String ENDLESS =
      "SELECT sum(a.id * b.id) FROM range(2000000) a CROSS JOIN range(2000000) b";

  private final TestingSluice sluice = TestingSluice.shared();
  private final TestingRestClient admin = new TestingRestClient(sluice.httpPort(), sluice.token());
  private final TestingRestClient alice =
      new TestingRestClient(sluice.httpPort(), sluice.tokenFor("alice"));

  private static Map<String, Object> request(String statement, Object... more) {
    Map<String, Object> body = new HashMap<>();
    body.put("statement", statement);
    body.put("warehouse_id", "default");
    body.put("wait_timeout", "50s");
    for (int index = 0; index < more.length; index += 2) {
      body.put((String) more[index], more[index + 1]);
    }
    return body;
  }

  private static Map<String, Object> parameter(String name, String value, String type) {
    Map<String, Object> parameter = new HashMap<>();
    parameter.put("name", name);
    parameter.put("value", value);
    if (type != null) {
      parameter.put("type", type);
    }
    return parameter;
  }

  private JsonNode succeeded(TestingRestClient client, Map<String, Object> request) {
    Answer answer = client.post(STATEMENTS, request);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    String id = answer.body().get("statement_id").asText();
    return client
        .await(
            STATEMENTS + "/" + id,
            a ->
                a.body().at("/status/state").asText().equals("SUCCEEDED")
                    || a.body().at("/status/state").asText().equals("FAILED"))
        .body();
  }

  private JsonNode historyRow(String id) {
    return admin
        .await(
            "/api/2.0/sql/history/queries?include_metrics=true&filter_by.statement_ids=" + id,
            a -> a.body().get("res").size() == 1 && a.body().at("/res/0/is_final").asBoolean())
        .body()
        .at("/res/0");
  }

  @Test
  void namedParametersAreBoundAsValuesNeverAsSql() {
    String hostile = "it's \\' OR '1'='1'; DROP TABLE x; -- ünïcødé";
    JsonNode response =
        succeeded(
            admin,
            request(
                "SELECT :n AS n, :s AS s, :d AS d, :missing_is_null AS z",
                "parameters",
                List.of(
                    parameter("n", "7", "INT"),
                    parameter("s", hostile, null),
                    parameter("d", "2024-02-29", "DATE"),
                    parameter("missing_is_null", null, "BIGINT"))));
    assertThat(response.at("/status/state").asText()).isEqualTo("SUCCEEDED");
    assertThat(response.at("/manifest/schema/column_count").asInt()).isEqualTo(4);
    assertThat(response.at("/manifest/schema/columns/0/type_name").asText()).isEqualTo("INT");
    assertThat(response.at("/manifest/schema/columns/1/type_name").asText()).isEqualTo("STRING");
    assertThat(response.at("/manifest/schema/columns/2/type_name").asText()).isEqualTo("DATE");
    assertThat(response.at("/manifest/schema/columns/3/type_text").asText()).isEqualTo("BIGINT");
    JsonNode row = response.at("/result/data_array/0");
    assertThat(row.get(0).asText()).isEqualTo("7");
    assertThat(row.get(1).asText()).isEqualTo(hostile);
    assertThat(row.get(2).asText()).isEqualTo("2024-02-29");
    assertThat(row.get(3).isNull()).isTrue();

    JsonNode history = historyRow(response.get("statement_id").asText());
    assertThat(history.get("status").asText()).isEqualTo("FINISHED");
    assertThat(history.get("channel_used").asText()).isEqualTo("rest");
    assertThat(history.get("query_text").asText()).contains(":s AS s");
    assertThat(history.get("rewritten_query_text").asText())
        .contains("CAST(X'")
        .doesNotContain("DROP");
    assertThat(history.get("rows_produced").asLong()).isEqualTo(1);
  }

  @Test
  void typedValuesComeBackAsDatabricksWritesThem() {
    JsonNode response =
        succeeded(
            admin,
            request(
                "SELECT CAST(NULL AS INT) AS n, 1.5D AS d, CAST(1.25 AS FLOAT) AS f, true AS b,"
                    + " CAST(12.34 AS DECIMAL(10,2)) AS m, 9000000000L AS l"));
    JsonNode columns = response.at("/manifest/schema/columns");
    assertThat(columns.get(2).get("type_name").asText()).isEqualTo("FLOAT");
    assertThat(columns.get(4).get("type_name").asText()).isEqualTo("DECIMAL");
    assertThat(columns.get(4).get("type_text").asText()).isEqualTo("DECIMAL(10,2)");
    assertThat(columns.get(4).get("type_precision").asInt()).isEqualTo(10);
    assertThat(columns.get(5).get("type_name").asText()).isEqualTo("LONG");
    JsonNode row = response.at("/result/data_array/0");
    assertThat(row.get(0).isNull()).isTrue();
    assertThat(row.get(1).asText()).isEqualTo("1.5");
    assertThat(row.get(2).asText()).isEqualTo("1.25");
    assertThat(row.get(3).asText()).isEqualTo("true");
    assertThat(row.get(4).asText()).isEqualTo("12.34");
    assertThat(row.get(5).asText()).isEqualTo("9000000000");
  }

  @Test
  void largeResultsComeInChunksThatAddUpToEveryRow() {
    JsonNode response = succeeded(admin, request("SELECT id FROM range(25000) ORDER BY id"));
    assertThat(response.at("/manifest/total_row_count").asLong()).isEqualTo(25000);
    int chunks = response.at("/manifest/total_chunk_count").asInt();
    assertThat(chunks).isEqualTo(3);
    List<Long> values = new ArrayList<>();
    JsonNode chunk = response.get("result");
    while (true) {
      chunk.get("data_array").forEach(row -> values.add(row.get(0).asLong()));
      if (!chunk.has("next_chunk_index")) {
        break;
      }
      Answer next = admin.get(chunk.get("next_chunk_internal_link").asText());
      assertThat(next.status()).isEqualTo(200);
      chunk = next.body();
    }
    assertThat(values).hasSize(25000);
    for (int index = 0; index < values.size(); index++) {
      assertThat(values.get(index)).isEqualTo(index);
    }
    JsonNode history = historyRow(response.get("statement_id").asText());
    assertThat(history.get("rows_produced").asLong()).isEqualTo(25000);
  }

  @Test
  void arrowStreamChunksCarryTypedColumns() throws Exception {
    JsonNode response =
        succeeded(
            admin,
            request(
                "SELECT id, CAST(id AS DOUBLE) / 2 AS half, CAST(id AS STRING) AS text,"
                    + " DATE'2024-01-01' + CAST(id AS INT) AS day,"
                    + " CAST(id AS DECIMAL(10,2)) AS amount,"
                    + " IF(id % 2 = 0, NULL, id) AS odd FROM range(12000) ORDER BY id",
                "format", "ARROW_STREAM"));
    assertThat(response.at("/manifest/format").asText()).isEqualTo("ARROW_STREAM");
    assertThat(response.at("/manifest/total_row_count").asLong()).isEqualTo(12000);
    List<List<Object>> rows = new ArrayList<>();
    JsonNode chunk = response.get("result");
    while (true) {
      assertThat(chunk.has("data_array")).isFalse();
      byte[] stream = java.util.Base64.getDecoder().decode(chunk.get("attachment").asText());
      try (org.apache.arrow.memory.RootAllocator allocator =
              new org.apache.arrow.memory.RootAllocator();
          org.apache.arrow.vector.ipc.ArrowStreamReader reader =
              new org.apache.arrow.vector.ipc.ArrowStreamReader(
                  new java.io.ByteArrayInputStream(stream), allocator)) {
        org.apache.arrow.vector.VectorSchemaRoot root = reader.getVectorSchemaRoot();
        assertThat(root.getSchema().getFields().get(0).getType())
            .isEqualTo(new org.apache.arrow.vector.types.pojo.ArrowType.Int(64, true));
        while (reader.loadNextBatch()) {
          for (int row = 0; row < root.getRowCount(); row++) {
            List<Object> values = new ArrayList<>();
            for (org.apache.arrow.vector.FieldVector vector : root.getFieldVectors()) {
              values.add(vector.getObject(row));
            }
            rows.add(values);
          }
        }
      }
      if (!chunk.has("next_chunk_index")) {
        break;
      }
      chunk = admin.get(chunk.get("next_chunk_internal_link").asText()).body();
    }
    assertThat(rows).hasSize(12000);
    List<Object> row = rows.get(11);
    assertThat(row.get(0)).isEqualTo(11L);
    assertThat(row.get(1)).isEqualTo(5.5);
    assertThat(row.get(2).toString()).isEqualTo("11");
    assertThat(row.get(3)).isEqualTo((int) java.time.LocalDate.of(2024, 1, 12).toEpochDay());
    assertThat(row.get(4)).isEqualTo(new java.math.BigDecimal("11.00"));
    assertThat(row.get(5)).isEqualTo(11L);
    assertThat(rows.get(10).get(5)).isNull();
  }

  @Test
  void aFailingStatementIsAnOkAnswerWithItsError() {
    String table = "missing_" + UUID.randomUUID().toString().replace("-", "");
    JsonNode response = succeeded(admin, request("SELECT * FROM " + table));
    assertThat(response.at("/status/state").asText()).isEqualTo("FAILED");
    assertThat(response.at("/status/error/message").asText()).contains(table);
    assertThat(response.at("/status/error/error_code").asText()).isNotBlank();
    assertThat(response.at("/status/sql_state").asText()).isEqualTo("42P01");
    JsonNode history = historyRow(response.get("statement_id").asText());
    assertThat(history.get("status").asText()).isEqualTo("FAILED");
    assertThat(history.get("sql_state").asText()).isEqualTo("42P01");
  }

  @Test
  void badRequestsAreRefusedWithJsonErrors() {
    Map<String, Object> noWarehouse = new HashMap<>(request("SELECT 1"));
    noWarehouse.remove("warehouse_id");
    assertError(admin.post(STATEMENTS, noWarehouse), 400, "INVALID_PARAMETER_VALUE");
    assertError(
        admin.post(STATEMENTS, request("SELECT 1", "warehouse_id", "nope")),
        404,
        "RESOURCE_DOES_NOT_EXIST");
    assertError(
        admin.post(STATEMENTS, request("SELECT 1", "wait_timeout", "3s")),
        400,
        "INVALID_PARAMETER_VALUE");
    assertError(
        admin.post(STATEMENTS, request("SELECT 1", "format", "CSV")),
        400,
        "INVALID_PARAMETER_VALUE");
    assertError(admin.post(STATEMENTS, request("SELECT :x")), 400, "INVALID_PARAMETER_VALUE");
    assertError(
        admin.post(
            STATEMENTS,
            request("SELECT :x", "parameters", List.of(parameter("x", "1", "INT) --")))),
        400,
        "INVALID_PARAMETER_VALUE");
    assertError(admin.get(STATEMENTS + "/no-such-statement"), 404, "RESOURCE_DOES_NOT_EXIST");
  }

  private static void assertError(Answer answer, int status, String errorCode) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.body().get("error_code").asText()).isEqualTo(errorCode);
    assertThat(answer.body().get("message").asText()).isNotBlank();
  }

  @Test
  void asynchronousSubmitPollCancelAndClose() {
    Answer submitted = alice.post(STATEMENTS, request(ENDLESS, "wait_timeout", "0s"));
    assertThat(submitted.status()).isEqualTo(200);
    assertThat(submitted.body().at("/status/state").asText()).isIn("PENDING", "RUNNING");
    String id = submitted.body().get("statement_id").asText();
    alice.await(
        STATEMENTS + "/" + id, a -> a.body().at("/status/state").asText().equals("RUNNING"));
    // Other users do not see it; its owner cancels it.
    assertThat(
            new TestingRestClient(sluice.httpPort(), sluice.tokenFor("bob"))
                .get(STATEMENTS + "/" + id)
                .status())
        .isEqualTo(404);
    assertThat(alice.post(STATEMENTS + "/" + id + "/cancel", Map.of()).status()).isEqualTo(200);
    alice.await(
        STATEMENTS + "/" + id, a -> a.body().at("/status/state").asText().equals("CANCELED"));
    assertThat(historyRow(id).get("status").asText()).isEqualTo("CANCELED");
    assertThat(alice.delete(STATEMENTS + "/" + id).status()).isEqualTo(200);
    assertThat(alice.get(STATEMENTS + "/" + id).body().at("/status/state").asText())
        .isEqualTo("CLOSED");
  }

  @Test
  void onWaitTimeoutCancelCancelsASlowStatement() {
    Answer answer =
        admin.post(STATEMENTS, request(ENDLESS, "wait_timeout", "5s", "on_wait_timeout", "CANCEL"));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().at("/status/state").asText()).isEqualTo("CANCELED");
    assertThat(historyRow(answer.body().get("statement_id").asText()).get("status").asText())
        .isEqualTo("CANCELED");
  }

  @Test
  void historyShowsRestStatementsToTheirOwnerOnly() {
    String marker = "rest_" + UUID.randomUUID().toString().replace("-", "");
    JsonNode response = succeeded(alice, request("SELECT '" + marker + "' AS m"));
    JsonNode own =
        alice.get("/api/2.0/sql/history/queries?filter_by.statement_text=" + encode(marker)).body();
    assertThat(own.get("res")).hasSize(1);
    assertThat(own.at("/res/0/query_id").asText()).isEqualTo(response.get("statement_id").asText());
    assertThat(own.at("/res/0/user_name").asText()).isEqualTo("alice");
    JsonNode bobs =
        new TestingRestClient(sluice.httpPort(), sluice.tokenFor("bob"))
            .get("/api/2.0/sql/history/queries?filter_by.statement_text=" + encode(marker))
            .body();
    assertThat(bobs.get("res")).isEmpty();
  }
}
