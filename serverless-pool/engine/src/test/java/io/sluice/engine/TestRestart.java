package io.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.protocol.thrift.TSessionHandle;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestRestart {

  @Test
  void tablesAndDataSurviveAnEngineRestartOnTheSameDataDirectory() throws Exception {
    TestingEngineProcess before = TestingEngineProcess.shared();
    try (TestingEngineClient client = before.connect()) {
      TSessionHandle session = client.openHiveSession();
      client.run(session, "CREATE DATABASE IF NOT EXISTS durable");
      client.run(session, "DROP TABLE IF EXISTS durable.kept");
      client.run(session, "CREATE TABLE durable.kept (id INT, name STRING) USING parquet");
      client.run(session, "INSERT INTO durable.kept VALUES (1, 'one'), (2, 'two')");
      client.closeSession(session);
    }

    TestingEngineProcess after = TestingEngineProcess.restartShared();

    assertThat(before.isAlive()).isFalse();
    assertThat(before.exitValue()).as("exit code after standard input closed").isZero();
    assertThat(after.dataDirectory()).isEqualTo(before.dataDirectory());
    try (TestingEngineClient client = after.connect()) {
      TSessionHandle session = client.openHiveSession();
      assertThat(client.query(session, "SELECT id, name FROM durable.kept ORDER BY id"))
          .containsExactly(List.of(1, "one"), List.of(2, "two"));
      client.closeSession(session);
    }
  }
}
