package io.sluice.gateway.history;

import static io.sluice.gateway.testing.TestingRestClient.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.gateway.testing.TestingClientDrivers;
import io.sluice.gateway.testing.TestingRestClient;
import io.sluice.gateway.testing.TestingRestClient.Answer;
import io.sluice.gateway.testing.TestingSluice;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The query history of statements sent through Hive JDBC (binary and HTTP), as the Query History
 * API shows it: status, phases, row counts, failures, cancels, who sees what, paging and filters.
 */
@Timeout(300)
class TestQueryHistory {
  /** Runs for hours on two cores; only ever canceled. */
  static final String ENDLESS_QUERY =
      "SELECT sum(a.id * b.id) FROM range(2000000) a CROSS JOIN range(2000000) b";

  private final TestingSluice sluice = TestingSluice.shared();
  private final TestingRestClient admin = new TestingRestClient(sluice.httpPort(), sluice.token());
  private final TestingRestClient alice =
      new TestingRestClient(sluice.httpPort(), sluice.tokenFor("alice"));

  private Connection binary(String token) throws SQLException {
    return TestingClientDrivers.hiveJdbc()
        .connect("jdbc:hive2://127.0.0.1:" + sluice.binaryPort() + "/default", "token", token);
  }

  private Connection http(String token) throws SQLException {
    return TestingClientDrivers.hiveJdbc()
        .connect(
            "jdbc:hive2://127.0.0.1:"
                + sluice.httpPort()
                + "/default;transportMode=http;httpPath=cliservice",
            "token",
            token);
  }

  private static String marker() {
    return "m" + UUID.randomUUID().toString().replace("-", "");
  }

  private static JsonNode history(TestingRestClient client, String query) {
    Answer answer = client.get("/api/2.0/sql/history/queries?include_metrics=true&" + query);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.body();
  }

  private static List<JsonNode> rowsContaining(TestingRestClient client, String text) {
    List<JsonNode> rows = new ArrayList<>();
    history(client, "filter_by.statement_text=" + encode(text)).get("res").forEach(rows::add);
    return rows;
  }

  /** The one history row whose text contains {@code text}, once it is final. */
  private static JsonNode finalRow(TestingRestClient client, String text) {
    return client
        .await(
            "/api/2.0/sql/history/queries?include_metrics=true&filter_by.statement_text="
                + encode(text),
            answer ->
                answer.body().get("res").size() == 1
                    && answer.body().get("res").get(0).get("is_final").asBoolean())
        .body()
        .get("res")
        .get(0);
  }

  @Test
  void aFinishedJdbcStatementIsRecordedWithItsPhasesAndRows() throws Exception {
    String marker = marker();
    try (Connection connection = binary(sluice.token());
        Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery("SELECT '" + marker + "' AS m, id FROM range(7) ORDER BY id")) {
      int rows = 0;
      while (result.next()) {
        rows++;
      }
      assertThat(rows).isEqualTo(7);
    }
    JsonNode row = finalRow(admin, marker);
    assertThat(row.get("status").asText()).isEqualTo("FINISHED");
    assertThat(row.get("user_name").asText()).isEqualTo("admin");
    assertThat(row.get("warehouse_id").asText()).isEqualTo("default");
    assertThat(row.get("engine_id").asText()).startsWith("engine-");
    assertThat(row.get("channel_used").asText()).isEqualTo("binary-sasl");
    assertThat(row.get("statement_type").asText()).isEqualTo("SELECT");
    assertThat(row.get("rows_produced").asLong()).isEqualTo(7);
    assertThat(row.has("error_message")).isFalse();
    long start = row.get("query_start_time_ms").asLong();
    long executionEnd = row.get("execution_end_time_ms").asLong();
    long end = row.get("query_end_time_ms").asLong();
    assertThat(start).isLessThanOrEqualTo(executionEnd);
    assertThat(executionEnd).isLessThanOrEqualTo(end);
    JsonNode metrics = row.get("metrics");
    assertThat(metrics.get("rows_produced_count").asLong()).isEqualTo(7);
    assertThat(metrics.get("network_sent_bytes").asLong()).isPositive();
    assertThat(metrics.get("result_from_cache").asBoolean()).isFalse();
    long phases =
        metrics.get("queued_time_ms").asLong()
            + metrics.get("compilation_time_ms").asLong()
            + metrics.get("execution_time_ms").asLong()
            + metrics.get("result_fetch_time_ms").asLong();
    assertThat(phases).isLessThanOrEqualTo(end - start);
  }

