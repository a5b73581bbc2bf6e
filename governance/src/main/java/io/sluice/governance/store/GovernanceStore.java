package io.sluice.governance.store;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * The governance database: a HikariCP pool over an embedded H2 file database by default (or any
 * JDBC URL), with its schema migrated to the latest version on open.
 */
public final class GovernanceStore implements AutoCloseable {
  private final HikariDataSource dataSource;

  private GovernanceStore(HikariDataSource dataSource) {
    this.dataSource = requireNonNull(dataSource, "dataSource is null");
  }

  /** Opens (creating if needed) the embedded database under {@code dataDirectory}. */
  public static GovernanceStore openEmbedded(Path dataDirectory) {
    Path file = dataDirectory.toAbsolutePath().resolve("governance").resolve("sluice");
    return open("jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE", "sluice", "");
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

  @Override
  public void close() {
    dataSource.close();
  }
}
