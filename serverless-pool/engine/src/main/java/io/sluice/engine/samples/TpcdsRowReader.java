package io.sluice.engine.samples;

import io.trino.tpcds.Results;
import io.trino.tpcds.Session;
import io.trino.tpcds.Table;
import io.trino.tpcds.column.Column;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.read.PartitionReader;

/** Generates one split's rows and converts the requested columns. */
final class TpcdsRowReader implements PartitionReader<InternalRow> {
  private final Column[] columns;
  private final Iterator<List<List<String>>> rows;
  private InternalRow current;

  TpcdsRowReader(TpcdsSplit split, int[] columnPositions) {
    Table table = Table.getTable(split.tableName());
    Column[] all = table.getColumns();
    this.columns = new Column[columnPositions.length];
    for (int index = 0; index < columnPositions.length; index++) {
      columns[index] = all[columnPositions[index]];
    }
    Session session =
        Session.getDefaultSession()
            .withScale(split.scale())
            .withTable(table)
            .withParallelism(split.chunkCount())
            .withChunkNumber(split.chunk());
    this.rows = Results.constructResults(table, session).iterator();
  }

  @Override
  public boolean next() {
    if (!rows.hasNext()) {
      return false;
    }
    List<String> row = rows.next().get(0);
    Object[] values = new Object[columns.length];
    for (int index = 0; index < columns.length; index++) {
      Column column = columns[index];
      values[index] = TpcdsColumns.value(column.getType(), row.get(column.getPosition()));
    }
    current = new GenericInternalRow(values);
    return true;
  }

  @Override
  public InternalRow get() {
    return current;
  }

  @Override
  public void close() {}
}
