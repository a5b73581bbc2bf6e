package io.sluice.engine.result;

import io.sluice.protocol.rowset.ResultSchema;
import io.sluice.protocol.rowset.RowSetBuilder;
import io.sluice.protocol.thrift.TRowSet;
import io.sluice.protocol.thrift.TTableSchema;
import java.util.List;

/**
 * A small result held as Java rows, such as a metadata listing. Its schema numbers columns from 1,
 * as Hive's metadata schemas (which Spark's Thrift server reuses) do.
 */
public final class ObjectRowPages implements ResultPages {
  private final ResultSchema schema;
  private final List<Object[]> rows;

  public ObjectRowPages(ResultSchema schema, List<Object[]> rows) {
    this.schema = schema;
    this.rows = List.copyOf(rows);
  }

  @Override
  public TTableSchema tableSchema() {
    return schema.toTableSchema();
  }

  @Override
  public int rowCount() {
    return rows.size();
  }

  @Override
  public TRowSet page(int from, int to) {
    return RowSetBuilder.page(schema, rows, from, to);
  }
}
