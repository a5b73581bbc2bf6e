package io.sluice.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The driver suite against the Sluice gateway, connecting through DriverManager. */
public class TestSluiceDriverGatewayDriverManager extends BaseSluiceDriverTest {
  @Override
  protected String url() {
    return TestingServers.gatewayUrl();
  }

  @Override
  protected String schema() {
    return "driver_gateway_drivermanager";
  }

  @Override
  protected Connection connect() throws SQLException {
    return DriverManager.getConnection(url());
  }
}
