package io.sluice.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** The driver suite against the Sluice gateway, connecting through HikariPool. */
public class TestSluiceDriverGatewayHikariPool extends BaseSluiceDriverTest {
  @Override
  protected String url() {
    return TestingServers.gatewayUrl();
  }

  @Override
  protected String schema() {
    return "driver_gateway_hikaripool";
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
