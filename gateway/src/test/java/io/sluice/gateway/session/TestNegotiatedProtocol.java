package io.sluice.gateway.session;

import static io.sluice.protocol.thrift.TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10;
import static io.sluice.protocol.thrift.TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V11;
import static io.sluice.protocol.thrift.TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V8;
import static io.sluice.protocol.thrift.TProtocolVersion.SPARK_CLI_SERVICE_PROTOCOL_V10;
import static io.sluice.protocol.thrift.TProtocolVersion.SPARK_CLI_SERVICE_PROTOCOL_V2;
import static io.sluice.protocol.thrift.TProtocolVersion.SPARK_CLI_SERVICE_PROTOCOL_V7;
import static io.sluice.protocol.thrift.TProtocolVersion.SPARK_CLI_SERVICE_PROTOCOL_V8;
import static io.sluice.protocol.thrift.TProtocolVersion.__HIVE_JDBC_WORKAROUND;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.protocol.thrift.TOpenSessionReq;
import io.sluice.protocol.thrift.TProtocolVersion;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TestNegotiatedProtocol {
  static Stream<Arguments> clients() {
    return Stream.of(
        // Databricks JDBC 3.4.5: field 1 = -7, i64 = V10.
        Arguments.of(
            "Databricks JDBC",
            __HIVE_JDBC_WORKAROUND,
            (long) SPARK_CLI_SERVICE_PROTOCOL_V10.getValue(),
            ClientFamily.DATABRICKS,
            SPARK_CLI_SERVICE_PROTOCOL_V7),
        // Node 2.1.0 sends V8.
        Arguments.of(
            "Databricks Node",
            __HIVE_JDBC_WORKAROUND,
            (long) SPARK_CLI_SERVICE_PROTOCOL_V8.getValue(),
            ClientFamily.DATABRICKS,
            SPARK_CLI_SERVICE_PROTOCOL_V7),
        // Python omits field 1 entirely (the default stays) and sends V7.
        Arguments.of(
            "Databricks Python",
            null,
            (long) SPARK_CLI_SERVICE_PROTOCOL_V7.getValue(),
            ClientFamily.DATABRICKS,
            SPARK_CLI_SERVICE_PROTOCOL_V7),
        Arguments.of(
            "old Databricks client",
            null,
            (long) SPARK_CLI_SERVICE_PROTOCOL_V2.getValue(),
            ClientFamily.DATABRICKS,
            SPARK_CLI_SERVICE_PROTOCOL_V2),
        Arguments.of(
            "Hive JDBC 3.1",
            HIVE_CLI_SERVICE_PROTOCOL_V10,
            null,
            ClientFamily.HIVE,
            HIVE_CLI_SERVICE_PROTOCOL_V10),
        Arguments.of(
            "Hive JDBC 4",
            HIVE_CLI_SERVICE_PROTOCOL_V11,
            null,
            ClientFamily.HIVE,
            HIVE_CLI_SERVICE_PROTOCOL_V10),
        Arguments.of(
            "old Hive JDBC",
            HIVE_CLI_SERVICE_PROTOCOL_V8,
            null,
            ClientFamily.HIVE,
            HIVE_CLI_SERVICE_PROTOCOL_V8),
        // An i64 below the Spark range is not a Databricks client.
        Arguments.of(
            "bogus i64",
            HIVE_CLI_SERVICE_PROTOCOL_V8,
            5L,
            ClientFamily.HIVE,
            HIVE_CLI_SERVICE_PROTOCOL_V8));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clients")
  void answersEachClientFamilyWithAVersionItUnderstands(
      String client,
      TProtocolVersion field1,
      Long field0x502,
      ClientFamily expectedFamily,
      TProtocolVersion expectedVersion) {
    TOpenSessionReq request = new TOpenSessionReq();
    if (field1 == null) {
      request.unsetClient_protocol();
    } else {
      request.setClient_protocol(field1);
    }
    if (field0x502 != null) {
      request.setClient_protocol_i64(field0x502);
    }
    NegotiatedProtocol negotiated = NegotiatedProtocol.negotiate(request);
    assertThat(negotiated.family()).isEqualTo(expectedFamily);
    assertThat(negotiated.version()).isEqualTo(expectedVersion);
  }
}
