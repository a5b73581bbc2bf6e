package io.sluice.engine.result;

import io.sluice.protocol.thrift.TGetResultSetMetadataResp;
import io.sluice.protocol.thrift.TRowSet;
import io.sluice.protocol.thrift.TSparkRowSetType;
import io.sluice.protocol.thrift.TTableSchema;

/** A finished operation's complete result, served page by page. */
public interface ResultPages {

  /** The result's schema as GetResultSetMetadata returns it. */
  TTableSchema tableSchema();

  /** The total number of rows. */
  int rowCount();

  /**
   * Adds the result's format to GetResultSetMetadata. Columnar results name their format only to
   * clients speaking a Databricks protocol version, which require it.
   */
  default void describeFormat(TGetResultSetMetadataResp metadata, boolean databricksProtocol) {
    if (databricksProtocol) {
      metadata.setResultFormat(TSparkRowSetType.COLUMN_BASED_SET);
    }
  }

  /** The page of rows {@code [from, to)}, {@code startRowOffset = from}. */
  TRowSet page(int from, int to);
}
