package io.sluice.governance.store;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * The governance database: a HikariCP pool over an embedded H2 file database by default (or any
 * JDBC URL, PostgreSQL in production), with its schema migrated to the latest version on open.
 * Every script is written in SQL that both H2 and PostgreSQL accept.
 */
public final class GovernanceStore implements AutoCloseable {
  private final HikariDataSource dataSource;

  private GovernanceStore(HikariDataSource dataSource) {
    this.dataSource = requireNonNull(dataSource, "dataSource is null");
  }

  /** Opens (creating if needed) the embedded database under {@code dataDirectory}. */
  public static GovernanceStore openEmbedded(Path dataDirectory) {
    Path file = dataDirectory.toAbsolutePath().resolve("governance").resolve("sluice");
    return open(
        "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=256", "sluice", "");
  }

  /**
   * Opens a PostgreSQL database ({@code jdbc:postgresql://host:port/database}), the production
   * store; its schema is migrated like the embedded one's.
   */
  public static GovernanceStore openPostgres(String jdbcUrl, String user, String password) {
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "A PostgreSQL JDBC URL starts with jdbc:postgresql: but got " + jdbcUrl);
    }
    return open(jdbcUrl, user, password);
  }

  public static GovernanceStore open(String jdbcUrl, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("sluice-governance");
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(8);
    config.setMinimumIdle(1);
    HikariDataSource dataSource = new HikariDataSource(config);
    try {
      new SchemaMigrator(dataSource).migrate();
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
    return new GovernanceStore(dataSource);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public Database database() {
    return new Database(dataSource);
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
