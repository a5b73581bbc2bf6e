package io.sluice.gateway.session;

import static java.util.Objects.requireNonNull;

import io.sluice.protocol.thrift.TOpenSessionReq;
import io.sluice.protocol.thrift.TProtocolVersion;

/**
 * The protocol version agreed with one client: {@code min(client, server maximum)} within the
 * client's family.
 *
 * <p>The Databricks maximum is SPARK_CLI V7: V8 would make Databricks drivers send native query
 * parameters, which the engines do not bind yet.
 */
public record NegotiatedProtocol(ClientFamily family, TProtocolVersion version) {
  static final TProtocolVersion HIVE_MAXIMUM = TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10;
  static final TProtocolVersion DATABRICKS_MAXIMUM = TProtocolVersion.SPARK_CLI_SERVICE_PROTOCOL_V7;

  public NegotiatedProtocol {
    requireNonNull(family, "family is null");
    requireNonNull(version, "version is null");
  }

  public static NegotiatedProtocol negotiate(TOpenSessionReq request) {
    if (request.isSetClient_protocol_i64()
        && request.getClient_protocol_i64()
            >= TProtocolVersion.SPARK_CLI_SERVICE_PROTOCOL_V1.getValue()) {
      long version = Math.min(request.getClient_protocol_i64(), DATABRICKS_MAXIMUM.getValue());
      return new NegotiatedProtocol(
          ClientFamily.DATABRICKS, TProtocolVersion.findByValue((int) version));
    }
    TProtocolVersion requested = request.getClient_protocol();
    if (requested == null
        || requested.getValue() < 0
        || requested.getValue() > HIVE_MAXIMUM.getValue()) {
      return new NegotiatedProtocol(ClientFamily.HIVE, HIVE_MAXIMUM);
    }
    return new NegotiatedProtocol(ClientFamily.HIVE, requested);
  }

  public boolean isDatabricks() {
    return family == ClientFamily.DATABRICKS;
  }
}
