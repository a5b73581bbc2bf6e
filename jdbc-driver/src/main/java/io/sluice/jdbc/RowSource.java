package io.sluice.jdbc;

import io.sluice.jdbc.client.Column;
import java.sql.SQLException;
import java.util.List;

/** Where a result set's rows come from: the server, page by page, or a list made by the driver. */
interface RowSource extends AutoCloseable {
  List<Column> columns();

  /** Moves to the next row; false after the last. */
  boolean next() throws SQLException;

  /** The current row's value in {@code column} (0-based) as the server sent it, or null. */
  Object value(int column);

  @Override
  void close() throws SQLException;
}
