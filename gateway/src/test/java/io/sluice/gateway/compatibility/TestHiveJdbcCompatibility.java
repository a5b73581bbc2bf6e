package io.sluice.gateway.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.testing.TestingClientDrivers;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Nested;

/**
 * Apache Hive JDBC 3.1.3 (standalone jar, its own class loader) through each transport the gateway
 * serves it: binary with SASL PLAIN, binary without SASL (credentials in OpenSession), and
 * Thrift-over-HTTP with Basic auth. URLs as in the clients reference, §6.
 */
class TestHiveJdbcCompatibility {
  private static Connection connect(String url, String token) throws SQLException {
    return TestingClientDrivers.hiveJdbc().connect(url, "token", token);
  }

  @Nested
  class BinarySaslPlain extends BaseJdbcCompatibilityTest {
    @Override
    protected String schema() {
      return "compat_hive_binary";
    }

    @Override
    protected Connection connect(String token) throws SQLException {
      return TestHiveJdbcCompatibility.connect(
          "jdbc:hive2://127.0.0.1:" + sluice().binaryPort() + "/default", token);
    }
  }

  @Nested
  class BinaryNoSasl extends BaseJdbcCompatibilityTest {
    @Override
    protected String schema() {
      return "compat_hive_nosasl";
    }

    @Override
    protected Connection connect(String token) throws SQLException {
      return TestHiveJdbcCompatibility.connect(
          "jdbc:hive2://127.0.0.1:" + sluice().binaryPort() + "/default;auth=noSasl", token);
    }
  }

  @Nested
  class HttpBasicAuth extends BaseJdbcCompatibilityTest {
    @Override
    protected String schema() {
      return "compat_hive_http";
    }

    @Override
    protected Connection connect(String token) throws SQLException {
      return TestHiveJdbcCompatibility.connect(
          "jdbc:hive2://127.0.0.1:"
              + sluice().httpPort()
              + "/default;transportMode=http;httpPath=cliservice",
          token);
    }

    @Override
    protected void assertRefusedToken(ClientFailure failure) {
      assertThat(failure.message()).contains("401");
    }
  }
}
