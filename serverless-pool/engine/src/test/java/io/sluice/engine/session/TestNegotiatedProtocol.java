package io.sluice.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.protocol.thrift.TOpenSessionReq;
import io.sluice.protocol.thrift.TProtocolVersion;
import org.junit.jupiter.api.Test;

class TestNegotiatedProtocol {

  @Test
  void hiveClientsGetTheMinimumOfTheirVersionAndHiveV10() {
    NegotiatedProtocol v10 =
        NegotiatedProtocol.negotiate(
            new TOpenSessionReq()
                .setClient_protocol(TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10));
    NegotiatedProtocol v11 =
        NegotiatedProtocol.negotiate(
            new TOpenSessionReq()
                .setClient_protocol(TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V11));
    NegotiatedProtocol v6 =
        NegotiatedProtocol.negotiate(
            new TOpenSessionReq()
                .setClient_protocol(TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V6));

    assertThat(v10.version()).isEqualTo(TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10);
    assertThat(v10.databricksClient()).isFalse();
    assertThat(v10.sparkRange()).isFalse();
    assertThat(v11.version()).isEqualTo(TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10);
    assertThat(v6.version()).isEqualTo(TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V6);
  }

  @Test
  void aMissingOrWorkaroundVersionIsTreatedAsHiveV10() {
    assertThat(NegotiatedProtocol.negotiate(new TOpenSessionReq()).version())
        .isEqualTo(TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10);
  }

  @Test
  void databricksClientsGetTheMinimumOfTheirI64VersionAndSparkV8() {
    NegotiatedProtocol newer =
        NegotiatedProtocol.negotiate(
            new TOpenSessionReq()
                .setClient_protocol(TProtocolVersion.__HIVE_JDBC_WORKAROUND)
                .setClient_protocol_i64(0xA50A));
    NegotiatedProtocol older =
        NegotiatedProtocol.negotiate(new TOpenSessionReq().setClient_protocol_i64(0xA505));
    NegotiatedProtocol future =
        NegotiatedProtocol.negotiate(new TOpenSessionReq().setClient_protocol_i64(0xA5FF));

    assertThat(newer.version()).isEqualTo(TProtocolVersion.SPARK_CLI_SERVICE_PROTOCOL_V8);
    assertThat(newer.databricksClient()).isTrue();
    assertThat(newer.sparkRange()).isTrue();
    assertThat(older.version()).isEqualTo(TProtocolVersion.SPARK_CLI_SERVICE_PROTOCOL_V5);
    assertThat(future.version()).isEqualTo(TProtocolVersion.SPARK_CLI_SERVICE_PROTOCOL_V8);
  }
}
