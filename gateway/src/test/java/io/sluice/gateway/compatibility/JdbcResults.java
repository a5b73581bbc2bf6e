package io.sluice.gateway.compatibility;

import io.sluice.gateway.compatibility.BaseCompatibilityTest.QueryResult;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Reads a whole JDBC result set as the driver's own objects ({@code getObject}). */
final class JdbcResults {
  private JdbcResults() {}

  static QueryResult read(ResultSet resultSet) throws SQLException {
    ResultSetMetaData metaData = resultSet.getMetaData();
    int columnCount = metaData.getColumnCount();
    List<String> names = new ArrayList<>(columnCount);
    for (int column = 1; column <= columnCount; column++) {
      String label = metaData.getColumnLabel(column);
      // Hive JDBC may prefix labels with the table name.
      names.add(label.substring(label.lastIndexOf('.') + 1));
    }
    List<List<Object>> rows = new ArrayList<>();
    while (resultSet.next()) {
      List<Object> row = new ArrayList<>(columnCount);
      for (int column = 1; column <= columnCount; column++) {
        row.add(resultSet.getObject(column));
      }
      rows.add(Collections.unmodifiableList(row));
    }
    return new QueryResult(names, rows, Optional.empty());
  }
}
