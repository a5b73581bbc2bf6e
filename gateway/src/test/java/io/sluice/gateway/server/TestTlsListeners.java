package io.sluice.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.gateway.testing.TestingClientDrivers;
import io.sluice.gateway.testing.TestingSluice;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** TLS from a PEM certificate and key on both ports, through the real Hive JDBC driver. */
@Timeout(180)
class TestTlsListeners {
  private final TestingSluice sluice = TestingSluice.shared();

  private String trustOptions() {
    return ";ssl=true;sslTrustStore="
        + sluice.trustStore()
        + ";trustStorePassword="
        + sluice.trustStorePassword();
  }

  @Test
  void binaryPortSpeaksSaslOverTls() throws Exception {
    assertSelectWorks(
        "jdbc:hive2://127.0.0.1:" + sluice.tlsBinaryPort() + "/default" + trustOptions());
  }

  @Test
  void httpPortSpeaksThriftOverHttps() throws Exception {
    assertSelectWorks(
        "jdbc:hive2://127.0.0.1:"
            + sluice.httpsPort()
            + "/default;transportMode=http;httpPath=sql/1.0/warehouses/default"
            + trustOptions());
  }

  @Test
  void plaintextOnATlsPortIsRefused() {
    assertThatThrownBy(
            () ->
                assertSelectWorks("jdbc:hive2://127.0.0.1:" + sluice.tlsBinaryPort() + "/default"))
        .isInstanceOf(SQLException.class);
  }

  private void assertSelectWorks(String url) throws SQLException {
    try (Connection connection =
            TestingClientDrivers.hiveJdbc().connect(url, "token", sluice.token());
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT 'secure' AS word")) {
      assertThat(result.next()).isTrue();
      assertThat(result.getString(1)).isEqualTo("secure");
    }
  }
}
