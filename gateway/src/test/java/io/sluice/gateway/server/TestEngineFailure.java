package io.sluice.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.gateway.testing.TestingClientDrivers;
import io.sluice.gateway.testing.TestingSluice;
import io.sluice.pool.Engine;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An engine that dies fails its running statements with a clear error, the gateway keeps serving,
 * the next statement gets a new engine, and committed tables survive.
 */
@Timeout(300)
class TestEngineFailure {
  private final TestingSluice sluice = TestingSluice.shared();

  private Connection connect() throws SQLException {
    return TestingClientDrivers.hiveJdbc()
        .connect(
            "jdbc:hive2://127.0.0.1:" + sluice.binaryPort() + "/default", "token", sluice.token());
  }

  @Test
  void aDyingEngineFailsItsStatementsClearlyAndIsReplaced() throws Exception {
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        Connection bystander = connect();
        Statement bystanding = bystander.createStatement()) {
      try (ResultSet before = bystanding.executeQuery("SELECT 1")) {
        assertThat(before.next()).isTrue();
      }
      statement.execute("CREATE TABLE IF NOT EXISTS survives_engine_crash (id INT) USING parquet");
      statement.execute("INSERT OVERWRITE survives_engine_crash VALUES (1), (2), (3)");
      Engine doomed = sluice.engine();

      CompletableFuture<Void> longQuery =
          CompletableFuture.runAsync(
              () -> {
                try (Statement slow = connection.createStatement()) {
                  slow.executeQuery("SELECT count(*) FROM range(0, 200000000000) a");
                } catch (SQLException e) {
                  throw new java.util.concurrent.CompletionException(e);
                }
              });
      Thread.sleep(3000);
      ProcessHandle.of(doomed.pid()).ifPresent(ProcessHandle::destroyForcibly);

      assertThatThrownBy(() -> longQuery.get(60, TimeUnit.SECONDS))
          .rootCause()
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("engine");
      assertThat(sluice.engine()).isNotSameAs(doomed);

      try (ResultSet result = statement.executeQuery("SELECT sum(id) FROM survives_engine_crash")) {
        assertThat(result.next()).isTrue();
        assertThat(result.getLong(1)).isEqualTo(6);
      }
      // A session that had nothing running when the engine died does not notice: its next
      // statement runs on the replacement, and the warehouse is back to one engine.
      try (ResultSet after =
          bystanding.executeQuery("SELECT count(*) FROM survives_engine_crash")) {
        assertThat(after.next()).isTrue();
        assertThat(after.getLong(1)).isEqualTo(3);
      }
      assertThat(sluice.sluice().engines().snapshot().engines()).isEqualTo(1);
      assertThat(sluice.sluice().engines().snapshot().runningStatements()).isZero();
    }
    try (Connection fresh = connect();
        Statement statement = fresh.createStatement();
        ResultSet result = statement.executeQuery("SELECT count(*) FROM survives_engine_crash")) {
      assertThat(result.next()).isTrue();
      assertThat(result.getLong(1)).isEqualTo(3);
    }
  }
}
