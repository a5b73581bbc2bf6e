package io.sluice.gateway.thrift;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.cli.Statuses;
import io.sluice.protocol.thrift.TCLIService;
import io.sluice.protocol.thrift.TColumn;
import io.sluice.protocol.thrift.TFetchResultsResp;
import io.sluice.protocol.thrift.TI32Column;
import io.sluice.protocol.thrift.TRow;
import io.sluice.protocol.thrift.TRowSet;
import io.sluice.protocol.thrift.TSparkArrowBatch;
import io.sluice.protocol.thrift.TStringColumn;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.thrift.TSerializer;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.junit.jupiter.api.Test;

class TestResultPageSize {
  private static byte[] encoded(TFetchResultsResp response) throws Exception {
    return new TSerializer(new TBinaryProtocol.Factory())
        .serialize(new TCLIService.FetchResults_result().setSuccess(response));
  }

  private static TFetchResultsResp columnPage(int rows, boolean more) {
    List<Integer> numbers = new ArrayList<>();
    List<String> strings = new ArrayList<>();
    for (int index = 0; index < rows; index++) {
      numbers.add(index);
      strings.add("value " + index);
    }
    TRowSet rowSet =
        new TRowSet(0, new ArrayList<>())
            .setColumns(
                List.of(
                    TColumn.i32Val(new TI32Column(numbers, ByteBuffer.wrap(new byte[0]))),
                    TColumn.stringVal(new TStringColumn(strings, ByteBuffer.wrap(new byte[0])))));
    return new TFetchResultsResp(Statuses.success()).setHasMoreRows(more).setResults(rowSet);
  }

  @Test
  void countsTheRowsOfAnEncodedColumnPageAndAgreesWithTheDecodedCount() throws Exception {
    for (int rows : new int[] {0, 1, 1000, 65_537}) {
      TFetchResultsResp page = columnPage(rows, rows > 0);
      ResultPageSize size = ResultPageSize.ofEncoded(encoded(page));
      assertThat(size).isEqualTo(new ResultPageSize(rows, rows > 0));
      assertThat(ResultPageSize.of(page)).isEqualTo(size);
    }
  }

  @Test
  void countsRowBasedPages() throws Exception {
    List<TRow> rows = List.of(new TRow(new ArrayList<>()), new TRow(new ArrayList<>()));
    TFetchResultsResp page =
        new TFetchResultsResp(Statuses.success()).setResults(new TRowSet(0, rows));
    assertThat(ResultPageSize.ofEncoded(encoded(page))).isEqualTo(new ResultPageSize(2, false));
  }

  @Test
  void countsTheRowsOfArrowPagesFromTheirBatchesRowCounts() throws Exception {
    ByteBuffer bytes = ByteBuffer.wrap(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f});
    TRowSet rowSet =
        new TRowSet(0, new ArrayList<>())
            .setArrowBatches(
                List.of(
                    new TSparkArrowBatch(bytes, 10_000),
                    new TSparkArrowBatch(bytes, 0),
                    new TSparkArrowBatch(bytes, 2_345)));
    TFetchResultsResp page =
        new TFetchResultsResp(Statuses.success()).setHasMoreRows(true).setResults(rowSet);
    TFetchResultsResp empty =
        new TFetchResultsResp(Statuses.success())
            .setResults(new TRowSet(0, new ArrayList<>()).setArrowBatches(new ArrayList<>()));

    assertThat(ResultPageSize.ofEncoded(encoded(page))).isEqualTo(new ResultPageSize(12_345, true));
    assertThat(ResultPageSize.of(page)).isEqualTo(new ResultPageSize(12_345, true));
    assertThat(ResultPageSize.ofEncoded(encoded(empty))).isEqualTo(new ResultPageSize(0, false));
  }

  @Test
  void anErrorOrGarbageCountsNothing() throws Exception {
    TFetchResultsResp error = new TFetchResultsResp(Statuses.error("gone", "HY010"));
    assertThat(ResultPageSize.ofEncoded(encoded(error))).isEqualTo(ResultPageSize.EMPTY);
    assertThat(ResultPageSize.ofEncoded(new byte[] {1, 2, 3})).isEqualTo(ResultPageSize.EMPTY);
    assertThat(ResultPageSize.ofEncoded(new byte[0])).isEqualTo(ResultPageSize.EMPTY);
  }
}