  @Test
  void aFailedStatementKeepsItsErrorAndSqlState() throws Exception {
    String table = "no_such_table_" + marker();
    try (Connection connection = binary(sluice.token());
        Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM " + table))
          .isInstanceOf(SQLException.class);
    }
    JsonNode row = finalRow(admin, table);
    assertThat(row.get("status").asText()).isEqualTo("FAILED");
    assertThat(row.get("error_message").asText()).containsIgnoringCase(table);
    assertThat(row.get("sql_state").asText()).isEqualTo("42P01");
    assertThat(row.get("rows_produced").asLong()).isZero();
  }

  @Test
  void statementsOverThriftHttpAreRecordedForTheirUser() throws Exception {
    String marker = marker();
    try (Connection connection = http(sluice.tokenFor("alice"));
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT '" + marker + "' AS m")) {
      assertThat(result.next()).isTrue();
    }
    JsonNode row = finalRow(alice, marker);
    assertThat(row.get("status").asText()).isEqualTo("FINISHED");
    assertThat(row.get("user_name").asText()).isEqualTo("alice");
    assertThat(row.get("channel_used").asText()).isEqualTo("http");
    assertThat(row.get("rows_produced").asLong()).isEqualTo(1);
    assertThat(row.has("rewritten_query_text")).isFalse();
    // The admin sees it too, with the SQL the engine ran.
    JsonNode seenByAdmin = finalRow(admin, marker);
    assertThat(seenByAdmin.get("rewritten_query_text").asText()).contains(marker);
  }

  @Test
  void usersSeeOnlyTheirOwnStatements() throws Exception {
    String marker = marker();
    try (Connection connection = binary(sluice.token());
        Statement statement = connection.createStatement()) {
      statement.executeQuery("SELECT '" + marker + "' AS admin_only").close();
    }
    finalRow(admin, marker);
    assertThat(rowsContaining(alice, marker)).isEmpty();
    assertThat(history(alice, "filter_by.user_ids=admin").get("res")).isEmpty();
    history(alice, "max_results=1000")
        .get("res")
        .forEach(row -> assertThat(row.get("user_name").asText()).isEqualTo("alice"));
  }

  @Test
  void pagesFollowOneAnotherNewestFirst() throws Exception {
    String marker = marker();
    try (Connection connection = binary(sluice.token());
        Statement statement = connection.createStatement()) {
      for (int index = 0; index < 5; index++) {
        statement.executeQuery("SELECT '" + marker + "' AS m, " + index + " AS i").close();
      }
    }
    String filter = "filter_by.statement_text=" + encode(marker) + "&max_results=2";
    admin.await(
        "/api/2.0/sql/history/queries?" + filter.replace("max_results=2", "max_results=10"),
        answer -> answer.body().get("res").size() == 5);
    List<String> texts = new ArrayList<>();
    List<Long> starts = new ArrayList<>();
    String token = "";
    int pages = 0;
    do {
      JsonNode page = history(admin, filter + (token.isEmpty() ? "" : "&page_token=" + token));
      pages++;
      page.get("res")
          .forEach(
              row -> {
                texts.add(row.get("query_text").asText());
                starts.add(row.get("query_start_time_ms").asLong());
              });
      assertThat(page.get("has_next_page").asBoolean()).isEqualTo(page.has("next_page_token"));
      token = page.has("next_page_token") ? page.get("next_page_token").asText() : "";
    } while (!token.isEmpty());
    assertThat(pages).isEqualTo(3);
    assertThat(texts).hasSize(5).doesNotHaveDuplicates();
    assertThat(texts.get(0)).contains("4 AS i");
    assertThat(texts.get(4)).contains("0 AS i");
    assertThat(starts).isSortedAccordingTo((a, b) -> Long.compare(b, a));
  }

