package io.sluice.gateway.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.gateway.testing.TestingClientDrivers;
import io.sluice.gateway.testing.TestingSluice;
import io.sluice.pool.EngineManager;
import io.sluice.pool.SlotRequest;
import io.sluice.pool.StatementSlot;
import io.sluice.pool.WarehouseSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Statements from a real client (Hive JDBC) against the default warehouse's real engine when every
 * slot is taken: they wait (PENDING, counted as queued in the API), can be cancelled while they
 * wait, run once a slot frees, and are refused with SQLSTATE 53400 when the queue is full. The test
 * takes the slots itself, so no slow query is needed to fill them.
 */
@Timeout(300)
class TestWarehouseQueue {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final TestingSluice sluice = TestingSluice.shared();
  private final EngineManager engines = sluice.sluice().engines();
  private final List<StatementSlot> held = new ArrayList<>();
  private final List<SlotRequest> waiting = new ArrayList<>();

  @AfterEach
  void releaseEverything() {
    waiting.forEach(SlotRequest::cancel);
    held.forEach(StatementSlot::release);
  }

  private Connection connect() throws SQLException {
    return TestingClientDrivers.hiveJdbc()
        .connect(
            "jdbc:hive2://127.0.0.1:" + sluice.binaryPort() + "/default", "token", sluice.token());
  }

  private void takeEverySlot() throws Exception {
    sluice.engine();
    for (int i = 0; i < WarehouseSettings.DEFAULT_SLOTS_PER_ENGINE; i++) {
      SlotRequest request = engines.request("holder", Optional.empty());
      held.add(request.granted().get(120, TimeUnit.SECONDS));
    }
    assertThat(engines.request("holder", Optional.empty()).cancel()).isTrue();
  }

  private JsonNode defaultWarehouse() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:"
                                + sluice.httpPort()
                                + "/api/2.0/sql/warehouses/default"))
                    .header("Authorization", "Bearer " + sluice.token())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private int queued() throws Exception {
    return defaultWarehouse().get("num_queued_queries").asInt();
  }

  private static CompletableFuture<Long> runAsync(Statement statement, String sql) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
          } catch (SQLException e) {
            throw new CompletionException(e);
          }
        });
  }

  private void awaitQueued(int count) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (queued() != count) {
      assertThat(System.nanoTime()).as("statements queued").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  @Test
  void aStatementWaitsForAFreeSlotAndThenRuns() throws Exception {
    takeEverySlot();
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      CompletableFuture<Long> result = runAsync(statement, "SELECT 40 + 2");
      awaitQueued(1);
      assertThat(defaultWarehouse().get("num_running_queries").asInt())
          .isEqualTo(WarehouseSettings.DEFAULT_SLOTS_PER_ENGINE);
      assertThat(result).isNotDone();

      held.remove(0).release();
      assertThat(result.get(120, TimeUnit.SECONDS)).isEqualTo(42);
      assertThat(queued()).isZero();
    }
  }

  @Test
  void aQueuedStatementCanBeCancelled() throws Exception {
    takeEverySlot();
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      CompletableFuture<Long> result = runAsync(statement, "SELECT 1");
      awaitQueued(1);
      statement.cancel();
      assertThatThrownBy(() -> result.get(60, TimeUnit.SECONDS))
          .rootCause()
          .isInstanceOf(SQLException.class);
      assertThat(queued()).isZero();

      held.forEach(StatementSlot::release);
      held.clear();
      try (Statement next = connection.createStatement();
          ResultSet rows = next.executeQuery("SELECT 7")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getInt(1)).isEqualTo(7);
      }
      assertThat(defaultWarehouse().get("num_running_queries").asInt()).isZero();
    }
  }

  @Test
  void aFullQueueRefusesTheStatementWithAClearError() throws Exception {
    takeEverySlot();
    for (int i = 0; i < WarehouseSettings.DEFAULT_QUEUE_LIMIT; i++) {
      waiting.add(engines.request("filler-" + (i % 7), Optional.empty()));
    }
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.executeQuery("SELECT 1"))
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("53400"))
          .hasMessageContaining("queue is full");
      assertThat(queued()).isEqualTo(WarehouseSettings.DEFAULT_QUEUE_LIMIT);
    }
  }
}
