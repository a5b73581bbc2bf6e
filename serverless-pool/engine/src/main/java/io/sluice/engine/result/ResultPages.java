package io.sluice.engine.result;

import io.sluice.protocol.thrift.TRowSet;
import io.sluice.protocol.thrift.TTableSchema;

/** A finished operation's complete result, served page by page. */
public interface ResultPages {

  /** The result's schema as GetResultSetMetadata returns it. */
  TTableSchema tableSchema();

  /** The total number of rows. */
  int rowCount();

  /** The columnar page of rows {@code [from, to)}, {@code startRowOffset = from}. */
  TRowSet page(int from, int to);
}
