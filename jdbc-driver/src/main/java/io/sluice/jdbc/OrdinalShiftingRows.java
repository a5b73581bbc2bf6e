package io.sluice.jdbc;

import io.sluice.jdbc.client.Column;
import java.sql.SQLException;
import java.util.List;

/** Adds 1 to a 0-based position column, turning it into JDBC's 1-based one. */
final class OrdinalShiftingRows implements RowSource {
  private final RowSource rows;
  private final int shiftedColumn;

  OrdinalShiftingRows(RowSource rows, String columnName) {
    this.rows = rows;
    List<Column> columns = rows.columns();
    int found = -1;
    for (int index = 0; index < columns.size(); index++) {
      if (columns.get(index).name().equalsIgnoreCase(columnName)) {
        found = index;
      }
    }
    this.shiftedColumn = found;
  }

  @Override
  public List<Column> columns() {
    return rows.columns();
  }

  @Override
  public boolean next() throws SQLException {
    return rows.next();
  }

  @Override
  public Object value(int column) {
    Object value = rows.value(column);
    if (column == shiftedColumn && value instanceof Number number) {
      return number.intValue() + 1;
    }
    return value;
  }

  @Override
  public void close() throws SQLException {
    rows.close();
  }
}
