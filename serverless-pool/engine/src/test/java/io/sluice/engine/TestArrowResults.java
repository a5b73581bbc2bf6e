package io.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.protocol.thrift.TExecuteStatementReq;
import io.sluice.protocol.thrift.TExecuteStatementResp;
import io.sluice.protocol.thrift.TFetchOrientation;
import io.sluice.protocol.thrift.TFetchResultsResp;
import io.sluice.protocol.thrift.TGetOperationStatusResp;
import io.sluice.protocol.thrift.TGetResultSetMetadataReq;
import io.sluice.protocol.thrift.TGetResultSetMetadataResp;
import io.sluice.protocol.thrift.TOperationHandle;
import io.sluice.protocol.thrift.TOperationState;
import io.sluice.protocol.thrift.TSessionHandle;
import io.sluice.protocol.thrift.TSparkArrowBatch;
import io.sluice.protocol.thrift.TSparkArrowTypes;
import io.sluice.protocol.thrift.TSparkRowSetType;
import io.sluice.protocol.thrift.TStatusCode;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Results sent as Arrow record batches to clients that read them, compared with the columnar form
 * of the same result, which every HiveServer2 client reads.
 */
class TestArrowResults {
  private static final TSparkArrowTypes ALL_NATIVE =
      new TSparkArrowTypes()
          .setTimestampAsArrow(true)
          .setDecimalAsArrow(true)
          .setComplexTypesAsArrow(true)
          .setIntervalTypesAsArrow(true)
          .setNullTypeAsArrow(true);

  /** One column of every type sent as Arrow, with NULLs, extremes and non-ASCII text. */
  private static final String EVERY_TYPE =
      """
      SELECT * FROM VALUES
        (true, CAST(-128 AS TINYINT), CAST(-32768 AS SMALLINT), -2147483648,
         -9223372036854775808, CAST(1.25 AS FLOAT), -1.0E308, 'grüße, 世界', X'00FF10',
         DATE'1900-02-28', TIMESTAMP'1969-12-31 23:59:59.999999',
         TIMESTAMP_NTZ'2024-02-29 12:34:56.5', CAST(-12345678901234567.891 AS DECIMAL(20,3)),
         CAST(0.5 AS DECIMAL(38,37))),
        (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
        (false, CAST(127 AS TINYINT), CAST(32767 AS SMALLINT), 2147483647,
         9223372036854775807, CAST(-3.4028235E38 AS FLOAT), 4.9E-324, '', X'',
         DATE'2999-12-31', TIMESTAMP'2024-03-10 02:30:00', TIMESTAMP_NTZ'0001-01-01 00:00:00',
         CAST(99999999999999999.999 AS DECIMAL(20,3)), CAST(-0.0000000001 AS DECIMAL(38,37)))
      AS t(flag, tiny, small, medium, big, single, wide, text, bytes, day, instant, wall,
           money, fraction)
      """;

  private static final int TIMESTAMP = 10;
  private static final int TIMESTAMP_NTZ = 11;
  private static final int BINARY = 8;

  private static TestingEngineClient client;
  private static TSessionHandle session;

  @BeforeAll
  static void connect() throws Exception {
    client = TestingEngineProcess.shared().connect();
    session = client.openHiveSession();
    client.run(session, "SET spark.sql.session.timeZone=America/Los_Angeles");
  }

  @AfterAll
  static void disconnect() throws Exception {
    client.closeSession(session);
    client.close();
  }

  @Test
  void everyTypeReadsAsArrowWithTheValuesOfTheColumnarResult() throws Exception {
    TOperationHandle arrow = run(EVERY_TYPE, ALL_NATIVE, 0);
    TGetResultSetMetadataResp metadata = metadata(arrow);

    assertThat(metadata.getResultFormat()).isEqualTo(TSparkRowSetType.ARROW_BASED_SET);
    assertThat(metadata.isLz4Compressed()).isFalse();
    assertThat(metadata.getSchema()).isEqualTo(client.schema(client.run(session, EVERY_TYPE)));
    List<List<Object>> fromArrow =
        ArrowRowReader.rows(metadata.getArrowSchema(), fetchAllBatches(arrow, 1000));
    List<List<Object>> fromColumns = comparable(client.query(session, EVERY_TYPE));
    assertThat(fromArrow).hasSize(3).isEqualTo(fromColumns);
    // A row at a time: each page is a slice of Spark's batch, bitmaps cut mid-byte.
    TOperationHandle sliced = run(EVERY_TYPE, ALL_NATIVE, 0);
    assertThat(ArrowRowReader.rows(metadata.getArrowSchema(), fetchAllBatches(sliced, 1)))
        .isEqualTo(fromColumns);
  }

