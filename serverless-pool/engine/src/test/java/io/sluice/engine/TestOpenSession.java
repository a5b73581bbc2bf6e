package io.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.protocol.thrift.TCloseSessionReq;
import io.sluice.protocol.thrift.TCloseSessionResp;
import io.sluice.protocol.thrift.TGetInfoReq;
import io.sluice.protocol.thrift.TGetInfoResp;
import io.sluice.protocol.thrift.TGetInfoType;
import io.sluice.protocol.thrift.TNamespace;
import io.sluice.protocol.thrift.TOpenSessionReq;
import io.sluice.protocol.thrift.TOpenSessionResp;
import io.sluice.protocol.thrift.TProtocolVersion;
import io.sluice.protocol.thrift.TSessionHandle;
import io.sluice.protocol.thrift.TStatusCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TestOpenSession {
  private static TestingEngineClient client;

  @BeforeAll
  static void connect() throws Exception {
    client = TestingEngineProcess.shared().connect();
  }

  @AfterAll
  static void disconnect() {
    client.close();
  }

  @Test
  void refusesAWrongSecret() throws Exception {
    TOpenSessionResp response =
        client
            .raw()
            .OpenSession(
                new TOpenSessionReq()
                    .setClient_protocol(TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10)
                    .setUsername("intruder")
                    .setPassword("not-the-secret"));

    assertThat(response.getStatus().getStatusCode()).isEqualTo(TStatusCode.ERROR_STATUS);
    assertThat(response.getStatus().getSqlState()).isEqualTo("28000");
    assertThat(response.getStatus().getErrorMessage()).contains("Authentication failed");
    assertThat(response.isSetSessionHandle()).isFalse();
  }

  @Test
  void refusesAMissingPassword() throws Exception {
    TOpenSessionResp response =
        client
            .raw()
            .OpenSession(
                new TOpenSessionReq()
                    .setClient_protocol(TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10));

    assertThat(response.getStatus().getSqlState()).isEqualTo("28000");
  }

  @Test
  void hiveClientsGetAHiveVersionAndAConfigurationMap() throws Exception {
    TOpenSessionResp response =
        client
            .raw()
            .OpenSession(
                new TOpenSessionReq()
                    .setClient_protocol(TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10)
                    .setUsername("hive")
                    .setPassword(TestingEngineProcess.SECRET)
                    .setConfiguration(
                        Map.of(
                            "use:database", "default",
                            "set:hiveconf:hive.server2.thrift.resultset.default.fetch.size", "1000",
                            "set:hiveconf:spark.sql.warehouse.dir", "/refused/static/setting")));

    assertThat(response.getStatus().getStatusCode()).isEqualTo(TStatusCode.SUCCESS_STATUS);
    assertThat(response.getServerProtocolVersion())
        .isEqualTo(TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10);
    assertThat(response.getConfiguration()).isNotNull();
    assertThat(response.isSetCanUseMultipleCatalogs()).isFalse();
    assertThat(response.getSessionHandle().getSessionId().getGuid()).hasSize(16);
    assertThat(response.getSessionHandle().getSessionId().getSecret()).hasSize(16);
    client.closeSession(response.getSessionHandle());
  }

  @Test
  void olderHiveClientsKeepTheirVersion() throws Exception {
    TOpenSessionResp response =
        client
            .raw()
            .OpenSession(
                new TOpenSessionReq()
                    .setClient_protocol(TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V8)
                    .setPassword(TestingEngineProcess.SECRET));

    assertThat(response.getServerProtocolVersion())
        .isEqualTo(TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V8);
    client.closeSession(response.getSessionHandle());
  }

  @Test
  void databricksClientsGetSparkV8MultipleCatalogsAndTheirNamespaceBack() throws Exception {
    TNamespace namespace =
        new TNamespace().setCatalogName("spark_catalog").setSchemaName("default");
    TOpenSessionResp response =
        client
            .raw()
            .OpenSession(
                new TOpenSessionReq()
                    .setClient_protocol(TProtocolVersion.__HIVE_JDBC_WORKAROUND)
                    .setClient_protocol_i64(
                        TProtocolVersion.SPARK_CLI_SERVICE_PROTOCOL_V10.getValue())
                    .setUsername("token")
                    .setPassword(TestingEngineProcess.SECRET)
                    .setConfiguration(Map.of("sluice.user", "alice@example.com"))
                    .setInitialNamespace(namespace)
                    .setCanUseMultipleCatalogs(true)
                    .setGetInfos(List.of(TGetInfoType.CLI_DBMS_NAME, TGetInfoType.CLI_DBMS_VER)));

    assertThat(response.getStatus().getStatusCode()).isEqualTo(TStatusCode.SUCCESS_STATUS);
    assertThat(response.getServerProtocolVersion())
        .isEqualTo(TProtocolVersion.SPARK_CLI_SERVICE_PROTOCOL_V8);
    assertThat(response.isCanUseMultipleCatalogs()).isTrue();
    assertThat(response.getInitialNamespace()).isEqualTo(namespace);
    assertThat(response.getConfiguration()).isNotNull();
    assertThat(response.getGetInfos()).hasSize(2);
    assertThat(response.getGetInfos().get(0).getStringValue()).isEqualTo("Spark SQL");
    client.closeSession(response.getSessionHandle());
  }

  @Test
  void anUnknownInitialDatabaseFailsTheSession() throws Exception {
    TOpenSessionResp response =
        client
            .raw()
            .OpenSession(
                new TOpenSessionReq()
                    .setClient_protocol(TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10)
                    .setPassword(TestingEngineProcess.SECRET)
                    .setConfiguration(Map.of("use:database", "no_such_database")));

    assertThat(response.getStatus().getStatusCode()).isEqualTo(TStatusCode.ERROR_STATUS);
    assertThat(response.getStatus().getSqlState()).isEqualTo("42704");
  }

  @Test
  void getInfoAnswersSparkSqlAndItsVersion() throws Exception {
    TSessionHandle session = client.openHiveSession();

    TGetInfoResp name = client.raw().GetInfo(new TGetInfoReq(session, TGetInfoType.CLI_DBMS_NAME));
    TGetInfoResp version =
        client.raw().GetInfo(new TGetInfoReq(session, TGetInfoType.CLI_DBMS_VER));
    TGetInfoResp server =
        client.raw().GetInfo(new TGetInfoReq(session, TGetInfoType.CLI_SERVER_NAME));
    TGetInfoResp unknown =
        client.raw().GetInfo(new TGetInfoReq(session, TGetInfoType.CLI_COLLATION_SEQ));

    assertThat(name.getInfoValue().getStringValue()).isEqualTo("Spark SQL");
    assertThat(version.getInfoValue().getStringValue()).isEqualTo("4.0.2");
    assertThat(server.getInfoValue().getStringValue()).isEqualTo("Spark SQL");
    assertThat(unknown.getStatus().getStatusCode()).isEqualTo(TStatusCode.ERROR_STATUS);
    client.closeSession(session);
  }

  @Test
  void aClosedSessionIsGone() throws Exception {
    TSessionHandle session = client.openHiveSession();
    client.closeSession(session);

    TCloseSessionResp again = client.raw().CloseSession(new TCloseSessionReq(session));

    assertThat(again.getStatus().getStatusCode()).isEqualTo(TStatusCode.ERROR_STATUS);
    assertThat(again.getStatus().getErrorMessage()).contains("Invalid SessionHandle");
  }
}
