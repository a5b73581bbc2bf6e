package io.sluice.gateway.compatibility;

import io.sluice.gateway.compatibility.CanonicalValues.SparkType;
import io.sluice.gateway.testing.TestingClientDrivers;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Properties;

/**
 * Databricks JDBC 3.4.5 (its own class loader) over plain HTTP at the warehouse path, with a
 * personal access token ({@code AuthMech=3}, sent as {@code Authorization: Bearer}).
 */
class TestDatabricksJdbcCompatibility extends BaseJdbcCompatibilityTest {
  @Override
  protected String schema() {
    return "compat_databricks_jdbc";
  }

  @Override
  protected Connection connect(String token) throws SQLException {
    return TestingClientDrivers.databricksJdbc().connect(url(token), new Properties());
  }

  /** The driver sizes its fetches by {@code RowsFetchedPerBlock}, not by the fetch size. */
  @Override
  protected Connection connectForPaging(String token, int pageSize) throws SQLException {
    return TestingClientDrivers.databricksJdbc()
        .connect(url(token) + ";RowsFetchedPerBlock=" + pageSize, new Properties());
  }

  /** Without {@code EnableComplexDatatypeSupport=1} the driver reports complex types as VARCHAR. */
  @Override
  protected int expectedDataType(SparkType type, int engineDataType) {
    return switch (type) {
      case ARRAY, MAP, STRUCT -> Types.VARCHAR;
      default -> engineDataType;
    };
  }

  private String url(String token) {
    return "jdbc:databricks://127.0.0.1:"
        + sluice().httpPort()
        + "/default;transportMode=http;ssl=0;httpPath=/sql/1.0/warehouses/default;"
        + "AuthMech=3;UID=token;PWD="
        + token
        + ";EnableTelemetry=0";
  }
}