  @Test
  void pagesHoldExactlyTheRowsAskedForWhereverBatchesEnd() throws Exception {
    client.run(session, "SET spark.sql.execution.arrow.maxRecordsPerBatch=1000");
    try {
      String query = "SELECT id, CAST(id AS STRING) AS text FROM range(0, 25000, 1, 3)";
      TOperationHandle operation = run(query, ALL_NATIVE, 0);
      byte[] schema = metadata(operation).getArrowSchema();

      List<Long> offsets = new ArrayList<>();
      List<Integer> pageRows = new ArrayList<>();
      List<Long> ids = new ArrayList<>();
      boolean more = true;
      while (more) {
        TFetchResultsResp page = client.fetch(operation, TFetchOrientation.FETCH_NEXT, 2500);
        more = page.isHasMoreRows();
        offsets.add(page.getResults().getStartRowOffset());
        List<List<Object>> rows = ArrowRowReader.rows(schema, page.getResults().getArrowBatches());
        pageRows.add(rows.size());
        rows.forEach(row -> ids.add((Long) row.get(0)));
        rows.forEach(row -> assertThat(row.get(1)).isEqualTo(row.get(0).toString()));
        assertThat(page.getResults().getColumns()).isNullOrEmpty();
      }
      TFetchResultsResp afterTheEnd = client.fetch(operation, TFetchOrientation.FETCH_NEXT, 2500);
      TFetchResultsResp first = client.fetch(operation, TFetchOrientation.FETCH_FIRST, 10);

      assertThat(ids).hasSize(25_000);
      for (int index = 0; index < ids.size(); index++) {
        assertThat(ids.get(index)).isEqualTo(index);
      }
      assertThat(pageRows).hasSize(10).containsOnly(2500);
      for (int page = 0; page < offsets.size(); page++) {
        assertThat(offsets.get(page)).isEqualTo(page * 2500L);
      }
      assertThat(afterTheEnd.isHasMoreRows()).isFalse();
      assertThat(afterTheEnd.getResults().getArrowBatches()).isEmpty();
      List<List<Object>> restarted =
          ArrowRowReader.rows(schema, first.getResults().getArrowBatches());
      assertThat(restarted).hasSize(10);
      assertThat(restarted.get(0).get(0)).isEqualTo(0L);
      assertThat(first.isHasMoreRows()).isTrue();
    } finally {
      client.run(session, "RESET spark.sql.execution.arrow.maxRecordsPerBatch");
    }
  }

  @Test
  void theRowLimitAndEmptyResultsHoldForArrow() throws Exception {
    TOperationHandle limited = run("SELECT id FROM range(0, 100000)", ALL_NATIVE, 7);
    TOperationHandle empty = run("SELECT id FROM range(0, 100) WHERE id < 0", ALL_NATIVE, 0);

    assertThat(ArrowRowReader.rows(metadata(limited).getArrowSchema(), fetchAllBatches(limited, 5)))
        .hasSize(7);
    assertThat(metadata(empty).getResultFormat()).isEqualTo(TSparkRowSetType.ARROW_BASED_SET);
    TFetchResultsResp page = client.fetch(empty, TFetchOrientation.FETCH_NEXT, 100);
    assertThat(page.isHasMoreRows()).isFalse();
    assertThat(page.getResults().getArrowBatches()).isEmpty();
  }

  @Test
  void typesAClientDoesNotTakeNativelyKeepTheResultInColumns() throws Exception {
    TSparkArrowTypes noTimestamps = ALL_NATIVE.deepCopy().setTimestampAsArrow(false);
    TSparkArrowTypes noDecimals = ALL_NATIVE.deepCopy().setDecimalAsArrow(false);

    assertThat(readsAsArrow("SELECT 1 AS one, current_timestamp() AS now", noTimestamps)).isFalse();
    assertThat(readsAsArrow("SELECT 1 AS one, current_timestamp() AS now", noDecimals)).isTrue();
    assertThat(readsAsArrow("SELECT CAST(1 AS DECIMAL(3,1)) AS d", noDecimals)).isFalse();
    assertThat(readsAsArrow("SELECT array(1, 2) AS a", ALL_NATIVE))
        .as("nested values keep the text form every client parses")
        .isFalse();
    assertThat(readsAsArrow("SELECT map('a', 1) AS m, 1 AS one", ALL_NATIVE)).isFalse();
    assertThat(readsAsArrow("SELECT INTERVAL '1' DAY AS i", ALL_NATIVE)).isFalse();
    assertThat(readsAsArrow("SELECT NULL AS nothing", ALL_NATIVE)).isFalse();
    assertThat(readsAsArrow("CREATE TEMPORARY VIEW arrow_view AS SELECT 1 AS one", ALL_NATIVE))
        .as("commands without output columns answer one Result column, in columns")
        .isFalse();
  }

