package io.sluice.gateway.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.testing.TestingSparkThriftServer.Transport;
import io.sluice.protocol.thrift.TCLIService;
import io.sluice.protocol.thrift.TCloseOperationReq;
import io.sluice.protocol.thrift.TCloseSessionReq;
import io.sluice.protocol.thrift.TColumn;
import io.sluice.protocol.thrift.TExecuteStatementReq;
import io.sluice.protocol.thrift.TExecuteStatementResp;
import io.sluice.protocol.thrift.TFetchOrientation;
import io.sluice.protocol.thrift.TFetchResultsReq;
import io.sluice.protocol.thrift.TFetchResultsResp;
import io.sluice.protocol.thrift.TGetOperationStatusReq;
import io.sluice.protocol.thrift.TGetOperationStatusResp;
import io.sluice.protocol.thrift.TGetResultSetMetadataReq;
import io.sluice.protocol.thrift.TGetResultSetMetadataResp;
import io.sluice.protocol.thrift.TOpenSessionReq;
import io.sluice.protocol.thrift.TOpenSessionResp;
import io.sluice.protocol.thrift.TOperationHandle;
import io.sluice.protocol.thrift.TOperationState;
import io.sluice.protocol.thrift.TProtocolVersion;
import io.sluice.protocol.thrift.TSessionHandle;
import io.sluice.protocol.thrift.TStatusCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.transport.TSocket;
import org.apache.thrift.transport.TTransport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Starts the stock Spark 3.5.4 Thrift server and talks to it with Hive JDBC 3.1.3 and with Sluice's
 * generated Thrift client. Work directories stay under {@code target/} for inspection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestTestingSparkThriftServer {
  private static final String USER = "sluice";
  private static final String PASSWORD = "unused";

  private TestingSparkThriftServer server;

  @BeforeAll
  void startServer() throws Exception {
    server = TestingSparkThriftServer.start(newWorkDirectory("nosasl"));
    System.out.println(server + " ready in " + server.startupTime().toMillis() + " ms");
  }

  @AfterAll
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void defaultsToBinaryNosaslOnLoopback() {
    assertThat(server.transport()).isEqualTo(Transport.BINARY_NOSASL);
    assertThat(server.host()).isEqualTo("127.0.0.1");
    assertThat(server.port()).isPositive();
    assertThat(server.jdbcUrl())
        .isEqualTo("jdbc:hive2://127.0.0.1:" + server.port() + "/default;auth=noSasl");
    assertThat(server.isAlive()).isTrue();
    assertThat(server.startupTime()).isPositive();
  }

  @Test
  void selectOneThroughHiveJdbc() throws SQLException {
    try (Connection connection = connect(server);
        Statement statement = connection.createStatement();
        ResultSet resultSet = statement.executeQuery("SELECT 1")) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("Spark SQL");
      assertThat(connection.getMetaData().getDatabaseProductVersion()).isEqualTo("3.5.4");
      assertThat(resultSet.next()).isTrue();
      assertThat(resultSet.getInt(1)).isEqualTo(1);
      assertThat(resultSet.next()).isFalse();
    }
  }

  @Test
  void createInsertSelectThroughHiveJdbc() throws SQLException {
    try (Connection connection = connect(server);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS reference_people");
      statement.execute("CREATE TABLE reference_people (id INT, name STRING) USING parquet");
      statement.execute("INSERT INTO reference_people VALUES (2, 'bob'), (1, 'alice')");
      List<String> rows = new ArrayList<>();
      try (ResultSet resultSet =
          statement.executeQuery("SELECT id, name FROM reference_people ORDER BY id")) {
        while (resultSet.next()) {
          rows.add(resultSet.getInt("id") + ":" + resultSet.getString("name"));
        }
      }
      assertThat(rows).containsExactly("1:alice", "2:bob");
      assertThat(server.workDirectory().resolve("warehouse/reference_people")).isDirectory();
      statement.execute("DROP TABLE reference_people");
    }
  }

  @Test
  void selectOneThroughGeneratedThriftClient() throws Exception {
    TTransport transport = new TSocket("127.0.0.1", server.port(), 60_000);
    transport.open();
    try {
      TCLIService.Client client = new TCLIService.Client(new TBinaryProtocol(transport));
      TOpenSessionResp opened =
          client.OpenSession(
              new TOpenSessionReq()
                  .setClient_protocol(TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10)
                  .setUsername(USER));
      assertThat(opened.getStatus().getStatusCode()).isEqualTo(TStatusCode.SUCCESS_STATUS);
      assertThat(opened.getServerProtocolVersion())
          .isEqualTo(TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10);
      TSessionHandle session = opened.getSessionHandle();

      TExecuteStatementResp executed =
          client.ExecuteStatement(
              new TExecuteStatementReq()
                  .setSessionHandle(session)
                  .setStatement("SELECT 1 AS one, 'two' AS two")
                  .setRunAsync(false));
      assertThat(executed.getStatus().getStatusCode()).isEqualTo(TStatusCode.SUCCESS_STATUS);
      TOperationHandle operation = executed.getOperationHandle();
      assertThat(operation.isHasResultSet()).isTrue();
      assertThat(awaitFinished(client, operation)).isEqualTo(TOperationState.FINISHED_STATE);

      TGetResultSetMetadataResp metadata =
          client.GetResultSetMetadata(new TGetResultSetMetadataReq().setOperationHandle(operation));
      assertThat(metadata.getSchema().getColumns())
          .extracting(column -> column.getColumnName())
          .containsExactly("one", "two");

      TFetchResultsResp fetched =
          client.FetchResults(
              new TFetchResultsReq()
                  .setOperationHandle(operation)
                  .setOrientation(TFetchOrientation.FETCH_NEXT)
                  .setMaxRows(100));
      assertThat(fetched.getStatus().getStatusCode()).isEqualTo(TStatusCode.SUCCESS_STATUS);
      List<TColumn> columns = fetched.getResults().getColumns();
      assertThat(columns.get(0).getI32Val().getValues()).containsExactly(1);
      assertThat(columns.get(1).getStringVal().getValues()).containsExactly("two");

      assertThat(
              client.CloseOperation(new TCloseOperationReq().setOperationHandle(operation))
                  .getStatus()
                  .getStatusCode())
          .isEqualTo(TStatusCode.SUCCESS_STATUS);
      assertThat(
              client.CloseSession(new TCloseSessionReq().setSessionHandle(session))
                  .getStatus()
                  .getStatusCode())
          .isEqualTo(TStatusCode.SUCCESS_STATUS);
    } finally {
      transport.close();
    }
  }

  @Test
  void keepsMetastoreWarehouseAndLogInTheWorkDirectory() throws Exception {
    Path work = server.workDirectory();
    assertThat(work.resolve("metastore")).isDirectory();
    assertThat(work.resolve("derby.log")).isRegularFile();
    assertThat(server.logFile()).isEqualTo(work.resolve("thriftserver.log")).isRegularFile();
    assertThat(Files.readString(server.logFile())).contains("HiveThriftServer2 started");
  }

  private static Connection connect(TestingSparkThriftServer target) throws SQLException {
    return TestingClientDrivers.hiveJdbc().connect(target.jdbcUrl(), USER, PASSWORD);
  }

  private static TOperationState awaitFinished(
      TCLIService.Client client, TOperationHandle operation) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (true) {
      TGetOperationStatusResp status =
          client.GetOperationStatus(new TGetOperationStatusReq().setOperationHandle(operation));
      TOperationState state = status.getOperationState();
      if (state != TOperationState.INITIALIZED_STATE
          && state != TOperationState.PENDING_STATE
          && state != TOperationState.RUNNING_STATE) {
        return state;
      }
      if (System.nanoTime() - deadline > 0) {
        return state;
      }
      Thread.sleep(50);
    }
  }

  private static Path newWorkDirectory(String name) throws Exception {
    Path target = Files.createDirectories(Paths.get("target").toAbsolutePath());
    return Files.createTempDirectory(target, "reference-thriftserver-" + name + "-");
  }
}
