package io.sluice.governance.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Applies the versioned SQL scripts listed in {@code migrations/index.txt}, in order, each in its
 * own transaction, recording every applied version in {@code schema_version}. A script that fails
 * leaves the database at the previous version. Every listed script not yet recorded is applied, not
 * only those above the highest recorded version, so that features developed in parallel (each with
 * its own range of versions) migrate a database that already has the others' scripts.
 */
final class SchemaMigrator {
  private static final String MIGRATIONS = "migrations/";

  private final DataSource dataSource;

  SchemaMigrator(DataSource dataSource) {
    this.dataSource = requireNonNull(dataSource, "dataSource is null");
  }

  void migrate() {
    try (Connection connection = dataSource.getConnection()) {
      try (Statement statement = connection.createStatement()) {
        statement.execute(
            "CREATE TABLE IF NOT EXISTS schema_version ("
                + "version INT NOT NULL PRIMARY KEY, script VARCHAR(256) NOT NULL, "
                + "applied_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL)");
      }
      Set<Integer> applied = appliedVersions(connection);
      List<String> scripts = readResource("index.txt").lines().filter(s -> !s.isBlank()).toList();
      for (String script : scripts) {
        int version = versionOf(script);
        if (!applied.contains(version)) {
          apply(connection, version, script);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot migrate the governance database: " + e.getMessage(), e);
    }
  }

  private static Set<Integer> appliedVersions(Connection connection) throws SQLException {
    Set<Integer> versions = new HashSet<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT version FROM schema_version")) {
      while (result.next()) {
        versions.add(result.getInt(1));
      }
    }
    return versions;
  }

  private static void apply(Connection connection, int version, String script) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      for (String sql : readResource(script).split(";")) {
        if (!sql.isBlank()) {
          statement.execute(sql);
        }
      }
      try (PreparedStatement record =
          connection.prepareStatement(
              "INSERT INTO schema_version (version, script) VALUES (?, ?)")) {
        record.setInt(1, version);
        record.setString(2, script);
        record.executeUpdate();
      }
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private static int versionOf(String script) {
    if (!script.startsWith("V") || !script.contains("__")) {
      throw new IllegalStateException(
          "Migration script name must look like V<n>__name.sql: " + script);
    }
    return Integer.parseInt(script.substring(1, script.indexOf("__")));
  }

  private static String readResource(String name) {
    try (InputStream in = SchemaMigrator.class.getResourceAsStream(MIGRATIONS + name)) {
      if (in == null) {
        throw new IllegalStateException("Missing migration resource " + name);
      }
      return new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
