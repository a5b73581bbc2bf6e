package io.sluice.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** The driver suite against the Sluice gateway, connecting through DataSource. */
public class TestSluiceDriverGatewayDataSource extends BaseSluiceDriverTest {
  @Override
  protected String url() {
    return TestingServers.gatewayUrl();
  }

  @Override
  protected String schema() {
    return "driver_gateway_datasource";
  }

  private final SluiceDataSource dataSource = new SluiceDataSource();

  @Override
  protected Connection connect() throws SQLException {
    dataSource.setUrl(url());
    return dataSource.getConnection();
  }
}
