package io.sluice.tpcds;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement's whole answer, with values reduced to comparable Java types: integers as {@code
 * Long}, floating point as {@code Double}, decimals as {@code BigDecimal}, everything else (dates,
 * text) as its text.
 */
public record QueryResult(List<String> columnNames, List<List<Object>> rows) {
  public QueryResult {
    columnNames = List.copyOf(columnNames);
    rows = List.copyOf(rows);
  }

  public static QueryResult read(ResultSet resultSet) throws SQLException {
    ResultSetMetaData metadata = resultSet.getMetaData();
    int columns = metadata.getColumnCount();
    List<String> names = new ArrayList<>(columns);
    for (int column = 1; column <= columns; column++) {
      names.add(metadata.getColumnLabel(column));
    }
    List<List<Object>> rows = new ArrayList<>();
    while (resultSet.next()) {
      List<Object> row = new ArrayList<>(columns);
      for (int column = 1; column <= columns; column++) {
        row.add(comparable(resultSet.getObject(column)));
      }
      rows.add(row);
    }
    return new QueryResult(names, rows);
  }

  static Object comparable(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Byte
        || value instanceof Short
        || value instanceof Integer
        || value instanceof Long) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float || value instanceof Double) {
      return ((Number) value).doubleValue();
    }
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    return value.toString();
  }
}
