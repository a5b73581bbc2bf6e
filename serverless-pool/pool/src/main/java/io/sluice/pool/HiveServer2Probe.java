package io.sluice.pool;

import io.sluice.protocol.thrift.TCLIService;
import io.sluice.protocol.thrift.TCloseSessionReq;
import io.sluice.protocol.thrift.TOpenSessionReq;
import io.sluice.protocol.thrift.TOpenSessionResp;
import io.sluice.protocol.thrift.TProtocolVersion;
import io.sluice.protocol.thrift.TStatusCode;
import java.time.Duration;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.transport.TSocket;

/**
 * A health check of one HiveServer2-compatible endpoint (binary Thrift without SASL): healthy when
 * it opens and closes a session within the timeout, as a real client would need.
 */
public final class HiveServer2Probe implements ClassicClusters.HealthProbe {
  private final Duration timeout;

  public HiveServer2Probe(Duration timeout) {
    this.timeout = timeout;
  }

  @Override
  public boolean isHealthy(String host, int port) {
    TSocket socket = null;
    try {
      socket = new TSocket(host, port, (int) timeout.toMillis());
      socket.open();
      TCLIService.Client client = new TCLIService.Client(new TBinaryProtocol(socket));
      TOpenSessionResp opened =
          client.OpenSession(
              new TOpenSessionReq()
                  .setClient_protocol(TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10)
                  .setUsername("sluice-health-check")
                  .setPassword(""));
      if (opened.getStatus().getStatusCode() != TStatusCode.SUCCESS_STATUS) {
        return false;
      }
      client.CloseSession(new TCloseSessionReq(opened.getSessionHandle()));
      return true;
    } catch (TException | RuntimeException e) {
      return false;
    } finally {
      if (socket != null) {
        socket.close();
      }
    }
  }
}
