package io.sluice.jdbc;

import io.sluice.jdbc.client.Column;
import java.util.List;

/** Rows the driver made itself (empty metadata results, client info properties). */
final class ListRows implements RowSource {
  private final List<Column> columns;
  private final List<List<Object>> rows;
  private int position = -1;

  ListRows(List<Column> columns, List<List<Object>> rows) {
    this.columns = List.copyOf(columns);
    this.rows = rows;
  }

  @Override
  public List<Column> columns() {
    return columns;
  }

  @Override
  public boolean next() {
    if (position < rows.size()) {
      position++;
    }
    return position < rows.size();
  }

  @Override
  public Object value(int column) {
    return rows.get(position).get(column);
  }

  @Override
  public void close() {}
}
