package io.sluice.governance.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestSchemaMigrator {
  @TempDir Path dataDirectory;

  @Test
  void aScriptMissingBelowTheHighestAppliedVersionIsStillApplied() throws Exception {
    try (GovernanceStore store = GovernanceStore.openEmbedded(dataDirectory);
        Connection connection = store.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      // As if another feature's later script had been applied before this one was written.
      statement.execute("DROP TABLE audit_event");
      statement.execute("DELETE FROM schema_version WHERE version = 6");
      statement.execute(
          "INSERT INTO schema_version (version, script) VALUES (99, 'V99__other.sql')");
    }
    try (GovernanceStore store = GovernanceStore.openEmbedded(dataDirectory);
        Connection connection = store.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      assertThat(versions(statement)).contains(1, 2, 3, 4, 5, 6, 99);
      try (ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM audit_event")) {
        assertThat(result.next()).isTrue();
        assertThat(result.getInt(1)).isZero();
      }
    }
  }

  private static List<Integer> versions(Statement statement) throws Exception {
    List<Integer> versions = new ArrayList<>();
    try (ResultSet result =
        statement.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
      while (result.next()) {
        versions.add(result.getInt(1));
      }
    }
    return versions;
  }
}
