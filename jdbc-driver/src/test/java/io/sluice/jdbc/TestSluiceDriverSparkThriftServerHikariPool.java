package io.sluice.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** The driver suite against Spark 3.5.4's stock Thrift Server, connecting through HikariPool. */
public class TestSluiceDriverSparkThriftServerHikariPool extends BaseSluiceDriverTest {
  @Override
  protected String url() {
    return TestingServers.sparkThriftServerUrl();
  }

  @Override
  protected String schema() {
    return "driver_sts_hikaripool";
  }

  private HikariDataSource pool;

  @Override
  protected synchronized Connection connect() throws SQLException {
    if (pool == null) {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(url());
      config.setMaximumPoolSize(3);
      config.setPoolName("sluice-driver-test");
      pool = new HikariDataSource(config);
    }
    return pool.getConnection();
  }

  @Override
  protected boolean pooled() {
    return true;
  }

  @Override
  protected synchronized void closeEntryPoint() {
    if (pool != null) {
      pool.close();
    }
  }
}
