package io.sluice.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.gateway.testing.TestingSluice;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Every transport and credential form the gateway accepts, the ones it refuses (SQLSTATE 28000) and
 * servers that are not there (08001).
 */
public class TestSluiceDriverTransports {
  private static final String WRONG_TOKEN = "dapi-not-a-token";

  private final TestingSluice gateway = TestingServers.gateway();

  @Test
  public void binarySaslPlainWithTokenProperty() throws SQLException {
    assertAnswers("jdbc:sluice://127.0.0.1:" + gateway.binaryPort() + ";token=" + gateway.token());
  }

  @Test
  public void binarySaslPlainWithUserAndPassword() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "token");
    properties.setProperty("password", gateway.token());
    try (Connection connection =
        DriverManager.getConnection(
            "jdbc:sluice://127.0.0.1:" + gateway.binaryPort(), properties)) {
      assertAnswers(connection);
    }
  }

  @Test
  public void binaryWithoutSasl() throws SQLException {
    assertAnswers(
        "jdbc:sluice://127.0.0.1:"
            + gateway.binaryPort()
            + ";auth=nosasl;user=token;password="
            + gateway.token());
  }

  @Test
  public void httpWithBearerToken() throws SQLException {
    assertAnswers(
        "jdbc:sluice://127.0.0.1:"
            + gateway.httpPort()
            + ";transport=http;httpPath=/sql/1.0/warehouses/default;token="
            + gateway.token());
  }

  @Test
  public void httpWithBasicCredentials() throws SQLException {
    assertAnswers(
        "jdbc:sluice://127.0.0.1:"
            + gateway.httpPort()
            + ";transport=http;httpPath=cliservice;user=token;password="
            + gateway.token());
  }

  @Test
  public void tlsBinaryTrustingAPemCertificate() throws SQLException {
    assertAnswers(
        "jdbc:sluice://localhost:"
            + gateway.tlsBinaryPort()
            + ";ssl=true;sslCaPem="
            + gateway.certificatePem()
            + ";token="
            + gateway.token());
  }

  @Test
  public void tlsHttpTrustingATrustStore() throws SQLException {
    assertAnswers(
        "jdbc:sluice://localhost:"
            + gateway.httpsPort()
            + ";transport=http;ssl=true;sslTrustStore="
            + gateway.trustStore()
            + ";sslTrustStorePassword="
            + gateway.trustStorePassword()
            + ";token="
            + gateway.token());
  }

  @Test
  public void tlsRefusesAnUntrustedServer() {
    assertConnectFails(
        "jdbc:sluice://localhost:" + gateway.tlsBinaryPort() + ";ssl=true;token=" + gateway.token(),
        "08001");
  }

  @Test
  public void wrongTokenIsAnAuthorizationFailure() {
    assertConnectFails(
        "jdbc:sluice://127.0.0.1:" + gateway.binaryPort() + ";token=" + WRONG_TOKEN, "28000");
    assertConnectFails(
        "jdbc:sluice://127.0.0.1:" + gateway.httpPort() + ";transport=http;token=" + WRONG_TOKEN,
        "28000");
    assertConnectFails(
        "jdbc:sluice://127.0.0.1:"
            + gateway.binaryPort()
            + ";auth=nosasl;user=token;password="
            + WRONG_TOKEN,
        "28000");
  }

  @Test
  public void noServerIsAConnectionFailure() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    assertConnectFails("jdbc:sluice://127.0.0.1:" + closedPort + ";connectTimeout=5", "08001");
  }

  @Test
  public void sessionSettingsAndInitialSchemaApply() throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(
                "jdbc:sluice://127.0.0.1:"
                    + gateway.binaryPort()
                    + "/spark_catalog/default;conf.spark.sql.shuffle.partitions=7;token="
                    + gateway.token());
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SET spark.sql.shuffle.partitions")) {
      assertThat(result.next()).isTrue();
      assertThat(result.getString(2)).isEqualTo("7");
      assertThat(connection.getSchema()).isEqualTo("default");
    }
  }

  private static void assertAnswers(String url) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url)) {
      assertAnswers(connection);
    }
  }

  private static void assertAnswers(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT 40 + 2")) {
      assertThat(result.next()).isTrue();
      assertThat(result.getInt(1)).isEqualTo(42);
    }
  }

  private static void assertConnectFails(String url, String sqlState) {
    assertThatThrownBy(() -> DriverManager.getConnection(url).close())
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(sqlState));
  }
}
