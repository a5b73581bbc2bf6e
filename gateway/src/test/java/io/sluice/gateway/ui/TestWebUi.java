package io.sluice.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.gateway.testing.TestingBrowser;
import io.sluice.gateway.testing.TestingClientDrivers;
import io.sluice.gateway.testing.TestingSluice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The web UI end to end in a real headless Chromium: sign in, see a statement that just ran through
 * JDBC, open it, cancel a running one, filter, and look at the warehouses. Screenshots are kept in
 * {@code gateway/target/ui-screenshots}.
 */
@Timeout(600)
class TestWebUi {
  private final TestingSluice sluice = TestingSluice.shared();

  private Connection connect() throws SQLException {
    return TestingClientDrivers.hiveJdbc()
        .connect(
            "jdbc:hive2://127.0.0.1:" + sluice.binaryPort() + "/default", "token", sluice.token());
  }

  @Test
  void signInSeeOpenCancelAndFilter() throws Exception {
    String finished = "ui_finished_" + UUID.randomUUID().toString().replace("-", "");
    String running = "ui_running_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.executeQuery("SELECT '" + finished + "' AS marker, id FROM range(3)").close();
    }
    Path screenshots = Paths.get("target", "ui-screenshots").toAbsolutePath();
    Files.createDirectories(screenshots);
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      CompletableFuture<Throwable> endless =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  statement
                      .executeQuery(
                          "SELECT sum(a.id * b.id) FROM range(2000000) a CROSS JOIN"
                              + " range(2000000) b WHERE '"
                              + running
                              + "' <> ''")
                      .close();
                  return null;
                } catch (SQLException e) {
                  return e;
                }
              });
      JsonNode seen =
          TestingBrowser.run(
              "web-ui.js",
              Map.of(
                  "SLUICE_URL",
                  "http://127.0.0.1:" + sluice.httpPort(),
                  "SLUICE_TOKEN",
                  sluice.token(),
                  "FINISHED_MARKER",
                  finished,
                  "RUNNING_MARKER",
                  running,
                  "SCREENSHOT_DIR",
                  screenshots.toString()),
              400);
      assertThat(seen.get("badTokenMessage").asText()).contains("not valid");
      assertThat(seen.get("finishedRows").asInt()).isEqualTo(1);
      assertThat(seen.get("finishedStatus").asText()).isEqualTo("FINISHED");
      assertThat(seen.get("statementSql").asText()).contains(finished);
      assertThat(seen.get("statementStatus").asText()).isEqualTo("FINISHED");
      assertThat(seen.get("timelinePhases").asInt()).isGreaterThanOrEqualTo(4);
      assertThat(seen.get("rewrittenShown").asBoolean()).isTrue();
      assertThat(seen.get("canceled").asBoolean()).isTrue();
      assertThat(seen.get("failedFilterEmpty").asBoolean()).isTrue();
      assertThat(seen.get("canceledFilterRows").asInt()).isEqualTo(1);
      assertThat(seen.get("warehouseState").asText()).isEqualTo("RUNNING");
      assertThat(seen.get("pageErrors")).isEmpty();
      assertThat(endless.get()).isInstanceOf(SQLException.class);
    }
    assertThat(screenshots.resolve("history.png")).isRegularFile();
    assertThat(screenshots.resolve("statement.png")).isRegularFile();
  }
}
