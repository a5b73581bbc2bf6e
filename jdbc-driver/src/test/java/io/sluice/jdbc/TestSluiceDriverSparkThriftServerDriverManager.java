package io.sluice.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The driver suite against Spark 3.5.4's stock Thrift Server, connecting through DriverManager. */
public class TestSluiceDriverSparkThriftServerDriverManager extends BaseSluiceDriverTest {
  @Override
  protected String url() {
    return TestingServers.sparkThriftServerUrl();
  }

  @Override
  protected String schema() {
    return "driver_sts_drivermanager";
  }

  @Override
  protected Connection connect() throws SQLException {
    return DriverManager.getConnection(url());
  }
}
