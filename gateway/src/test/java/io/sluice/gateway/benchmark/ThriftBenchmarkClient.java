package io.sluice.gateway.benchmark;

import io.sluice.protocol.thrift.TCLIService;
import io.sluice.protocol.thrift.TCloseOperationReq;
import io.sluice.protocol.thrift.TCloseSessionReq;
import io.sluice.protocol.thrift.TColumn;
import io.sluice.protocol.thrift.TExecuteStatementReq;
import io.sluice.protocol.thrift.TExecuteStatementResp;
import io.sluice.protocol.thrift.TFetchOrientation;
import io.sluice.protocol.thrift.TFetchResultsReq;
import io.sluice.protocol.thrift.TFetchResultsResp;
import io.sluice.protocol.thrift.TOpenSessionReq;
import io.sluice.protocol.thrift.TOpenSessionResp;
import io.sluice.protocol.thrift.TOperationHandle;
import io.sluice.protocol.thrift.TProtocolVersion;
import io.sluice.protocol.thrift.TSessionHandle;
import io.sluice.protocol.thrift.TStatusCode;
import org.apache.thrift.TConfiguration;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.transport.TSocket;

/**
 * A minimal HiveServer2 client (NOSASL binary, generated Thrift client) used identically against
 * the gateway and against an engine directly, so that the difference between the two is the
 * gateway's cost and nothing else.
 */
final class ThriftBenchmarkClient implements AutoCloseable {
  private final TSocket socket;
  private final TCLIService.Client client;
  private final TSessionHandle session;

  ThriftBenchmarkClient(int port, String password) throws TException {
    this(port, password, java.util.Map.of());
  }

  /** A session with {@code configuration} (for example {@code sluice.warehouse}). */
  ThriftBenchmarkClient(int port, String password, java.util.Map<String, String> configuration)
      throws TException {
    socket =
        new TSocket(
            TConfiguration.custom().setMaxMessageSize(1 << 30).build(), "127.0.0.1", port, 600_000);
    socket.open();
    client = new TCLIService.Client(new TBinaryProtocol(socket));
    TOpenSessionResp opened =
        client.OpenSession(
            new TOpenSessionReq()
                .setClient_protocol(TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10)
                .setUsername("token")
                .setPassword(password)
                .setConfiguration(new java.util.HashMap<>(configuration)));
    check(opened.getStatus().getStatusCode(), opened.getStatus().getErrorMessage());
    session = opened.getSessionHandle();
  }

  /** Runs a statement synchronously and fetches every row; returns the row count. */
  long run(String sql, int pageRows) throws TException {
    TExecuteStatementResp executed =
        client.ExecuteStatement(new TExecuteStatementReq(session, sql).setRunAsync(false));
    check(executed.getStatus().getStatusCode(), executed.getStatus().getErrorMessage());
    TOperationHandle operation = executed.getOperationHandle();
    long rows = 0;
    while (true) {
      TFetchResultsResp page =
          client.FetchResults(
              new TFetchResultsReq(operation, TFetchOrientation.FETCH_NEXT, pageRows));
      check(page.getStatus().getStatusCode(), page.getStatus().getErrorMessage());
      int pageSize = rowCount(page.getResults().getColumns().get(0));
      rows += pageSize;
      if (!page.isHasMoreRows() || pageSize == 0) {
        break;
      }
    }
    client.CloseOperation(new TCloseOperationReq(operation));
    return rows;
  }

  private static int rowCount(TColumn column) {
    return switch (column.getSetField()) {
      case BOOL_VAL -> column.getBoolVal().getValuesSize();
      case BYTE_VAL -> column.getByteVal().getValuesSize();
      case I16_VAL -> column.getI16Val().getValuesSize();
      case I32_VAL -> column.getI32Val().getValuesSize();
      case I64_VAL -> column.getI64Val().getValuesSize();
      case DOUBLE_VAL -> column.getDoubleVal().getValuesSize();
      case STRING_VAL -> column.getStringVal().getValuesSize();
      case BINARY_VAL -> column.getBinaryVal().getValuesSize();
    };
  }

  private static void check(TStatusCode code, String message) {
    if (code != TStatusCode.SUCCESS_STATUS && code != TStatusCode.SUCCESS_WITH_INFO_STATUS) {
      throw new IllegalStateException("Call failed: " + message);
    }
  }

  @Override
  public void close() throws TException {
    client.CloseSession(new TCloseSessionReq(session));
    socket.close();
  }
}
