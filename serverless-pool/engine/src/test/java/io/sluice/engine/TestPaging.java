package io.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.protocol.thrift.TFetchOrientation;
import io.sluice.protocol.thrift.TFetchResultsReq;
import io.sluice.protocol.thrift.TFetchResultsResp;
import io.sluice.protocol.thrift.TOperationHandle;
import io.sluice.protocol.thrift.TSessionHandle;
import io.sluice.protocol.thrift.TSparkRowSetType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TestPaging {
  private static final int ROWS = 100_000;
  private static final int PAGE = 30_000;

  private static TestingEngineClient client;
  private static TSessionHandle session;

  @BeforeAll
  static void connect() throws Exception {
    client = TestingEngineProcess.shared().connect();
    session = client.openDatabricksSession();
  }

  @AfterAll
  static void disconnect() throws Exception {
    client.closeSession(session);
    client.close();
  }

  @Test
  void pagesAHundredThousandRowsWithExactHasMoreRowsAndRestartsWithFetchFirst() throws Exception {
    TOperationHandle operation =
        client.run(
            session,
            "SELECT id, CAST(id AS STRING) AS text FROM range(0, " + ROWS + ") ORDER BY id");

    List<Long> ids = new ArrayList<>();
    List<Boolean> hasMoreRows = new ArrayList<>();
    List<Long> offsets = new ArrayList<>();
    for (int page = 0; page < 4; page++) {
      TFetchResultsResp response = client.fetch(operation, TFetchOrientation.FETCH_NEXT, PAGE);
      hasMoreRows.add(response.isHasMoreRows());
      offsets.add(response.getResults().getStartRowOffset());
      assertThat(response.getResults().getRows()).isEmpty();
      for (List<Object> row : RowSetReader.rows(response.getResults())) {
        ids.add((Long) row.get(0));
        assertThat(row.get(1)).isEqualTo(row.get(0).toString());
      }
    }
    TFetchResultsResp afterTheEnd = client.fetch(operation, TFetchOrientation.FETCH_NEXT, PAGE);
    TFetchResultsResp first = client.fetch(operation, TFetchOrientation.FETCH_FIRST, PAGE);
    TFetchResultsResp second = client.fetch(operation, TFetchOrientation.FETCH_NEXT, 10);

    assertThat(hasMoreRows).containsExactly(true, true, true, false);
    assertThat(offsets).containsExactly(0L, 30_000L, 60_000L, 90_000L);
    assertThat(ids).hasSize(ROWS);
    for (int index = 0; index < ROWS; index++) {
      assertThat(ids.get(index)).isEqualTo(index);
    }
    assertThat(afterTheEnd.isHasMoreRows()).isFalse();
    assertThat(afterTheEnd.getResults().getColumns()).hasSize(2);
    assertThat(RowSetReader.rows(afterTheEnd.getResults())).isEmpty();
    List<List<Object>> restarted = RowSetReader.rows(first.getResults());
    assertThat(restarted).hasSize(PAGE);
    assertThat(restarted.get(0).get(0)).isEqualTo(0L);
    assertThat(first.isHasMoreRows()).isTrue();
    assertThat(second.getResults().getStartRowOffset()).isEqualTo(PAGE);
    assertThat(RowSetReader.rows(second.getResults()).get(0).get(0)).isEqualTo((long) PAGE);
  }

  @Test
  void changingThePageSizeMidStreamLosesAndRepeatsNoRow() throws Exception {
    // The engine builds the next page ahead at the size last asked for; asking for another size
    // must still continue exactly where the previous page ended.
    TOperationHandle operation = client.run(session, "SELECT id FROM range(0, 10000) ORDER BY id");

    List<Long> ids = new ArrayList<>();
    for (long size : new long[] {1000, 1000, 250, 4000, 4000, 1, 10_000}) {
      TFetchResultsResp response = client.fetch(operation, TFetchOrientation.FETCH_NEXT, size);
      assertThat(response.getResults().getStartRowOffset()).isEqualTo((long) ids.size());
      for (List<Object> row : RowSetReader.rows(response.getResults())) {
        ids.add((Long) row.get(0));
      }
    }

    assertThat(ids).hasSize(10_000);
    for (int index = 0; index < ids.size(); index++) {
      assertThat(ids.get(index)).isEqualTo(index);
    }
  }

  @Test
  void aHugeMaxRowsReturnsTheWholeResult() throws Exception {
    TOperationHandle operation = client.run(session, "SELECT id FROM range(0, 5)");

    TFetchResultsResp page = client.fetch(operation, TFetchOrientation.FETCH_NEXT, Long.MAX_VALUE);

    assertThat(RowSetReader.rows(page.getResults())).hasSize(5);
    assertThat(page.isHasMoreRows()).isFalse();
  }

  @Test
  void fetchResultsCarriesMetadataWhenAskedAndLogFetchesAreEmpty() throws Exception {
    TOperationHandle operation = client.run(session, "SELECT 1 AS one");

    TFetchResultsResp withMetadata =
        client
            .raw()
            .FetchResults(
                new TFetchResultsReq(operation, TFetchOrientation.FETCH_NEXT, 100)
                    .setIncludeResultSetMetadata(true));
    TFetchResultsResp logs =
        client
            .raw()
            .FetchResults(
                new TFetchResultsReq(operation, TFetchOrientation.FETCH_NEXT, 100)
                    .setFetchType((short) 1));

    assertThat(withMetadata.getResultSetMetadata().getResultFormat())
        .isEqualTo(TSparkRowSetType.COLUMN_BASED_SET);
    assertThat(withMetadata.getResultSetMetadata().getSchema().getColumns().get(0).getColumnName())
        .isEqualTo("one");
    assertThat(RowSetReader.rows(withMetadata.getResults())).containsExactly(List.of(1));
    assertThat(RowSetReader.rows(logs.getResults())).isEmpty();
    assertThat(logs.isHasMoreRows()).isFalse();
  }
}
