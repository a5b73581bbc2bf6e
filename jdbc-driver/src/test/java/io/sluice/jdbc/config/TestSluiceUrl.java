package io.sluice.jdbc.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.jdbc.config.ConnectionProperties.BinaryAuthentication;
import io.sluice.jdbc.config.ConnectionProperties.Transport;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;

public class TestSluiceUrl {
  @Test
  public void parsesHostPortPathAndProperties() throws SQLException {
    ConnectionConfig config =
        SluiceUrl.parse(
            "jdbc:sluice://gateway.example:4443/main/sales;transport=http;httpPath=/sql/1.0/warehouses/w1;"
                + "ssl=true;token=dapi%3Bx;fetchSize=5000;socketTimeout=30;conf.spark.sql.ansi.enabled=true",
            new Properties());
    assertThat(config.host()).isEqualTo("gateway.example");
    assertThat(config.port()).isEqualTo(4443);
    assertThat(config.value(ConnectionProperties.CATALOG)).contains("main");
    assertThat(config.value(ConnectionProperties.SCHEMA)).contains("sales");
    assertThat(config.required(ConnectionProperties.TRANSPORT)).isEqualTo(Transport.HTTP);
    assertThat(config.required(ConnectionProperties.HTTP_PATH)).isEqualTo("/sql/1.0/warehouses/w1");
    assertThat(config.required(ConnectionProperties.SSL)).isTrue();
    assertThat(config.value(ConnectionProperties.TOKEN)).contains("dapi;x");
    assertThat(config.required(ConnectionProperties.FETCH_SIZE)).isEqualTo(5000);
    assertThat(config.required(ConnectionProperties.SOCKET_TIMEOUT))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(config.sessionSettings()).containsEntry("spark.sql.ansi.enabled", "true");
  }

  @Test
  public void defaultsComeFromTheRegistry() throws SQLException {
    ConnectionConfig binary = SluiceUrl.parse("jdbc:sluice://localhost", null);
    assertThat(binary.port()).isEqualTo(10000);
    assertThat(binary.required(ConnectionProperties.TRANSPORT)).isEqualTo(Transport.BINARY);
    assertThat(binary.required(ConnectionProperties.AUTH)).isEqualTo(BinaryAuthentication.PLAIN);
    assertThat(binary.required(ConnectionProperties.FETCH_SIZE)).isEqualTo(10000);
    assertThat(binary.required(ConnectionProperties.ARROW)).isTrue();
    assertThat(
            SluiceUrl.parse("jdbc:sluice://localhost;arrow=false", null)
                .required(ConnectionProperties.ARROW))
        .isFalse();
    assertThat(binary.value(ConnectionProperties.CATALOG)).isEmpty();

    ConnectionConfig http = SluiceUrl.parse("jdbc:sluice://[::1];transport=http", null);
    assertThat(http.host()).isEqualTo("::1");
    assertThat(http.port()).isEqualTo(10001);
  }

  @Test
  public void propertiesArgumentJoinsTheUrl() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "alice");
    properties.setProperty("Password", "secret");
    ConnectionConfig config = SluiceUrl.parse("jdbc:sluice://h:1;FETCHSIZE=7", properties);
    assertThat(config.value(ConnectionProperties.USER)).contains("alice");
    assertThat(config.value(ConnectionProperties.PASSWORD)).contains("secret");
    assertThat(config.required(ConnectionProperties.FETCH_SIZE)).isEqualTo(7);
  }

  @Test
  public void badUrlsNameTheOffender() {
    assertInvalid("jdbc:sluice://", "URL has no host");
    assertInvalid("jdbc:sluice://h:port", "Invalid port 'port'");
    assertInvalid("jdbc:sluice://h:70000", "Port 70000 in URL is out of range");
    assertInvalid("jdbc:sluice://h/a/b/c", "URL path must be /catalog or /catalog/schema");
    assertInvalid("jdbc:sluice://h//s", "Empty catalog");
    assertInvalid("jdbc:sluice://h;fetchSize", "URL property must be key=value, not 'fetchSize'");
    assertInvalid("jdbc:sluice://h;colour=blue", "Unknown connection property 'colour'");
    assertInvalid(
        "jdbc:sluice://h;transport=udp", "Connection property 'transport' must be one of");
    assertInvalid(
        "jdbc:sluice://h;fetchSize=-1",
        "Connection property 'fetchSize' has an invalid value '-1'");
    assertInvalid(
        "jdbc:sluice://h;socketTimeout=soon", "'socketTimeout' has an invalid value 'soon'");
    assertInvalid("jdbc:sluice://h;ssl=yes", "Connection property 'ssl' must be one of");
    assertInvalid("jdbc:sluice://h;arrow=maybe", "Connection property 'arrow' must be one of");
    assertInvalid(
        "jdbc:sluice://h;fetchSize=1;FetchSize=2", "URL property 'FetchSize' is given twice");
    assertInvalid("jdbc:sluice://h/c;catalog=d", "Connection property 'catalog' is given twice");
    assertInvalid("jdbc:sluice://h;conf.=1", "Session setting without a name");
    assertInvalid("jdbc:mysql://h", "Not a Sluice URL");
  }

  @Test
  public void conflictingPropertiesAreRefused() {
    Properties properties = new Properties();
    properties.setProperty("user", "bob");
    assertThatThrownBy(() -> SluiceUrl.parse("jdbc:sluice://h;user=alice", properties))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("'user' is given both in the URL and in the properties");
  }

  @Test
  public void propertyInfoListsEveryRegisteredProperty() {
    DriverPropertyInfo[] info = SluiceUrl.propertyInfo("jdbc:sluice://h;transport=http", null);
    assertThat(Arrays.stream(info).map(property -> property.name))
        .containsExactlyElementsOf(
            ConnectionProperties.ALL.stream().map(ConnectionProperty::name).toList());
    DriverPropertyInfo transport =
        Arrays.stream(info)
            .filter(property -> property.name.equals("transport"))
            .findFirst()
            .orElseThrow();
    assertThat(transport.value).isEqualTo("http");
    assertThat(transport.choices).containsExactly("binary", "http");
    assertThat(transport.description).isNotBlank();
  }

  private static void assertInvalid(String url, String message) {
    assertThatThrownBy(() -> SluiceUrl.parse(url, new Properties()))
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("08001"))
        .hasMessageContaining(message);
  }
}
