package io.sluice.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * An ARRAY value, its elements read from the server's JSON text (numbers, strings, lists, maps).
 */
final class SluiceArray implements Array {
  private final List<Object> elements;

  SluiceArray(List<?> elements) {
    this.elements = Collections.unmodifiableList(new ArrayList<>(elements));
  }

  List<Object> elements() {
    return elements;
  }

  @Override
  public String getBaseTypeName() {
    return "JAVA_OBJECT";
  }

  @Override
  public int getBaseType() {
    return Types.JAVA_OBJECT;
  }

  @Override
  public Object getArray() {
    return elements.toArray();
  }

  @Override
  public Object getArray(Map<String, Class<?>> map) throws SQLException {
    throw new SQLFeatureNotSupportedException("Type maps are not supported");
  }

  @Override
  public Object getArray(long index, int count) throws SQLException {
    return slice(index, count).toArray();
  }

  @Override
  public Object getArray(long index, int count, Map<String, Class<?>> map) throws SQLException {
    throw new SQLFeatureNotSupportedException("Type maps are not supported");
  }

  @Override
  public ResultSet getResultSet() throws SQLException {
    throw new SQLFeatureNotSupportedException("Array.getResultSet is not supported");
  }

  @Override
  public ResultSet getResultSet(Map<String, Class<?>> map) throws SQLException {
    throw new SQLFeatureNotSupportedException("Array.getResultSet is not supported");
  }

  @Override
  public ResultSet getResultSet(long index, int count) throws SQLException {
    throw new SQLFeatureNotSupportedException("Array.getResultSet is not supported");
  }

  @Override
  public ResultSet getResultSet(long index, int count, Map<String, Class<?>> map)
      throws SQLException {
    throw new SQLFeatureNotSupportedException("Array.getResultSet is not supported");
  }

  @Override
  public void free() {}

  private List<Object> slice(long index, int count) throws SQLException {
    if (index < 1 || count < 0 || index - 1 + count > elements.size()) {
      throw new SQLException(
          "Array slice " + index + "+" + count + " is outside 1.." + elements.size(), "2202E");
    }
    return elements.subList((int) index - 1, (int) index - 1 + count);
  }

  @Override
  public String toString() {
    return elements.toString();
  }
}
