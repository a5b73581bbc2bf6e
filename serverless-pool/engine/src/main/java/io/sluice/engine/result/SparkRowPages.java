package io.sluice.engine.result;

import io.sluice.protocol.rowset.ResultSchema;
import io.sluice.protocol.thrift.TColumn;
import io.sluice.protocol.thrift.TRowSet;
import io.sluice.protocol.thrift.TTableSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A statement result collected on the driver, as Spark's Thrift server does without incremental
 * collect, converted to Thrift columns one page at a time. Its schema numbers columns from 0, like
 * Spark's Thrift server.
 */
public final class SparkRowPages implements ResultPages {
  private final List<Row> rows;
  private final TTableSchema tableSchema;
  private final List<SparkColumnWriter> writers;
  private final HiveStringFormatter formatter;

  /**
   * @param schema the statement's result schema (see {@link SparkResultSchemas#effectiveSchema})
   * @param formatter created on a thread where the statement's session was active
   */
  public SparkRowPages(List<Row> rows, StructType schema, HiveStringFormatter formatter) {
    this.rows = rows;
    ResultSchema description = SparkResultSchemas.describe(schema);
    this.tableSchema = description.toTableSchema();
    this.formatter = formatter;
    StructField[] fields = schema.fields();
    this.writers = new ArrayList<>(fields.length);
    for (int ordinal = 0; ordinal < fields.length; ordinal++) {
      writers.add(new SparkColumnWriter(ordinal, fields[ordinal].dataType()));
    }
  }

  @Override
  public TTableSchema tableSchema() {
    return tableSchema;
  }

  @Override
  public int rowCount() {
    return rows.size();
  }

  @Override
  public TRowSet page(int from, int to) {
    List<TColumn> columns = new ArrayList<>(writers.size());
    for (SparkColumnWriter writer : writers) {
      columns.add(writer.write(rows, from, to, formatter));
    }
    TRowSet rowSet = new TRowSet(from, new ArrayList<>(0));
    rowSet.setColumns(columns);
    return rowSet;
  }
}
