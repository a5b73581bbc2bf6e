package io.sluice.jdbc.client;

import static java.util.Objects.requireNonNull;

import io.sluice.jdbc.config.ConnectionConfig;
import io.sluice.jdbc.config.ConnectionProperties;
import io.sluice.protocol.thrift.TCLIService;
import io.sluice.protocol.thrift.TCancelOperationReq;
import io.sluice.protocol.thrift.TCloseOperationReq;
import io.sluice.protocol.thrift.TCloseSessionReq;
import io.sluice.protocol.thrift.TExecuteStatementReq;
import io.sluice.protocol.thrift.TExecuteStatementResp;
import io.sluice.protocol.thrift.TFetchOrientation;
import io.sluice.protocol.thrift.TFetchResultsReq;
import io.sluice.protocol.thrift.TGetInfoReq;
import io.sluice.protocol.thrift.TGetInfoResp;
import io.sluice.protocol.thrift.TGetInfoType;
import io.sluice.protocol.thrift.TGetOperationStatusReq;
import io.sluice.protocol.thrift.TGetOperationStatusResp;
import io.sluice.protocol.thrift.TGetResultSetMetadataReq;
import io.sluice.protocol.thrift.TGetResultSetMetadataResp;
import io.sluice.protocol.thrift.TOpenSessionReq;
import io.sluice.protocol.thrift.TOpenSessionResp;
import io.sluice.protocol.thrift.TOperationHandle;
import io.sluice.protocol.thrift.TProtocolVersion;
import io.sluice.protocol.thrift.TSessionHandle;
import io.sluice.protocol.thrift.TSparkArrowTypes;
import io.sluice.protocol.thrift.TStatus;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.transport.TTransport;

/**
 * One HiveServer2 session over one Thrift transport: the wire half of a JDBC connection. Calls are
 * serialized (a Thrift client is not thread-safe), each one short, so that another thread can
 * cancel a statement between the executing thread's polls.
 *
 * <p>The client asks for HIVE_CLI_SERVICE_PROTOCOL_V10, which Sluice, Spark's Thrift Server and
 * Kyuubi all understand, and then speaks whatever version the server answers with: row-based
 * results below V6, columnar from V6. Unless the {@code arrow} property is off, each statement also
 * says that the client reads Arrow results (the Databricks extension fields, which other servers
 * skip); a server that takes it up says so in the result's metadata.
 */
public final class HiveServerSession implements AutoCloseable {
  public static final TProtocolVersion REQUESTED_PROTOCOL =
      TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10;

  private final TTransport transport;
  private final IntConsumer readTimeoutMillis;
  private final TCLIService.Client client;
  private final TSessionHandle sessionHandle;
  private final TProtocolVersion protocolVersion;
  private final Map<String, String> serverConfiguration;
  private final boolean arrow;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile boolean closed;

  private HiveServerSession(
      TTransport transport,
      IntConsumer readTimeoutMillis,
      TCLIService.Client client,
      TSessionHandle sessionHandle,
      TProtocolVersion protocolVersion,
      Map<String, String> serverConfiguration,
      boolean arrow) {
    this.transport = transport;
    this.readTimeoutMillis = readTimeoutMillis;
    this.client = client;
    this.sessionHandle = sessionHandle;
    this.protocolVersion = protocolVersion;
    this.serverConfiguration = serverConfiguration;
    this.arrow = arrow;
  }

  /** Connects, authenticates and opens a session with the given Spark/Hive settings. */
  public static HiveServerSession open(ConnectionConfig config) throws SQLException {
    requireNonNull(config, "config is null");
    String target = config.host() + ":" + config.port();
    Credentials credentials = Credentials.from(config);
    ThriftTransports.OpenedTransport opened;
    try {
      opened = ThriftTransports.open(config, credentials);
    } catch (Exception e) {
      throw ServerErrors.connectFailure(target, e);
    }
    TTransport transport = opened.transport();
    try {
      TCLIService.Client client =
          new TCLIService.Client(new TBinaryProtocol(new ReadBufferingTransport(transport)));
      Map<String, String> settings = new LinkedHashMap<>();
      config.sessionSettings().forEach((key, value) -> settings.put("set:hiveconf:" + key, value));
      TOpenSessionReq request =
          new TOpenSessionReq()
              .setClient_protocol(REQUESTED_PROTOCOL)
              .setUsername(credentials.user())
              .setPassword(credentials.password())
              .setConfiguration(settings);
      TOpenSessionResp response = client.OpenSession(request);
      ServerErrors.check(response.getStatus());
      if (response.getSessionHandle() == null) {
        throw new SQLException("The server opened no session", ServerErrors.UNABLE_TO_CONNECT);
      }
      TProtocolVersion version =
          response.getServerProtocolVersion() == null
              ? TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V1
              : response.getServerProtocolVersion();
      return new HiveServerSession(
          transport,
          opened.readTimeoutMillis(),
          client,
          response.getSessionHandle(),
          version,
          response.getConfiguration() == null ? Map.of() : Map.copyOf(response.getConfiguration()),
          config.required(ConnectionProperties.ARROW));
    } catch (Exception e) {
      transport.close();
      throw ServerErrors.connectFailure(target, e);
    }
  }