  @Test
  void filtersByStatusUserWarehouseAndTime() throws Exception {
    String marker = marker();
    try (Connection connection = binary(sluice.token());
        Statement statement = connection.createStatement()) {
      statement.executeQuery("SELECT '" + marker + "' AS ok").close();
      assertThatThrownBy(() -> statement.executeQuery("SELECT " + marker + "_missing_column"))
          .isInstanceOf(SQLException.class);
    }
    admin.await(
        "/api/2.0/sql/history/queries?filter_by.statement_text=" + encode(marker),
        answer -> answer.body().get("res").size() == 2);
    String text = "filter_by.statement_text=" + encode(marker);
    JsonNode failed = history(admin, text + "&filter_by.statuses=FAILED").get("res");
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0).get("query_text").asText()).contains("_missing_column");
    assertThat(history(admin, text + "&filter_by.statuses=FINISHED,FAILED").get("res")).hasSize(2);
    assertThat(history(admin, text + "&filter_by.user_ids=alice").get("res")).isEmpty();
    assertThat(history(admin, text + "&filter_by.warehouse_ids=default").get("res")).hasSize(2);
    assertThat(history(admin, text + "&filter_by.warehouse_ids=other").get("res")).isEmpty();
    long start = failed.get(0).get("query_start_time_ms").asLong();
    assertThat(
            history(admin, text + "&filter_by.query_start_time_range.start_time_ms=" + (start + 1))
                .get("res"))
        .isEmpty();
    assertThat(
            history(admin, text + "&filter_by.query_start_time_range.end_time_ms=" + (start + 1))
                .get("res"))
        .hasSize(2);
  }

  @Test
  void badParametersGetAJsonError() {
    for (String query :
        List.of(
            "filter_by.statuses=SLEEPING",
            "max_results=0",
            "max_results=5000",
            "page_token=not-a-token",
            "filter_by.query_start_time_range.start_time_ms=yesterday")) {
      Answer answer = admin.get("/api/2.0/sql/history/queries?" + query);
      assertThat(answer.status()).as(query).isEqualTo(400);
      assertThat(answer.body().get("error_code").asText()).isEqualTo("INVALID_PARAMETER_VALUE");
      assertThat(answer.body().get("message").asText()).isNotBlank();
    }
  }

  @Test
  void aRunningJdbcStatementCanBeCanceledByItsIdAndIsRecordedAsCanceled() throws Exception {
    String marker = marker();
    String sql = ENDLESS_QUERY + " WHERE '" + marker + "' <> ''";
    try (Connection connection = binary(sluice.tokenFor("alice"));
        Statement statement = connection.createStatement()) {
      CompletableFuture<Throwable> outcome =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  statement.executeQuery(sql).close();
                  return null;
                } catch (SQLException e) {
                  return e;
                }
              });
      JsonNode running =
          alice
              .await(
                  "/api/2.0/sql/history/queries?filter_by.statuses=RUNNING&filter_by.statement_text="
                      + encode(marker),
                  answer -> answer.body().get("res").size() == 1)
              .body()
              .get("res")
              .get(0);
      String id = running.get("query_id").asText();
      // Another user cannot cancel it; the owner can.
      assertThat(
              new TestingRestClient(sluice.httpPort(), sluice.tokenFor("bob"))
                  .post("/api/2.0/sql/statements/" + id + "/cancel", Map.of())
                  .status())
          .isEqualTo(404);
      assertThat(alice.post("/api/2.0/sql/statements/" + id + "/cancel", Map.of()).status())
          .isEqualTo(200);
      assertThat(outcome.get()).isInstanceOf(SQLException.class);
    }
    JsonNode row = finalRow(alice, marker);
    assertThat(row.get("status").asText()).isEqualTo("CANCELED");
    assertThat(row.get("rows_produced").asLong()).isZero();
  }

  @Test
  void metricsCountStatementsByStatus() throws Exception {
    try (Connection connection = binary(sluice.token());
        Statement statement = connection.createStatement()) {
      statement.executeQuery("SELECT 1").close();
    }
    java.net.http.HttpResponse<String> response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + sluice.httpPort() + "/metrics"))
                    .header("Authorization", "Bearer " + sluice.token())
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type").orElse(""))
        .startsWith("text/plain; version=0.0.4");
    String text = response.body();
    assertThat(text).contains("# TYPE sluice_statements_total counter");
    assertThat(text).containsPattern("sluice_statements_total\\{status=\"finished\"} [1-9]");
    assertThat(text)
        .contains("sluice_statement_phase_seconds_bucket{phase=\"executing\",le=\"+Inf\"}");
    assertThat(text).containsPattern("sluice_sessions_open \\d+");
    assertThat(text).contains("sluice_engines_running 1");
    assertThat(text).contains("sluice_queue_depth 0");
    assertThat(text).contains("sluice_result_cache_hits_total 0");
  }
}
