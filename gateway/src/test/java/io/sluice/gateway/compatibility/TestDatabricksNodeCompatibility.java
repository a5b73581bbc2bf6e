package io.sluice.gateway.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.compatibility.CanonicalValues.NumericFidelity;
import io.sluice.gateway.compatibility.CanonicalValues.SparkType;
import io.sluice.gateway.testing.TestingNodeClient;
import io.sluice.gateway.testing.TestingNodeClient.ClientError;
import io.sluice.gateway.testing.TestingNodeClient.MetadataCall;
import io.sluice.gateway.testing.TestingNodeClient.MetadataResult;
import io.sluice.gateway.testing.TestingNodeClient.Result;
import io.sluice.gateway.testing.TestingNodeClient.StatementResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Databricks Node.js driver {@code @databricks/sql} 2.1.0 over HTTPS (the only transport it
 * has), trusting the gateway's self-signed certificate through {@code customCaCert}. Each client
 * call is one Node process with its own session.
 */
class TestDatabricksNodeCompatibility extends BaseCompatibilityTest {
  private static final String PATH = "/sql/1.0/warehouses/default";
  private static final String WRONG_TOKEN = "dapi-not-a-token-0000";

  private TestingNodeClient client;

  @Override
  protected String schema() {
    return "compat_databricks_node";
  }

  /** The driver turns DECIMAL and BIGINT columns into JavaScript numbers. */
  @Override
  protected NumericFidelity numericFidelity() {
    return NumericFidelity.JAVASCRIPT_NUMBER;
  }

  @Override
  protected void openClient() {
    client = TestingNodeClient.create().withTimeout(Duration.ofMinutes(3));
  }

  private TestingNodeClient.Request.Builder request(String token) {
    return TestingNodeClient.Request.builder("127.0.0.1", sluice().httpsPort(), PATH, token)
        .caCertificate(sluice().certificatePem());
  }

  private Result run(TestingNodeClient.Request request) {
    return client.run(request).requireSession();
  }

  /**
   * Results of plain types come as Arrow record batches, which Databricks clients ask for; a result
   * with a nested column keeps the columnar form. Either way the values are Spark's own.
   */
  @Test
  void plainResultsArriveAsArrowAndNestedOnesInColumns() throws Exception {
    String plain =
        "SELECT id, CAST(id AS DOUBLE) / 4 AS quarter, concat('row-', CAST(id AS STRING)) AS label,"
            + " id % 3 = 0 AS third, IF(id % 7 = 0, NULL, CAST(id AS INT)) AS sparse"
            + " FROM range(0, 2500)";
    List<SparkType> types =
        List.of(
            SparkType.BIGINT, SparkType.DOUBLE, SparkType.STRING, SparkType.BOOLEAN, SparkType.INT);
    Result result =
        run(
            request(sluice().token())
                .statement(TestingNodeClient.Statement.of(plain).withMaxRows(1000))
                .statement("SELECT array(1, 2) AS pair, 3 AS three")
                .build());
    CanonicalValues canonical = new CanonicalValues(numericFidelity());

    StatementResult arrow = result.statement(0);
    assertThat(arrow.resultFormat()).contains("ARROW_BASED_SET");
    assertThat(canonical.renderRows(types, arrow.rowsOrThrow()))
        .isEqualTo(canonical.renderRows(types, direct(plain)));
    StatementResult columns = result.statement(1);
    assertThat(columns.resultFormat()).contains("COLUMN_BASED_SET");
    assertThat(columns.rowsOrThrow()).hasSize(1);
  }

  @Override
  protected void execute(List<String> statements) {
    Result result = run(request(sluice().token()).statements(statements).build());
    for (StatementResult statement : result.statements()) {
      statement.rowsOrThrow();
    }
  }

  @Override
  protected QueryResult query(String sql) {
    return queryResult(run(request(sluice().token()).statement(sql).build()).statement(0));
  }

  @Override
  protected QueryResult queryInPages(String sql, int pageSize) {
    return queryResult(
        run(request(sluice().token())
                .statement(TestingNodeClient.Statement.of(sql).withMaxRows(pageSize))
                .build())
            .statement(0));
  }

  private static QueryResult queryResult(StatementResult statement) {
    List<List<Object>> rows = statement.rowsOrThrow();
    return new QueryResult(
        statement.columns().stream().map(TestingNodeClient.Column::name).toList(),
        rows,
        Optional.of(statement.chunkCount()));
  }

  @Override
  protected ClientFailure failure(String sql) {
    StatementResult statement = run(request(sluice().token()).statement(sql).build()).statement(0);
    return failure(
        statement.error().orElseThrow(() -> new AssertionError("Expected a failure from: " + sql)));
  }

  private static ClientFailure failure(ClientError error) {
    return new ClientFailure(error.message(), error.sqlState(), error.httpStatus());
  }

  @Override
  protected CancelOutcome cancelAfter(String sql, Duration delay, String followUp) {
    Result result =
        run(
            request(sluice().token())
                .statement(TestingNodeClient.Statement.of(sql).withCancelAfter(delay))
                .statement(followUp)
                .build());
    StatementResult cancelled = result.statement(0);
    assertThat(cancelled.cancelRequested()).as("the driver's cancel() was called").isTrue();
    return new CancelOutcome(
        cancelled.error().map(TestDatabricksNodeCompatibility::failure),
        cancelled.elapsed(),
        result.statement(1).rowsOrThrow());
  }

  @Override
  protected ClientFailure connectWithWrongToken() {
    Result result = client.run(request(WRONG_TOKEN).statement("SELECT 1").build());
    ClientError error =
        result
            .error()
            .or(
                () ->
                    result.statements().isEmpty() ? Optional.empty() : result.statement(0).error())
            .orElseThrow(() -> new AssertionError("A wrong token was accepted"));
    return failure(error);
  }

  @Override
  protected void assertRefusedToken(ClientFailure failure) {
    assertThat(failure.httpStatus()).as("HTTP status of the refusal").contains(401);
  }

  @Override
  protected List<Map<String, Object>> metadata(MetadataRequest request) {
    Map<String, Object> arguments = new LinkedHashMap<>();
    request.schemaPattern().ifPresent(schema -> arguments.put("schemaName", schema));
    request.tableName().ifPresent(table -> arguments.put("tableName", table));
    MetadataCall call =
        switch (request.kind()) {
          case CATALOGS -> MetadataCall.getCatalogs();
          case SCHEMAS -> MetadataCall.getSchemas(arguments);
          case TABLES -> MetadataCall.getTables(arguments);
          case COLUMNS -> MetadataCall.getColumns(arguments);
        };
    MetadataResult result = run(request(sluice().token()).metadata(call).build()).metadata().get(0);
    result
        .error()
        .ifPresent(
            error -> {
              throw new AssertionError(call.call() + " failed through the Node driver: " + error);
            });
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> row : result.rowsByColumnName()) {
      Map<String, Object> labelled = new LinkedHashMap<>();
      row.forEach((name, value) -> labelled.put(label(name), value));
      rows.add(labelled);
    }
    return rows;
  }
}
