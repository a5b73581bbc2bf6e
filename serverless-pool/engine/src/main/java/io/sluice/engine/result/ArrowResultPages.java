package io.sluice.engine.result;

import io.sluice.protocol.rowset.ResultSchema;
import io.sluice.protocol.thrift.TGetResultSetMetadataResp;
import io.sluice.protocol.thrift.TRowSet;
import io.sluice.protocol.thrift.TSparkArrowBatch;
import io.sluice.protocol.thrift.TSparkRowSetType;
import io.sluice.protocol.thrift.TTableSchema;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A statement result as Arrow IPC record-batch messages, served whole batches at a time in the
 * Databricks {@code arrowBatches} field of a row set. A page holds exactly the rows asked for, as a
 * columnar page does: batches that lie wholly inside it are sent as Spark wrote them, and a batch
 * that a page boundary cuts is sliced into a new batch. Empty batches are dropped.
 */
public final class ArrowResultPages implements ResultPages {
  private final TTableSchema tableSchema;
  private final Schema arrowSchema;
  private final byte[] encodedArrowSchema;
  private final List<byte[]> batches;
  private final int[] batchStarts;
  private final int rowCount;

  /**
   * @param arrowSchema the schema Spark wrote the batches with
   * @param batches encapsulated IPC record-batch messages, in result order
   * @param batchRows the number of rows in each batch
   */
  public ArrowResultPages(
      ResultSchema schema, Schema arrowSchema, List<byte[]> batches, int[] batchRows) {
    if (batches.size() != batchRows.length) {
      throw new IllegalArgumentException("Every batch needs its row count");
    }
    this.tableSchema = schema.toTableSchema();
    this.arrowSchema = arrowSchema;
    this.encodedArrowSchema = ArrowBatches.encode(arrowSchema);
    this.batches = new ArrayList<>(batches.size());
    List<Integer> starts = new ArrayList<>(batches.size() + 1);
    int rows = 0;
    for (int batch = 0; batch < batchRows.length; batch++) {
      if (batchRows[batch] > 0) {
        this.batches.add(batches.get(batch));
        starts.add(rows);
        rows = Math.addExact(rows, batchRows[batch]);
      }
    }
    starts.add(rows);
    this.batchStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    this.rowCount = rows;
  }

  @Override
  public TTableSchema tableSchema() {
    return tableSchema;
  }

  @Override
  public int rowCount() {
    return rowCount;
  }

  @Override
  public void describeFormat(TGetResultSetMetadataResp metadata, boolean databricksProtocol) {
    metadata
        .setResultFormat(TSparkRowSetType.ARROW_BASED_SET)
        .setLz4Compressed(false)
        .setArrowSchema(encodedArrowSchema);
  }

  @Override
  public TRowSet page(int from, int to) {
    List<TSparkArrowBatch> page = new ArrayList<>();
    int batch = from < rowCount ? batchAt(from) : batches.size();
    for (; batch < batches.size() && batchStarts[batch] < to; batch++) {
      int start = Math.max(from, batchStarts[batch]);
      int end = Math.min(to, batchStarts[batch + 1]);
      byte[] bytes =
          start == batchStarts[batch] && end == batchStarts[batch + 1]
              ? batches.get(batch)
              : ArrowBatches.slice(
                  arrowSchema, batches.get(batch), start - batchStarts[batch], end - start);
      page.add(new TSparkArrowBatch(ByteBuffer.wrap(bytes), end - start));
    }
    TRowSet rowSet = new TRowSet(from, new ArrayList<>(0));
    rowSet.setArrowBatches(page);
    return rowSet;
  }

  /** The batch holding row {@code row} (empty batches were dropped, so starts are distinct). */
  private int batchAt(int row) {
    int found = Arrays.binarySearch(batchStarts, row);
    return found >= 0 ? found : -found - 2;
  }
}