  @Test
  void clientsThatDoNotAskForArrowGetColumnsAsBefore() throws Exception {
    TOperationHandle operation = run("SELECT 1 AS one", null, 0);
    TGetResultSetMetadataResp hiveMetadata = metadata(operation);
    TSessionHandle databricks = client.openDatabricksSession();
    try {
      TOperationHandle databricksOperation = client.run(databricks, "SELECT 1 AS one");

      assertThat(hiveMetadata.isSetResultFormat())
          .as("Hive clients know nothing of result formats")
          .isFalse();
      assertThat(hiveMetadata.isSetArrowSchema()).isFalse();
      assertThat(metadata(databricksOperation).getResultFormat())
          .isEqualTo(TSparkRowSetType.COLUMN_BASED_SET);
      assertThat(
              client.fetch(operation, TFetchOrientation.FETCH_NEXT, 10).getResults().getColumns())
          .hasSize(1);
    } finally {
      client.closeSession(databricks);
    }
  }

  /** Whether the result comes as Arrow; a columnar one pages in columns, as it always did. */
  private static boolean readsAsArrow(String sql, TSparkArrowTypes types) throws Exception {
    TOperationHandle operation = run(sql, types, 0);
    boolean arrow = metadata(operation).getResultFormat() == TSparkRowSetType.ARROW_BASED_SET;
    TFetchResultsResp page = client.fetch(operation, TFetchOrientation.FETCH_NEXT, 10);
    assertThat(page.getResults().isSetArrowBatches()).isEqualTo(arrow);
    assertThat(page.getResults().isSetColumns()).isEqualTo(!arrow);
    return arrow;
  }

  /** Runs {@code sql} asking for Arrow with {@code types}, or not at all when null. */
  private static TOperationHandle run(String sql, TSparkArrowTypes types, long rowLimit)
      throws Exception {
    TExecuteStatementReq request = new TExecuteStatementReq(session, sql).setRunAsync(true);
    if (types != null) {
      request.setCanReadArrowResult(true).setUseArrowNativeTypes(types);
    }
    if (rowLimit > 0) {
      request.setResultRowLimit(rowLimit);
    }
    TExecuteStatementResp response = client.raw().ExecuteStatement(request);
    assertThat(response.getStatus().getStatusCode()).isEqualTo(TStatusCode.SUCCESS_STATUS);
    TGetOperationStatusResp status =
        client.awaitTerminal(response.getOperationHandle(), Duration.ofMinutes(3));
    assertThat(status.getOperationState())
        .as("%s: %s", sql, status.getErrorMessage())
        .isEqualTo(TOperationState.FINISHED_STATE);
    return response.getOperationHandle();
  }

  private static TGetResultSetMetadataResp metadata(TOperationHandle operation) throws Exception {
    TGetResultSetMetadataResp response =
        client.raw().GetResultSetMetadata(new TGetResultSetMetadataReq(operation));
    assertThat(response.getStatus().getStatusCode()).isEqualTo(TStatusCode.SUCCESS_STATUS);
    return response;
  }

  private static List<TSparkArrowBatch> fetchAllBatches(TOperationHandle operation, int pageRows)
      throws Exception {
    List<TSparkArrowBatch> batches = new ArrayList<>();
    while (true) {
      TFetchResultsResp page = client.fetch(operation, TFetchOrientation.FETCH_NEXT, pageRows);
      batches.addAll(page.getResults().getArrowBatches());
      if (!page.isHasMoreRows()) {
        return batches;
      }
    }
  }

  /** Columnar rows with timestamps parsed and binary wrapped, as {@link ArrowRowReader} gives. */
  private static List<List<Object>> comparable(List<List<Object>> rows) {
    List<List<Object>> converted = new ArrayList<>();
    for (List<Object> row : rows) {
      List<Object> values = new ArrayList<>(row);
      for (int column : new int[] {TIMESTAMP, TIMESTAMP_NTZ}) {
        if (values.get(column) instanceof String text) {
          values.set(column, LocalDateTime.parse(text.replace(' ', 'T')));
        }
      }
      if (values.get(BINARY) instanceof byte[] bytes) {
        values.set(BINARY, ByteBuffer.wrap(bytes));
      }
      converted.add(values);
    }
    return converted;
  }
}
