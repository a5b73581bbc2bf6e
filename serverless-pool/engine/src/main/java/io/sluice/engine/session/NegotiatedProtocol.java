package io.sluice.engine.session;

import io.sluice.protocol.thrift.TOpenSessionReq;
import io.sluice.protocol.thrift.TProtocolVersion;

/**
 * The protocol version a session speaks, chosen per client family.
 *
 * <p>Databricks clients send {@code client_protocol_i64} (0x502) and get {@code min(client,
 * SPARK_CLI_SERVICE_PROTOCOL_V8)}; Hive-family clients send only {@code client_protocol} and get
 * {@code min(client, HIVE_CLI_SERVICE_PROTOCOL_V10)}, because their enum cannot decode Spark-range
 * values.
 *
 * @param version the version replied in {@code serverProtocolVersion}
 * @param databricksClient whether the client sent {@code client_protocol_i64}: the reply then also
 *     carries {@code canUseMultipleCatalogs} and echoes {@code initialNamespace}
 */
public record NegotiatedProtocol(TProtocolVersion version, boolean databricksClient) {
  public static final TProtocolVersion SPARK_MAXIMUM =
      TProtocolVersion.SPARK_CLI_SERVICE_PROTOCOL_V8;
  public static final TProtocolVersion HIVE_MAXIMUM =
      TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10;

  /** Chooses the version for {@code request}. */
  public static NegotiatedProtocol negotiate(TOpenSessionReq request) {
    if (request.isSetClient_protocol_i64()) {
      long client = request.getClient_protocol_i64();
      return new NegotiatedProtocol(
          highestKnownAtMost(Math.min(client, SPARK_MAXIMUM.getValue())), true);
    }
    TProtocolVersion client = request.isSetClient_protocol() ? request.getClient_protocol() : null;
    if (client == null || client.getValue() < 0) {
      return new NegotiatedProtocol(HIVE_MAXIMUM, false);
    }
    return new NegotiatedProtocol(
        highestKnownAtMost(Math.min(client.getValue(), HIVE_MAXIMUM.getValue())), false);
  }

  /** Whether the session speaks a Spark-range (Databricks) version. */
  public boolean sparkRange() {
    return version.getValue() >= TProtocolVersion.SPARK_CLI_SERVICE_PROTOCOL_V1.getValue();
  }

  private static TProtocolVersion highestKnownAtMost(long value) {
    TProtocolVersion best = TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V1;
    for (TProtocolVersion candidate : TProtocolVersion.values()) {
      if (candidate == TProtocolVersion.__TEST_PROTOCOL_VERSION
          || candidate == TProtocolVersion.__HIVE_JDBC_WORKAROUND) {
        continue;
      }
      if (candidate.getValue() <= value && candidate.getValue() > best.getValue()) {
        best = candidate;
      }
    }
    return best;
  }
}
