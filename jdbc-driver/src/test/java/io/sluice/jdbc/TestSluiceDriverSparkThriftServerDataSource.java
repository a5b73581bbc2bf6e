package io.sluice.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** The driver suite against Spark 3.5.4's stock Thrift Server, connecting through DataSource. */
public class TestSluiceDriverSparkThriftServerDataSource extends BaseSluiceDriverTest {
  @Override
  protected String url() {
    return TestingServers.sparkThriftServerUrl();
  }

  @Override
  protected String schema() {
    return "driver_sts_datasource";
  }

  private final SluiceDataSource dataSource = new SluiceDataSource();

  @Override
  protected Connection connect() throws SQLException {
    dataSource.setUrl(url());
    return dataSource.getConnection();
  }
}