  /** The protocol version the server chose. */
  public TProtocolVersion protocolVersion() {
    return protocolVersion;
  }

  public Map<String, String> serverConfiguration() {
    return serverConfiguration;
  }

  /** How long any one reply may take from now on (0: no limit). */
  public void setReadTimeout(int milliseconds) {
    readTimeoutMillis.accept(milliseconds);
  }

  public boolean isClosed() {
    return closed || !transport.isOpen();
  }

  /**
   * Starts a statement asynchronously; the server enforces {@code queryTimeoutSeconds} (0: none).
   */
  public ServerOperation execute(String sql, long queryTimeoutSeconds) throws SQLException {
    TExecuteStatementReq request =
        new TExecuteStatementReq(sessionHandle, sql)
            .setRunAsync(true)
            .setQueryTimeout(queryTimeoutSeconds);
    if (arrow) {
      // Decimals, timestamps and NULL columns as Arrow types; complex and interval values as text,
      // as in columnar results.
      request
          .setCanReadArrowResult(true)
          .setUseArrowNativeTypes(
              new TSparkArrowTypes()
                  .setTimestampAsArrow(true)
                  .setDecimalAsArrow(true)
                  .setComplexTypesAsArrow(false)
                  .setIntervalTypesAsArrow(false)
                  .setNullTypeAsArrow(true));
    }
    TExecuteStatementResp response =
        call("ExecuteStatement", () -> client.ExecuteStatement(request));
    ServerErrors.check(response.getStatus());
    return new ServerOperation(this, response.getOperationHandle());
  }

  /** Starts a metadata operation ({@code GetTables}, ...) built around this session's handle. */
  public ServerOperation metadata(String name, MetadataCall call) throws SQLException {
    OperationStart start = call(name, () -> call.start(client, sessionHandle));
    ServerErrors.check(start.status());
    return new ServerOperation(this, start.handle());
  }

  public String info(TGetInfoType type) throws SQLException {
    TGetInfoResp response =
        call("GetInfo", () -> client.GetInfo(new TGetInfoReq(sessionHandle, type)));
    ServerErrors.check(response.getStatus());
    return response.getInfoValue().isSetStringValue()
        ? response.getInfoValue().getStringValue()
        : String.valueOf(response.getInfoValue().getFieldValue());
  }

  TGetOperationStatusResp status(TOperationHandle handle) throws SQLException {
    return call(
        "GetOperationStatus", () -> client.GetOperationStatus(new TGetOperationStatusReq(handle)));
  }

  TGetResultSetMetadataResp resultSetMetadata(TOperationHandle handle) throws SQLException {
    return call(
        "GetResultSetMetadata",
        () -> client.GetResultSetMetadata(new TGetResultSetMetadataReq(handle)));
  }

  FetchResultsReader.FetchReply fetch(TOperationHandle handle, int maxRows, int columnCount)
      throws SQLException {
    return call(
        "FetchResults",
        () -> {
          client.send_FetchResults(
              new TFetchResultsReq(handle, TFetchOrientation.FETCH_NEXT, maxRows));
          return FetchResultsReader.receive(client.getInputProtocol(), columnCount);
        });
  }

  TStatus cancel(TOperationHandle handle) throws SQLException {
    return call(
        "CancelOperation",
        () -> client.CancelOperation(new TCancelOperationReq(handle)).getStatus());
  }

  TStatus closeOperation(TOperationHandle handle) throws SQLException {
    return call(
        "CloseOperation", () -> client.CloseOperation(new TCloseOperationReq(handle)).getStatus());
  }

  /** Closes the session on the server (best effort) and the transport. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      if (transport.isOpen()) {
        client.CloseSession(new TCloseSessionReq(sessionHandle));
      }
    } catch (TException | RuntimeException ignored) {
      // The server forgets sessions whose connection is gone.
    } finally {
      transport.close();
      lock.unlock();
    }
  }

  /** Closes the transport without a word to the server: {@link java.sql.Connection#abort}. */
  public void abort() {
    closed = true;
    transport.close();
  }

  private <T> T call(String name, ThriftCall<T> call) throws SQLException {
    if (closed) {
      throw new SQLException("The connection is closed", ServerErrors.CONNECTION_DOES_NOT_EXIST);
    }
    lock.lock();
    try {
      if (closed) {
        throw new SQLException("The connection is closed", ServerErrors.CONNECTION_DOES_NOT_EXIST);
      }
      return call.call();
    } catch (TException e) {
      // A failed call leaves the stream in an unknown state: the connection is unusable.
      closed = true;
      transport.close();
      throw ServerErrors.callFailure(name, e);
    } finally {
      lock.unlock();
    }
  }

  @FunctionalInterface
  private interface ThriftCall<T> {
    T call() throws TException;
  }

  /** Sends one metadata request with the session handle. */
  @FunctionalInterface
  public interface MetadataCall {
    OperationStart start(TCLIService.Client client, TSessionHandle sessionHandle) throws TException;
  }

  /** What a metadata request returns: status and handle. */
  public record OperationStart(TStatus status, TOperationHandle handle) {}
}
