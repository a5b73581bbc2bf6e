package io.sluice.pool;

import io.sluice.protocol.thrift.TCLIService;
import io.sluice.protocol.thrift.TCloseOperationReq;
import io.sluice.protocol.thrift.TCloseSessionReq;
import io.sluice.protocol.thrift.TExecuteStatementReq;
import io.sluice.protocol.thrift.TExecuteStatementResp;
import io.sluice.protocol.thrift.TFetchOrientation;
import io.sluice.protocol.thrift.TFetchResultsReq;
import io.sluice.protocol.thrift.TOpenSessionReq;
import io.sluice.protocol.thrift.TOpenSessionResp;
import io.sluice.protocol.thrift.TProtocolVersion;
import io.sluice.protocol.thrift.TStatusCode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.thrift.TException;

/**
 * Runs a few statements on a fresh engine the way a client would (open a session, execute, fetch,
 * close), so that the JIT has compiled Spark's planning, code generation and our result encoding
 * before the first real statement arrives.
 */
public final class EngineWarmUp implements WarmPool.WarmUp {
  private static final List<String> STATEMENTS =
      List.of(
          "SELECT 1",
          "SELECT id % 10 AS k, count(*) AS n, sum(id) AS s FROM range(0, 200000) GROUP BY 1"
              + " ORDER BY 1",
          "SELECT concat('x', CAST(id AS STRING)) AS s, CAST(id AS DOUBLE) / 3 AS d"
              + " FROM range(0, 1000)",
          "SHOW DATABASES");

  private final int rounds;

  public EngineWarmUp(int rounds) {
    this.rounds = rounds;
  }

  /** Warms {@code engine}; fails with {@link EngineStartException} when the engine misbehaves. */
  @Override
  public void run(EngineProcess engine) throws EngineStartException {
    try (EngineConnectionPool connections =
        new EngineConnectionPool(
            engine.host(),
            engine.port(),
            Duration.ofMinutes(5),
            Duration.ZERO,
            Clock.systemUTC(),
            engine::describeExit)) {
      TCLIService.Iface client = connections.client();
      TOpenSessionResp session =
          client.OpenSession(
              new TOpenSessionReq()
                  .setClient_protocol(TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10)
                  .setUsername("sluice-warm-up")
                  .setPassword(engine.secret()));
      if (session.getStatus().getStatusCode() != TStatusCode.SUCCESS_STATUS) {
        throw new EngineStartException(
            "Warm-up could not open a session: " + session.getStatus().getErrorMessage(), null);
      }
      for (int round = 0; round < rounds; round++) {
        for (String statement : STATEMENTS) {
          TExecuteStatementResp executed =
              client.ExecuteStatement(
                  new TExecuteStatementReq(session.getSessionHandle(), statement)
                      .setRunAsync(false));
          if (executed.isSetOperationHandle()) {
            client.FetchResults(
                new TFetchResultsReq(
                    executed.getOperationHandle(), TFetchOrientation.FETCH_NEXT, 10_000));
            client.CloseOperation(new TCloseOperationReq(executed.getOperationHandle()));
          }
        }
      }
      client.CloseSession(new TCloseSessionReq(session.getSessionHandle()));
    } catch (TException e) {
      throw new EngineStartException("Warm-up failed: " + e.getMessage(), e);
    }
  }
}
